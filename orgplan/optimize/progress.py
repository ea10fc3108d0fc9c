"""What a long solve reports while it runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """The state of the search at an improving solution.

    ``objective`` and ``bound`` are in the scenario's units (weights as
    written, not scaled); ``gap`` is ``|objective - bound| / max(1,
    |objective|)``; ``elapsed`` is wall-clock seconds since the solve
    started; ``solutions`` counts the improving solutions so far.
    """

    objective: float
    bound: float
    gap: float
    elapsed: float
    solutions: int


def relative_gap(objective: float, bound: float) -> float:
    """``|objective - bound| / max(1, |objective|)``.

    Raises
    ------
    TypeError
        If either value is not a number.
    """
    return abs(objective - bound) / max(1.0, abs(objective))
