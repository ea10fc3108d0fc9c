"""Ctrl-C while the command line loads: "Aborted!", not a traceback.

The command line imports this module first and calls :func:`restore` once
its modules are loaded; from then on Ctrl-C is Python's KeyboardInterrupt
again, which click turns into "Aborted!" and the solver into "keep the
best plan so far".
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _abort(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("\nAborted!\n")
    raise SystemExit(1)


def restore() -> None:
    """Give Ctrl-C back to Python, unless someone else took it meanwhile."""
    if signal.getsignal(signal.SIGINT) is _abort:
        signal.signal(signal.SIGINT, signal.default_int_handler)


# Only the main thread may set a handler; elsewhere (an import inside a
# worker thread) Ctrl-C is not delivered anyway.
try:
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _abort)
except ValueError:
    pass
