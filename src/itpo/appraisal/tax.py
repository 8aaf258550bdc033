"""Corporate income tax, vectorised over simulation draws: on the yearly profit, with losses
carried forward or credited in their year, and on the gain when the assets are sold."""

from __future__ import annotations

import numpy as np

from itpo.appraisal._numeric import FloatArray


def income_tax(
    profit: FloatArray, rate: float, carry_forward_years: int | None, credit: bool = False
) -> tuple[FloatArray, FloatArray]:
    """Tax per year and losses available at each year end, for profit of shape (..., T)."""
    profit = np.asarray(profit, dtype=np.float64)
    if credit:
        return rate * profit, np.zeros_like(profit)
    t_count = profit.shape[-1]
    tax = np.zeros_like(profit)
    pool = np.zeros_like(profit)
    if carry_forward_years is None:
        avail = np.zeros(profit.shape[:-1])
        for t in range(t_count):
            p = profit[..., t]
            used = np.minimum(avail, np.maximum(p, 0.0))
            tax[..., t] = rate * (np.maximum(p, 0.0) - used)
            avail = avail - used + np.maximum(-p, 0.0)
            pool[..., t] = avail
        return tax, pool
    # Losses expire, so keep them by year of origin and use the oldest first.
    losses = np.zeros_like(profit)
    for t in range(t_count):
        p = profit[..., t]
        lo = max(0, t - carry_forward_years)
        window = losses[..., lo:t]
        gain = np.maximum(p, 0.0)
        before = np.cumsum(window, axis=-1) - window
        used = np.clip(gain[..., None] - before, 0.0, window)
        losses[..., lo:t] = window - used
        tax[..., t] = rate * (gain - used.sum(axis=-1))
        losses[..., t] = np.maximum(-p, 0.0)
        start = max(0, t + 1 - carry_forward_years)
        pool[..., t] = losses[..., start : t + 1].sum(axis=-1)
    return tax, pool


def tax_on_sale(
    gain: FloatArray, profit: FloatArray, pool: FloatArray, rate: float, credit: bool
) -> FloatArray:
    """The tax a sale in the final year adds, of shape (..., 1): for the gain at sale in that
    year (shape (..., 1)), the yearly profit before tax and the losses available at each year
    end (shape (..., T)).

    A gain is taxed after the losses still carried into the final year and that year's own
    loss. A loss at sale is credited only when losses are credited; otherwise it is lost."""
    if credit:
        return np.asarray(rate * gain + 0.0 * profit[..., -1:], dtype=np.float64)
    # The losses usable in the final year are those left at the end of the year before: under
    # expiry too, since pool[t] counts the losses of the years that year t + 1 may still use.
    usable = pool[..., -2:-1] if pool.shape[-1] > 1 else 0.0
    base = profit[..., -1:] - usable
    taxed = np.maximum(base + np.maximum(gain, 0.0), 0.0) - np.maximum(base, 0.0)
    return np.asarray(rate * taxed, dtype=np.float64)
