"""Fixed-asset schedules: purchases, replacements, depreciation and residual value."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.model import InvestmentItem, Model
from itpo.appraisal.timeline import first_operating_year
from itpo.appraisal.validate import to_model_currency


@dataclass(frozen=True)
class AssetSchedule:
    """Yearly arrays (index 0 = year 1) in the model currency."""

    capex: FloatArray
    depreciation: FloatArray
    residual: FloatArray  # value recovered in the final year only
    replacements: FloatArray  # the part of capex that replaces worn-out assets


def _depreciate(item: InvestmentItem, amount: float, start: int, horizon: int) -> FloatArray:
    """Depreciation of one vintage whose first depreciation year is `start` (1-based)."""
    dep = np.zeros(horizon)
    life = item.useful_life
    if item.depreciation == "none":
        return dep  # land and similar assets keep their value
    if item.depreciation == "straight_line":
        charges = np.full(life, amount / life)
    else:
        rate = item.declining_rate if item.declining_rate is not None else min(1.0, 2.0 / life)
        book = amount
        charges = np.empty(life)
        for k in range(life - 1):
            charges[k] = book * rate
            book -= charges[k]
        # The last year of life writes off what is left, so the asset ends fully depreciated.
        charges[life - 1] = book
    lo = start - 1
    hi = min(lo + life, horizon)
    if hi > lo:
        dep[lo:hi] = charges[: hi - lo]
    return dep


def item_schedule(model: Model, item: InvestmentItem) -> AssetSchedule:
    """Purchases, replacements, depreciation and horizon-end residual of one asset."""
    h = model.horizon_years
    amount = to_model_currency(model, item.amount, item.currency)
    op_start = first_operating_year(model)
    capex = np.zeros(h)
    repl = np.zeros(h)
    dep = np.zeros(h)
    bought = item.year
    book_end = 0.0
    first = True
    while True:
        capex[bought - 1] += amount
        if not first:
            repl[bought - 1] += amount
        # Depreciation starts once the asset is in service: the year after purchase, and
        # not before operations begin.
        start = max(bought + 1, op_start)
        vintage = _depreciate(item, amount, start, h)
        dep += vintage
        book_end = amount - float(vintage.sum())
        next_buy = start + item.useful_life - 1
        first = False
        # A replacement bought in the final year would only be sold back as residual value.
        # Assets that are not depreciated (land) do not wear out, so are never replaced.
        if not item.replace or item.depreciation == "none" or next_buy >= h:
            break
        bought = next_buy
    residual = np.zeros(h)
    if item.salvage_value is not None:
        residual[h - 1] = to_model_currency(model, item.salvage_value, item.currency)
    else:
        residual[h - 1] = max(book_end, 0.0)
    return AssetSchedule(capex, dep, residual, repl)


def asset_schedule(model: Model) -> AssetSchedule:
    """The sum of every investment item's schedule."""
    h = model.horizon_years
    total = AssetSchedule(np.zeros(h), np.zeros(h), np.zeros(h), np.zeros(h))
    for item in model.investments:
        s = item_schedule(model, item)
        total = AssetSchedule(
            total.capex + s.capex,
            total.depreciation + s.depreciation,
            total.residual + s.residual,
            total.replacements + s.replacements,
        )
    return total
