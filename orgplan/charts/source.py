"""What ``orgplan chart`` and ``orgplan compare`` read: data, a scenario
(solved on the spot) or a plan.json with the organisation it was made for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orgplan.errors import ChartError
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook, load_rulebook
from orgplan.scenario import Scenario


@dataclass(frozen=True)
class Source:
    """An organisation, maybe a plan for it, and the rules it is read by."""

    organisation: Organisation
    plan: Plan | None
    rulebook: Rulebook


def open_source(
    path: Path,
    *,
    data: Path | None = None,
    need_plan: bool = True,
    time_limit: float | None = None,
) -> Source:
    """Read ``path``: input data, a scenario, or a plan.json.

    Parameters
    ----------
    path
        A folder of CSV files or a workbook (no plan), a scenario (solved
        when ``need_plan``), or a plan.json.
    data
        The organisation of a plan.json that does not name its data.
    need_plan
        Whether to solve a scenario (the before chart needs no plan).
    time_limit
        Seconds for the solver instead of the scenario's own limit.

    Raises
    ------
    orgplan.errors.InputError
        If the input has errors.
    orgplan.errors.InfeasibleScenario
        If the scenario has no plan.
    orgplan.errors.ChartError
        If a plan is needed and ``path`` is plain data.
    """
    from orgplan.export import plan_organisation
    from orgplan.io import open_scenario, read_organisation, read_plan
    from orgplan.io.yaml_io import is_scenario

    if path.suffix.lower() == ".json":
        plan = read_plan(path)
        return Source(
            plan_organisation(plan, path, data), plan, load_rulebook()
        )
    if is_scenario(path):
        organisation, scenario = open_scenario(path)
        plan = solve(organisation, scenario, time_limit) if need_plan else None
        return Source(organisation, plan, scenario.rulebook())
    if need_plan:
        raise ChartError.of("error_chart_data_only", path=str(path))
    return Source(read_organisation(path), None, load_rulebook())


def solve(
    organisation: Organisation, scenario: Scenario, time_limit: float | None
) -> Plan:
    """The plan of ``scenario``, with ``time_limit`` seconds if given.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If the scenario has no plan.
    """
    # The optimiser loads OR-Tools, a second that charts of data never pay.
    from orgplan.planner import solve as solve_scenario

    if time_limit is not None:
        scenario = scenario.model_copy(
            update={
                "solver": scenario.solver.model_copy(
                    update={"time_limit_s": time_limit}
                )
            }
        )
    return solve_scenario(organisation, scenario).plan
