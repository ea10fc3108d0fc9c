"""Partition: each unit has exactly one fate (docs/semantics.md 1).

Survive, join a group, fold into its parent or be split; locks, the
group size, and the staff, quota and civil servants each surviving unit
ends with.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from orgplan.optimize.families.base import Base, Expr, Lit
from orgplan.semantics.coherence import CoherencePolicy, support_type
from orgplan.semantics.staff import civil_servant_count


class Partition(Base):
    """Variables, fates, locks, group size and group aggregates.

    Rules: a unit takes part in at most one decision, a locked unit in none
    (docs/semantics.md section 1); a group has at most
    ``scope.max_group_size`` members (section 5); staff, quota and civil
    servants add up over a group (section 2;
    :func:`orgplan.semantics.staff.civil_servant_count`).
    """

    def variables(self) -> None:
        m, cand = self.m, self.cand
        self.x: dict[tuple[str, str], cp_model.IntVar] = {}
        for u in cand.movable:
            self.x[(u, u)] = m.new_bool_var(f"y[{u}]")
            for r in cand.reps[u]:
                self.x[(u, r)] = m.new_bool_var(f"x[{u},{r}]")
        self.f = {w: m.new_bool_var(f"f[{w}]") for w in cand.folds}
        self.o = {
            (u, k): m.new_bool_var(f"o[{u},{k}]")
            for u, options in cand.splits.items()
            for k in range(len(options))
        }
        self.merged: dict[str, Lit] = {}
        for r in cand.movable:
            joins = [self.x[(u, r)] for u in cand.members_of(r)]
            self.merged[r] = self.any_of(joins, f"merged[{r}]")
        self._landings()
        # Children a split hands to a receiver, by receiver and by child
        # (semantics section 2: each follows its functions).
        self.routed: dict[str, list[tuple[Lit, str]]] = {}
        self.route_of: dict[str, list[tuple[Lit, str]]] = {}
        for u, options in cand.splits.items():
            for k, option in enumerate(options):
                for part in option.parts:
                    for child in part.children:
                        lit = self.o[(u, k)]
                        self.routed.setdefault(part.to, []).append(
                            (lit, child)
                        )
                        self.route_of.setdefault(child, []).append(
                            (lit, part.to)
                        )

    def _landings(self) -> None:
        """Where each folded unit ends: its parent while the parent
        survives, else the group the parent joins (semantics section 1:
        folds apply before merges). ``lands[w]`` and ``landed[v]`` hold
        the literal of each such end, by folded unit and by receiver."""
        self.lands: dict[str, list[tuple[Lit, str]]] = {}
        self.landed: dict[str, list[tuple[Lit, str]]] = {}
        for w, parent in self.cand.folds.items():
            ends: list[tuple[Lit, str]] = [(self.f[w], parent)]
            if parent in self.movable:
                ends = [
                    (
                        self.both(
                            self.f[w], self.x[(parent, h)], f"fl[{w},{h}]"
                        ),
                        h,
                    )
                    for h in (parent, *self.cand.reps[parent])
                ]
            self.lands[w] = ends
            for lit, home in ends:
                self.landed.setdefault(home, []).append((lit, w))

    def partition(self) -> None:
        """Each unit has one fate: survive, join a group, fold or split.

        A group's members join a surviving representative; a fold needs
        its parent to survive; a split hands parts to surviving units
        (docs/semantics.md section 1).
        """
        m, cand = self.m, self.cand
        for u in cand.movable:
            fate = [self.x[(u, r)] for r in (u, *cand.reps[u])]
            if u in self.f:
                fate.append(self.f[u])
            fate += [
                self.o[(u, k)] for k in range(len(cand.splits.get(u, ())))
            ]
            m.add_exactly_one(fate)
            for r in cand.reps[u]:
                m.add_implication(self.x[(u, r)], self.x[(r, r)])
        for w, parent in cand.folds.items():
            if parent in self.movable:
                # The parent survives or joins a group, where what it
                # received goes with it; it neither folds nor splits.
                m.add_bool_or(
                    [self.x[(parent, h)] for h in (parent, *cand.reps[parent])]
                ).only_enforce_if(self.f[w])
        for u, options in cand.splits.items():
            for k, option in enumerate(options):
                for part in option.parts:
                    m.add_implication(
                        self.o[(u, k)], self.x[(part.to, part.to)]
                    )
        # Coherence is pairwise (semantics section 5): two unrelated
        # units never join one representative together.
        for r, pairs in cand.clash.items():
            for a, b in pairs:
                m.add(self.x[(a, r)] + self.x[(b, r)] <= 1)
        self._cousins()

    def _cousins(self) -> None:
        """Children of two parents merge only when the parents end in one
        unit, or a split hands one to where the other's parent ends
        (semantics section 5); support units of one type then must."""
        cand, org = self.cand, self.org
        self.policy = CoherencePolicy.from_scenario(self.scenario, self.rules)
        for a, b, edge in cand.graph.edges(data=True):
            p, q = org.unit(a).parent, org.unit(b).parent
            # Under merge_within other than parent a child may merge
            # wherever the rule allows, moved or not.
            moved = self.scenario.scope.merge_within == "parent" and (
                a in self.route_of or b in self.route_of
            )
            if not (edge.get("cousins") or moved):
                continue
            for u, r in ((a, b), (b, a)):
                if r not in cand.reps[u]:
                    continue
                # Children of a folded unit and of its parent end under
                # one unit when the fold happens (its landings).
                folded = cand.folds.get(p or "") == q or (
                    cand.folds.get(q or "") == p
                )
                if moved or folded:
                    self._same_home(a, b, self.x[(u, r)])
                elif p is not None and q is not None:
                    self._together(p, q, self.x[(u, r)])
            if p != q and (moved or edge.get("cousins")):
                self._consolidate(a, b)

    def _consolidate(self, a: str, b: str) -> None:
        """Two support units of one type (two offices, two inspectorates,
        two planning-finance divisions) whose parents end in one unit do
        not both survive there: they consolidate (or one folds) as part
        of their parents' merge, as in 2025 (semantics section 5)."""
        kind = support_type(self.org.unit(a), self.policy)
        if kind is None or kind != support_type(self.org.unit(b), self.policy):
            return
        ways = [
            self.both(la, lb, f"ph[{a},{b},{h}]")
            for la, h in self._parent_homes(a)
            for lb, g in self._parent_homes(b)
            if h == g
        ]
        parents = self.any_of(ways, f"parents[{a},{b}]")
        if isinstance(parents, int) and not parents:
            return
        apart = self.m.add_bool_or(
            [self.x[(a, a)].Not(), self.x[(b, b)].Not()]
        )
        if not isinstance(parents, int):
            apart.only_enforce_if(parents)

    def _parent_homes(self, child: str) -> list[tuple[Lit, str]]:
        """Where ``child``'s parent ends, each with its literal: the
        parent's group, where it lands when it folds, or the receiver a
        split of it hands ``child`` to."""
        parent = self.org.unit(child).parent
        if parent is None or parent not in self.movable:
            return [(1, parent or "")]
        found: list[tuple[Lit, str]] = [
            (self.x[(parent, h)], h) for h in (parent, *self.cand.reps[parent])
        ]
        return (
            found + self.lands.get(parent, []) + self.route_of.get(child, [])
        )

    def _same_home(self, a: str, b: str, link: Lit) -> None:
        """When ``link`` holds, ``a`` and ``b`` end under one unit."""
        ways = [
            self.both(la, lb, f"home[{a},{b},{h}]")
            for la, h in self._parent_homes(a)
            for lb, g in self._parent_homes(b)
            if h == g
        ]
        if any(isinstance(w, int) and w for w in ways):
            return
        live = [w for w in ways if not isinstance(w, int)]
        self.m.add_bool_or(live).only_enforce_if(link)

    def _together(self, p: str, q: str, link: Lit) -> None:
        """When ``link`` holds, ``p`` and ``q`` end in one group."""
        m, cand = self.m, self.cand
        for unit in (p, q):
            m.add(
                sum(self.x[(unit, h)] for h in (unit, *cand.reps[unit])) == 1
            ).only_enforce_if(link)
        for h in sorted({p, q, *cand.reps[p], *cand.reps[q]}):
            if (p, h) in self.x or (q, h) in self.x:
                m.add(
                    self.x.get((p, h), 0) == self.x.get((q, h), 0)
                ).only_enforce_if(link)

    def locks(self) -> None:
        """Locked units take part in no decision (semantics section 1).

        Only built to explain infeasibility: otherwise locked units are
        not movable at all.
        """
        cand = self.cand
        for uid in sorted(cand.fixed):
            key = f"lock.{uid}"
            words = {"key": "group_lock", "unit": self._name(uid)}
            y = self.x[(uid, uid)]
            self.require(self.m.add(y == 1), key, words)
            joins = [self.x[(u, uid)] for u in cand.members_of(uid)]
            joins += [self.f[w] for w, p in cand.folds.items() if p == uid]
            joins += [
                self.o[(u, k)]
                for u, options in cand.splits.items()
                for k, option in enumerate(options)
                if any(p.to == uid for p in option.parts)
            ]
            if joins:
                self.require(self.m.add(sum(joins) == 0), key, words)

    def group_size(self) -> None:
        """A group has at most ``scope.max_group_size`` members."""
        size = self.scenario.scope.max_group_size
        for r in self.cand.movable:
            members = self.cand.members_of(r)
            if len(members) < size:
                continue
            self.require(
                self.m.add(
                    sum(self.x[(u, r)] for u in members)
                    <= (size - 1) * self.x[(r, r)]
                ),
                "scope.max_group_size",
                {"key": "group_max_size", "n": size},
            )

    def aggregates(self) -> None:
        """Staff, quota, civil servants and members of each group."""
        cand, org = self.cand, self.org
        self.staff: dict[str, Expr] = {}
        self.quota: dict[str, Expr] = {}
        self.civil: dict[str, Expr] = {}
        self.count: dict[str, Expr] = {}
        self.upper: dict[str, int] = {}
        into: dict[str, list[tuple[Lit, int, int, int]]] = {
            r: [] for r in cand.movable
        }
        civil = {u.id: civil_servant_count(u, self.rules) for u in org.units}
        for r in set(cand.folds.values()) - self.movable:
            unit = org.unit(r)
            into[r] = [(1, unit.actual, unit.quota, civil[r])]
        for u in cand.movable:
            unit = org.unit(u)
            for r in (u, *cand.reps[u]):
                into[r].append(
                    (self.x[(u, r)], unit.actual, unit.quota, civil[u])
                )
        for home, landed in self.landed.items():
            for lit, w in landed:
                unit = org.unit(w)
                into[home].append((lit, unit.actual, unit.quota, civil[w]))
        for u, options in cand.splits.items():
            for k, option in enumerate(options):
                for part in option.parts:
                    into[part.to].append(
                        (
                            self.o[(u, k)],
                            part.staff,
                            part.quota,
                            part.civil_servants,
                        )
                    )
        for r, parts in into.items():
            self.staff[r] = sum(v * a for v, a, _, _ in parts)
            self.quota[r] = sum(v * q for v, _, q, _ in parts)
            self.civil[r] = sum(v * c for v, _, _, c in parts)
            self.upper[r] = sum(max(a, q, c) for _, a, q, c in parts)
        for r in cand.movable:
            self.count[r] = self.x[(r, r)] + sum(
                self.x[(u, r)] for u in cand.members_of(r)
            )
