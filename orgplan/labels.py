"""User-facing labels: the message catalogue under its first name.

The catalogue is :mod:`orgplan.i18n` (one table per language); this
module keeps the names older callers import.
"""

from __future__ import annotations

from orgplan.i18n import LABELS, LANGS, Lang, label

__all__ = ["LABELS", "LANGS", "Lang", "label"]
