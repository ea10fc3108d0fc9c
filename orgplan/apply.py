"""A plan applied: kept for callers; defined in :mod:`orgplan.semantics`.

:mod:`orgplan.semantics.after` applies a plan, :mod:`orgplan.semantics.
defects` says when it cannot be applied, :mod:`orgplan.semantics.staff`
shares staff and quotas.
"""

from orgplan.semantics.after import apply, apply_structure
from orgplan.semantics.defects import Defect, plan_defects, removed_units
from orgplan.semantics.staff import largest_remainder

__all__ = [
    "Defect",
    "apply",
    "apply_structure",
    "largest_remainder",
    "plan_defects",
    "removed_units",
]
