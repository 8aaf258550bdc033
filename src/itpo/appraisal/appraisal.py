"""Evaluate a model: yearly tables (income, cash flow, sources and uses) and indicators."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.engine import Base, Flows, compute, npv_of, prepare
from itpo.appraisal.errors import AppraisalError
from itpo.appraisal.finance import irr_roots, mirr, payback
from itpo.appraisal.model import Model
from itpo.appraisal.validate import to_model_currency

Table = dict[str, list[float]]


@dataclass(frozen=True)
class ReturnMeasures:
    """Return indicators of one cash-flow view (total capital or equity)."""

    npv: float  # first flow at t=0 (project convention)
    npv_spreadsheet: float  # first flow discounted one period, like spreadsheet NPV()
    irr: float | None  # None when there is no IRR or it is ambiguous
    irr_roots: tuple[float, ...]
    irr_ambiguous: bool
    mirr: float | None
    payback_years: float | None
    discounted_payback_years: float | None


@dataclass(frozen=True)
class Appraisal:
    """Everything computed for a model; tables map row names to one value per year."""

    years: list[int]
    income_statement: Table
    cash_flow_total: Table
    cash_flow_equity: Table
    sources_and_uses: Table
    fixed_assets: Table
    total: ReturnMeasures
    equity: ReturnMeasures
    dscr: list[float | None]
    dscr_min: float | None
    break_even_utilisation: list[float | None]
    break_even_first_full_year: float | None


def _measures(flows: FloatArray, rate: float, finance: float, reinvest: float) -> ReturnMeasures:
    roots = tuple(irr_roots(flows))
    has_both = bool(np.any(flows > 0) and np.any(flows < 0))
    try:
        m = mirr(flows, finance, reinvest) if has_both else None
    except AppraisalError:
        m = None
    return ReturnMeasures(
        npv=float(npv_of(flows, rate)),
        npv_spreadsheet=float(npv_of(flows, rate, 1)),
        irr=roots[0] if len(roots) == 1 and has_both else None,
        irr_roots=roots,
        irr_ambiguous=len(roots) > 1,
        mirr=m,
        payback_years=payback(flows),
        discounted_payback_years=payback(flows, rate),
    )


def _row(a: FloatArray) -> list[float]:
    return [float(v) for v in a]


def _final_year(column: FloatArray, horizon: int) -> list[float]:
    return [0.0] * (horizon - 1) + [float(column[-1])]


def _fixed_assets(base: Base, fl: Flows) -> Table:
    h = base.model.horizon_years
    return {
        "investment": _row(fl.capex),
        "replacements": _row(base.assets.replacements),
        "depreciation": _row(fl.depreciation),
        "net_book_value": _row(fl.book_value),
        "residual_value": _row(fl.residual),
        "gain_on_sale": _final_year(fl.gain_on_sale, h),
        "tax_on_sale": _final_year(fl.tax_on_sale, h),
    }


def _tables(base: Base, fl: Flows) -> tuple[Table, Table, Table, Table]:
    ln, h = base.loans, base.model.horizon_years
    income: Table = {
        "revenue": _row(fl.revenue),
        "variable_costs": _row(fl.variable_costs),
        "fixed_costs": _row(fl.fixed_costs),
        "operating_margin": _row(fl.revenue - fl.variable_costs - fl.fixed_costs),
        "depreciation": _row(fl.depreciation),
        "operating_profit": _row(fl.revenue - fl.variable_costs - fl.fixed_costs - fl.depreciation),
        "interest": _row(fl.interest),
        "profit_before_tax": _row(fl.profit_before_tax),
        "tax": _row(fl.tax),
        "net_profit": _row(fl.profit_before_tax - fl.tax),
        "losses_carried_forward": _row(fl.loss_pool),
    }
    total: Table = {
        "inflow_revenue": _row(fl.revenue),
        "inflow_residual_value": _row(fl.residual),
        "outflow_investment": _row(fl.capex),
        "outflow_working_capital": _row(fl.working_capital_change),
        "outflow_operating_costs": _row(fl.variable_costs + fl.fixed_costs),
        "outflow_tax": _row(fl.tax),
        "outflow_tax_on_sale": _final_year(fl.tax_on_sale, h),
        "net_cash_flow": _row(fl.total),
        "cumulative": _row(np.cumsum(fl.total)),
    }
    equity: Table = {
        "net_cash_flow_total_capital": _row(fl.total),
        "loan_drawdown": _row(ln.drawdown),
        "interest_paid": _row(ln.interest_paid),
        "principal_repaid": _row(ln.principal),
        "net_cash_flow_equity": _row(fl.equity),
        "cumulative": _row(np.cumsum(fl.equity)),
    }
    eq_in = np.zeros(h)
    for e in base.model.equity:
        eq_in[e.year - 1] += to_model_currency(base.model, e.amount, e.currency)
    sources = eq_in + ln.drawdown + fl.revenue + fl.residual
    uses = (
        fl.capex
        + fl.working_capital_change
        + fl.variable_costs
        + fl.fixed_costs
        + ln.interest_paid
        + ln.principal
        + fl.tax
    )
    uses[-1] += fl.tax_on_sale[-1]
    su: Table = {
        "source_equity": _row(eq_in),
        "source_loans": _row(ln.drawdown),
        "source_revenue": _row(fl.revenue),
        "source_residual_value": _row(fl.residual),
        "total_sources": _row(sources),
        "use_investment": _row(fl.capex),
        "use_working_capital": _row(fl.working_capital_change),
        "use_operating_costs": _row(fl.variable_costs + fl.fixed_costs),
        "use_debt_service": _row(ln.interest_paid + ln.principal),
        "use_tax": _row(fl.tax),
        "use_tax_on_sale": _final_year(fl.tax_on_sale, h),
        "total_uses": _row(uses),
        "surplus": _row(sources - uses),
        "cumulative_cash": _row(np.cumsum(sources - uses)),
    }
    return income, total, equity, su


def evaluate(model: Model) -> Appraisal:
    """Validate and evaluate a model (raises ModelError listing every problem)."""
    base = prepare(model)
    return evaluate_base(base)


def evaluate_base(base: Base) -> Appraisal:
    """Evaluate an already prepared model at base-case values."""
    m = base.model
    fl = compute(base)
    rate = m.discount_rate
    finance = m.finance_rate if m.finance_rate is not None else rate
    reinvest = m.reinvest_rate if m.reinvest_rate is not None else rate
    service = base.loans.debt_service
    dscr: list[float | None] = [
        float(c / s) if s > 0 else None for c, s in zip(fl.cfads, service, strict=True)
    ]
    present = [d for d in dscr if d is not None]
    fixed_charges = fl.fixed_costs + fl.depreciation + fl.interest
    margin = base.operations.full_capacity_margin
    be: list[float | None] = [
        float(c / mg) if mg > 0 else None for c, mg in zip(fixed_charges, margin, strict=True)
    ]
    full = m.phases.production.start_year - 1
    first_label = m.first_calendar_year if m.first_calendar_year is not None else 1
    income, total, equity, su = _tables(base, fl)
    return Appraisal(
        years=list(range(first_label, first_label + m.horizon_years)),
        income_statement=income,
        cash_flow_total=total,
        cash_flow_equity=equity,
        sources_and_uses=su,
        fixed_assets=_fixed_assets(base, fl),
        total=_measures(fl.total, rate, finance, reinvest),
        equity=_measures(fl.equity, rate, finance, reinvest),
        dscr=dscr,
        dscr_min=min(present) if present else None,
        break_even_utilisation=be,
        break_even_first_full_year=be[full],
    )
