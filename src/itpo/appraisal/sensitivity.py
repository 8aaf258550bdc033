"""Deterministic sensitivity: indicators, switching values, tornado and spider data.

Multiplicative drivers are varied as a percentage of their base value; the discount rate is
varied in percentage points (spider steps: relative to the base rate). NPV is the
total-capital NPV (first flow at t=0).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from itpo.appraisal._numeric import solve_bracket
from itpo.appraisal.drivers import DRIVERS, Driver, check_driver, factors_for
from itpo.appraisal.engine import Base, compute, npv_of, prepare
from itpo.appraisal.errors import InvalidInputError
from itpo.appraisal.model import Model


@dataclass(frozen=True)
class DriverSensitivity:
    """How NPV responds to one driver."""

    driver: Driver
    # Elasticity: % change in NPV per 1% change in the driver (per 1 point for the rate).
    sensitivity_indicator: float | None
    # Change in the driver (fraction of base, or rate points) at which NPV becomes zero.
    switching_value: float | None
    npv_low: float
    npv_high: float


@dataclass(frozen=True)
class SensitivityReport:
    """Per-driver results plus tornado (sorted by swing) and spider (NPV by step) data."""

    base_npv: float
    drivers: list[DriverSensitivity]
    tornado: list[tuple[Driver, float, float]]
    spider_steps: list[float]
    spider: dict[Driver, list[float]]


def _npv(base: Base, driver: Driver, change: float) -> float:
    rate = base.model.discount_rate
    value = rate + change if driver == "discount_rate" else 1.0 + change
    flows = compute(base, factors_for({driver: value}, rate))
    return float(npv_of(flows.total, flows.discount_rate))


def _switching(base: Base, driver: Driver, base_npv: float) -> float | None:
    """Smallest change (by size) in the driver that brings NPV to zero, if within range."""
    # Multipliers cannot fall below zero, nor the rate to -100%.
    lo_limit = -base.model.discount_rate - 1.0 if driver == "discount_rate" else -1.0
    grid = [x / 100.0 for x in range(0, 1001, 5)]
    best: float | None = None
    for direction in (1.0, -1.0):
        prev_c, prev_v = 0.0, base_npv
        for step in grid[1:]:
            c = direction * step
            if c <= lo_limit:
                break
            v = _npv(base, driver, c)
            if (v > 0) != (prev_v > 0) or v == 0.0:
                root = solve_bracket(lambda x: _npv(base, driver, x), prev_c, c, prev_v, v)
                if best is None or abs(root) < abs(best):
                    best = root
                break
            prev_c, prev_v = c, v
    return best


def analyse(
    model: Model,
    drivers: Sequence[str] = DRIVERS,
    *,
    swing: float = 0.2,
    rate_swing: float = 0.02,
    steps: Sequence[float] = (-0.2, -0.1, 0.0, 0.1, 0.2),
) -> SensitivityReport:
    """Sensitivity of total-capital NPV to each driver (swing as fraction; rate in points)."""
    if not 0 < swing < 1:
        raise InvalidInputError("swing", f"must be within (0, 1), got {swing}")
    if not 0 < rate_swing < 1:
        raise InvalidInputError("rate_swing", f"must be within (0, 1), got {rate_swing}")
    names = [check_driver(d, "drivers") for d in drivers]
    base = prepare(model)
    base_npv = _npv(base, "sales_price", 0.0)
    results: list[DriverSensitivity] = []
    spider: dict[Driver, list[float]] = {}
    for d in names:
        delta = rate_swing if d == "discount_rate" else swing
        low, high = _npv(base, d, -delta), _npv(base, d, delta)
        # Central difference of NPV per 1% of the driver (per point for the rate), in % of NPV.
        per_unit = (high - low) / (2 * delta) * 0.01
        indicator = per_unit / abs(base_npv) * 100.0 if base_npv != 0 else None
        results.append(DriverSensitivity(d, indicator, _switching(base, d, base_npv), low, high))
        # Spider steps are relative to the base value, for the rate too (+10% of 12% = 13.2%).
        scale = base.model.discount_rate if d == "discount_rate" else 1.0
        spider[d] = [_npv(base, d, s * scale) for s in steps]
    tornado = sorted(
        ((r.driver, r.npv_low, r.npv_high) for r in results),
        key=lambda t: -abs(t[2] - t[1]),
    )
    return SensitivityReport(base_npv, results, tornado, list(steps), spider)
