"""The staffing plan: quotas, transfers, separations and leaders.

See :func:`plan_staffing`; each step has its own module with its rule in
the module docstring (``quotas``, ``distances``, ``transfers``,
``separations``, ``leaders``), and ``roster`` keeps the people as columns
so that a national roster fits.
"""

from orgplan.staffing.stage import Staffing, balance_staff, plan_staffing

__all__ = ["Staffing", "balance_staff", "plan_staffing"]
