"""Periodic discounted-cash-flow functions: NPV, IRR (all roots), MIRR, PMT and payback.

Timing conventions for `npv`:
* ``first_period=0`` ("project convention", COMFAR and numpy-financial): the first flow is at
  t=0 and is not discounted; flow k is divided by (1+rate)**k.
* ``first_period=1`` ("spreadsheet convention", Excel/LibreOffice/Google Sheets ``NPV``): the
  first flow is at the end of period 1; flow k is divided by (1+rate)**(k+1).
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from itpo.appraisal._numeric import (
    FloatArray,
    Flows,
    as_flows,
    check_both_signs,
    check_rate,
)
from itpo.appraisal.errors import InvalidInputError, MultipleIRRError, NoIRRError

__all__ = ["irr", "irr_roots", "mirr", "npv", "payback", "pmt"]


def npv(rate: float, flows: Flows, *, first_period: int = 0) -> float:
    """Net present value of periodic flows; first_period=0 (t=0) or 1 (spreadsheet NPV)."""
    r = check_rate(rate)
    arr = as_flows(flows)
    if first_period not in (0, 1):
        raise InvalidInputError("first_period", f"must be 0 or 1, got {first_period!r}")
    t = np.arange(arr.size, dtype=np.float64) + first_period
    return float(np.sum(arr / (1.0 + r) ** t))


def _poly_polish(coeffs: FloatArray, x: float) -> float:
    """Refine a root of the polynomial (highest power first) by Newton's method."""
    deriv = np.polyder(coeffs)
    for _ in range(60):
        fx = float(np.polyval(coeffs, x))
        dfx = float(np.polyval(deriv, x))
        if dfx == 0.0 or not np.isfinite(dfx):
            break
        step = fx / dfx
        x_new = x - step
        if not np.isfinite(x_new) or x_new <= 0.0:
            break
        x = x_new
        if abs(step) <= 1e-15 * max(1.0, abs(x)):
            break
    return x


def _balance(arr: FloatArray) -> tuple[FloatArray, float]:
    """Rescale x = s*y so the end coefficients match; flows spanning 1e-300..1e3 stay finite."""
    n = arr.size - 1
    with np.errstate(divide="ignore"):
        logs = np.log(np.abs(arr))
    log_s = (logs[0] - logs[-1]) / n
    t = np.arange(arr.size, dtype=np.float64)
    exps = logs + t * log_s
    exps -= np.max(exps[np.isfinite(exps)])
    with np.errstate(under="ignore"):
        scaled = np.sign(arr) * np.exp(exps)
    return scaled, float(np.exp(log_s))


def irr_roots(flows: Flows) -> list[float]:
    """All real internal rates of return above -100%, sorted ascending (may be empty)."""
    arr = as_flows(flows)
    nz = np.flatnonzero(arr)
    if nz.size == 0:
        return []
    # Leading zeros only shift time and trailing zeros add no information: trim both so the
    # polynomial in x = 1/(1+r) has a non-zero constant term and leading coefficient.
    arr = arr[nz[0] : nz[-1] + 1]
    if arr.size < 2:
        return []
    scaled, s = _balance(arr)
    coeffs = scaled[::-1]  # sum c_t y**t with x = s*y, highest power first for numpy
    with np.errstate(all="ignore"):
        candidates = np.roots(coeffs)
    roots: list[float] = []
    for z in candidates:
        if abs(z.imag) > 1e-6 * max(1.0, abs(z.real)) or z.real <= 0.0:
            continue
        y = _poly_polish(coeffs, float(z.real))
        # Checking in y-space keeps precision for rates near -100%, where 1+r underflows.
        if _is_root(scaled, y):
            roots.append(1.0 / (s * y) - 1.0)
    roots.sort()
    # A double root comes back from the eigenvalues as two values ~sqrt(eps) apart.
    groups: list[list[float]] = []
    for r in roots:
        if groups and abs(r - groups[-1][-1]) <= 1e-6 * max(1.0, abs(r)):
            groups[-1].append(r)
        else:
            groups.append([r])
    return [sum(g) / len(g) for g in groups]


def _is_root(arr: FloatArray, x: float) -> bool:
    """True when sum(flow_t * x**t) is negligible next to the size of its terms."""
    with np.errstate(all="ignore"):
        terms = arr * x ** np.arange(arr.size, dtype=np.float64)
    total = float(np.sum(np.abs(terms)))
    if not np.isfinite(total) or total == 0.0:
        return False
    return abs(float(np.sum(terms))) <= 1e-9 * total


def irr(flows: Flows) -> float:
    """The unique IRR; raises MultipleIRRError (listing roots) or NoIRRError otherwise."""
    arr = as_flows(flows)
    check_both_signs(arr)
    roots = irr_roots(arr)
    if not roots:
        raise NoIRRError(
            "flows: no internal rate of return exists: NPV is never zero for a rate above -100%"
        )
    if len(roots) > 1:
        raise MultipleIRRError(roots)
    return roots[0]


def mirr(flows: Flows, finance_rate: float, reinvest_rate: float) -> float:
    """Modified IRR: outflows discounted at finance_rate, inflows compounded at reinvest_rate."""
    arr = as_flows(flows)
    f = check_rate(finance_rate, "finance_rate")
    r = check_rate(reinvest_rate, "reinvest_rate")
    check_both_signs(arr)
    n = arr.size
    t = np.arange(n, dtype=np.float64)
    pv_out = float(np.sum(np.where(arr < 0, arr, 0.0) / (1.0 + f) ** t))
    fv_in = float(np.sum(np.where(arr > 0, arr, 0.0) * (1.0 + r) ** (n - 1 - t)))
    return float((fv_in / -pv_out) ** (1.0 / (n - 1)) - 1.0)


def pmt(
    rate: float,
    nper: float,
    pv: float,
    fv: float = 0.0,
    when: Literal["end", "begin"] = "end",
) -> float:
    """Level payment per period that amortises pv to fv (spreadsheet sign convention)."""
    r = check_rate(rate)
    if not nper > 0:
        raise InvalidInputError("nper", f"must be positive, got {nper}")
    if when not in ("end", "begin"):
        raise InvalidInputError("when", f"must be 'end' or 'begin', got {when!r}")
    if r == 0.0:
        return -(float(pv) + float(fv)) / float(nper)
    growth = float((1.0 + r) ** nper)
    w = 1.0 if when == "begin" else 0.0
    return -(fv + pv * growth) * r / ((1.0 + r * w) * (growth - 1.0))


def payback(flows: Flows, rate: float | None = None) -> float | None:
    """Periods until the (discounted, if rate given) cumulative flow turns and stays >= 0."""
    arr = as_flows(flows)
    if rate is not None:
        r = check_rate(rate)
        arr = arr / (1.0 + r) ** np.arange(arr.size, dtype=np.float64)
    cum = np.cumsum(arr)
    if cum[-1] < 0:
        return None
    negative = np.flatnonzero(cum < 0)
    if negative.size == 0:
        return 0.0
    k = int(negative[-1]) + 1  # first period after which the balance never dips again
    # Flows accrue evenly within a period, so the crossing point is linear in the period.
    return float(k - 1 + (-cum[k - 1]) / arr[k])
