"""HiGHS's bounds of the CP-SAT model, while CP-SAT searches.

CP-SAT's own bound often lags: its search finds the plans, but the
linear relaxation with the floors of docs/formulation.md, and HiGHS's
branch and bound on it, prove more. Where ``highspy`` is installed
(``pip install orgplan[mip]``) the CP-SAT solve asks HiGHS, on the same
model translated by :mod:`orgplan.optimize.mip`:

- first its LP bound (at most :data:`LP_SHARE` of the time);
- then, in a process of its own beside CP-SAT's search, its MIP dual
  bound, starting from the warm start's complete solution (fast mode
  only: a reproducible plan may not depend on the clock).

Both are lower bounds of the same model, so the plan reports the best of
them and CP-SAT's. The objective is a sum of integers, so a dual bound
within half a unit of CP-SAT's best plan, or within HiGHS's own relative
tolerance of 1e-6, proves it optimal: the search stops and the plan's
notes say that HiGHS proved it. Searches shorter than
:data:`HIGHS_MIN_SECONDS` ask HiGHS nothing.
"""

from __future__ import annotations

import math
import pickle
import subprocess
import sys
import threading

from ortools.sat.python import cp_model

from orgplan.optimize.mip import MipModel, from_cp_model, solve_highs
from orgplan.optimize.model import SCALE, StructureModel
from orgplan.optimize.progress import Run, Share

# HiGHS ends its search at a relative gap of about 1e-6 even when asked
# for 0: a bound that close proves a plan optimal to that tolerance
# (below the model's rounding of incoherence costs).
PROOF_TOLERANCE = 1e-6
# The LP bound gets at most this share of the time, and this many seconds.
LP_SHARE = 0.1
LP_SECONDS = 30.0
# Models with more variables than this get no MIP search (HiGHS would
# spend the time translating and presolving it).
MIP_VARIABLES = 60_000
# The share of the search's time HiGHS's MIP search may take: it answers
# a stop only at its next node, seconds later on a large model.
MIP_SHARE = 0.85
# Searches shorter than this ask HiGHS nothing: translating the model
# for it takes about a second per 4,000 variables, and starting its MIP
# process two seconds of a core (a fresh interpreter importing HiGHS),
# time that a short search -- one of the hundreds of blocks of a large
# scenario (orgplan.optimize.blocks) -- spends better in CP-SAT, which
# proves such blocks itself.
HIGHS_MIN_SECONDS = 10.0


