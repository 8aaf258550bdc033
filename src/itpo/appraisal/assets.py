"""Fixed-asset schedules: purchases, replacements, depreciation, book value and residual value."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.depreciation import charges
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
    book_value: FloatArray  # net book value at each year end

    @property
    def gain_on_sale(self) -> FloatArray:
        """Residual value less the book value of what is sold, in the final year only."""
        gain = np.zeros_like(self.residual)
        gain[-1] = self.residual[-1] - self.book_value[-1]
        return gain


def _depreciate(item: InvestmentItem, amount: float, start: int, horizon: int) -> FloatArray:
    """Depreciation of one vintage whose first depreciation year is `start` (1-based)."""
    dep = np.zeros(horizon)
    years = charges(item, amount)
    lo = start - 1
    hi = min(lo + years.size, horizon)
    if hi > lo:
        dep[lo:hi] = years[: hi - lo]
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
    first = True
    while True:
        capex[bought - 1] += amount
        if not first:
            repl[bought - 1] += amount
        # Depreciation starts once the asset is in service: the year after purchase, and
        # not before operations begin.
        start = max(bought + 1, op_start)
        vintage = _depreciate(item, amount, start, h)
        next_buy = start + item.useful_life - 1
        first = False
        # A replacement bought in the final year would only be sold back as residual value.
        # Assets that are not depreciated (land) do not wear out, so are never replaced.
        if not item.replace or item.depreciation == "none" or next_buy >= h:
            dep += vintage
            break
        # A schedule may run past the useful life (MACRS's half year): the asset replaced is
        # written off in the year it goes.
        vintage[next_buy - 1] += vintage[next_buy:].sum()
        vintage[next_buy:] = 0.0
        dep += vintage
        bought = next_buy
    book = np.cumsum(capex) - np.cumsum(dep)
    residual = np.zeros(h)
    if item.salvage_value is not None:
        residual[h - 1] = to_model_currency(model, item.salvage_value, item.currency)
    else:
        residual[h - 1] = max(float(book[-1]), 0.0)
    return AssetSchedule(capex, dep, residual, repl, book)


def asset_schedule(model: Model) -> AssetSchedule:
    """The sum of every investment item's schedule."""
    h = model.horizon_years
    parts = [item_schedule(model, item) for item in model.investments]
    if not parts:
        return AssetSchedule(*(np.zeros(h) for _ in range(5)))
    return AssetSchedule(
        *(
            np.sum([getattr(p, f) for p in parts], axis=0)
            for f in AssetSchedule.__dataclass_fields__
        )
    )
