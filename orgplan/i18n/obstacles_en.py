"""English words of why units may not merge or fold
(:mod:`orgplan.semantics.scope`, the greedy's groups), part of the
catalogue (:mod:`orgplan.i18n.en`); the checker, the scenario's
validation and an infeasible scenario's conflicts show them.
"""

OBSTACLES: dict[str, str] = {
    "obstacle_kinds": (
        "{unit} (a {kind}) may not merge into {rep} (a {rep_kind})"
    ),
    # scope.merge_within (docs/semantics.md section 1).
    "obstacle_within": (
        "{unit} may not merge into {rep}: the scenario merges only within "
        "one {rule} and they differ in {rule}"
    ),
    "obstacle_adjacent": (
        "{unit} may not merge into {rep}: the scenario merges only within "
        "one adjacent area"
    ),
    "obstacle_rule_parent": "parent",
    "obstacle_rule_locality": "locality",
    "obstacle_rule_sector": "sector",
    # The coherence rule (orgplan.semantics.coherence; semantics section 5).
    "obstacle_unrelated": (
        "{unit} may not merge into {rep}: their work is not related ({why}, "
        "similarity {similarity})"
    ),
    "relation_different_families": "no function or function family in common",
    "relation_different_service": "they provide different types of service",
    "relation_different_support": (
        "a support unit (office, inspectorate, planning-finance) only merges "
        "with one of its own type"
    ),
    "relation_different_sectors": "different sectors",
    "relation_below_min_similarity": (
        "their similarity is below the scenario's minimum"
    ),
    # Folds (semantics section 5).
    "obstacle_fold_kind": "{unit} is folded but a {kind} may not be",
    "obstacle_fold_parent": (
        "{unit} is folded into {into}, which is not its parent ({parent})"
    ),
    "obstacle_no_parent": "none",
    "obstacle_fold_worth": (
        "{unit} is folded but is neither an intermediate unit (it has no "
        "units under it) nor below its kind's minimum staff"
    ),
    # Why units cannot form one group, whoever represents it (the greedy).
    "obstacle_not_a_unit": "{unit} is not a unit",
    "obstacle_not_free": "{unit} is locked or of a kind outside the scope",
    "obstacle_group_size": (
        "more members than scope.max_group_size ({most})"
    ),
    "obstacle_no_merges": "the scenario allows no merges",
    "obstacle_must_not_merge": "it contains a must_not_merge pair",
}
