"""A scenario's settings in words, for the report and the proposal.

The scenario file speaks in codes (``max_units.department: 14``,
``merge_within: parent``); a committee reads "at most 14 units of kind
sở" and "the same parent". Each setting is a (label, text) row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from orgplan.i18n import Lang, label, t
from orgplan.scenario import Scenario

# Metrics a min_cut target may name -> their label key.
_CUT_LABELS = {"staff": "report_staff"}


def scenario_settings(
    scenario: Scenario, name: Callable[[str], str], lang: Lang
) -> list[tuple[str, str]]:
    """The scenario's scope, targets, locks, pairs, weights and solver
    settings as rows of words; ``name`` names a unit by its id."""
    rulebook = scenario.rulebook()

    def kind(code: str) -> str:
        rules = rulebook.kinds.get(code)
        if rules is None:
            return code
        return rules.label_vi if lang == "vi" else rules.label_en

    def unit(uid: str) -> str:
        return f"{name(uid)} ({uid})"

    none = t("report_none", lang)
    scope = scenario.scope
    solver = scenario.solver
    return [
        (
            t("report_kinds_in_scope", lang),
            ", ".join(kind(k) for k in scope.kinds) or none,
        ),
        (
            t("report_merge_within", lang),
            t(f"within_{scope.merge_within}", lang),
        ),
        (t("report_group_size", lang), str(scope.max_group_size)),
        (t("report_targets", lang), _targets(scenario, kind, lang) or none),
        (
            t("report_locks", lang),
            "; ".join(unit(u) for u in scenario.locks) or none,
        ),
        (
            t("report_must_merge", lang),
            _groups(scenario.must_merge, unit, " + ") or none,
        ),
        (
            t("report_must_not_merge", lang),
            _groups(scenario.must_not_merge, unit, " / ") or none,
        ),
        (
            t("report_weights", lang),
            "; ".join(
                f"{t(f'weight_{key}', lang)} {value:g}"
                for key, value in scenario.weights.model_dump().items()
            ),
        ),
        (
            t("report_solver", lang),
            f"{t(f'method_{solver.method}', lang)}; "
            f"{t('report_time_limit', lang)} {solver.time_limit_s:g}; "
            f"{t('report_threads', lang, n=solver.workers)}; "
            f"{t('report_seed', lang, seed=solver.seed)}",
        ),
    ]


def _targets(
    scenario: Scenario, kind: Callable[[str], str], lang: Lang
) -> str:
    targets = scenario.targets
    found = [
        t("report_at_most", lang, n=n, kind=kind(k))
        for k, n in targets.max_units.items()
    ]
    found += [
        t("report_at_least", lang, n=n, kind=kind(k))
        for k, n in targets.min_units.items()
    ]
    found += [
        t(
            "report_cut",
            lang,
            metric=label(_CUT_LABELS.get(key, key), lang),
            percent=f"{cut:.0%}",
        )
        for key, cut in targets.min_cut.items()
    ]
    return "; ".join(found)


def _groups(
    groups: Iterable[Iterable[str]], unit: Callable[[str], str], joint: str
) -> str:
    return "; ".join(joint.join(unit(u) for u in group) for group in groups)
