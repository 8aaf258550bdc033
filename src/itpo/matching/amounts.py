"""Amounts as the records state them, and in a rate table's common unit for comparison."""

from __future__ import annotations

from collections.abc import Mapping

from itpo.registry.model import Opportunity


def stated_range(opportunity: Opportunity) -> tuple[float, float] | None:
    """The amount range as stated (one bound stands for both), or None."""
    low = opportunity.amount_min if opportunity.amount_min is not None else opportunity.amount_max
    high = opportunity.amount_max if opportunity.amount_max is not None else opportunity.amount_min
    if low is None or high is None or opportunity.currency is None:
        return None
    return low, high


def currency_rate(opportunity: Opportunity, rates: Mapping[str, float]) -> float | None:
    currency = (opportunity.currency or "").strip().upper()
    return rates.get(currency)


def amount_range(
    opportunity: Opportunity, rates: Mapping[str, float]
) -> tuple[float, float] | None:
    """The amount range in the rate table's common unit; None when it cannot be compared."""
    stated, rate = stated_range(opportunity), currency_rate(opportunity, rates)
    if stated is None or rate is None or stated[0] <= 0 or stated[1] < stated[0]:
        return None
    return stated[0] * rate, stated[1] * rate


def ranges_apart(a: Opportunity, b: Opportunity, rates: Mapping[str, float]) -> bool:
    """True when both amounts compare and their ranges do not overlap."""
    ours, theirs = amount_range(a, rates), amount_range(b, rates)
    if ours is None or theirs is None:
        return False
    return max(ours[0], theirs[0]) > min(ours[1], theirs[1])
