"""What a long solve reports while it runs, and the clock it runs on.

One :class:`Run` per solve: it starts the wall clock when the user starts
waiting, names the phase the solve is in (finding candidates, the greedy
baseline, building the model, completing the warm start, the search,
decoding, staffing), keeps the best plan's numbers, and turns Ctrl-C into
"stop and keep the best plan so far" for as long as it catches it. A
ticker reports the phase and the wall-clock time every second, so that
the user sees from the first second what the solver is doing.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType

# The phases of a solve, in order (Progress.phase).
PHASES = (
    "candidates",
    "greedy",
    "model",
    "warm_start",
    "search",
    "decode",
    "staffing",
)

# Seconds between two reports of a phase that found nothing new.
TICK_SECONDS = 1.0


@dataclass(frozen=True)
class Progress:
    """The state of the solve at a report.

    ``objective`` and ``bound`` are in the scenario's units (weights as
    written, not scaled), ``None`` before a plan (a bound) is known;
    ``gap`` is ``|objective - bound| / max(1, |objective|)`` when both
    are; ``elapsed`` is wall-clock seconds since the solve started;
    ``solutions`` counts the improving plans so far (the greedy plan is
    the first); ``phase`` is one of :data:`PHASES`; ``source`` says whose
    plan ``objective`` is (``greedy`` or ``cpsat``).
    """

    objective: float | None
    bound: float | None
    gap: float | None
    elapsed: float
    solutions: int
    phase: str = "search"
    source: str = "cpsat"


def relative_gap(objective: float, bound: float) -> float:
    """``|objective - bound| / max(1, |objective|)``.

    Raises
    ------
    TypeError
        If either value is not a number.
    """
    return abs(objective - bound) / max(1.0, abs(objective))


@dataclass(frozen=True)
class Share:
    """What the rest of a larger plan adds to the objective and to the
    bound that one part of it reports (a block's, :mod:`orgplan.
    optimize.blocks`). ``bound`` is ``None`` while another part has no
    bound yet: one part's bound is then no bound of the whole plan."""

    objective: float = 0.0
    bound: float | None = 0.0

    def bound_of(self, value: float) -> float | None:
        """The whole plan's bound when this part's is ``value``."""
        return None if self.bound is None else self.bound + value


class Run:
    """The wall clock, phase, best plan and Ctrl-C state of one solve.

    Parameters
    ----------
    time_limit
        Wall-clock seconds the whole solve may take.
    progress
        Called with each report, from whichever thread makes it (the
        ticker, CP-SAT's search thread or the caller's); an exception it
        raises stops the solve and is raised again by :meth:`check`.
    """

    def __init__(
        self,
        time_limit: float,
        progress: Callable[[Progress], None] | None = None,
    ) -> None:
        self.start = time.perf_counter()
        self.limit = time_limit
        self.progress = progress
        self.phase = PHASES[0]
        self.stopped = threading.Event()
        self.objective: float | None = None
        self.bound: float | None = None
        self.source = "cpsat"
        self.solutions = 0
        self.error: BaseException | None = None
        self._lock = threading.RLock()
        self._last = 0.0

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def left(self) -> float:
        """Wall-clock seconds left of the time limit (0 when stopped)."""
        if self.stopped.is_set():
            return 0.0
        return max(0.0, self.limit - self.elapsed())

    def enter(self, phase: str) -> None:
        """Start ``phase`` and say so."""
        self.phase = phase
        self.report()

    def found(
        self, objective: float, bound: float | None, source: str
    ) -> None:
        """A plan better than any so far (``bound`` when one is known)."""
        with self._lock:
            if self.objective is not None and objective >= self.objective:
                if bound is not None:
                    self.bounded(bound)
                return
            self.objective, self.source = objective, source
            if bound is not None:
                self.bounded(bound)
            self.solutions += 1
        self.report()

    def bounded(self, bound: float) -> None:
        """A lower bound on every plan's objective (the best one kept)."""
        with self._lock:
            if self.bound is None or bound > self.bound:
                self.bound = bound

    def report(self) -> None:
        """Tell the caller the phase, the best plan and the bound."""
        if self.progress is None:
            return
        with self._lock:
            self._last = time.perf_counter()
            objective, bound = self.objective, self.bound
            if objective is not None and bound is not None:
                bound = min(bound, objective)
            gap = (
                relative_gap(objective, bound)
                if objective is not None and bound is not None
                else None
            )
            try:
                self.progress(
                    Progress(
                        objective=objective,
                        bound=bound,
                        gap=gap,
                        elapsed=self.elapsed(),
                        solutions=self.solutions,
                        phase=self.phase,
                        source=self.source,
                    )
                )
            except BaseException as error:  # raised again by check()
                self.error = error
                self.interrupt()

    def check(self) -> None:
        """Raise what the progress callback raised, in the caller."""
        if self.error is not None:
            raise self.error

    def interrupt(self) -> None:
        """Stop: every phase ends as soon as it can with what it has (the
        search polls :attr:`stopped`)."""
        self.stopped.set()

    @contextlib.contextmanager
    def ticking(self) -> Iterator[None]:
        """Report the phase every :data:`TICK_SECONDS` inside the block."""
        done = threading.Event()

        def tick() -> None:
            while not done.wait(TICK_SECONDS / 4):
                if time.perf_counter() - self._last >= TICK_SECONDS:
                    self.report()

        thread = threading.Thread(target=tick, name="progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()

    @contextlib.contextmanager
    def catching_ctrl_c(self) -> Iterator[None]:
        """Ctrl-C (SIGINT) interrupts the run instead of raising.

        The previous handler is restored afterwards. Outside the main
        thread, where Python cannot install handlers, nothing changes.
        """
        with on_ctrl_c(self.interrupt):
            yield


@contextlib.contextmanager
def on_ctrl_c(stop: Callable[[], None]) -> Iterator[threading.Event]:
    """Call ``stop`` on Ctrl-C (SIGINT) until the block ends.

    The previous handler is restored afterwards. Outside the main thread,
    where Python cannot install handlers, nothing is installed. The event
    yielded is set once Ctrl-C was pressed.
    """
    pressed = threading.Event()

    def interrupt(signum: int, frame: FrameType | None) -> None:
        pressed.set()
        stop()

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, interrupt) if in_main else None
    try:
        yield pressed
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
