"""Corporate income tax with loss carry-forward, vectorised over simulation draws."""

from __future__ import annotations

import numpy as np

from itpo.appraisal._numeric import FloatArray


def income_tax(
    profit: FloatArray, rate: float, carry_forward_years: int | None
) -> tuple[FloatArray, FloatArray]:
    """Tax per year and losses available at each year end, for profit of shape (..., T)."""
    profit = np.asarray(profit, dtype=np.float64)
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
