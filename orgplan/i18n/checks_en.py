"""English words of the plan checker (:mod:`orgplan.check`), the deputy
caps (:mod:`orgplan.semantics.caps`), plans that cannot apply, targets
missed, the commands' errors and infeasible scenarios; part of the
catalogue (:mod:`orgplan.i18n.en`).
"""

CHECKS: dict[str, str] = {
    "violation_error": "error",
    "violation_warning": "warning",
    "check_objective": (
        "the plan's objective is {claimed:g}; recomputed it is {value:g}"
    ),
    "check_objective_term": (
        "the plan's objective term {name} is {claimed:g}; recomputed it is "
        "{value:g}"
    ),
    "check_status": (
        "the plan's status is {status}, yet it holds {what}: a plan the "
        "solver did not find cannot be applied"
    ),
    "check_an_objective": "an objective",
    "check_gap_negative": "the plan's gap {gap:g} is negative",
    "check_gap_unmeasured": (
        "the plan gives a gap of {gap:g} without an objective and a bound to "
        "measure it"
    ),
    "check_bound_above": (
        "the plan's bound {bound:g} is above its objective {objective:g}; the "
        "objective is minimised, so no plan is better than its bound"
    ),
    "check_gap_mismatch": (
        "the plan's gap {gap:g} does not match its objective {objective:g} "
        "and bound {bound:g}"
    ),
    "check_unknown_term": (
        "the plan's objective term {name} is not a term of the objective "
        "({terms})"
    ),
    "check_metrics_before": "the plan's metrics before give {wrong}",
    "check_metrics_after": "the plan's metrics after give {wrong}",
    "check_value": "{name} {claimed} (is {actual})",
    "check_metrics_unknown": (
        "the plan's metrics hold {names}, only before and after exist"
    ),
    "check_balance_missing": (
        "the balance has no row for {unit}, a unit after the plan"
    ),
    "check_balance_rows": "the balance has {n} rows for {unit}",
    "check_balance_stray": (
        "the balance has a row for {unit}, which is not a unit after the plan"
    ),
    "check_balance_wrong": "the balance of {unit} gives {wrong}",
    "check_person_twice": (
        "{person} is named in {n} transfers and separations; a person moves "
        "or leaves once"
    ),
    "check_person_was_head": (
        "{person} was a head before the plan and may not move or leave"
    ),
    "check_person_was_deputy": (
        "{person} was a deputy before the plan and may not move or leave"
    ),
    "check_person_excluded": (
        "{person} is marked excluded and may not move or leave"
    ),
    "check_person_excluded_role": (
        "{person} is in staffing.separations.excluded_roles and may not move "
        "or leave"
    ),
    "check_mover_twice": "{person} is listed {n} times among the movers",
    "check_mover_stray": "the mover {person} is in no transfer or separation",
    "check_mover_route": (
        "the mover {person} goes {route}, but the plan's {action} says "
        "{expected}"
    ),
    "check_route": "{source} -> {to} ({action})",
    "check_transfer": "transfer",
    "check_separation": "separation",
    "check_leaves": "leaves",
    "check_mover_missing": (
        "{person} is in a {action} but not among the movers"
    ),
    "check_merged_heads": "the merged unit {unit} has {n} heads, not one",
    "check_no_leadership": "the merged unit {unit} has no leadership entry",
    "check_deputy_cap": (
        "{unit} has {deputies} deputies, above its cap of {cap} ({rule})"
    ),
    "check_deputy_excess": (
        "{unit} has {deputies} deputies, {excess} above its cap of {cap}; its "
        "leadership entry must list excess {excess} with a reduce_by date no "
        "later than {deadline}"
    ),
    "check_deputy_pooled": (
        "{deputies} deputies in {units} {kind} units, {listed} of them listed "
        "as excess: above the pooled cap ({rule})"
    ),
    "check_not_judged": (
        "{n} merged units have neither functions nor a sector: whether their "
        "work is related could not be judged"
    ),
    "check_unconsolidated": (
        "{unit} keeps {count} support units of one type ({children}) that "
        "its merge brought together: they consolidate as part of the merge"
    ),
    "check_locked": "{unit} is locked but is {what}",
    "check_out_of_scope": (
        "{unit} is a {kind}, a kind outside the scenario's scope, but is "
        "{what}"
    ),
    "check_what_merged": "merged into {into}",
    "check_what_folded": "folded into {into}",
    "check_what_receives": "receives the folded {unit}",
    "check_what_split": "split",
    "check_what_receives_part": "receives part of {unit}",
    "check_no_merges": "the scenario allows no merges",
    "check_no_splits": "the scenario allows no splits",
    "check_no_folds": "the scenario allows no folds",
    "check_group_size": (
        "the merge into {into} has {n} members, more than the scenario's "
        "max_group_size {most}"
    ),
    "check_split_function_parts": (
        "function {code} of {unit} goes to {n} parts of its split, not "
        "exactly 1"
    ),
    "check_split_foreign_function": (
        "the split of {unit} hands over function {code}, which it does "
        "not have"
    ),
    "check_split_unrelated": (
        "{to} receives functions {functions} of {unit} but shares no function "
        "or function family with them"
    ),
    "check_split_child_unknown": (
        "the split of {unit} moves {child}, which is not one of its children"
    ),
    "check_split_child_twice": (
        "the split of {unit} moves its child {child} to {n} receivers, not "
        "to one"
    ),
    "check_must_merge_unknown": "must_merge names unknown unit {unit}",
    "check_must_merge_apart": "{units} must merge but end in different units",
    "check_must_not_merge": (
        "{units} must not merge but end in the same unit"
    ),
    "check_words": "{words}",
    "check_persons_count": (
        "the {what} names {n} persons for a count of {count}"
    ),
    "check_what_transfer": "transfer {source} -> {to}",
    "check_what_separation": "separation from {unit}",
    "check_person_places": (
        "{person} is in {n} places after the plan (a unit or a separation), "
        "not one"
    ),
    "check_person_gone_unit": (
        "{person} is in {unit}, which is not a unit after the plan"
    ),
    "check_conservation": (
        "{category} staff: {before} before, {after} after and {left} separated"
    ),
    "check_staff_total": (
        "{unit} has {actual} staff after the plan, not {expected}, the total "
        "of its members {members}"
    ),
    "check_staff_given": (
        "{unit} has {actual} staff after the plan, not {expected}, what the "
        "plan gives it"
    ),
    "check_transfer_km": (
        "the transfer {source} -> {to} covers {km:g} km, more than max_km "
        "{most:g}"
    ),
    "check_transfer_hops": (
        "the transfer {source} -> {to} moves staff {hops} locality hops, more "
        "than max_hops {most}"
    ),
    "check_transfer_far": (
        "the transfer {source} -> {to} moves staff an unknown number of "
        "locality hops, more than max_hops {most}"
    ),
    "check_transfer_out": (
        "{n} staff move out of {unit}, more than max_out_per_unit {most}"
    ),
    "check_units_after_list": (
        "units_after does not list the units the plan leaves (missing "
        "{missing}, extra {extra})"
    ),
    "check_units_after_order": (
        "units_after does not list the units the plan leaves (in a different "
        "order)"
    ),
    "check_none": "none",
    "check_units_after_fields": (
        "units_after gives {unit} a different {fields} than applying the plan "
        "does"
    ),
    "check_tree_parent": (
        "{unit} has parent {parent}, which is not a unit after the plan"
    ),
    "check_tree_cycle": "{unit} is in a cycle of parents after the plan",
    "check_function_orphan": "function {code} has no owner after the plan",
    "check_function_owners": (
        "function {code} has {n} owners after the plan, not one"
    ),
    "check_function_more": (
        "function {code} has {n} owners after the plan, {before} before"
    ),
    "check_disconnected": (
        "the new unit {unit} is not connected: its members fall in {n} "
        "separate parts ({parts})"
    ),
    "check_standard_area": (
        "{unit}: area {actual} km² is below the standard of "
        "{required} km² ({rule}); {source}"
    ),
    "check_standard_population": (
        "{unit}: population {actual} is below the standard of "
        "{required} ({rule}); {source}"
    ),
    "cap_deputies_one": "{n} deputy",
    "cap_deputies_many": "{n} deputies",
    "cap_basis_staff": "staff",
    "cap_basis_civil_servants": "civil servants",
    "cap_basis_child_units": "units under it",
    "cap_steps": "{kind} with {size} {basis}: at most {deputies} ({source})",
    "cap_steps_merged": (
        "{kind} with {size} {basis}, formed from {members} units: at most "
        "{deputies} ({source})"
    ),
    "cap_both": "{first}; {second}",
    "cap_half": (
        "at most {fraction:.0%} of a quota of {quota}: {deputies} ({source})"
    ),
    "cap_none": "no deputy cap for a {kind}",
    "cap_pooled": (
        "{units} {kind} units, on average at most {average:g} deputies each: "
        "at most {deputies} in all ({source})"
    ),
    "cap_pooled_bonus": (
        "{units} {kind} units, on average at most {average:g} deputies each + "
        "{bonus} for merged units: at most {deputies} in all ({source})"
    ),
    "cap_child": (
        "{child} has {deputies}, more than its parent {parent} with "
        "{parent_deputies} ({source})"
    ),
    # Plans that cannot be applied (orgplan.semantics.defects).
    "defect_unknown_unit": "{what} names unknown unit {unit}",
    "defect_removed_unit": "{what} names {unit}, which the plan removes",
    "defect_no_parts": "split {unit} has no parts",
    "defect_split_staff": (
        "the parts of split {unit} hand over {given} staff but it has "
        "{actual}"
    ),
    "defect_unknown_person": "{what} names {person}, who is not in the roster",
    "defect_merge_few": "the merge into {into} has fewer than two members",
    "defect_merge_twice": "the merge into {into} lists a member twice",
    "defect_merge_into": (
        "the merge into {into} does not list {into} among its members"
    ),
    "defect_overlap": "{unit} takes part in more than one decision: {what}",
    "defect_what_merge": "merge into {into}",
    "defect_what_flattened": "flattened",
    "defect_what_split": "split",
    "defect_what_folding": "folding {unit}",
    "defect_what_split_of": "split of {unit}",
    "defect_what_leadership": "leadership",
    "defect_what_transfer": "transfer",
    "defect_what_separation": "separation",
    "defect_what_leadership_of": "leadership of {unit}",
    # Targets and minimum sizes missed (orgplan.semantics.targets).
    "shortfall_max_units": (
        "{n} units of kind {kind} after the plan, at most {limit} allowed"
    ),
    "shortfall_min_units": (
        "{n} units of kind {kind} after the plan, at least {least} asked"
    ),
    "shortfall_max_cut": (
        "{target}: {new} after the plan, {old} before; a cut of at most "
        "{fraction:.0%} keeps at least {floor}"
    ),
    "shortfall_min_cut": (
        "{target}: {new} after the plan, {old} before; a cut of "
        "{fraction:.0%} needs at most {limit}"
    ),
    "shortfall_min_staff": (
        "{unit} has a quota of {quota} after the plan, below the minimum of "
        "{minimum} for a {kind}"
    ),
    "shortfall_focal_points": "focal points",
    "shortfall_leaders": "leaders",
    "shortfall_staff": "staff",
    "shortfall_units": "units",
    "shortfall_layers": "layers",
    # Errors of the commands (orgplan.errors, charts, export).
    "infeasible_head": (
        "Scenario {scenario!r} has no plan: these requirements cannot all "
        "hold together:"
    ),
    "infeasible_tail": (
        "Relax one of them (a target, a lock, a must-merge pair or a rule "
        "override) and run again."
    ),
    "error_no_graphviz": (
        "Graphviz's `dot` program was not found, so the chart was not "
        "rendered; its DOT source is in {path}. Install Graphviz "
        "(Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew "
        "install graphviz`) and run the command again."
    ),
    "error_chart_no_plan": (
        "The {view} chart needs a plan: give a plan.json or a scenario, "
        "not only the organisation's data."
    ),
    "error_chart_data_only": (
        "{path} holds an organisation's data and no plan: give a scenario "
        "or a plan.json."
    ),
    "error_chart_root": "Unit {root!r} (given as the root) is not found.",
    "error_chart_depth": "The depth must be 1 or more (got {depth}).",
    "error_chart_boxes": "A page needs room for 2 boxes (got {n}).",
    "error_graphviz_failed": (
        "Graphviz could not draw the chart ({format}): {detail}"
    ),
    "error_plan_no_data": (
        "{path}: the plan does not say which data it was made for "
        "(settings.data_path); give it with --data PATH"
    ),
    "error_refused": (
        "{path} is refused (orgplan check {path} tells "
        "more):\n{problems}\nGive --force to go on all the same."
    ),
    "warning_forced": (
        "warning: {path} goes on with --force despite:\n{problems}"
    ),
    # An output folder that cannot be written (orgplan.io.run_folder).
    "output_not_written": (
        "cannot write the output folder {target}: {path}: {reason}; the "
        "folder was left as it was"
    ),
    "output_file_above": (
        "cannot write the output folder {target}: {above} is a file, not "
        "a folder"
    ),
    "output_no_lock": (
        "cannot write the output folder {target}: cannot take its lock "
        "{lock}: {reason}"
    ),
    "output_locked": (
        "another orgplan run (process {holder}) is writing {target}; wait "
        "for it to finish, or give another --out"
    ),
    "output_is_file": "{target} is a file, not a folder",
    "output_foreign": (
        "{target} holds files orgplan did not write ({shown}); a run "
        "replaces its whole output folder, so give a new or empty folder, "
        "or one an earlier run wrote"
    ),
    "manifest_unreadable": "{path}: {reason}",
    "manifest_foreign": "{path} is not a manifest orgplan wrote",
    "manifest_missing": "{path} is missing",
    "manifest_changed": "{path} was changed after the run wrote it",
    # Why a scenario has no plan (orgplan.optimize.explain).
    "conflict_staff_keep": (
        "targets.min_cut.staff asks for a smaller total quota, but "
        "staffing.quota is keep: merging units never changes the total "
        "quota (use staffing.quota {{cut: f}})"
    ),
    "conflict_not_singled": (
        "no plan was found, and the solver could not single out the "
        "conflict in time; the requirements in play are: {groups}"
    ),
    "conflict_locks": "the locks on {n} units: {units}",
    "conflict_must_unknown": "must_merge names {unit}, which is not a unit",
    "conflict_must_locked": (
        "{unit} ({name}) is locked but must merge (must_merge {group})"
    ),
    "conflict_must_scope": (
        "{unit} ({name}) must merge but its kind {kind} is outside "
        "scope.kinds"
    ),
    "conflict_group_size": (
        "must_merge {group} has {n} units, above scope.max_group_size "
        "{most}"
    ),
    "conflict_both": "{units} are both in must_merge and in must_not_merge",
    "conflict_max_units_scope": (
        "targets.max_units.{kind} is {n}, but there are {have} and the "
        "kind is outside scope.kinds"
    ),
    "conflict_max_units_locked": (
        "targets.max_units.{kind} is {n}, but {locked} units of that kind "
        "are locked: {units}"
    ),
    "conflict_max_units_off": (
        "targets.max_units.{kind} is {n} of {have}, but merges, folds and "
        "splits are all switched off in scope"
    ),
    "conflict_min_cut_units": (
        "targets.min_cut.units asks for {n} fewer units, but only "
        "{movable} are in scope and unlocked"
    ),
    "conflict_stuck": "{what}, and it has no merge, fold or split to take",
    "conflict_greedy": "{what} (the greedy steps found no way to meet it)",
    "conflict_greedy_stopped": (
        "{what} (the greedy steps were stopped before meeting it)"
    ),
    "conflict_must_group": "must_merge {units}: {reason}",
    # The optimiser's constraint groups, named when a scenario has no
    # plan (orgplan.optimize.families).
    "group_pooled": "on average at most {average:g} deputies per {kind}",
    "group_child": (
        "no unit under {unit} may have more deputies than it (Decree "
        "370/2025)"
    ),
    "group_deputy_cap": "the deputy cap of {unit}, which keeps {n} deputies",
    "group_max_size": (
        "at most {n} units per merged group (scope.max_group_size)"
    ),
    "group_lock": "the lock on {unit}",
    "group_must_merge": "the must-merge group {units}",
    "group_must_not_merge": "the must-not-merge pair {units}",
    "group_quota_of": "{unit} (quota {quota})",
    "group_min_staff": "the minimum quota of {minimum} for a {kind}",
    "group_min_staff_below": (
        "the minimum quota of {minimum} for a {kind}, which {units} must "
        "reach"
    ),
    "group_max_units": "at most {n} units of kind {kind} (targets.max_units)",
    "group_min_units": "at least {n} units of kind {kind} (targets.min_units)",
    "group_min_cut": (
        "{share:.0%} fewer {what} (targets.min_cut.{target}: at most "
        "{limit} of {before})"
    ),
    "group_max_cut": (
        "at most {share:.0%} fewer {what} (targets.max_cut.{target}: at "
        "least {floor} of {before})"
    ),
}
