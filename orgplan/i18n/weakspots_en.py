"""English words of a plan's weak spots (:mod:`orgplan.weakspots`), part
of the catalogue (:mod:`orgplan.i18n.en`). Why two units' work is not
related is worded by ``relation_*`` (:mod:`orgplan.i18n.obstacles_en`).
"""

WEAKSPOTS: dict[str, str] = {
    "weakspot.unrelated_merge": (
        "{member} ({member_staff} staff) is merged into {into} "
        "({into_staff} staff) although their work is not related: {why}."
    ),
    "weakspot.low_similarity": (
        "{member} is merged into {into} with little work in common "
        "(functional similarity {similarity})."
    ),
    "weakspot.below_minimum": (
        "{unit} has a quota of {quota}, below the minimum of {minimum} for "
        "a {kind}."
    ),
    "weakspot.deputies_above_cap": (
        "{unit} has {deputies} deputies, {excess} above its cap of {cap}, "
        "up from {before}."
    ),
    "weakspot.deputies_grow": (
        "Units of kind {kind}: deputies rise from {before} to {after} while "
        "the units fall from {units_before} to {units_after}."
    ),
    "weakspot.large_gap": (
        "The search stopped {gap} from the best bound: a better plan may "
        "exist (give it more time)."
    ),
    "weakspot.duplicate_support": (
        "{unit} keeps {count} {support} ({children}): one should remain."
    ),
    "weakspot.duplicate_name": (
        "{count} units of {parent} share the name {name}: {units}."
    ),
    "weakspot.duplicate_name_input": (
        "{count} units of {parent} already shared the name {name} before "
        "the plan: {units}."
    ),
    "support.office": "offices",
    "support.inspectorate": "inspectorates",
    "support.plan_finance": "planning-finance divisions",
}
