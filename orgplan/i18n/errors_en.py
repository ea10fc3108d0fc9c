"""English words of the scenario's targets, the file readers and writers,
and the errors of applying a plan and planning its staff, part of the
catalogue (:mod:`orgplan.i18n.en`).
"""

ERRORS: dict[str, str] = {
    # A scenario's targets that do not fit together (orgplan.scenario);
    # orgplan.validate.detail_problem words them for the scenario's key.
    "scenario_min_above_max": "{low_key} ({low}) is above {high_key} ({high})",
    "scenario_unknown_target": "unknown {what} target {name}; use one of "
    "{known}",
    "scenario_max_cut_fraction": (
        "max_cut.{target} must be a fraction above 0, at most 1 (got "
        "{value})"
    ),
    "scenario_min_cut_fraction": (
        "min_cut.{target} must be a fraction from 0 to 1 (got {value})"
    ),
    # pydantic's errors of a scenario's or a plan's values
    # (orgplan.validate.detail_problem).
    "problem_one_of": "must be one of {expected} (got {value})",
    "problem_must_be_text": "must be text (got {value})",
    "problem_must_be_bool": "must be true or false (got {value})",
    "problem_must_be_whole": "must be a whole number (got {value})",
    "problem_must_be_number": "must be a number (got {value})",
    "problem_must_be_finite": "must be a finite number (got {value})",
    "problem_must_be_mapping": "must be a set of keys (got {value})",
    "problem_must_be_list": "must be a list (got {value})",
    "problem_too_short": "must have at least {limit} items (got {n})",
    "problem_too_long": "must have at most {limit} items (got {n})",
    # A message of plan.json that no language can word
    # (orgplan.i18n.data).
    "problem_message_key": "unknown message key {name}",
    "problem_message_field": "message {name} lacks the field {field}",
    "problem_message_wrong": "message {name}: {detail}",
    # The units' hierarchy (orgplan.cross_checks).
    "problem_several_roots": (
        "{n} units have no parent ({shown}); they are read as separate "
        "trees"
    ),
    "problem_no_parent_column": (
        "there is no parent column, so the {n} units would be {n} separate "
        "trees, yet they are of several kinds ({kinds}); add a parent "
        "column with the id of the unit above each one (empty for a top "
        "unit)"
    ),
    "problem_cycle": (
        "the hierarchy has a cycle (each one's parent is the next): {cycle}"
    ),
    # Files that cannot be read (orgplan.io.csv_io, xlsx_package,
    # organisation) or written (orgplan.io.atomic).
    "problem_not_csv": "not a readable CSV file: {detail}",
    "problem_workbook_encrypted": (
        "the workbook is encrypted (password-protected); in Excel, remove "
        "the password (File > Info > Protect Workbook > Encrypt with "
        "Password) and save it again"
    ),
    "problem_workbook_xls": (
        "this is an Excel 97-2003 workbook (.xls), not an .xlsx one; in "
        "Excel, save it as 'Excel Workbook (.xlsx)'"
    ),
    "problem_workbook_not_zip": (
        "cannot open it as an .xlsx workbook (it is not a zip package); "
        "save it from Excel as 'Excel Workbook (.xlsx)'"
    ),
    "problem_workbook_no_book": (
        "cannot open it as an .xlsx workbook (it has no workbook part); "
        "save it from Excel as 'Excel Workbook (.xlsx)'"
    ),
    "problem_workbook_no_sheet_part": (
        "the workbook lists sheet {name} but its part {part} is missing: "
        "the file is damaged; open it in Excel and save it again"
    ),
    "problem_workbook_entities": (
        "its part {part} declares XML entities (<!DOCTYPE> or <!ENTITY>), "
        "which spreadsheet programs never write; orgplan does not read "
        "such a workbook"
    ),
    "problem_workbook_no_part": "(none)",
    "problem_not_a_scenario_path": (
        "not a scenario: give a .yaml file or a folder holding "
        "scenario.yaml"
    ),
    "output_cannot_write": (
        "cannot write {target}: {path}: {reason}; it was left as it was"
    ),
    # Applying a plan (orgplan.semantics.after).
    "error_plan_not_applicable": "the plan cannot be applied:",
    "error_takes_staff": (
        "{what} takes {count} {category} staff from {unit}, which has "
        "{have}"
    ),
    "error_names_absent": (
        "{what} names {person}, who is not in {unit} at that point"
    ),
    "error_names_other_category": (
        "{what} moves {category} staff but names {person}, a {theirs}"
    ),
    # Planning the staff (orgplan.staffing).
    "error_head_no_entry": (
        "scenario: leadership.heads.{unit} names a unit that has no "
        "leadership entry in the plan"
    ),
    "error_head_not_member": (
        "scenario: leadership.heads.{unit} is {choice}, which is neither a "
        "member of {unit} ({members}) nor a head or deputy of one in the "
        "staff table"
    ),
    "error_person_unknown_unit": (
        "staff table: person {person} is in unit {unit}, which does not "
        "exist (column unit)"
    ),
    "error_no_population": (
        "localities table: locality {locality} of unit {unit} has no "
        "population, which the staffing norm needs (column population)"
    ),
    "error_no_locality": (
        "units table: unit {unit} has no known locality, which the "
        "staffing norm needs (column locality)"
    ),
    "error_override_unknown": (
        "scenario: staffing.quota_overrides.{unit} names a unit that does "
        "not exist after the plan"
    ),
}
