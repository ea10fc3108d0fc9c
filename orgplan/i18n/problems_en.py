"""English words of the input's problems (:mod:`orgplan.errors`):
the validator's, the readers' and the scenario checks', part of the
catalogue (:mod:`orgplan.i18n.en`).
"""

PROBLEMS: dict[str, str] = {
    # Problems in the input (orgplan.validate, orgplan.errors.Problem):
    # for the validator to word its messages in either language.
    "problem_sheet": "sheet {sheet}",
    "problem_row": "row {row}",
    "problem_line": "line {row}",
    "problem_column": "column {column}",
    "problem_field": "field {column}",
    "problem_warning": "warning: ",
    "problem_duplicate_column": "column {name} appears {n} times",
    "problem_unknown_column": (
        "unknown column {name} is ignored; the {table} table has columns "
        "{known}"
    ),
    "problem_missing_column": "required column {name} is missing",
    "problem_no_rows": "the {table} table has no rows",
    "problem_empty_cell": "empty cell; every {record} needs a {column}",
    "problem_unknown_value": "unknown {column} {value}; use one of {allowed}",
    "problem_not_whole": "{value} is not a whole number",
    "problem_not_number": "{value} is not a number",
    "problem_not_yes_no": (
        "{value} is not a yes/no value; use true/false, yes/no, 1/0, x, "
        "có/không or leave it empty for false"
    ),
    "problem_not_whole_digits": "{value} is not a whole number written in "
    "digits",
    "problem_beyond_whole": "{value} is beyond {limit:,}, more than any real "
    "count",
    "problem_beyond_number": "{value} is beyond {limit:g}",
    "problem_too_many_staff": "{value:,} is more than {limit:,} staff in one "
    "unit",
    "problem_date_not_expected": (
        "a date or time ({value}) where {expected} is expected"
    ),
    "expected_int": "a whole number",
    "expected_float": "a number",
    "expected_bool": "yes or no",
    "expected_list": "a list of codes",
    "expected_text": "text",
    "problem_control_characters": (
        "the cell holds control characters ({codes}); retype it"
    ),
    "problem_control_removed": (
        "control characters ({codes}) removed from the text"
    ),
    "problem_duplicate_key": (
        "duplicate {record} {column} {value} (rows {first} and {row})"
    ),
    "problem_duplicate_item": (
        "duplicate {record} {column} {value} (items {first} and {place} of "
        "the list)"
    ),
    "problem_unknown_reference": (
        "{value} is not a {record} {column} in {where}"
    ),
    "problem_where_sheet": "sheet {sheet}",
    "problem_limit": (
        "{what} is over the limit of {limit:,} {unit}; if the input is "
        "right, raise the limit with the environment variable {variable} "
        "(e.g. {variable}={example})"
    ),
    "limit_unit_characters": "characters",
    "limit_unit_rows": "rows",
    "limit_unit_columns": "columns",
    "limit_unit_mib": "MiB",
    "limit_unit_levels": "levels",
    "limit_unit_values": "values",
    "limit_sheet_rows": "the sheet ({n:,}+ rows)",
    "limit_table_rows": "the table ({n:,}+ rows)",
    "limit_cell": "the cell ({n:,} chars)",
    "limit_a_cell": "a cell",
    "limit_nesting": "the nesting",
    "limit_yaml_expanded": "the scenario, its aliases expanded,",
    "limit_unpacked": "the workbook unpacks to {n:,.0f} MiB, which",
    "limit_header": "the header ({n} columns)",
    "limit_file": "the file ({n:,.0f} MiB)",
    "problem_at_least": "must be {limit} or more (got {value})",
    "problem_at_most": "must be {limit} or less (got {value})",
    "problem_leaders_over_actual": (
        "heads + deputies = {leaders} is more than actual ({actual}); "
        "leaders count in actual"
    ),
    "problem_split_sum": "{columns} = {total}, but actual is {actual}",
    "problem_roster": (
        "{where} lists {listed} persons of this unit ({heads} heads, "
        "{deputies} deputies), but the unit has actual {actual}, heads "
        "{unit_heads}, deputies {unit_deputies}"
    ),
    "problem_input_head": "{problems} in the input:",
    "problem_no_units_file": (
        "no {file} in {folder}; it is required (one row per unit)"
    ),
    "problem_two_files": "{files} both hold the {table} table; keep one",
    "problem_not_utf8": (
        "the file is not UTF-8 (line {line}, byte {byte}); in Excel, save "
        "it as 'CSV UTF-8 (Comma delimited)'"
    ),
    "problem_row_too_wide": (
        "the row has {cells} cells but the header has {width} columns (a "
        "',' inside a cell must be quoted)"
    ),
    "problem_semicolons": (
        "the columns are separated by ';', not ','; in Excel, save it as "
        "'CSV UTF-8 (Comma delimited)', or in LibreOffice choose ',' as the "
        "field delimiter"
    ),
    "problem_no_sheet": (
        "no sheet named {table} (or {vi_name}); the workbook has sheets "
        "{found}"
    ),
    "problem_sheet_not_read": (
        "sheet {name} is not read; orgplan reads the sheets {tables} (the "
        "workbook has {found})"
    ),
    "problem_two_sheets": (
        "sheets {first} and {second} both hold the {table} table; orgplan "
        "reads {first}: delete or rename the other"
    ),
    "problem_merged_cells": (
        "cells {cells} are merged, so only {first} holds a value and the "
        "others read as empty; unmerge them and fill in every cell"
    ),
    "problem_uncomputed": (
        "cell {cell} holds a formula without a computed value (it would "
        "read as empty); open the workbook in Excel or LibreOffice and save "
        "it, or type the value"
    ),
    "problem_more_uncomputed": (
        "{n} more cells hold formulas without a computed value"
    ),
    "scenario_not_unit": "{value} is not a unit id of the organisation",
    "scenario_not_person": "{value} is not a person id in the roster",
    "scenario_not_kind": (
        "{value} is not a kind of rulebook {rulebook}; kinds are {kinds}"
    ),
    "scenario_control": (
        "the text holds control characters ({codes}), which no name needs "
        "and a workbook cannot hold"
    ),
    "scenario_no_merges": "scope.allow_merge is false",
    "scenario_group_too_large": (
        "{n} members, more than scope.max_group_size ({most})"
    ),
    "scenario_locked_self": "{unit} must merge but is locked in {where}",
    "scenario_locked_above": (
        "{unit} must merge but is locked as it is under {holder}, locked in "
        "{where}; a lock protects every unit under it"
    ),
    "lock_in_scenario": "the scenario's locks",
    "lock_in_data": "the data (its locked column)",
    "scenario_out_of_scope": (
        "{unit} must merge but is a {kind}, outside scope.kinds ({kinds})"
    ),
    "scenario_cannot_merge": "these units cannot merge: {reason}",
    "scenario_merge_and_not": (
        "{a} and {b} must not merge, but must_merge puts them in one group"
    ),
    "problem_unknown_key": "unknown key",
    "problem_required_missing": "required, but missing",
    "problem_above": "must be more than {limit} (got {value})",
    "problem_below": "must be less than {limit} (got {value})",
    "problem_no_plan_file": "no such plan file",
    "problem_not_json": "not valid JSON (column {column}): {problem}",
    "problem_no_path": "no such file or folder",
    "problem_not_a_source": (
        "not a folder of CSV files, an .xlsx workbook or a scenario .yaml "
        "file"
    ),
    "problem_damaged_workbook": (
        "the workbook is damaged ({detail}); open it in Excel and save it "
        "again as 'Excel Workbook (.xlsx)'"
    ),
    "problem_no_scenario": "no such scenario file",
    "problem_file_not_utf8": "the file is not UTF-8",
    "problem_not_yaml": "not valid YAML{column}: {problem}",
    "problem_yaml_column": " (column {n})",
    "problem_yaml_character": (
        "not valid YAML: the character U+{code} is not allowed in a YAML file"
    ),
    "problem_not_a_scenario": (
        "a scenario is a set of keys (name, data, rules, scope, targets...), "
        "not {kind}"
    ),
    "problem_no_data": (
        "the data {path} does not exist (it is relative to the scenario file)"
    ),
    "problem_unknown_rulebook": (
        "unknown rulebook {name}; built-in rulebooks: {known}"
    ),
    "record_unit": "unit",
    "record_locality": "locality",
    "record_person": "person",
    "record_function": "function",
    "cli_template_exists": (
        "{path} exists; orgplan does not overwrite a workbook that may be "
        "filled in. Give another name, or --force to overwrite it."
    ),
}
