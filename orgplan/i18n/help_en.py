"""English help of the command line (``orgplan --help``, ``orgplan plan
--help``...), part of the catalogue (:mod:`orgplan.i18n.en`).

``help.<command>`` is a command's help (its first sentence is the line
``orgplan --help`` lists), ``help.<command>.<parameter>`` an option's,
``help.<parameter>`` an option several commands share, ``metavar.<name>``
the placeholder of an argument; :mod:`orgplan.commands.localised`
puts the Vietnamese ones in place under ``--lang vi``.
"""

HELP: dict[str, str] = {
    "help.orgplan": (
        "Plan the restructuring of a public administration.\n\n"
        "Load an organisation from CSV files or an Excel workbook, check "
        "it, measure it, and let the optimiser propose mergers, folded "
        "levels and leadership posts under the decrees' rules, with a "
        "staffing plan.\n\n"
        "Example: orgplan plan scenarios/province-departments --out out/"
    ),
    "help.lang": (
        "Language of everything shown and written: en, or vi for "
        "Vietnamese [default: the scenario's lang, else $ORGPLAN_LANG, "
        "else en]."
    ),
    "help.validate": (
        "Check input data or a scenario and list every problem in it.\n\n"
        "PATH is a folder of CSV files, an .xlsx workbook, a scenario "
        ".yaml file or a folder holding scenario.yaml. Each problem is "
        "printed with its file, sheet, row and column. Warnings are "
        "printed too but leave the input valid (exit 0); any error exits "
        "with 1.\n\n"
        "Example: orgplan validate scenarios/province-small"
    ),
    "help.stats": (
        "Show the headline numbers of an organisation.\n\n"
        "Units, focal points, layers, leaders, quota against actual staff, "
        "spans of control, staff by locality and the units above their "
        "deputy cap. PATH is anything `orgplan validate` accepts; a "
        "scenario's rule overrides apply.\n\n"
        "Example: orgplan stats scenarios/province-small --lang vi"
    ),
    "help.stats.as_json": "Print every number as JSON.",
    "help.template": (
        "Write a blank input workbook to fill in, with a README sheet.\n\n"
        "The workbook has one sheet per table (units, localities, staff, "
        "functions) with drop-down lists where values are fixed, and a "
        "README sheet that explains every column. OUT must end in "
        ".xlsx.\n\n"
        "Example: orgplan template hoa-son.xlsx --lang vi"
    ),
    "help.template.force": "Overwrite OUT if it exists.",
    "help.check": (
        "Check a plan against every rule and invariant, without a "
        "solver.\n\n"
        "Reads PLAN (a plan.json) and its scenario, applies the plan to "
        "the organisation and lists each rule it breaks: locks, "
        "must-merge pairs, targets, minimum sizes, deputy caps, one owner "
        "per function, every person accounted for, staff conserved, the "
        "objective. Exits with 0 when there is no error (warnings "
        "allowed), 1 otherwise.\n\n"
        "Example: orgplan check out/plan.json"
    ),
    "help.check.scenario_path": (
        "The scenario the plan answers [default: the one plan.json names]."
    ),
    "help.plan": (
        "Propose a restructuring that meets a scenario's targets and "
        "rules.\n\n"
        "Solves the scenario (merges, folded levels, splits, leadership "
        "and the staffing plan), shows the search's progress, writes "
        "OUT/plan.json and prints the numbers before and after. Ctrl-C "
        "stops the search and keeps the best plan found so far. A "
        "scenario with no plan exits with 1 and says which requirements "
        "conflict.\n\n"
        "Example: orgplan plan scenarios/province-departments --out out/"
    ),
    "help.plan.out": "Folder to write plan.json (and the outputs) into.",
    "help.plan.time_limit": "Seconds to search [default: the scenario's].",
    "help.plan.workers": "Solver threads [default: the scenario's].",
    "help.plan.seed": "Random seed of the search [default: the scenario's].",
    "help.plan.reproducible": (
        "One thread and a deterministic time budget: the same plan on any "
        "machine."
    ),
    "help.plan.method": (
        "CP-SAT (the optimiser), the greedy baseline, or the same model as "
        "a MIP for HiGHS (its bound; pip install orgplan[mip])."
    ),
    "help.export": (
        "Export a plan's staffing tables: summary, units after, mergers, "
        "leadership, transfers, separations and movers.\n\n"
        "PLAN is a plan.json written by `orgplan plan`; the "
        "organisation is read from the data or scenario the plan names, "
        "or from --data.\n\n"
        "Example: orgplan export out/plan.json --format csv --lang vi"
    ),
    "help.export.fmt": (
        "xlsx: staffing-plan.xlsx; csv: staffing-plan/*.csv; json: "
        "staffing-plan.json; data: the organisation after the plan as "
        "input files, organisation-after/*.csv (read back by validate and "
        "plan)."
    ),
    "help.export.out": "Folder to write to [default: the plan's folder].",
    "help.export.force": (
        "Export a plan that orgplan check rejects, or from a folder that no "
        "longer matches its manifest, with a warning."
    ),
    "help.export.data": (
        "The organisation's data or scenario, when the plan does not name "
        "it."
    ),
    "help.chart": (
        "Draw an organisation chart: before, after a plan, or the "
        "changes.\n\n"
        "PATH is an organisation's data (a folder of CSV files or a "
        "workbook; before view only), a scenario (solved first unless the "
        "view is before) or a plan.json. Large charts are cut into pages, "
        "one per subtree; a unit whose subtree goes on another page says "
        "how many units and staff are below it, and on which page. "
        "Without Graphviz, the DOT source is written and the message says "
        "what to install.\n\n"
        "Example: orgplan chart out/plan.json --view diff --format pdf "
        "--lang vi"
    ),
    "help.chart.view": (
        "Which chart [default: before for data, diff for a plan or a "
        "scenario]."
    ),
    "help.chart.fmt": (
        "A PDF holds every page; SVG and PNG give a file per page."
    ),
    "help.chart.out": (
        "File to write [default: VIEW.FORMAT in the current folder]."
    ),
    "help.chart.root": "Draw only this unit (an id) and its subtree.",
    "help.chart.depth": (
        "Levels to draw from the top; deeper units are summed up."
    ),
    "help.chart.max_boxes": (
        "Boxes per page before the chart is cut into pages (0: one page)."
    ),
    "help.chart.data": (
        "The organisation of a plan.json that does not name its data."
    ),
    "help.chart.force": (
        "Draw a plan that orgplan check rejects, or from a folder that no "
        "longer matches its manifest, with a warning."
    ),
    "help.chart.time_limit": (
        "Seconds to solve a scenario [default: the scenario's]."
    ),
    "help.compare": (
        "Compare plans side by side: focal points, layers, leaders, "
        "staff.\n\n"
        "Each PATH is a plan.json or a scenario (solved first). Numbers "
        "are after each plan, with the number before in brackets; an "
        "infeasible scenario gets a column of its own with its status.\n\n"
        "Example: orgplan compare scenarios/a scenarios/b out/plan.json "
        "--out c.csv"
    ),
    "help.compare.out": "Also write the table to a .csv or .html file.",
    "help.compare.time_limit": (
        "Seconds to solve each scenario [default: the scenario's]."
    ),
    "help.demo": (
        "Plan the bundled province-departments scenario end to end.\n\n"
        "An invented province with the 19 departments of 2024 is brought "
        "to at most 14 departments and 15% fewer focal points (Decree "
        "45/2025): the same as `orgplan plan "
        "scenarios/province-departments --out OUT`.\n\n"
        "Example: orgplan demo --out out/demo --lang vi"
    ),
    "help.demo.out": "Folder to write the plan into.",
    "help.demo.time_limit": (
        "Seconds to search [default: the scenario's, 45]."
    ),
    # The placeholders of arguments in the usage lines and the help, by
    # the argument's name.
    "metavar.path": "PATH",
    "metavar.paths": "PATH...",
    "metavar.scenario_path": "SCENARIO",
    "metavar.plan_path": "PLAN",
    "metavar.out": "OUT",
}
