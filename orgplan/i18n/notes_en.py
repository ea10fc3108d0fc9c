"""English words of a plan's notes (staffing, naming), part of the
catalogue (:mod:`orgplan.i18n.en`); notes travel in plan.json as
messages (:func:`orgplan.i18n.message`).
"""

NOTES: dict[str, str] = {
    "note_few": "{items}.",
    "note_few_more": "{items} and {more} more.",
    "note_no_locality": (
        "No transfers to or from units without a known locality: {units}"
    ),
    "note_no_coordinates": (
        "No transfers to or from units without coordinates: {units}"
    ),
    "note_secondment": "Transfers are secondments of {months} months.",
    "note_unfilled_deficit": (
        "Unfilled deficit: {n} units stay {total} staff below quota after "
        "transfers (no surplus staff the transfer rules let reach them): "
        "{units}"
    ),
    "note_unplaced_surplus": (
        "Unplaced surplus: {n} units stay {total} staff above quota "
        "({why}): {units}"
    ),
    "note_separations_off": "separations are off in the scenario",
    "note_few_eligible": "too few staff eligible to move or leave",
    "note_cross_field": (
        "{n} staff move to a unit outside their field: {moves}"
    ),
    "note_posts_lost": (
        "{n} heads and deputies lose their post in this plan; each keeps "
        "salary and position allowance for {months} months (Res. 76/2025 "
        "art. 11)."
    ),
    "note_name_conflict": (
        "names.{unit} ('{name}') is not used: {unit} merges into {into}, "
        "named '{chosen}'"
    ),
    "note_name_stray": (
        "names.{unit} ('{name}') is not used: the merge into {into} holds "
        "{unit} but not {first} nor most of {group}, the units that name "
        "was given for"
    ),
    "note_name_unknown": "names.{unit} names no unit of the data",
    "note_name_unused": (
        "names.{unit} ('{name}') is not used: {unit} does not merge in this "
        "plan"
    ),
    "note_name_duplicate_input": (
        "{units} share the name '{name}' already in the data"
    ),
    "note_name_duplicate": (
        "{unit} would share the name '{name}' with {others}; named '{new}' "
        "instead: give it a name in `names`"
    ),
    # A territorial plan's summary (orgplan.territory.summary).
    "territory_count": "{kind} {n}",
    "territory_summary": (
        "Territorial merger, units after by kind: {counts}; {connected}; "
        "{short} fall short of an area or population standard (listed by "
        "orgplan check)."
    ),
    "territory_connected": "every new unit is connected",
    "territory_disconnected": "{n} new units are not connected",
    "territory_agreement": (
        "Agreement with the real 2025 map: {model}; a naive nearest-seed "
        "grouping of the same count: {baseline}."
    ),
    "territory_ari": "ARI {ari}, {recovered} of {groups} groups recovered",
    # How the optimiser got its plan (orgplan.optimize).
    "note_blocks": "solved in {n} independent blocks",
    "note_dropped": (
        "{targets} checked on the joined plan, which meets it, rather "
        "than in each block"
    ),
    "note_dropped_missed": (
        "the independent blocks' joined plan missed {targets}; solved "
        "again as one model, the blocks' bound kept"
    ),
    "note_budget": (
        "targets split among {n} blocks (decompose: budget): {shares}; "
        "pooled deputy averages per block; bound and gap are relative to "
        "the split"
    ),
    "note_share_cut": "min_cut.{target} {share:.4g} of each block's own",
    "note_share_units": "max_units.{kind} {n} as {shares}",
    "note_none_to_split": "none to split",
    "note_greedy_stopped": (
        "the greedy steps were stopped at the time limit before they ran "
        "out of steps that help"
    ),
    "note_greedy_no_model": (
        "the greedy baseline's plan: CP-SAT's model, on its candidate "
        "graph, has no plan"
    ),
    "note_greedy_fallback": (
        "the greedy baseline's plan: CP-SAT found none better ({why})"
    ),
    "note_ctrl_c": "stopped by Ctrl-C",
    "note_in_time": "in the time it had",
    "note_thinned": (
        "{n} units with many possible partners were offered only their "
        "most similar ones (a sparse candidate graph); bound and gap are "
        "relative to it"
    ),
    "note_highs": (
        "HiGHS on the CP-SAT model as a MIP ({status}; {dropped} "
        "constraints left out of it)"
    ),
    # HiGHS's MIP search beside CP-SAT's (orgplan.optimize.bounds).
    "note_highs_proved": (
        "optimal: HiGHS's MIP bound on the same model proves it, to a "
        "relative 1e-6"
    ),
    "note_highs_bound": "the bound is HiGHS's MIP bound on the same model",
    "note_highs_plan": (
        "the plan is HiGHS's (its MIP search on the same model)"
    ),
}
