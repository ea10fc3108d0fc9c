"""English messages: the catalogue's reference table.

Every key here has a Vietnamese twin in :mod:`orgplan.i18n.vi` (a test
checks both ways, and that the ``{fields}`` agree). Add a message by
adding its key to both tables.
"""

from orgplan.i18n.checks_en import CHECKS
from orgplan.i18n.errors_en import ERRORS
from orgplan.i18n.help_en import HELP
from orgplan.i18n.notes_en import NOTES
from orgplan.i18n.obstacles_en import OBSTACLES
from orgplan.i18n.problems_en import PROBLEMS
from orgplan.i18n.weakspots_en import WEAKSPOTS

MESSAGES: dict[str, str] = {
    "unit": "Unit",
    "name": "Name",
    "kind": "Kind",
    "level": "Level",
    "parent": "Parent",
    "locality": "Locality",
    "quota": "Quota",
    "actual": "Actual",
    "surplus": "Surplus",
    "deficit": "Deficit",
    "heads": "Heads",
    "deputies": "Deputies",
    "leaders": "Leaders",
    "leaders_at_deadline": "Leaders after the deadline",
    "focal_points": "Focal points",
    "layers": "Layers",
    "intermediate_units": "Intermediate units",
    "units": "Units",
    "before": "Before",
    "after": "After",
    "change": "Change",
    # A unit whose name other units bear, told apart by its parent's
    # (orgplan.i18n.names.distinct_name).
    "unit_in_parent": "{name} ({parent})",
    # orgplan stats (cli.py, from orgplan.graph.stats).
    "stats_indicator": "Indicator",
    "stats_value": "Value",
    "stats_spans": "Span of control",
    "stats_spans_line": (
        "min {min} · median {median} · max {max} · mean {mean}"
    ),
    "stats_over_cap": "Units above their deputy cap",
    "stats_none_over_cap": "No unit is above its deputy cap.",
    "stats_cap": "Cap",
    "stats_excess": "Excess",
    "stats_rule": "Rule",
    # Charts, the HTML report and scenario comparison (orgplan.charts,
    # orgplan.report, orgplan.compare); "{n}"-style fields are filled in.
    "chart_before": "Before",
    "chart_after": "After",
    "chart_diff": "Changes",
    "chart_page": "page {page} of {pages}",
    "chart_part": "part {part} of {parts}",
    "chart_legend": "Legend",
    "chart_leaders": "heads {heads} · deputies {deputies}",
    "chart_excess": "+{excess} over cap",
    "chart_excess_by": "by {date}",
    "chart_staff": "quota {quota} · actual {actual}",
    "chart_surplus": "surplus {n}",
    "chart_deficit": "deficit {n}",
    "chart_rollup": "{units} units, {staff} staff below",
    "chart_see_page": "see page {page}",
    "chart_from_page": "on page {page}",
    "chart_formed_from": "formed from {names}",
    "chart_merged_into": "merged into {name}",
    "chart_folded_into": "folded into {name}",
    "chart_split_to": "split among {names}",
    "status_unchanged": "unchanged",
    "status_merged": "formed by a merger",
    "status_receiving": "receives units or functions",
    "status_new": "new",
    "status_merged_away": "merged into another unit",
    "status_folded": "folded into its parent",
    "status_split": "split up, functions moved",
    "status_removed": "removed",
    "report_title": "Restructuring plan",
    "report_kpis": "Key figures",
    "report_charts": "Organisation charts",
    "report_chart_missing": (
        "Not rendered (Graphviz is not installed); DOT source: {path}"
    ),
    "report_merges": "Mergers",
    "report_new_unit": "New unit",
    "report_members": "Members",
    "report_reasons": "Reasons",
    "report_folds": "Folded units",
    "report_into": "Into",
    "report_splits": "Split units",
    "report_to": "To",
    "report_from": "From",
    "report_functions": "Functions",
    "report_staff": "Staff",
    "report_leadership": "Leadership",
    "report_cap": "Cap",
    "report_excess": "Excess",
    "report_reduce_by": "Reduce by",
    "report_transfers": "Transfers",
    "report_separations": "Separations",
    "report_category": "Category",
    "report_count": "People",
    "report_policy": "Policy",
    "report_cost": "Cost (VND)",
    "report_total": "Total",
    "report_none": "None.",
    "report_solver": "Solver",
    "report_status": "Status",
    "report_method": "Method",
    "report_mode": "Mode",
    "report_objective": "Objective",
    "report_bound": "Best bound",
    "report_gap": "Gap",
    "report_time": "Solve time (s)",
    "report_scenario": "Scenario",
    "report_scope": "Scope",
    "report_targets": "Targets",
    "report_locks": "Locked units",
    "report_must_merge": "Must merge",
    "report_must_not_merge": "Must not merge",
    "report_weights": "Weights",
    "report_binding": "Binding rules",
    "report_notes": "Notes",
    "compare_plan": "Plan",
    "compare_excess_deputies": "Deputies over cap",
    "compare_staff": "Staff",
    "compare_moves": "Moves",
    "compare_separations": "Separations",
    "compare_cost": "Separation cost (VND)",
    # The staffing plan export (orgplan.export): sheet names (at most 31
    # characters), column headers and the values of coded columns.
    "sheet_summary": "Summary",
    "sheet_units_after": "Units after",
    "sheet_localities": "Localities",
    "sheet_mergers": "Mergers",
    "sheet_leadership": "Leadership",
    "sheet_transfers": "Transfers",
    "sheet_separations": "Separations",
    "sheet_movers": "Movers",
    "col_indicator": "Indicator",
    "col_decision": "Decision",
    "col_members": "Members",
    "col_member_names": "Member names",
    "col_reasons": "Reasons",
    "col_actual_before": "Actual before transfers",
    "col_actual_after": "Actual after",
    "col_cap": "Deputy cap",
    "col_excess": "Deputies over cap",
    "col_reduce_by": "Reduce by",
    "col_head": "Head (id)",
    "col_head_name": "Head",
    "col_head_from": "Head from unit",
    "col_former_heads": "Former heads",
    "col_deputy_persons": "Deputies (ids)",
    "col_from": "From",
    "col_from_name": "From (name)",
    "col_to": "To",
    "col_to_name": "To (name)",
    "col_category": "Category",
    "col_count": "People",
    "col_hops": "Hops",
    "col_km": "km",
    "col_mode": "Mode",
    "col_persons": "Persons (ids)",
    "col_policy": "Policy",
    "col_cost": "Cost (VND)",
    "col_person": "Person (id)",
    "col_person_name": "Full name",
    "col_action": "Action",
    "ind_status": "Status of the solution",
    "ind_transfers": "Staff transferred",
    "ind_separations": "Staff separated",
    "ind_separation_cost": "Separation cost (VND)",
    "civil_servant": "civil servant",
    "public_employee": "public employee",
    "contract": "contract",
    "merge": "merger",
    "fold": "folded into parent",
    "split": "split",
    "transfer": "transfer",
    "separation": "separation",
    "permanent": "permanent",
    "secondment": "secondment",
    "early-retirement": "early retirement",
    "resignation": "resignation",
    "retirement": "retirement",
    "decree-178": "Decree 178/2024",
    "level_central": "central",
    "level_province": "province",
    "level_district": "district",
    "level_commune": "commune",
    # Solver status words and what they mean (cli, report, exports).
    "solve_optimal": "optimal",
    "solve_feasible": "feasible",
    "solve_infeasible": "infeasible",
    "solve_no_solution": "no solution in time",
    "solve_invalid": "model invalid",
    "explain_optimal": (
        "Optimal: the solver proved that no plan meeting these rules and "
        "targets scores better on the objective."
    ),
    "explain_feasible": (
        "Feasible: the plan meets every rule and target, but the search "
        "stopped at its time limit before proving that no better plan exists."
    ),
    "explain_gap": (
        "The gap of {gap} is how much lower the objective could at most still "
        "go: this plan scores {objective}, and no plan can score below "
        "{bound}. 0% means proven optimal."
    ),
    "explain_no_bound": (
        "The {method} method gives no bound, so how far the plan is from the "
        "best one is not known."
    ),
    "explain_other": "No plan: {status}.",
    "method_cpsat": "CP-SAT optimiser",
    "method_greedy": "greedy baseline",
    "method_mip": "MIP model (HiGHS)",
    # Terminal output of the commands (cli.py).
    "cli_solving": "solving...",
    "cli_progress": (
        "solution {n}: objective {objective}, bound {bound}, gap {gap}, "
        "{elapsed} s"
    ),
    "cli_no_plan": (
        "no plan found ({status}) within {seconds} s; try a longer "
        "--time-limit."
    ),
    "cli_plan_line": (
        "{status} ({method}), objective {objective}{gap}, {seconds} s; "
        "{merges} merges, {folds} folded, {splits} split"
    ),
    "cli_gap": ", gap {gap}",
    "cli_staff_line": (
        "{moved} staff move in {transfers} transfers, {left} leave "
        "(separations); {excess} deputies above the caps"
    ),
    "cli_reduce_by": ", to reduce by {date}",
    "cli_stopped": "stopped by Ctrl-C: this is the best plan so far.",
    "cli_note": "note: {note}",
    "cli_weak_spot": "weak spot: {text}",
    "cli_wrote": "wrote {n} files to {out}/: {files} and the charts",
    "cli_valid": "{path} is valid.",
    "cli_valid_warned": "{path} is valid with {warnings}.",
    "cli_invalid": "{path}: {problems} to fix before running again.",
    "cli_check_failed": "{path}: {errors}, {warnings}",
    "cli_check_ok": (
        "{path}: the plan keeps every rule of {source} ({warnings})"
    ),
    "cli_check_other_org": (
        "{path} was made for another organisation than {source}: the plan "
        "starts from {plan_units} units with a quota of {plan_quota}, "
        "{source} has {units} units with a quota of {quota}; give the "
        "scenario it was made for with --scenario"
    ),
    "cli_no_scenario": "{path} does not name its scenario; give --scenario",
    "cli_template_wrote": "Wrote the blank workbook {path}.",
    "cli_template_not_xlsx": "{path} does not end in .xlsx",
    "cli_cannot_write": "cannot write {path}: {reason}",
    "cli_a_file": "a file",
    "cli_demo_missing": (
        "the bundled scenario {path} is missing; the demo runs from a "
        "checkout of orgplan's repository"
    ),
    "n_errors_one": "{n} error",
    "n_errors_many": "{n} errors",
    "n_warnings_one": "{n} warning",
    "n_warnings_many": "{n} warnings",
    "n_staff": "{n} staff",
    "n_problems_one": "{n} problem",
    "n_problems_many": "{n} problems",
    # orgplan compare.
    "compare_status": "Status",
    "compare_reason": "Why",
    "compare_bad_out": (
        "{path}: the table is written as .csv or .html, not {suffix}"
    ),
    "compare_missing": "{path} does not exist",
    # The report: charts on paper, status in words, settings.
    "report_full_size": "full size",
    "report_status_words": "What the status means",
    "report_threads": "{n} threads",
    "report_seed": "seed {seed}",
    "report_at_most": "at most {n} units of kind {kind}",
    "report_at_least": "at least {n} units of kind {kind}",
    "report_cut": "{metric} down by at least {percent}",
    "report_kinds_in_scope": "Kinds that may change",
    "report_merge_within": "Mergers within",
    "report_group_size": "Units per merger at most",
    "report_time_limit": "Time limit (s)",
    "within_parent": "the same parent",
    "within_locality": "the same locality",
    "within_sector": "the same sector",
    "within_adjacent": "the same or neighbouring localities",
    "within_anywhere": "anywhere",
    "weight_focal_points": "focal points",
    "weight_leaders": "leaders",
    "weight_layers": "intermediate levels",
    "weight_imbalance": "staff against quota",
    "weight_transfers": "transfers",
    "weight_incoherence": "unrelated functions",
    "weight_disruption": "disruption",
    "weight_compactness": "spread of a new unit",
    "weight_district_crossings": "groups across district lines",
    "weight_standard_gap": "shortfall from area and population standards",
    # The report's weak spots (orgplan.weakspots) and territorial map.
    "report_weak_spots": "Weak spots to look at",
    "weak_high": "serious",
    "weak_medium": "worth a look",
    "weak_low": "minor",
    "report_map": "Map of the territorial merger",
    "report_legal_basis": "Legal basis",
    "yes": "yes",
    "no": "no",
    # Reasons for a merger, fold or split (orgplan.optimize.reasons): a
    # reason is {"key": ..., fields}; see orgplan.i18n.message.
    "reason_must_merge": "the scenario requires it (must_merge)",
    "reason_members": "merges {members}",
    "reason_unit_of": "{unit} of {parent}",
    "reason_member": "{name} ({staff} staff, quota {quota})",
    "reason_shared_functions": (
        "{unit} shares functions with {other}: {functions}"
    ),
    "reason_function_family": (
        "{unit} works in the same function family as {other}: {functions}"
    ),
    "reason_same_sector": "{unit} and {other} work in one sector ({sector})",
    "reason_same_support": (
        "{unit} and {other} do the same support work: {support}"
    ),
    "reason_support_office": "the office",
    "reason_support_inspectorate": "inspection",
    "reason_support_plan_finance": "planning and finance",
    "reason_allowed_pair": (
        "the scenario lets {unit} and {other} merge (scope.allow_pairs: "
        "{pair})"
    ),
    "reason_not_judged": (
        "{unit} and {other} have neither functions nor a sector: whether "
        "their work is related could not be judged"
    ),
    "reason_territory_unit": (
        "forms one {kind} of {area} km² and {population} people from {n} "
        "old units"
    ),
    "reason_territory_connected": (
        "its members border one another: one connected area"
    ),
    "reason_territory_exempt": (
        "exempt from the area and population standards: formed from "
        "{minimum} or more old units ({source})"
    ),
    "reason_territory_meets": (
        "meets the standard after a merger, {area} km² and {population} "
        "people ({source})"
    ),
    "reason_territory_short": (
        "falls short of the standard after a merger, {area} km² and "
        "{population} people ({source}), in {missing}"
    ),
    "reason_territory_short_area_km2": "area",
    "reason_territory_short_population": "population",
    "reason_territory_no_standard": (
        "no area or population standard applies to it"
    ),
    "reason_territory_district": "all its members were in {district}",
    "reason_territory_districts": "its members come from {districts}",
    "reason_undersized": (
        "{unit} is undersized: a quota of {quota}, below the minimum of "
        "{minimum} for a {kind} ({source})"
    ),
    "reason_heads_saved_one": (
        "{n} head post fewer (one focal point instead of two)"
    ),
    "reason_heads_saved_many": (
        "{n} head posts fewer (one focal point instead of several)"
    ),
    "reason_posts_saved_one": (
        "{n} leadership post fewer in all ({before} -> {after})"
    ),
    "reason_posts_saved_many": (
        "{n} leadership posts fewer in all ({before} -> {after})"
    ),
    "reason_balance": (
        "surplus and deficit offset: staff against quota imbalance {before} "
        "-> {after}"
    ),
    "reason_target": "works towards the target: {target}; basis: {source}",
    "target_max_units": "at most {n} units of kind {kind} ({before} now)",
    "target_min_cut_units": (
        "{share:.0%} fewer units (at most {limit} of {before})"
    ),
    "target_min_cut_focal_points": (
        "{share:.0%} fewer focal points (at most {limit} of {before})"
    ),
    "target_min_cut_leaders": (
        "{share:.0%} fewer leaders (at most {limit} of {before})"
    ),
    "target_min_cut_layers": (
        "{share:.0%} fewer layers (at most {limit} of {before})"
    ),
    "source_scenario": (
        "the scenario's target {path}, in line with Resolution 18-NQ/TW"
    ),
    "source_scenario_within": (
        "the scenario's target {path}, within {source}"
    ),
    "source_rulebook": "the rulebook, {path}",
    # Rules that hold a plan where it is (plan.binding_rules).
    "binding_met": "{target}: met exactly",
    "binding_excess": (
        "deputy caps: {n} merged units keep {excess} deputies above "
        "the cap until {date}"
    ),
    "binding_cut": "deputy caps: deputies cut to the cap in {units}",
    "reason_fold_into": "{unit} is folded into {into}",
    "reason_intermediate": (
        "removes an intermediate level (its {n} units move up)"
    ),
    "reason_split_unit": "{unit} is dissolved and its work handed over",
    "reason_split_part": (
        "{to} takes {functions} ({staff} staff), work related to its own"
    ),
    "reason_split_child": "{unit} moves to {to} with its functions",
    # The Word proposal (orgplan.proposal): annex tables of a đề án.
    "proposal_title": "Proposal for restructuring the organisation",
    "proposal_subtitle": "{organisation} · scenario {scenario}",
    "proposal_draft": (
        "Draft drawn up with orgplan on {date}; figures as computed from the "
        "data given."
    ),
    "proposal_annex": "Annex {n}. {title}",
    "proposal_figures": "Figures before and after the restructuring",
    "proposal_mergers": (
        "Units merged, folded and split, with reasons and legal basis"
    ),
    "proposal_leadership": "Leaders after the restructuring",
    "proposal_staffing": "Staff by unit after the restructuring",
    "proposal_moves": "Transfers and separations",
    "proposal_charts": "Organisation charts",
    "proposal_no": "No.",
    "proposal_status": "Status of the solution",
    "proposal_chart_missing": "Chart not drawn: {reason}",
    "money_unit": "VND",
    # The blank template's README sheet (orgplan.io.template).
    "readme_sheet": "sheet",
    "readme_column": "column",
    "readme_meaning": "meaning",
    "readme_type": "type",
    "readme_required": "required",
    "readme_allowed": "allowed values",
    "readme_example": "example",
    "readme_intro": (
        "Fill one sheet per table; the header row names the columns (English "
        "column names or the Vietnamese headers both work). Lists inside a "
        "cell are separated by ';'."
    ),
    "type_id": "code (spaces around it are ignored)",
    "type_text": "text",
    "type_int": "whole number, 0 or more",
    "type_float": "number (decimal point or comma)",
    "type_bool": "yes/no: true/false, yes/no, 1/0, x, có/không; empty = no",
    "type_list": "codes separated by ';'",
    "required_every_row": "required, every row",
    "required_column": "required column, cells may be empty",
    "required_optional": "optional",
    "required_if_used": " (if the sheet is used)",
    # Problems in the input (orgplan.i18n.problems_en).
    **PROBLEMS,
    # Targets, files, applying a plan (orgplan.i18n.errors_en).
    **ERRORS,
    # The plan checker and the deputy caps (orgplan.i18n.checks_en).
    **CHECKS,
    # A plan's notes (orgplan.i18n.notes_en).
    **NOTES,
    # Why units may not merge or fold (orgplan.i18n.obstacles_en).
    **OBSTACLES,
    # The command line's help (orgplan.i18n.help_en).
    **HELP,
    # A plan's weak spots (orgplan.i18n.weakspots_en).
    **WEAKSPOTS,
    # The phases of a solve (orgplan.optimize.progress.PHASES), shown
    # while orgplan plan waits.
    "cli_phase": "{phase}... {elapsed} s",
    "phase_candidates": "finding the mergers and folds that may be made",
    "phase_greedy": "building a first plan (greedy)",
    "phase_model": "building the optimisation model",
    "phase_warm_start": "starting from the first plan",
    "phase_search": "searching for better plans",
    "phase_decode": "reading the plan found",
    "phase_staffing": "planning the staff moves",
}
