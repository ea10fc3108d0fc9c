"""Territorial mergers: connected groups and the kind of a new unit.

When the scope merges communes, wards or provinces with their neighbours
(``merge_within: adjacent``), every group of territorial units must be
connected in the locality graph (the rooted flow formulation of Shirabe
2005 as Validi, Buchanan and Lykhovyd 2022 use it, in
:func:`orgplan.territory.contiguity.add_connected_groups`), and a merger
of communes and wards becomes a ward when most of its people lived in
wards or urban places, else a commune (Res. 76/2025/UBTVQH15 forms wards
from urban areas; the share is the rulebook's
``territorial.ward_urban_share``). A unit that does not merge keeps its
kind, as :func:`orgplan.territory.standards.merged_kind` says for the
organisation after. The counts per kind that the targets read
(:meth:`orgplan.optimize.families.targets.Targets.kind_count`) follow.
"""

from __future__ import annotations

from collections.abc import Mapping

from orgplan.optimize.families.base import Base, Expr, Lit
from orgplan.territory.contiguity import add_connected_groups
from orgplan.territory.objective import AREA_SCALE, standard_need
from orgplan.territory.places import (
    Place,
    place_graph,
    places_from_organisation,
    territorial_kinds,
)
from orgplan.territory.plan_terms import (
    GAP_SCALE,
    crosses,
    gap_of_place,
    map_of,
    pair_km,
    territorial_places,
)
from orgplan.territory.standards import (
    LOCAL_KINDS,
    kind_weight,
    province_class,
)


class Territory(Base):
    """Connected territorial groups and the kind of each new unit."""

    territorial_counts: dict[str, Expr]

    def territory(self) -> None:
        """Contiguity and the kind rule for territorial kinds in scope."""
        self.territorial_counts = {}
        scope = self.scenario.scope
        kinds = territorial_kinds(scope)
        if not kinds:
            return
        places = {
            uid: place
            for uid, place in places_from_organisation(self.org, kinds).items()
            if uid in self.movable
        }
        x = {
            (u, r): v
            for (u, r), v in self.x.items()
            if u in places and r in places
        }
        if not x:
            return
        add_connected_groups(
            self.m, x, place_graph(places), max_size=scope.max_group_size
        )
        if set(LOCAL_KINDS) <= set(self.rules.kinds):
            self._kinds_by_rule(places, x)

    def territorial_terms(self) -> dict[str, Expr]:
        """The territorial terms of the objective (semantics section 6,
        :mod:`orgplan.territory.plan_terms`), whatever the scope: over
        every candidate pair of territorial units, exactly the sums the
        plan's terms are, ``compactness`` in 1/KM_SCALE km. Not built (0)
        when the term weighs nothing."""
        places = territorial_places(self.org)
        pairs = [
            (places[u], places[r], v)
            for (u, r), v in self.x.items()
            if u != r and u in places and r in places
        ]
        weights = self.scenario.weights
        return {
            "compactness": sum(pair_km(u, r) * v for u, r, v in pairs)
            if weights.compactness
            else 0,
            "district_crossings": sum(crosses(u, r) * v for u, r, v in pairs)
            if weights.district_crossings
            else 0,
            "standard_gap": self._standard_gap(places)
            if weights.standard_gap
            else 0,
        }

    def _standard_gap(self, places: Mapping[str, Place]) -> Expr:
        """:func:`~orgplan.territory.plan_terms.plan_standard_gap`: the
        groups that merge and the units of a redrawn map kept alone, in
        1/GAP_SCALE per cent."""
        exempt_size = self.rules.territorial.exempt_from_members
        where = province_class(self.org)
        total: Expr = 0
        # Once the plan redraws a map, a unit of it kept alone is one of
        # its units too, judged like the others (the checker lists it).
        redrawn = {
            level: self.any_of(
                [
                    self.merged.get(r, 0)
                    for r, p in places.items()
                    if map_of(p) == level
                ],
                f"redrawn[{level}]",
            )
            for level in {map_of(p) for p in places.values()}
        }
        for r, place in places.items():
            merged = self.merged.get(r, 0)
            wanted = standard_need(place, self.rules, where)
            if wanted is None:
                continue
            own = gap_of_place(place, wanted)
            if own:
                alone = self.x[r, r] - merged if r in self.movable else 1
                kept = self.m.new_bool_var(f"kept_short[{r}]")
                self.m.add(kept >= alone + redrawn[map_of(place)] - 1)
                total += own * kept
            if isinstance(merged, int):
                continue
            pairs = [
                (places[u], v)
                for (u, rr), v in self.x.items()
                if rr == r and u in places
            ]
            exempt = self.m.new_bool_var(f"exempt[{r}]")
            size = sum(v for _, v in pairs)
            self.m.add(size >= exempt_size).only_enforce_if(exempt)
            have = (
                sum(p.population * v for p, v in pairs),
                sum(round(p.area_km2 * AREA_SCALE) * v for p, v in pairs),
            )
            for got, want in zip(have, wanted, strict=True):
                if not want:
                    continue
                most = 100 * GAP_SCALE
                gap = self.m.new_int_var(0, most, f"std_gap[{r}]")
                # want x gap >= most x (want - got), for a merged group
                # that is not exempt: gap_of's ceiling at the minimum (the
                # solver takes the exemption where it holds).
                self.m.add(
                    want * gap >= most * (want * merged - got - want * exempt)
                )
                total += gap
        return total

    def _kinds_by_rule(
        self, places: dict[str, Place], x: dict[tuple[str, str], Lit]
    ) -> None:
        share = round(self.rules.territorial.ward_urban_share * 100)
        local = {u for u, p in places.items() if p.kind in LOCAL_KINDS}
        wards: list[Lit] = []
        for r in sorted(local):
            members = [(u, v) for (u, rr), v in self.x.items() if rr == r]
            # A member without a place (no locality) leaves the group its
            # representative's kind, as merged_kind does.
            other = self.any_of(
                [v for u, v in members if u not in local], f"foreign[{r}]"
            )
            ward = self.m.new_bool_var(f"ward[{r}]")
            alone = places[r].kind == "ward"
            surplus = sum(
                kind_weight(places[u]) * (100 * places[u].urban - share) * v
                for u, v in members
                if u in local
            )
            by_rule = self.both(
                self.merged.get(r, 0),
                1 - other if isinstance(other, int) else other.Not(),
                f"by_rule[{r}]",
            )
            self.m.add_implication(ward, x[r, r])
            if isinstance(by_rule, int):
                # r never merges (no candidate members): it keeps its kind.
                self.m.add(ward == (x[r, r] if alone else 0))
            else:
                self.m.add(surplus >= 0).only_enforce_if([ward, by_rule])
                self.m.add(surplus <= -1).only_enforce_if(
                    [ward.Not(), by_rule]
                )
                # Not merged by rule: the unit keeps its kind.
                self.m.add(ward == int(alone) * x[r, r]).only_enforce_if(
                    by_rule.Not()
                )
            wards.append(ward)
        fixed = [u for u in self.org.units if u.kind in LOCAL_KINDS]
        wards_fixed = sum(
            1 for u in fixed if u.kind == "ward" and u.id not in local
        )
        communes_fixed = sum(
            1 for u in fixed if u.kind == "commune" and u.id not in local
        )
        ward_count = sum(wards) + wards_fixed
        self.territorial_counts = {
            "ward": ward_count,
            "commune": sum(x[r, r] for r in local)
            - sum(wards)
            + communes_fixed,
        }
