"""What a plan's status and gap mean, in a sentence or two.

The terminal (:mod:`orgplan.commands.planning`), the report and the
proposal say it in the same words; this module stays light, so that the
command line does not load the report's templates to say it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgplan.i18n import Lang, number_text, percent_text, status_word, t

if TYPE_CHECKING:
    from orgplan.plan import Plan


def explain_status(plan: Plan, lang: Lang) -> list[str]:
    """What the plan's status and gap mean, in a sentence or two."""
    status = plan.status.value
    if status == "optimal":
        return [t("explain_optimal", lang)]
    if status != "feasible":
        return [t("explain_other", lang, status=status_word(status, lang))]
    found = [t("explain_feasible", lang)]
    if plan.gap is None or plan.bound is None:
        method = t(f"method_{plan.method}", lang)
        found.append(t("explain_no_bound", lang, method=method))
    else:
        found.append(
            t(
                "explain_gap",
                lang,
                gap=percent_text(plan.gap, lang),
                objective=number_text(plan.objective, lang),
                bound=number_text(plan.bound, lang),
            )
        )
    return found
