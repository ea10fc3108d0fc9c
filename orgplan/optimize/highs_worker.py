"""HiGHS's MIP search in a process of its own (``python -m`` this module).

:class:`orgplan.optimize.bounds.HighsBound` starts it beside CP-SAT's
search: it reads ``(mip, seconds, start)`` pickled on its standard input
and writes pickled messages on its standard output, ``("bound", b)`` for
each better dual bound, ``("solution", (objective, solution))`` for each
better plan (the solve may end it before it ends itself) and ``("end",
(objective, solution))`` when the search ends. A process of its own
takes no time from the interpreter and can be ended at once (HiGHS
answers a stop only at its next node).
"""

from __future__ import annotations

import math
import os
import pickle
import signal
import sys

from orgplan.optimize.mip import solve_highs


def main() -> None:
    # Ctrl-C reaches the whole process group; the solve ends this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    mip, seconds, start = pickle.load(sys.stdin.buffer)
    # HiGHS prints to the standard output: the messages get a copy of it.
    out = os.fdopen(os.dup(1), "wb")
    with open(os.devnull, "wb") as null:
        os.dup2(null.fileno(), 1)
    sent = [-math.inf]

    def send(message: tuple[str, object]) -> None:
        try:
            pickle.dump(message, out)
            out.flush()
        except BrokenPipeError:
            # The solve has ended (or died): no one reads any more.
            os._exit(0)

    def watch(bound: float) -> bool:
        if bound > sent[0]:
            sent[0] = bound
            send(("bound", bound))
        return False

    def improved(objective: float, solution: list[float]) -> None:
        send(("solution", (objective, solution)))

    outcome = solve_highs(
        mip, seconds, start=start, watch=watch, improved=improved
    )
    if outcome.bound is not None and outcome.bound > sent[0]:
        send(("bound", outcome.bound))
    send(("end", (outcome.objective, outcome.solution)))


if __name__ == "__main__":
    main()
