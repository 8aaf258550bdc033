"""Dated cash flows: XNPV and XIRR on an Actual/365 day count, as in spreadsheets.

The first date starts the schedule; the others may come in any order but none before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from itpo.appraisal._numeric import (
    FloatArray,
    Flows,
    as_flows,
    check_both_signs,
    check_rate,
    solve_bracket,
)
from itpo.appraisal.errors import InvalidInputError, MultipleIRRError, NoIRRError

__all__ = ["xirr", "xnpv"]

# Candidate rates from just above -100% to +1e6 (i.e. 100,000,000%); the grid is dense in
# log(1+r) so brackets are found for both distressed and spectacular returns.
_GRID = np.expm1(np.linspace(np.log(1e-9), np.log(1e6 + 1.0), 800))


def _year_fractions(dates: Sequence[dt.date], n: int) -> FloatArray:
    if len(dates) != n:
        raise InvalidInputError(
            "dates", f"has {len(dates)} entries but flows has {n}; lengths must match"
        )
    ordinals = np.array([d.toordinal() for d in dates], dtype=np.float64)
    # As in spreadsheets, the first date starts the schedule and later dates may come in any
    # order; only a date before the start has no meaning.
    early = np.flatnonzero(ordinals < ordinals[0])
    if early.size:
        i = int(early[0])
        raise InvalidInputError(
            "dates",
            f"dates[{i}] ({dates[i]}) is before dates[0] ({dates[0]}); the first date starts "
            "the schedule and every other date must be on or after it",
        )
    years: FloatArray = (ordinals - ordinals[0]) / 365.0
    return years


def xnpv(rate: float, dates: Sequence[dt.date], flows: Flows) -> float:
    """Net present value of dated flows, discounted to the first date (Actual/365)."""
    r = check_rate(rate)
    arr = as_flows(flows)
    years = _year_fractions(dates, arr.size)
    return float(np.sum(arr / (1.0 + r) ** years))


def _xnpv_raw(arr: FloatArray, years: FloatArray, r: float) -> float:
    with np.errstate(all="ignore"):
        return float(np.sum(arr / (1.0 + r) ** years))


def xirr(dates: Sequence[dt.date], flows: Flows) -> float:
    """Internal rate of return of dated flows (Actual/365), found by bracketing every root."""
    arr = as_flows(flows)
    years = _year_fractions(dates, arr.size)
    check_both_signs(arr)
    with np.errstate(all="ignore"):
        values = np.sum(arr[None, :] / (1.0 + _GRID[:, None]) ** years[None, :], axis=1)
    roots: list[float] = []
    for i in range(_GRID.size - 1):
        fa, fb = float(values[i]), float(values[i + 1])
        if not (np.isfinite(fa) and np.isfinite(fb)):
            continue
        if fa == 0.0:
            roots.append(float(_GRID[i]))
        elif fa * fb < 0:
            a, b = float(_GRID[i]), float(_GRID[i + 1])
            roots.append(solve_bracket(lambda v: _xnpv_raw(arr, years, v), a, b, fa, fb))
    if not roots:
        raise NoIRRError("flows: no rate above -100% makes XNPV zero for these dated flows")
    if len(roots) > 1:
        raise MultipleIRRError(roots)
    return roots[0]
