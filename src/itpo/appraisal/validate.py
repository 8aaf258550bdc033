"""Consistency checks on a Model, returning every problem as (field path, message)."""

from __future__ import annotations

import math

from itpo.appraisal.depreciation import MAX_SCHEDULE_YEARS, SCHEDULE_TOLERANCE
from itpo.appraisal.errors import ModelError
from itpo.appraisal.model import DEPRECIATION_METHODS, InvestmentItem, Model, Phase

Problems = list[tuple[str, str]]


def _year_in(problems: Problems, path: str, year: int, horizon: int) -> None:
    if not 1 <= year <= horizon:
        problems.append((path, f"year {year} is outside the horizon 1..{horizon}"))


def _rate(problems: Problems, path: str, value: float) -> None:
    if not math.isfinite(value) or value <= -1.0:
        problems.append((path, f"must be a finite rate above -100%, got {value}"))


def _non_negative(problems: Problems, path: str, value: float) -> None:
    if not math.isfinite(value) or value < 0:
        problems.append((path, f"must be a finite number >= 0, got {value}"))


def _currency(problems: Problems, path: str, code: str | None, model: Model) -> None:
    if code is None or code == model.currency:
        return
    rate = model.exchange_rates.get(code)
    if rate is None:
        problems.append(
            (
                path,
                f"no exchange rate for {code!r} into {model.currency}; add exchange_rates.{code}",
            )
        )
    elif not (math.isfinite(rate) and rate > 0):
        problems.append((f"exchange_rates.{code}", f"must be a positive number, got {rate}"))


def _phases(problems: Problems, model: Model) -> None:
    spans: list[tuple[str, Phase]] = [("construction", model.phases.construction)]
    if model.phases.startup is not None:
        spans.append(("startup", model.phases.startup))
    spans.append(("production", model.phases.production))
    for name, ph in spans:
        path = f"phases.{name}"
        if ph.end_year < ph.start_year:
            problems.append(
                (path, f"ends in year {ph.end_year} before it starts ({ph.start_year})")
            )
        for attr in ("start_year", "end_year"):
            _year_in(problems, f"{path}.{attr}", getattr(ph, attr), model.horizon_years)
        if not (0.0 <= ph.utilisation <= 1.5):
            problems.append((f"{path}.utilisation", f"must be within 0..1.5, got {ph.utilisation}"))
    for i, (name_a, a) in enumerate(spans):
        for name_b, b in spans[i + 1 :]:
            if a.start_year <= b.end_year and b.start_year <= a.end_year:
                problems.append(
                    (
                        f"phases.{name_b}",
                        f"overlaps phases.{name_a} (years {a.start_year}-{a.end_year} and "
                        f"{b.start_year}-{b.end_year})",
                    )
                )
            elif b.start_year < a.start_year:
                problems.append((f"phases.{name_b}", f"must come after phases.{name_a}"))


def _schedule(problems: Problems, path: str, item: InvestmentItem) -> None:
    if item.depreciation not in DEPRECIATION_METHODS:
        choices = ", ".join(DEPRECIATION_METHODS)
        problems.append(
            (f"{path}.depreciation", f"must be one of {choices}; got {item.depreciation!r}")
        )
        return
    path, shares = f"{path}.depreciation_schedule", item.depreciation_schedule
    if item.depreciation != "schedule":
        if shares is not None:
            message = f"is only read with depreciation 'schedule', not {item.depreciation!r}"
            problems.append((path, message))
        return
    if shares is None or not shares:
        example = "[0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576]"
        problems.append((path, f"needs the share written off in each year, e.g. {example}"))
        return
    if len(shares) > MAX_SCHEDULE_YEARS:
        problems.append((path, f"has {len(shares)} years; at most {MAX_SCHEDULE_YEARS}"))
    bad = [k for k, share in enumerate(shares) if not (math.isfinite(share) and 0 <= share <= 1)]
    total = math.fsum(shares)
    if bad and abs(total - 100.0) <= 100 * SCHEDULE_TOLERANCE and min(shares) >= 0:
        problems.append((path, "looks written in percent; write fractions (0.2 for 20%)"))
        return
    for k in bad:
        problems.append((f"{path}[{k}]", f"must be a fraction within 0..1, got {shares[k]}"))
    if not bad and abs(total - 1.0) > SCHEDULE_TOLERANCE:
        problems.append(
            (path, f"the yearly shares must add up to 1 (100%); they add up to {total:.4%}")
        )


