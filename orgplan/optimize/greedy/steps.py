"""The greedy's steps: measure each possible step, take the best one.

:class:`_Steps` is the search half of :class:`~orgplan.optimize.greedy.
live._Live` (which keeps the organisation after the steps as running
totals): it ranks the steps in a heap, measures a step by taking it and
undoing it from the change log, and takes the best one while one helps.
It stops, with every step taken so far complete, when the search's
``stop`` says so (the time limit).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from orgplan.optimize.greedy.search import _Draft

if TYPE_CHECKING:
    from orgplan.optimize.greedy.search import _Search

# How a step ranks in the heap, from its (shortfall, objective) effect
# and its similarity; lower ranks first.
_Rank = Callable[[tuple[float, float], float], tuple[float, ...]]

_MISSING = object()


class _Steps:
    """The step search over the state of a :class:`_Live`."""

    s: _Search
    alive: dict[str, bool]
    size: dict[str, int]
    receiver: dict[str, bool]
    groups: dict[str, tuple[str, ...]]
    folds: list[tuple[str, str]]
    units: dict[str, Any]
    log: list[tuple[dict[str, object], str, object]] | None
    rank: _Rank

    if TYPE_CHECKING:
        # Defined by _Live.
        def value(self) -> tuple[float, float]: ...

        def _fold(self, unit: str, parent: str) -> None: ...

        def _merge(
            self, head: str, other: str, joined: tuple[str, ...]
        ) -> None: ...

    def draft(self) -> _Draft:
        groups = tuple(
            g
            for h, g in self.groups.items()
            if self.alive[h] and g is not None
        )
        return _Draft(groups=groups, folds=tuple(self.folds))

    def run(self, folds_only: bool) -> None:
        """Take the best step while one helps (see the class docstring).

        When the heap runs dry, every step is measured afresh once more:
        a key measured before other steps were taken may hide a step
        that helps now.
        """
        while self._pass(folds_only):
            pass

    def _pass(self, folds_only: bool) -> bool:
        """Measure every step, then take steps; whether any was taken."""
        self.heap: list[tuple[Any, ...]] = []
        self.seq = 0
        self.latest: dict[tuple[str, str, str], int] = {}
        self.base = self.value()
        for uid in self.s.order:
            if self.s.expired():
                return False
            if uid in self.s.free and self.alive[uid]:
                self._push_fold(uid)
                if not folds_only:
                    self._push_merges(uid, later_only=True)
        taken = False
        while self.heap:
            if self.s.expired():
                return False
            *_, what, a, b, seq, effect = heapq.heappop(self.heap)
            if self.latest.get((what, a, b)) != seq:
                continue
            step = self._step(what, a, b)
            if step is None:
                continue
            fresh = self._trial(step)
            if fresh != effect:
                self._push(step, fresh)
                continue
            # Only a step that brings the targets closer, or keeps them
            # and lowers the objective.
            if fresh >= (0.0, 0.0):
                break
            self._take(step)
            taken = True
            self.base = self.value()
            rep = step[2][0] if step[0] == "merge" else step[2][1]
            if not folds_only:
                self._push_merges(rep)
        return taken

    def _step(
        self, what: str, a: str, b: str
    ) -> tuple[str, tuple[str, str], tuple[str, ...]] | None:
        """The step on ``a`` and ``b`` if the rules still allow it."""
        s = self.s
        if not (self.alive[a] and self.alive[b]):
            return None
        if what == "fold":
            if self.size[a] > 1 or self.receiver.get(a):
                return None
            if s._apart(self._home(a), self._home(b)):
                return None
            return ("fold", (a, b), (a, b))
        receivers = {p for p, r in self.receiver.items() if r}
        joined = s._join(
            self.groups.get(a) or (a,), self.groups.get(b) or (b,), receivers
        )
        if joined is None or s._apart(self._home(a), self._home(b)):
            return None
        return ("merge", (a, b), joined)

    def _home(self, uid: str) -> set[str]:
        if not self.s.apart:
            return set()
        return self.s._home_of(self.draft(), uid)

    def _trial(
        self, step: tuple[str, tuple[str, str], tuple[str, ...]]
    ) -> tuple[float, float]:
        self.log = []
        folds = len(self.folds)
        self._take(step)
        short, objective = self.value()
        for table, key, old in reversed(self.log):
            if old is _MISSING:
                del table[key]
            else:
                table[key] = old
        del self.folds[folds:]
        self.log = None
        return (
            round(short - self.base[0], 9),
            round(objective - self.base[1], 9),
        )

    def _take(
        self, step: tuple[str, tuple[str, str], tuple[str, ...]]
    ) -> None:
        what, (a, b), joined = step
        if what == "fold":
            self._fold(a, b)
        else:
            self._merge(a, b, joined)

    def _push(
        self,
        step: tuple[str, tuple[str, str], tuple[str, ...]],
        effect: tuple[float, float],
    ) -> None:
        what, (a, b), _ = step
        self.seq += 1
        self.latest[what, a, b] = self.seq
        s = self.s
        heapq.heappush(
            self.heap,
            (
                *self.rank(effect, s._similarity(a, b)),
                s._key(a),
                s._key(b),
                what,
                a,
                b,
                self.seq,
                effect,
            ),
        )

    def _measure_and_push(self, what: str, a: str, b: str) -> None:
        step = self._step(what, a, b)
        if step is not None:
            self._push(step, self._trial(step))

    def _push_fold(self, uid: str) -> None:
        if uid in self.s.foldable:
            parent = self.units[uid].parent
            assert parent is not None  # may_fold asks for a parent
            self._measure_and_push("fold", uid, parent)

    def _push_merges(self, uid: str, later_only: bool = False) -> None:
        if not self.s.scenario.scope.allow_merge:
            return
        key = self.s._key
        for other in sorted(self.s.near[uid], key=key):
            if self.alive[other] and not (
                later_only and key(other) < key(uid)
            ):
                a, b = sorted((uid, other), key=self.s._key)
                self._measure_and_push("merge", a, b)


def _by_effect(effect: tuple[float, float], sim: float) -> tuple[float, ...]:
    """Rank steps by how much they cut the shortfall, then the objective."""
    return (*effect, -sim)


def _similar_first(
    effect: tuple[float, float], sim: float
) -> tuple[float, ...]:
    """While targets are missed, the most similar step that helps; then
    the step that lowers the objective most (the old baseline's order)."""
    short, objective = effect
    if short < 0:
        return (0, -sim, short, objective)
    if short == 0 and objective < 0:
        return (1, objective, -sim)
    return (2, short, objective, -sim)


# Each ordering wins on some organisations: the greedy runs both and
# keeps the better plan.
_RANKINGS: tuple[_Rank, ...] = (_by_effect, _similar_first)
