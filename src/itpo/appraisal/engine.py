"""The yearly arithmetic of the model, written over arrays so draws are evaluated at once.

`prepare` turns a validated Model into base-case yearly arrays. `compute` scales them by
driver factors that are floats (one case) or arrays of shape (n, 1) (n draws), giving
results of shape (T,) or (n, T) without a Python loop per draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.assets import AssetSchedule, asset_schedule
from itpo.appraisal.loans import LoanSchedule, all_loans
from itpo.appraisal.model import Model
from itpo.appraisal.operations import OperatingSchedule, operating_schedule
from itpo.appraisal.tax import income_tax, tax_on_sale
from itpo.appraisal.validate import check

Scalar = float | FloatArray


@dataclass(frozen=True)
class Base:
    """Base-case schedules of a validated model."""

    model: Model
    assets: AssetSchedule
    operations: OperatingSchedule
    loans: LoanSchedule


@dataclass(frozen=True)
class Factors:
    """Multipliers on base-case drivers (1.0 = base) and an optional discount rate."""

    price: Scalar = 1.0
    quantity: Scalar = 1.0
    investment: Scalar = 1.0
    fixed_costs: Scalar = 1.0
    variable_costs: Scalar = 1.0
    discount_rate: Scalar | None = None


@dataclass(frozen=True)
class Flows:
    """Yearly results, shape (T,) for one case or (n, T) for n draws."""

    revenue: FloatArray
    variable_costs: FloatArray
    fixed_costs: FloatArray
    depreciation: FloatArray
    interest: FloatArray
    profit_before_tax: FloatArray
    tax: FloatArray
    loss_pool: FloatArray
    capex: FloatArray
    working_capital: FloatArray
    working_capital_change: FloatArray
    residual: FloatArray
    book_value: FloatArray
    # The sale at the end of the horizon: final year only, shape (1,) or (n, 1).
    gain_on_sale: FloatArray
    tax_on_sale: FloatArray
    total: FloatArray
    equity: FloatArray
    cfads: FloatArray
    discount_rate: Scalar


def prepare(model: Model) -> Base:
    """Validate the model and build its base-case schedules."""
    check(model)
    return Base(model, asset_schedule(model), operating_schedule(model), all_loans(model))


def compute(base: Base, f: Factors | None = None) -> Flows:
    """Income, tax and cash flows for the given driver factors."""
    f = f or Factors()
    m = base.model
    ops, ast, ln = base.operations, base.assets, base.loans
    revenue = (f.price * f.quantity) * ops.revenue
    variable = (f.quantity * f.variable_costs) * ops.variable_costs
    fixed = f.fixed_costs * ops.fixed_costs
    dep = f.investment * ast.depreciation
    capex = f.investment * ast.capex
    residual = f.investment * ast.residual
    wc = m.working_capital
    # Inventory and payables both scale with variable (material) costs, receivables with sales.
    level = (
        revenue * wc.receivable_days + variable * (wc.inventory_days - wc.payable_days)
    ) / 365.0
    if wc.in_advance:
        level = np.concatenate([level[..., 1:], np.zeros_like(level[..., :1])], axis=-1)
    prior = np.concatenate([np.zeros_like(level[..., :1]), level[..., :-1]], axis=-1)
    change = level - prior
    # What is tied up in working capital is released when the horizon closes.
    release = np.zeros_like(level)
    release[..., -1] = level[..., -1]
    pbt = revenue - variable - fixed - dep - ln.interest_paid
    tx = m.tax
    tax, pool = income_tax(pbt, tx.rate, tx.loss_carry_forward_years, tx.credit_losses)
    # What is sold at the end of the horizon above (below) its book value is a gain (loss);
    # both live in the final year only, so only that column is computed.
    gain = f.investment * ast.gain_on_sale[-1:]
    sale_tax = tax_on_sale(gain, pbt, pool, tx.rate, tx.credit_losses)
    cfads = revenue - variable - fixed - tax - change
    total = cfads - capex + residual + release
    total[..., -1:] -= sale_tax
    equity = total + ln.drawdown - ln.interest_paid - ln.principal
    rate = m.discount_rate if f.discount_rate is None else f.discount_rate
    return Flows(
        revenue=revenue,
        variable_costs=variable,
        fixed_costs=fixed,
        depreciation=dep,
        interest=np.broadcast_to(ln.interest_paid, revenue.shape),
        profit_before_tax=pbt,
        tax=tax,
        loss_pool=pool,
        capex=capex,
        working_capital=level,
        working_capital_change=change - release,
        residual=residual,
        book_value=f.investment * ast.book_value,
        gain_on_sale=np.asarray(gain, dtype=np.float64),
        tax_on_sale=sale_tax,
        total=total,
        equity=equity,
        cfads=cfads,
        discount_rate=rate,
    )


def npv_of(flows: FloatArray, rate: Scalar, first_period: int = 0) -> FloatArray:
    """NPV along the last axis; rate is a float or an array of shape (n, 1)."""
    t = np.arange(flows.shape[-1], dtype=np.float64) + first_period
    return np.asarray(np.sum(flows / (1.0 + np.asarray(rate)) ** t, axis=-1), dtype=np.float64)
