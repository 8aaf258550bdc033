"""Input coercion and a bracketing root solver shared by the finance functions."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from itpo.appraisal.errors import InvalidInputError

FloatArray = npt.NDArray[np.float64]
Flows = Sequence[float] | FloatArray


def as_flows(flows: Flows, name: str = "flows") -> FloatArray:
    """Return the flows as a 1-D float array, rejecting empty or non-finite input."""
    arr = np.asarray(flows, dtype=np.float64)
    if arr.ndim != 1:
        raise InvalidInputError(name, f"must be a one-dimensional sequence, got {arr.ndim}-D")
    if arr.size == 0:
        raise InvalidInputError(name, "is empty; at least one cash flow is needed")
    if not np.all(np.isfinite(arr)):
        raise InvalidInputError(name, "contains NaN or infinite values")
    return arr


def check_rate(rate: float, name: str = "rate") -> float:
    """Return the rate as float, rejecting rates at or below -100% and non-finite ones."""
    value = float(rate)
    if not math.isfinite(value):
        raise InvalidInputError(name, f"must be finite, got {value}")
    if value <= -1.0:
        raise InvalidInputError(name, f"must be above -100% (-1.0), got {value}")
    return value


def check_both_signs(arr: FloatArray, name: str = "flows") -> None:
    """Reject flows that are all of one sign: no rate can make their NPV zero."""
    if not (np.any(arr > 0) and np.any(arr < 0)):
        raise InvalidInputError(
            name, "all cash flows have the same sign (or are zero); need an outflow and an inflow"
        )


def solve_bracket(
    f: Callable[[float], float], a: float, b: float, fa: float, fb: float, *, xtol: float = 1e-15
) -> float:
    """Root of f in [a, b] where fa and fb differ in sign (Illinois false position)."""
    if fa == 0.0:
        return a
    if fb == 0.0:
        return b
    side = 0
    for _ in range(300):
        # False position converges superlinearly; halving the stale end (Illinois) keeps
        # it from stalling on one side, and a bisection guard keeps it inside the bracket.
        c = (a * fb - b * fa) / (fb - fa)
        if not (min(a, b) < c < max(a, b)):
            c = 0.5 * (a + b)
        fc = f(c)
        if fc == 0.0 or abs(b - a) <= xtol * max(1.0, abs(c)):
            return c
        if (fc > 0) == (fb > 0):
            b, fb = c, fc
            if side == -1:
                fa /= 2.0
            side = -1
        else:
            a, fa = c, fc
            if side == 1:
                fb /= 2.0
            side = 1
    return 0.5 * (a + b)
