"""The CP-SAT model of a restructuring (DESIGN section 6).

A p-median style clustering on the candidate graph: ``x[u, r]`` says unit
``u`` joins the group whose representative is ``r`` (``y[r] = x[r, r]``:
``r`` survives), ``f[w]`` folds ``w`` into its parent and ``o[u, k]``
dissolves ``u`` by the ``k``-th split option. Every other quantity (staff
and quota of a group, intermediate units, deputy caps, deputies) is an
exact function of these choices, so the objective terms read off a
solution equal the terms of docs/semantics.md section 6.

Each rule family is one method whose docstring states the rule. Every
constraint a user can relax belongs to a named group; built with
``explain=True`` each group is switched on by its own literal, which
:mod:`orgplan.optimize.explain` passes as assumptions to find a small
conflicting set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from orgplan.graph import metrics
from orgplan.model import Organisation, Unit
from orgplan.optimize.candidates import Candidates
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.caps import (
    average_fraction,
    pooled_caps,
    quota_fraction,
    unit_cap,
)
from orgplan.semantics.staff import civil_servant_count
from orgplan.semantics.targets import cut_limit, unit_limits
from orgplan.semantics.terms import (
    COST_SCALE,
    SCALE,
    STRUCTURAL_TERMS,
    scaled_weight,
)

__all__ = ["COST_SCALE", "NO_CAP", "SCALE", "StructureModel", "build_model"]
# An upper bound no deputy cap reaches; stands for "no cap".
NO_CAP = 10_000

Lit = cp_model.IntVar | int
Expr = cp_model.LinearExprT


@dataclass
class Group:
    """A named constraint group a user can relax."""

    key: str
    words: str
    literal: cp_model.IntVar | None = None


@dataclass
class Leader:
    """The leadership expressions of one movable unit."""

    heads: Expr
    deputies: cp_model.IntVar
    cap: cp_model.IntVar | None
    excess: cp_model.IntVar | None


@dataclass
class StructureModel:
    """The built model and the handles the decoder reads."""

    model: cp_model.CpModel
    x: dict[tuple[str, str], cp_model.IntVar]
    folds: dict[str, cp_model.IntVar]
    splits: dict[tuple[str, int], cp_model.IntVar]
    merged: dict[str, Lit]
    staff: dict[str, Expr]
    quota: dict[str, Expr]
    leaders: dict[str, Leader]
    terms: dict[str, Expr]
    targets: dict[str, tuple[Expr, int, str]]
    groups: dict[str, Group] = field(default_factory=dict)


def build_model(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    *,
    explain: bool = False,
) -> StructureModel:
    """Build the CP-SAT model of ``scenario`` on ``org``.

    Parameters
    ----------
    org, scenario, rulebook
        The problem; never modified.
    cand
        The allowed decisions (:func:`~orgplan.optimize.candidates.
        find_candidates`).
    explain
        Guard every relaxable constraint group by a literal (slower; only
        to explain an infeasible scenario).

    Returns
    -------
    StructureModel
        The model with its variables, term expressions and groups.

    Raises
    ------
    KeyError
        If a unit's kind is missing from the rulebook.
    """
    return _Builder(org, scenario, rulebook, cand, explain).build()


class _Builder:
    def __init__(
        self,
        org: Organisation,
        scenario: Scenario,
        rulebook: Rulebook,
        cand: Candidates,
        explain: bool,
    ) -> None:
        self.org = org
        self.scenario = scenario
        self.rules = rulebook
        self.cand = cand
        self.explain = explain
        self.m = cp_model.CpModel()
        self.movable = set(cand.movable)
        self.groups: dict[str, Group] = {}

    # -- helpers ---------------------------------------------------------

    def require(
        self,
        ct: cp_model.Constraint,
        key: str,
        words: str,
        when: Iterable[Lit] = (),
    ) -> None:
        """Tag ``ct`` with its group; ``when`` are extra conditions."""
        conditions = [c for c in when if not isinstance(c, int)]
        if self.explain:
            group = self.groups.get(key)
            if group is None:
                literal = self.m.new_bool_var(f"assume[{key}]")
                group = self.groups[key] = Group(key, words, literal)
            assert group.literal is not None
            conditions.append(group.literal)
        else:
            self.groups.setdefault(key, Group(key, words))
        if conditions:
            ct.only_enforce_if(conditions)

    def both(self, a: Lit, b: Lit, name: str) -> Lit:
        """An exact literal for ``a and b``."""
        if isinstance(a, int):
            return b if a else 0
        if isinstance(b, int):
            return a if b else 0
        z = self.m.new_bool_var(name)
        self.m.add_bool_and([a, b]).only_enforce_if(z)
        # The linear form too, so that the LP relaxation sees it.
        self.m.add(z >= a + b - 1)
        return z

    def any_of(self, lits: Sequence[Lit], name: str) -> Lit:
        """An exact literal for ``any(lits)``."""
        if any(isinstance(a, int) and a for a in lits):
            return 1
        live = [a for a in lits if not isinstance(a, int)]
        if not live:
            return 0
        if len(live) == 1:
            return live[0]
        z = self.m.new_bool_var(name)
        self.m.add_max_equality(z, live)
        return z

    def at_least(self, expr: Expr, n: int, upper: int, name: str) -> Lit:
        """An exact literal for ``expr >= n`` (``expr`` within 0..upper)."""
        if n <= 0:
            return 1
        if n > upper:
            return 0
        z = self.m.new_bool_var(name)
        self.m.add(expr >= n).only_enforce_if(z)
        self.m.add(expr <= n - 1).only_enforce_if(z.Not())
        return z

    def survives(self, uid: str) -> Lit:
        return self.x[(uid, uid)] if uid in self.movable else 1

    # -- the model -------------------------------------------------------

    def build(self) -> StructureModel:
        self.variables()
        self.partition()
        self.locks()
        self.group_size()
        self.aggregates()
        self.hierarchy()
        self.leadership()
        self.child_rule()
        self.pooled()
        self.min_staff()
        self.must_merge()
        self.must_not_merge()
        terms = self.terms()
        self.targets(terms)
        self.objective(terms)
        return StructureModel(
            model=self.m,
            x=self.x,
            folds=self.f,
            splits=self.o,
            merged=self.merged,
            staff=self.staff,
            quota=self.quota,
            leaders=self.lead,
            terms=terms,
            targets=self.target_exprs,
            groups=self.groups,
        )

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
                m.add_implication(self.f[w], self.x[(parent, parent)])
        for u, options in cand.splits.items():
            for k, option in enumerate(options):
                for part in option.parts:
                    m.add_implication(
                        self.o[(u, k)], self.x[(part.to, part.to)]
                    )

    def locks(self) -> None:
        """Locked units take part in no decision (semantics section 1).

        Only built to explain infeasibility: otherwise locked units are
        not movable at all.
        """
        cand = self.cand
        for uid in sorted(cand.fixed):
            key, words = f"lock.{uid}", f"the lock on {self._name(uid)}"
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
                f"at most {size} units per merged group "
                "(scope.max_group_size)",
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
        for w, parent in cand.folds.items():
            unit = org.unit(w)
            into[parent].append((self.f[w], unit.actual, unit.quota, civil[w]))
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

    def hierarchy(self) -> None:
        """Intermediate units after the plan, and children counts.

        A unit is intermediate when it has a parent and at least one
        child. After the plan, a surviving unit ``v`` has a child when a
        child of ``v`` survives, when a unit merged into ``v`` had a
        surviving child, or when a unit folded into ``v`` had one.
        """
        org, cand = self.org, self.cand
        self.alive_child: dict[str, Lit] = {}
        for unit in org.units:
            kids = org.children(unit.id)
            if kids:
                self.alive_child[unit.id] = self.any_of(
                    [self.survives(c) for c in kids], f"hc[{unit.id}]"
                )
        self.inter: dict[str, Lit] = {}
        for unit in org.units:
            v = unit.id
            if unit.parent is None or v in self.inter:
                continue
            events: list[Lit] = []
            if v in self.alive_child:
                events.append(
                    self.both(self.survives(v), self.alive_child[v], f"i{v}")
                )
            for p in cand.members_of(v) if v in self.movable else ():
                if p in self.alive_child:
                    events.append(
                        self.both(
                            self.x[(p, v)],
                            self.alive_child[p],
                            f"mc[{p},{v}]",
                        )
                    )
            for c in self._folded_into(v):
                if c in self.alive_child:
                    events.append(
                        self.both(self.f[c], self.alive_child[c], f"fc[{c}]")
                    )
            self.inter[v] = self.any_of(events, f"inter[{v}]")

    def children_after(self, v: str) -> Expr:
        """The number of children of ``v`` after the plan."""
        org, cand = self.org, self.cand
        total: Expr = sum(self.survives(c) for c in org.children(v))
        for p in cand.members_of(v) if v in self.movable else ():
            total += sum(
                self.both(self.x[(p, v)], self.survives(c), "")
                for c in org.children(p)
            )
        for c in self._folded_into(v):
            total += sum(
                self.both(self.f[c], self.survives(g), "")
                for g in org.children(c)
            )
        return total

    def leadership(self) -> None:
        """Heads, deputy caps and deputies of every movable unit.

        A merged unit has one head; its deputies are every former head
        and deputy of the members but the new head
        (``leadership.transition: keep``, the excess over the cap listed
        with a deadline) or that number cut to the cap (``cap``). A unit
        not merged keeps its deputies unless the plan lowered its cap
        below them, when they are cut to the cap; a unit above its cap
        before the plan keeps them under ``keep``. No unit keeps more
        deputies than a parent the plan leaves alone. The cap is the
        minimum of the kind's steps (with the merge bonus) and 50% of the
        quota (Decree 370/2025, Conclusion 187-KL/TW; orgplan.caps).
        """
        org, cand, m = self.org, self.cand, self.m
        keep = self.scenario.leadership.transition == "keep"
        self.lead: dict[str, Leader] = {}
        self.bonus: dict[str, Expr] = {}
        # Units that may be cut to their movable parent's deputies: the
        # cut literal and the literals of each parent it may end under.
        self.cut: dict[str, tuple[cp_model.IntVar, list[Lit]]] = {}
        for r in cand.movable:
            unit = org.unit(r)
            y = self.x[(r, r)]
            merged = self.merged[r]
            former: Expr = unit.leaders * y + sum(
                org.unit(u).leaders * self.x[(u, r)]
                for u in cand.members_of(r)
            )
            heads = unit.heads * y + (1 - unit.heads) * merged
            before = former - heads
            most = unit.leaders + sum(
                org.unit(u).leaders for u in cand.members_of(r)
            )
            deputies = m.new_int_var(0, most, f"d[{r}]")
            cap = self._cap(r)
            ceiling = self._parent_deputies(unit)
            if cap is None:
                self._at_most(unit, deputies, before, ceiling)
                self.lead[r] = Leader(heads, deputies, None, None)
                continue
            within = m.new_int_var(0, most, f"dc[{r}]")
            m.add_min_equality(within, [before, cap])
            current = unit_cap(org, r, self.rules).value
            over_before = current is not None and unit.deputies > current
            top: Expr = within
            if (keep and over_before) or self._shields(unit):
                top = before
            elif keep and not isinstance(merged, int):
                top = m.new_int_var(0, most, f"top[{r}]")
                m.add(top == before).only_enforce_if(merged)
                m.add(top == within).only_enforce_if(merged.Not())
            self._at_most(unit, deputies, top, ceiling)
            self._least_deputies(unit, deputies, current, ceiling)
            excess = m.new_int_var(0, most, f"e[{r}]")
            m.add_max_equality(excess, [0, deputies - cap])
            self.lead[r] = Leader(heads, deputies, cap, excess)

    def _parent_deputies(self, unit: Unit) -> int | None:
        """The deputies of a fixed parent, when the child rule binds.

        A unit under a parent the plan does not change keeps no more
        deputies than the parent, as its leaders are cut to it
        (Conclusion 187-KL/TW); a unit already above its parent in the
        input may keep what it has, never more. Movable parents are
        handled by the child rule.
        """
        parent = self.org.unit_by_id.get(unit.parent or "")
        if (
            parent is None
            or parent.id in self.movable
            or not self.rules.child_deputies_le_parent
            or not (self._capped(unit.id) and self._capped(parent.id))
        ):
            return None
        return max(parent.deputies, unit.deputies)

    def _shields(self, unit: Unit) -> bool:
        """Whether cutting ``unit``'s deputies would widen a gap it has.

        A child the plan may not change already has more deputies than
        the unit; cutting the unit to its cap would make that worse, so
        the unit keeps its deputies (its excess listed).
        """
        if not (self.rules.child_deputies_le_parent and self._capped(unit.id)):
            return False
        return any(
            child not in self.movable
            and self._capped(child)
            and self.org.unit(child).deputies > unit.deputies
            for child in self.org.children(unit.id)
        )

    def _least_deputies(
        self,
        unit: Unit,
        deputies: cp_model.IntVar,
        current: int | None,
        ceiling: int | None,
    ) -> None:
        """A redundant bound that tightens the LP relaxation.

        Merges and folds only add staff and quota to a surviving unit, so
        a cap keyed to staff never falls: the unit keeps at least its
        deputies within its cap before the plan.
        """
        kind = self.rules.kind(unit.kind)
        if kind.deputy_basis == "child_units" or current is None:
            return
        least = min(unit.deputies, current)
        if ceiling is not None:
            least = min(least, ceiling)
        if least > 0:
            bound = self.m.add(deputies >= least * self.x[(unit.id, unit.id)])
            if unit.id in self.cut:
                # A unit cut to a parent with fewer deputies (its own parent
                # folded away, say) may fall below what it had.
                bound.only_enforce_if(self.cut[unit.id][0].Not())

    def _at_most(
        self,
        unit: Unit,
        deputies: cp_model.IntVar,
        wanted: Expr,
        ceiling: int | None,
    ) -> None:
        """``deputies = min(wanted, ceiling)``, or its parent's deputies.

        Under a movable parent the ceiling is the parent's deputies after
        the plan, which the child rule knows: here the unit keeps
        ``wanted`` unless it is cut to its parent (``cut`` literal).
        """
        if unit.parent in self.movable and self._child_rule_applies(unit):
            cut = self.m.new_bool_var(f"cut[{unit.id}]")
            self.m.add(deputies <= wanted)
            self.m.add(deputies >= wanted).only_enforce_if(cut.Not())
            self.cut[unit.id] = (cut, [])
        elif ceiling is None:
            self.m.add(deputies == wanted)
        else:
            self.m.add_min_equality(deputies, [wanted, ceiling])

    def _child_rule_applies(self, unit: Unit) -> bool:
        parent = self.org.unit_by_id.get(unit.parent or "")
        return (
            parent is not None
            and self.rules.child_deputies_le_parent
            and self._capped(unit.id)
            and self._capped(parent.id)
        )

    def _cap(self, r: str) -> cp_model.IntVar | None:
        unit = self.org.unit(r)
        kind = self.rules.kind(unit.kind)
        options: list[Expr] = []
        upper = self.upper[r]
        if kind.deputy_steps:
            size: Expr = self.staff[r]
            if kind.deputy_basis == "civil_servants":
                size = self.civil[r]
            elif kind.deputy_basis == "child_units":
                size = self.children_after(r)
                upper = len(self.org.children(r)) + sum(
                    len(self.org.children(u)) for u in self._near(r)
                )
            step: Expr = 0
            previous = 0
            for s in sorted(kind.deputy_steps, key=lambda s: s.min_size):
                reach = self.at_least(size, s.min_size, upper, f"st[{r}]")
                step += (s.cap - previous) * reach
                previous = s.cap
            bonus: Expr = 0
            gained = 0
            for n, extra in sorted(kind.merge_bonus.items()):
                most = 1 + len(self.cand.members_of(r))
                reach = self.at_least(self.count[r], n, most, f"mb[{r}]")
                bonus += (extra - gained) * reach
                gained = extra
            self.bonus[r] = bonus
            options.append(step + bonus)
        frac = quota_fraction(self.rules)
        quota_upper = self.upper[r]
        if quota_upper > 0:
            half = self.m.new_int_var(0, quota_upper, f"half[{r}]")
            q = self.quota[r]
            self.m.add(frac.denominator * half <= frac.numerator * q)
            self.m.add(
                frac.numerator * q
                <= frac.denominator * half + frac.denominator - 1
            )
            has_quota = self.at_least(q, 1, quota_upper, f"qp[{r}]")
            options.append(half + NO_CAP * (1 - has_quota))
        if not options:
            return None
        cap = self.m.new_int_var(0, NO_CAP, f"cap[{r}]")
        self.m.add_min_equality(cap, options)
        return cap

    def child_rule(self) -> None:
        """A unit has no more deputies than its parent after the plan.

        Both kinds must have a per-unit cap (Conclusion 187-KL/TW, Decree
        370/2025). Pairs already above it in the input and left as they
        are stay as they are.
        """
        if not self.rules.child_deputies_le_parent:
            return
        org, cand = self.org, self.cand

        def deputies(uid: str) -> Expr:
            if uid in self.lead:
                return self.lead[uid].deputies
            return org.unit(uid).deputies

        def limit(child: str, parent: str, when: list[Lit]) -> None:
            self.require(
                self.m.add(deputies(child) <= deputies(parent)),
                f"deputy_child.{parent}",
                f"no unit under {self._name(parent)} may have more "
                "deputies than it (Decree 370/2025)",
                when,
            )
            if child in self.cut:
                cut, under = self.cut[child]
                here = self.both(when[0], when[1], f"under[{child}]")
                if not isinstance(here, int):
                    self.m.add(
                        deputies(child) >= deputies(parent)
                    ).only_enforce_if([cut, here])
                    under.append(here)

        for c in org.units:
            p = c.parent
            if p is None or not (c.id in self.movable or p in self.movable):
                continue
            if not (self._capped(c.id) and self._capped(p)):
                continue
            if c.deputies <= org.unit(p).deputies:
                limit(c.id, p, [self.survives(c.id), self.survives(p)])
            elif p in self.lead and c.id not in self.movable:
                # A gap the input has may not widen: the parent keeps its
                # deputies.
                self.require(
                    self.m.add(deputies(p) >= org.unit(p).deputies),
                    f"deputy_child.{p}",
                    f"no unit under {self._name(p)} may have more "
                    "deputies than it (Decree 370/2025)",
                    [self.survives(p)],
                )
            elif c.id in self.lead:
                # Already above its parent: the plan may not add to it.
                self.require(
                    self.m.add(deputies(c.id) <= c.deputies),
                    f"deputy_child.{p}",
                    f"no unit under {self._name(p)} may have more "
                    "deputies than it (Decree 370/2025)",
                    [self.survives(c.id), self.survives(p)],
                )
            for r in cand.reps.get(p, ()):
                limit(c.id, r, [self.survives(c.id), self.x[(p, r)]])
            if c.id in self.f:
                for g in org.children(c.id):
                    if self._capped(g):
                        limit(g, p, [self.f[c.id], self.survives(g)])
        for cut, under in self.cut.values():
            # A unit is cut only to the parent it ends under.
            self.m.add_bool_or([cut.Not(), *under])
        self._fixed_parent_caps()

    def _fixed_parent_caps(self) -> None:
        """A unit outside the scope keeps a cap that covers its deputies.

        Its cap by child units falls when its movable children merge or
        fold away; the plan may not push it below the deputies it has.
        """
        org = self.org
        for unit in org.units:
            if unit.id in self.movable:
                continue
            kind = self.rules.kinds.get(unit.kind)
            if (
                kind is None
                or kind.deputy_basis != "child_units"
                or not kind.deputy_steps
            ):
                continue
            kids = org.children(unit.id)
            if not any(k in self.movable for k in kids):
                continue
            needed = [
                s.min_size for s in kind.deputy_steps if s.cap >= unit.deputies
            ]
            if not needed or (kind.deputy_cap(len(kids)) or 0) < (
                unit.deputies
            ):
                continue
            self.require(
                self.m.add(self.children_after(unit.id) >= min(needed)),
                "deputy_cap",
                f"the deputy cap of {self._name(unit.id)}, which keeps "
                f"{unit.deputies} deputies",
            )

    def pooled(self) -> None:
        """Deputies of a kind average at most ``deputy_average`` per unit.

        Counted within each unit's cap: the excess of a merged unit is
        transitional and listed with its deadline (Decree 107/2020,
        45/2025). Not enforced when the input is already above it.
        """
        org = self.org
        for kind_id, kind in self.rules.kinds.items():
            if kind.deputy_average is None:
                continue
            movable = [
                r for r in self.cand.movable if org.unit(r).kind == kind_id
            ]
            if not movable:
                continue
            if any(
                p.kind == kind_id and p.excess > 0
                for p in pooled_caps(org, self.rules)
            ):
                continue
            fixed = [
                u
                for u in org.units
                if u.kind == kind_id and u.id not in self.movable
            ]
            within = sum(u.deputies for u in fixed) + sum(
                _within_cap(self.lead[r]) for r in movable
            )
            count = len(fixed) + sum(self.x[(r, r)] for r in movable)
            bonus = sum(self.bonus.get(r, 0) for r in movable)
            avg = average_fraction(kind)
            self.require(
                self.m.add(
                    avg.denominator * within
                    <= avg.numerator * count + avg.denominator * bonus
                ),
                f"deputy_pooled.{kind_id}",
                f"on average at most {kind.deputy_average:g} deputies per "
                f"{kind.label_en}",
            )

    def min_staff(self) -> None:
        """Every surviving unit of a kind in scope has its minimum quota.

        An undersized unit must merge, fold or split (Decree 107/2020,
        45/2025, 120/2020).
        """
        small: dict[str, list[str]] = {}
        for r in self.cand.movable:
            unit = self.org.unit(r)
            least = self.rules.kind(unit.kind).min_staff
            if least and unit.quota < least:
                small.setdefault(unit.kind, []).append(
                    f"{r} (quota {unit.quota})"
                )
        for r in self.cand.movable:
            unit = self.org.unit(r)
            kind = self.rules.kind(unit.kind)
            if not kind.min_staff:
                continue
            below = small.get(unit.kind, [])
            self.require(
                self.m.add(self.quota[r] >= kind.min_staff * self.x[(r, r)]),
                f"min_staff.{unit.kind}",
                f"the minimum quota of {kind.min_staff} for a "
                f"{kind.label_en}"
                + (f", which {', '.join(below)} must reach" if below else ""),
            )

    def homes(self, uid: str) -> dict[str, Lit]:
        """Where ``uid`` ends: each unit it may end in, with its literal.

        Its own id while it survives, its group's representative, the
        parent it folds into, or each receiver of a split.
        """
        if uid not in self.movable:
            return {uid: 1}
        found: dict[str, list[Lit]] = {}
        for (u, r), var in self.x.items():
            if u == uid:
                found.setdefault(r, []).append(var)
        if uid in self.f:
            found.setdefault(self.cand.folds[uid], []).append(self.f[uid])
        for k, option in enumerate(self.cand.splits.get(uid, ())):
            for part in option.parts:
                found.setdefault(part.to, []).append(self.o[(uid, k)])
        homes: dict[str, Lit] = {}
        for v, lits in found.items():
            if len(lits) == 1:
                homes[v] = lits[0]
            else:
                # At most one of a unit's fates holds: the sum is 0 or 1.
                end = self.m.new_bool_var(f"end[{uid},{v}]")
                self.m.add(end == sum(lits))
                homes[v] = end
        return homes

    def must_merge(self) -> None:
        """Units of a ``must_merge`` group end in one surviving unit.

        By a merge, or by folds into the same unit or into each other
        (their final homes meet: orgplan.semantics.scope.final_homes).
        """
        for i, group in enumerate(self.scenario.must_merge):
            if not self.movable.intersection(group):
                continue  # another block's, or caught before solving
            key = f"must_merge.{i}"
            words = "the must-merge group " + " + ".join(group)
            first = self.homes(group[0])
            for other in group[1:]:
                second = self.homes(other)
                meet = [
                    self.both(first[v], second[v], f"meet[{v}]")
                    for v in sorted(set(first) & set(second))
                ]
                self.require(self.m.add(sum(meet) >= 1), key, words)

    def must_not_merge(self) -> None:
        """Units of a ``must_not_merge`` pair end in different units."""
        for i, pair in enumerate(self.scenario.must_not_merge):
            key = f"must_not_merge.{i}"
            words = "the must-not-merge pair " + " / ".join(pair)
            for a, b in _pairs(pair):
                first, second = self.homes(a), self.homes(b)
                for v in sorted(set(first) & set(second)):
                    self.require(
                        self.m.add(first[v] + second[v] <= 1), key, words
                    )

    def terms(self) -> dict[str, Expr]:
        """The structural terms of docs/semantics.md section 6."""
        org, cand, rules = self.org, self.cand, self.rules
        movable = [org.unit(u) for u in cand.movable]
        fixed = [u for u in org.units if u.id not in self.movable]
        focal = sum(1 for u in fixed if rules.kinds[u.kind].focal_point) + sum(
            self.x[(u.id, u.id)]
            for u in movable
            if rules.kinds[u.kind].focal_point
        )
        leaders = sum(u.leaders for u in fixed) + sum(
            lead.heads + lead.deputies for lead in self.lead.values()
        )
        layers = sum(self.inter.values())
        imbalance: Expr = sum(
            abs(u.actual - u.quota) for u in fixed if u.id not in self.staff
        )
        for u in org.units:
            if u.id not in self.staff:
                continue
            gap = self.m.new_int_var(0, self.upper[u.id], f"imb[{u.id}]")
            self.m.add_abs_equality(gap, self.staff[u.id] - self.quota[u.id])
            imbalance += gap
        incoherence = sum(
            round(cand.cost[pair] * COST_SCALE) * var
            for pair, var in self.x.items()
            if pair[0] != pair[1]
        ) + sum(
            round(option.incoherence * COST_SCALE) * self.o[(u, k)]
            for u, options in cand.splits.items()
            for k, option in enumerate(options)
        )
        units = len(fixed) + sum(self.x[(u.id, u.id)] for u in movable)
        return {
            "focal_points": focal,
            "leaders": leaders,
            "layers": layers,
            "imbalance": imbalance,
            "incoherence": incoherence,
            "disruption": self._disruption(),
            "units": units,
        }

    def _disruption(self) -> Expr:
        if not self.scenario.weights.disruption:
            return 0
        cand = self.cand
        total: Expr = 0
        receivers = sorted(set(cand.folds.values()) - self.movable)
        for u in (*cand.movable, *receivers):
            # Receiving a split part is not a decision (semantics 1).
            acts: list[Lit] = [self.f[w] for w in self._folded_into(u)]
            if u in self.movable:
                acts += [1 - self.x[(u, u)], self.merged[u]]
            flag = self.m.new_bool_var(f"dis[{u}]")
            for act in acts:
                self.m.add(flag >= act)
            self.m.add(flag <= sum(acts))
            total += flag
        return total

    def targets(self, terms: dict[str, Expr]) -> None:
        """The scenario's targets as hard constraints (semantics 5)."""
        org, scenario, rules = self.org, self.scenario, self.rules
        self.target_exprs: dict[str, tuple[Expr, int, str]] = {}
        for kind_id, n in unit_limits(scenario, rules).items():
            count = sum(
                self.survives(u.id) for u in org.units if u.kind == kind_id
            )
            label = (
                rules.kinds[kind_id].label_en
                if kind_id in rules.kinds
                else kind_id
            )
            words = f"at most {n} units of kind {label} (targets.max_units)"
            key = f"max_units.{kind_id}"
            self.target_exprs[key] = (count, n, words)
            self.require(self.m.add(count <= n), key, words)
        before = metrics(org, rules)
        values = {
            "focal_points": before.focal_points,
            "leaders": before.leaders,
            "units": before.units,
            "layers": before.layers,
        }
        exprs = {
            "focal_points": terms["focal_points"],
            "leaders": terms["leaders"],
            "units": terms["units"],
        }
        for key, fraction in scenario.targets.min_cut.items():
            if key not in values:
                continue
            limit = cut_limit(fraction, values[key])
            words = (
                f"{fraction:.0%} fewer {key.replace('_', ' ')} "
                f"(targets.min_cut.{key}: at most {limit} of "
                f"{values[key]})"
            )
            if key == "layers":
                self.depth_limit(limit, words)
                continue
            self.target_exprs[f"min_cut.{key}"] = (exprs[key], limit, words)
            self.require(
                self.m.add(exprs[key] <= limit), f"min_cut.{key}", words
            )

    def depth_limit(self, limit: int, words: str) -> None:
        """The tree after the plan has at most ``limit`` levels.

        A surviving unit's level is one more than the number of its
        ancestors that are not folded away. A unit under a group member
        hangs under the group's representative after the merge, which
        moves it when the representative sits elsewhere in the tree
        (``merge_within`` other than ``parent``). Merges of several of a
        unit's ancestors at once are each counted alone.
        """
        org, cand = self.org, self.cand
        depth: dict[str, int] = {}
        ancestors: dict[str, list[str]] = {}
        for unit in org.units:
            chain = []
            parent = unit.parent
            while parent is not None and parent in org.unit_by_id:
                chain.append(parent)
                parent = org.unit(parent).parent
            ancestors[unit.id] = chain
            depth[unit.id] = len(chain) + 1

        def level(uid: str) -> Expr:
            return depth[uid] - sum(
                self.f[a] for a in ancestors[uid] if a in self.f
            )

        key = "min_cut.layers"
        for unit in org.units:
            v = unit.id
            if depth[v] > limit:
                self.require(
                    self.m.add(level(v) <= limit),
                    key,
                    words,
                    [self.survives(v)],
                )
            for a in ancestors[v]:
                for r in cand.reps.get(a, ()):
                    if org.unit(r).parent == org.unit(a).parent:
                        continue
                    if depth[v] - depth[a] + depth[r] <= limit:
                        continue
                    self.require(
                        self.m.add(level(v) - level(a) + level(r) <= limit),
                        key,
                        words,
                        [self.survives(v), self.x[(a, r)]],
                    )

    def objective(self, terms: dict[str, Expr]) -> None:
        weights = self.scenario.weights
        total: Expr = 0
        for term in STRUCTURAL_TERMS:
            w = scaled_weight(weights, term)
            # Incoherence costs already carry their own scale.
            scale = 1 if term == "incoherence" else COST_SCALE
            total += w * scale * terms[term]
        self.m.minimize(total)

    # -- lookups ---------------------------------------------------------

    def _folded_into(self, v: str) -> list[str]:
        return [w for w, p in self.cand.folds.items() if p == v]

    def _near(self, r: str) -> tuple[str, ...]:
        return self.cand.members_of(r) + tuple(self._folded_into(r))

    def _capped(self, uid: str) -> bool:
        kind = self.rules.kinds.get(self.org.unit(uid).kind)
        return kind is not None and bool(kind.deputy_steps)

    def _name(self, uid: str) -> str:
        unit = self.org.unit_by_id.get(uid)
        return f"{uid} ({unit.name})" if unit else uid


def _within_cap(lead: Leader) -> Expr:
    if lead.excess is None:
        return lead.deputies
    return lead.deputies - lead.excess


def _pairs(group: Sequence[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
