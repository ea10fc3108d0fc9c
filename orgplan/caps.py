"""Deputy caps: kept for callers; defined in :mod:`orgplan.semantics.caps`."""

from orgplan.semantics.caps import (
    Cap,
    ChildParentViolation,
    OverCap,
    PooledCap,
    cap_size,
    child_parent_violations,
    effective_cap,
    over_cap,
    pooled_caps,
    unit_cap,
)

__all__ = [
    "Cap",
    "ChildParentViolation",
    "OverCap",
    "PooledCap",
    "cap_size",
    "child_parent_violations",
    "effective_cap",
    "over_cap",
    "pooled_caps",
    "unit_cap",
]