def problems(model: Model) -> Problems:
    """Every inconsistency in the model as (field path, message); empty when valid."""
    out: Problems = []
    h = model.horizon_years
    if not 1 <= h <= 100:
        out.append(("horizon_years", f"must be within 1..100, got {h}"))
        return out
    _rate(out, "discount_rate", model.discount_rate)
    if model.finance_rate is not None:
        _rate(out, "finance_rate", model.finance_rate)
    if model.reinvest_rate is not None:
        _rate(out, "reinvest_rate", model.reinvest_rate)
    _phases(out, model)
    for i, inv in enumerate(model.investments):
        p = f"investments[{i}]"
        _non_negative(out, f"{p}.amount", inv.amount)
        _year_in(out, f"{p}.year", inv.year, h)
        if inv.useful_life < 1:
            out.append((f"{p}.useful_life", f"must be at least 1 year, got {inv.useful_life}"))
        if inv.declining_rate is not None and not 0 < inv.declining_rate <= 1:
            out.append((f"{p}.declining_rate", f"must be within (0, 1], got {inv.declining_rate}"))
        _schedule(out, p, inv)
        if inv.salvage_value is not None:
            _non_negative(out, f"{p}.salvage_value", inv.salvage_value)
        _currency(out, f"{p}.currency", inv.currency, model)
    for i, prod in enumerate(model.products):
        p = f"products[{i}]"
        _non_negative(out, f"{p}.capacity", prod.capacity)
        _non_negative(out, f"{p}.price", prod.price)
        _non_negative(out, f"{p}.variable_cost_per_unit", prod.variable_cost_per_unit)
        _rate(out, f"{p}.price_escalation", prod.price_escalation)
        _rate(out, f"{p}.cost_escalation", prod.cost_escalation)
        for year, u in prod.utilisation.items():
            _year_in(out, f"{p}.utilisation.{year}", year, h)
            if not 0.0 <= u <= 1.5:
                out.append((f"{p}.utilisation.{year}", f"must be within 0..1.5, got {u}"))
        _currency(out, f"{p}.currency", prod.currency, model)
    for i, fc in enumerate(model.fixed_costs):
        p = f"fixed_costs[{i}]"
        _non_negative(out, f"{p}.amount", fc.amount)
        if fc.start_year is not None:
            _year_in(out, f"{p}.start_year", fc.start_year, h)
        _rate(out, f"{p}.escalation", fc.escalation)
        _currency(out, f"{p}.currency", fc.currency, model)
    wc = model.working_capital
    for attr in ("receivable_days", "inventory_days", "payable_days"):
        v = getattr(wc, attr)
        if not (math.isfinite(v) and 0 <= v <= 365):
            out.append((f"working_capital.{attr}", f"must be within 0..365 days, got {v}"))
    for i, eq in enumerate(model.equity):
        p = f"equity[{i}]"
        _non_negative(out, f"{p}.amount", eq.amount)
        _year_in(out, f"{p}.year", eq.year, h)
        _currency(out, f"{p}.currency", eq.currency, model)
    for i, loan in enumerate(model.loans):
        p = f"loans[{i}]"
        _non_negative(out, f"{p}.amount", loan.amount)
        _year_in(out, f"{p}.drawdown_year", loan.drawdown_year, h)
        _rate(out, f"{p}.interest_rate", loan.interest_rate)
        if loan.tenor_years < 1:
            out.append((f"{p}.tenor_years", f"must be at least 1 year, got {loan.tenor_years}"))
        elif loan.drawdown_year + loan.tenor_years - 1 > h:
            last = loan.drawdown_year + loan.tenor_years - 1
            out.append(
                (
                    f"{p}.tenor_years",
                    f"loan runs past the {h}-year horizon (last repayment year {last})",
                )
            )
        if not 0 <= loan.grace_years < max(loan.tenor_years, 1):
            out.append(
                (f"{p}.grace_years", f"must be >= 0 and below tenor_years, got {loan.grace_years}")
            )
        if loan.repayment not in ("annuity", "linear"):
            out.append((f"{p}.repayment", f"must be 'annuity' or 'linear', got {loan.repayment!r}"))
        _currency(out, f"{p}.currency", loan.currency, model)
    if not 0 <= model.tax.rate < 1:
        out.append(("tax.rate", f"must be within 0..1, got {model.tax.rate}"))
    cf = model.tax.loss_carry_forward_years
    if cf is not None and cf < 0:
        out.append(("tax.loss_carry_forward_years", f"must be >= 0 or null, got {cf}"))
    elif cf is not None and model.tax.credit_losses:
        message = "must be blank with tax.credit_losses: losses are credited, not carried forward"
        out.append(("tax.loss_carry_forward_years", message))
    return out


def check(model: Model) -> None:
    """Raise ModelError listing every problem if the model is inconsistent."""
    found = problems(model)
    if found:
        raise ModelError(found)


def to_model_currency(model: Model, amount: float, currency: str | None) -> float:
    """Convert an amount into the model currency (the model must have passed check())."""
    if currency is None or currency == model.currency:
        return amount
    return amount * model.exchange_rates[currency]