class HighsBound:
    """HiGHS's LP and MIP bounds of one model (proto units)."""

    def __init__(self, model: cp_model.CpModel, reproducible: bool) -> None:
        self.model = model
        self.reproducible = reproducible
        self.best: float | None = None
        self.mip_bound: float | None = None
        # HiGHS's best solution (every column) and its objective.
        self.solution: list[float] | None = None
        self.objective: float | None = None
        self._mip: MipModel | None = None
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        objective = model.proto.objective
        # Integer coefficients (a proto's are) and offset: the objective
        # takes integer values only, and a bound may be rounded up.
        self.integral = float(objective.offset).is_integer() and (
            objective.scaling_factor in (0.0, 1.0)
        )
        try:
            import highspy  # noqa: F401
        except ImportError:
            self.available = False
        else:
            self.available = True

    def _translated(self) -> MipModel:
        if self._mip is None:
            self._mip = from_cp_model(self.model)
        return self._mip

    def relaxation(self, left: float) -> float | None:
        """The LP bound, or ``None`` (no HiGHS, or not solved in time)."""
        if not self.available or left < HIGHS_MIN_SECONDS:
            return None
        seconds = min(LP_SECONDS, LP_SHARE * left)
        bound = solve_highs(self._translated(), seconds, relax=True).bound
        if bound is None:
            return None
        bound = self._rounded(bound)
        self._raise(bound)
        return bound

    def search(
        self, start: list[int] | None, left: float, run: Run, share: Share
    ) -> bool:
        """Start HiGHS's MIP search beside CP-SAT's (fast mode only);
        whether it started.

        It runs in a process of its own (:mod:`orgplan.optimize.
        highs_worker`), for :data:`MIP_SHARE` of ``left`` or until
        :meth:`finish` ends it; its dual bound is taken as it rises
        (``run.bounded``), so that the caller may stop the search once
        :meth:`proves` says CP-SAT's best plan is optimal.
        """
        if (
            not self.available
            or self.reproducible
            or left < HIGHS_MIN_SECONDS
            or len(self.model.proto.variables) > MIP_VARIABLES
        ):
            return False
        process = subprocess.Popen(
            [sys.executable, "-m", "orgplan.optimize.highs_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # Out of the terminal's process group: Ctrl-C is the solve's.
            start_new_session=True,
        )
        self._process = process
        assert process.stdin is not None and process.stdout is not None
        job = (self._translated(), MIP_SHARE * left, start)
        try:
            pickle.dump(job, process.stdin)
            process.stdin.close()
        except OSError:
            return False
        out = process.stdout

        def listen() -> None:
            while True:
                try:
                    kind, value = pickle.load(out)
                except (EOFError, OSError, pickle.UnpicklingError):
                    return
                if kind == "bound":
                    self._mip_bounded(self._rounded(value), run, share)
                else:
                    self._found(*value)

        self._thread = threading.Thread(
            target=listen, name="highs-bound", daemon=True
        )
        self._thread.start()
        return True

    def finish(self, seconds: float = 1.0) -> None:
        """End the MIP search (its bound is known already), waiting a
        moment for the solution it sends if it is about to end."""
        process = self._process
        if process is None:
            return
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._thread is not None:
            self._thread.join()

    def proves(self, objective: float | None) -> bool:
        """Whether HiGHS's MIP bound shows ``objective`` optimal."""
        bound = self.mip_bound
        return (
            bound is not None
            and objective is not None
            and bound
            >= objective
            - max(
                0.5 if self.integral else 0.0, PROOF_TOLERANCE * abs(objective)
            )
        )

    def ahead(self, objective: float | None) -> float | None:
        """HiGHS's best objective when its plan beats ``objective``
        (CP-SAT's best, ``None``: none) by a unit or more, else ``None``."""
        with self._lock:
            found = self.objective
        return found if _beats(found, objective) else None

    def better(
        self, built: StructureModel, objective: float | None
    ) -> tuple[float, dict[int, int]] | None:
        """HiGHS's objective and decisions when its plan beats
        ``objective`` (see :meth:`ahead`), else ``None``."""
        with self._lock:
            found, solution = self.objective, self.solution
        if found is None or solution is None or not _beats(found, objective):
            return None
        return found, {
            var.index: round(solution[var.index])
            for var in (
                *built.x.values(),
                *built.folds.values(),
                *built.splits.values(),
            )
        }

    def note(
        self, cp_bound: float | None, objective: float
    ) -> dict[str, str] | None:
        """What the plan says of HiGHS's part in its bound, if any (a
        catalogue message, :func:`orgplan.i18n.message`)."""
        bound = self.mip_bound
        if bound is None or (cp_bound is not None and bound <= cp_bound):
            return None
        if self.proves(objective):
            return {"key": "note_highs_proved"}
        return {"key": "note_highs_bound"}

    def _found(
        self, objective: float | None, solution: list[float] | None
    ) -> None:
        """HiGHS's plan, when it is its best so far (its last message
        may have none)."""
        if objective is None or solution is None:
            return
        with self._lock:
            if self.objective is None or objective < self.objective:
                self.objective, self.solution = objective, solution

    def _rounded(self, bound: float) -> float:
        if not self.integral:
            return bound
        # No plan's objective lies between two integers.
        return float(math.ceil(bound - 1e-6 * max(1.0, abs(bound))))

    def _mip_bounded(self, bound: float, run: Run, share: Share) -> None:
        with self._lock:
            if self.mip_bound is not None and bound <= self.mip_bound:
                return
            self.mip_bound = bound
            self._raise(bound)
        whole = share.bound_of(bound / SCALE)
        if whole is not None:
            run.bounded(whole)

    def _raise(self, bound: float) -> None:
        if self.best is None or bound > self.best:
            self.best = bound


def _beats(found: float | None, objective: float | None) -> bool:
    """Whether HiGHS's ``found`` beats CP-SAT's ``objective`` (``None``:
    none) by a unit or more (both in proto units)."""
    if found is None:
        return False
    return objective is None or found <= objective - 0.5
