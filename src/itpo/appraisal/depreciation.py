"""Depreciation charges of one asset: straight line, declining balance or a yearly schedule.

A schedule gives the share of the cost written off in each year of service, as tax tables do
(US MACRS, the ACRS of textbooks). The named MACRS tables are the half-year convention tables of
IRS Publication 946, *How to Depreciate Property*, Appendix A, Table A-1 ("3-, 5-, 7-, 10-, 15-,
and 20-Year Property, Half-Year Convention"): 200% declining balance switching to straight line
for the 3- to 10-year classes, 150% for the 15- and 20-year classes. Each has one year more than
its class, since the half-year convention leaves half a year for the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.model import InvestmentItem

# Percentages as printed in Table A-1, divided by 100.
MACRS_HALF_YEAR: Mapping[str, tuple[float, ...]] = {
    "macrs_3": (0.3333, 0.4445, 0.1481, 0.0741),
    "macrs_5": (0.20, 0.32, 0.192, 0.1152, 0.1152, 0.0576),
    "macrs_7": (0.1429, 0.2449, 0.1749, 0.1249, 0.0893, 0.0892, 0.0893, 0.0446),
    "macrs_10": (0.10, 0.18, 0.144, 0.1152, 0.0922, 0.0737, 0.0655, 0.0655, 0.0656, 0.0655,
                 0.0328),
    "macrs_15": (0.05, 0.095, 0.0855, 0.077, 0.0693, 0.0623, 0.059, 0.059, 0.0591, 0.059,
                 0.0591, 0.059, 0.0591, 0.059, 0.0591, 0.0295),
    "macrs_20": (0.0375, 0.07219, 0.06677, 0.06177, 0.05713, 0.05285, 0.04888, 0.04522,
                 0.04462, 0.04461, 0.04462, 0.04461, 0.04462, 0.04461, 0.04462, 0.04461,
                 0.04462, 0.04461, 0.04462, 0.04461, 0.02231),
}  # fmt: skip
# Published tables round each year to 0.01 point (0.001 for 20-year property), so a table typed
# from print may add up to 100% give or take a hundredth of a point.
SCHEDULE_TOLERANCE = 1e-4
MAX_SCHEDULE_YEARS = 100


def schedule_of(item: InvestmentItem) -> Sequence[float] | None:
    """The yearly shares of an item depreciated by a schedule (its own or a named table)."""
    if item.depreciation == "schedule":
        return item.depreciation_schedule
    return MACRS_HALF_YEAR.get(item.depreciation)


def charges(item: InvestmentItem, amount: float) -> FloatArray:
    """Depreciation of one purchase by year of service, ending fully depreciated."""
    life = item.useful_life
    shares = schedule_of(item)
    if item.depreciation == "none":
        return np.zeros(0)  # land and similar assets keep their value
    if shares is not None:
        out = amount * np.asarray(shares, dtype=np.float64)
    elif item.depreciation == "straight_line":
        return np.full(life, amount / life)
    else:
        rate = item.declining_rate if item.declining_rate is not None else min(1.0, 2.0 / life)
        out = np.empty(life)
        book = amount
        for k in range(life):
            out[k] = book * rate
            book -= out[k]
    # The last year writes off what is left: a declining balance never reaches zero, and a
    # table's rounding leaves a few hundredths of a point.
    out[-1] = amount - float(out[:-1].sum())
    return out
