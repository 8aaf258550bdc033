"""Read a JSON/YAML-shaped mapping into a Model, collecting every error with its path."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from itpo.appraisal.errors import ModelError
from itpo.appraisal.model import (
    DEPRECIATION_METHODS,
    Equity,
    FixedCost,
    InvestmentItem,
    Loan,
    Model,
    Phase,
    Phases,
    Product,
    Tax,
    WorkingCapital,
)
from itpo.appraisal.validate import problems

T = TypeVar("T")
_MISSING = object()


class _Reader:
    """Typed field access that records problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append((path, message))

    def obj(self, data: Any, path: str) -> Mapping[str, Any] | None:
        if not isinstance(data, Mapping):
            self.fail(path, f"must be an object, got {type(data).__name__}")
            return None
        return data

    def _get(self, data: Mapping[str, Any], key: str, path: str, required: bool) -> Any:
        value = data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.fail(path, "is required")
            return _MISSING
        return value

    def num(
        self, data: Mapping[str, Any], key: str, path: str, default: float | None = None
    ) -> float:
        value = self._get(data, key, path, default is None)
        if value is _MISSING:
            return default if default is not None else math.nan
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, f"must be a number, got {value!r}")
            return math.nan
        if not math.isfinite(float(value)):
            self.fail(path, f"must be finite, got {value!r}")
            return math.nan
        return float(value)

    def opt_num(self, data: Mapping[str, Any], key: str, path: str) -> float | None:
        if data.get(key) is None:
            return None
        return self.num(data, key, path)

    def int_(self, data: Mapping[str, Any], key: str, path: str, default: int | None = None) -> int:
        value = self._get(data, key, path, default is None)
        if value is _MISSING:
            return default if default is not None else 0
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                return int(value)
            self.fail(path, f"must be a whole number, got {value!r}")
            return 0
        return value

    def opt_numbers(self, data: Mapping[str, Any], key: str, path: str) -> tuple[float, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.fail(path, f"must be a list of numbers, got {type(value).__name__}")
            return None
        numbers = {f"{path}[{k}]": v for k, v in enumerate(value)}
        out = tuple(self.num(numbers, key, key) for key in numbers)
        return out if all(math.isfinite(v) for v in out) else None

    def opt_int(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        if data.get(key) is None:
            return None
        return self.int_(data, key, path)

    def str_(self, data: Mapping[str, Any], key: str, path: str, default: str | None = None) -> str:
        value = self._get(data, key, path, default is None)
        if value is _MISSING:
            return default if default is not None else ""
        if not isinstance(value, str) or not value:
            self.fail(path, f"must be a non-empty string, got {value!r}")
            return ""
        return value

    def opt_str(self, data: Mapping[str, Any], key: str, path: str) -> str | None:
        if data.get(key) is None:
            return None
        return self.str_(data, key, path)

    def choice(self, data: Mapping[str, Any], key: str, path: str, options: tuple[str, ...]) -> str:
        value = self.str_(data, key, path, options[0])
        if value and value not in options:
            self.fail(path, f"must be one of {', '.join(options)}; got {value!r}")
            return options[0]
        return value

    def bool_(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(path, f"must be true or false, got {value!r}")
            return default
        return value

    def items(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        read: Callable[[Mapping[str, Any], str], T],
    ) -> tuple[T, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(path, f"must be a list, got {type(value).__name__}")
            return ()
        out: list[T] = []
        for i, entry in enumerate(value):
            sub = self.obj(entry, f"{path}[{i}]")
            if sub is not None:
                out.append(read(sub, f"{path}[{i}]"))
        return tuple(out)


def _phase(r: _Reader, d: Mapping[str, Any], p: str, default_util: float) -> Phase:
    return Phase(
        start_year=r.int_(d, "start_year", f"{p}.start_year"),
        end_year=r.int_(d, "end_year", f"{p}.end_year"),
        utilisation=r.num(d, "utilisation", f"{p}.utilisation", default_util),
    )


def _phases(r: _Reader, data: Mapping[str, Any]) -> Phases:
    raw = r.obj(data.get("phases"), "phases") or {}
    parts: dict[str, Phase | None] = {}
    for name, util in (("construction", 0.0), ("startup", None), ("production", 1.0)):
        sub = raw.get(name)
        if sub is None and name == "startup":
            parts[name] = None
            continue
        obj = r.obj(sub, f"phases.{name}")
        parts[name] = (
            _phase(r, obj, f"phases.{name}", util if util is not None else 0.5) if obj else None
        )
    fallback = Phase(1, 1)
    return Phases(
        construction=parts["construction"] or fallback,
        production=parts["production"] or fallback,
        startup=parts["startup"],
    )


def _utilisation(r: _Reader, d: Mapping[str, Any], p: str) -> dict[int, float]:
    raw = d.get("utilisation", {})
    if not isinstance(raw, Mapping):
        r.fail(f"{p}.utilisation", "must be an object of year -> fraction")
        return {}
    out: dict[int, float] = {}
    for key in raw:
        try:
            year = int(key)
        except (TypeError, ValueError):
            r.fail(f"{p}.utilisation.{key}", "year keys must be whole numbers")
            continue
        out[year] = r.num(raw, key, f"{p}.utilisation.{key}")
    return out


def parse_model(data: Mapping[str, Any]) -> Model:
    """Build a Model from a mapping, raising ModelError with every (path, message) found."""
    r = _Reader()
    if r.obj(data, "$") is None:
        raise ModelError(r.errors)

    def investment(d: Mapping[str, Any], p: str) -> InvestmentItem:
        method = r.choice(d, "depreciation", f"{p}.depreciation", DEPRECIATION_METHODS)
        return InvestmentItem(
            name=r.str_(d, "name", f"{p}.name"),
            amount=r.num(d, "amount", f"{p}.amount"),
            year=r.int_(d, "year", f"{p}.year"),
            useful_life=r.int_(d, "useful_life", f"{p}.useful_life"),
            depreciation=next((m for m in DEPRECIATION_METHODS if m == method), "straight_line"),
            declining_rate=r.opt_num(d, "declining_rate", f"{p}.declining_rate"),
            depreciation_schedule=r.opt_numbers(
                d, "depreciation_schedule", f"{p}.depreciation_schedule"
            ),
            replace=r.bool_(d, "replace", f"{p}.replace", True),
            salvage_value=r.opt_num(d, "salvage_value", f"{p}.salvage_value"),
            currency=r.opt_str(d, "currency", f"{p}.currency"),
        )

    def product(d: Mapping[str, Any], p: str) -> Product:
        return Product(
            name=r.str_(d, "name", f"{p}.name"),
            capacity=r.num(d, "capacity", f"{p}.capacity"),
            price=r.num(d, "price", f"{p}.price"),
            variable_cost_per_unit=r.num(
                d, "variable_cost_per_unit", f"{p}.variable_cost_per_unit", 0.0
            ),
            unit=r.str_(d, "unit", f"{p}.unit", "unit"),
            price_escalation=r.num(d, "price_escalation", f"{p}.price_escalation", 0.0),
            cost_escalation=r.num(d, "cost_escalation", f"{p}.cost_escalation", 0.0),
            utilisation=_utilisation(r, d, p),
            currency=r.opt_str(d, "currency", f"{p}.currency"),
        )

    def fixed_cost(d: Mapping[str, Any], p: str) -> FixedCost:
        return FixedCost(
            name=r.str_(d, "name", f"{p}.name"),
            amount=r.num(d, "amount", f"{p}.amount"),
            start_year=r.opt_int(d, "start_year", f"{p}.start_year"),
            escalation=r.num(d, "escalation", f"{p}.escalation", 0.0),
            currency=r.opt_str(d, "currency", f"{p}.currency"),
        )

    def equity(d: Mapping[str, Any], p: str) -> Equity:
        return Equity(
            amount=r.num(d, "amount", f"{p}.amount"),
            year=r.int_(d, "year", f"{p}.year"),
            currency=r.opt_str(d, "currency", f"{p}.currency"),
        )

    def loan(d: Mapping[str, Any], p: str) -> Loan:
        method = r.choice(d, "repayment", f"{p}.repayment", ("annuity", "linear"))
        return Loan(
            name=r.str_(d, "name", f"{p}.name"),
            amount=r.num(d, "amount", f"{p}.amount"),
            drawdown_year=r.int_(d, "drawdown_year", f"{p}.drawdown_year"),
            interest_rate=r.num(d, "interest_rate", f"{p}.interest_rate"),
            tenor_years=r.int_(d, "tenor_years", f"{p}.tenor_years"),
            grace_years=r.int_(d, "grace_years", f"{p}.grace_years", 0),
            repayment="linear" if method == "linear" else "annuity",
            capitalise_interest=r.bool_(
                d, "capitalise_interest", f"{p}.capitalise_interest", False
            ),
            currency=r.opt_str(d, "currency", f"{p}.currency"),
        )

    wc_raw = r.obj(data.get("working_capital", {}), "working_capital") or {}
    tax_raw = r.obj(data.get("tax", {}), "tax") or {}
    rates_raw = r.obj(data.get("exchange_rates", {}), "exchange_rates") or {}
    model = Model(
        name=r.str_(data, "name", "name"),
        currency=r.str_(data, "currency", "currency"),
        horizon_years=r.int_(data, "horizon_years", "horizon_years"),
        phases=_phases(r, data),
        discount_rate=r.num(data, "discount_rate", "discount_rate"),
        investments=r.items(data, "investments", "investments", investment),
        products=r.items(data, "products", "products", product),
        fixed_costs=r.items(data, "fixed_costs", "fixed_costs", fixed_cost),
        working_capital=WorkingCapital(
            receivable_days=r.num(
                wc_raw, "receivable_days", "working_capital.receivable_days", 0.0
            ),
            inventory_days=r.num(wc_raw, "inventory_days", "working_capital.inventory_days", 0.0),
            payable_days=r.num(wc_raw, "payable_days", "working_capital.payable_days", 0.0),
            in_advance=r.bool_(wc_raw, "in_advance", "working_capital.in_advance", False),
        ),
        equity=r.items(data, "equity", "equity", equity),
        loans=r.items(data, "loans", "loans", loan),
        tax=Tax(
            rate=r.num(tax_raw, "rate", "tax.rate", 0.0),
            loss_carry_forward_years=r.opt_int(
                tax_raw, "loss_carry_forward_years", "tax.loss_carry_forward_years"
            ),
            credit_losses=r.bool_(tax_raw, "credit_losses", "tax.credit_losses", False),
        ),
        exchange_rates={k: r.num(rates_raw, k, f"exchange_rates.{k}") for k in rates_raw},
        finance_rate=r.opt_num(data, "finance_rate", "finance_rate"),
        reinvest_rate=r.opt_num(data, "reinvest_rate", "reinvest_rate"),
        first_calendar_year=r.opt_int(data, "first_calendar_year", "first_calendar_year"),
    )
    # Also report consistency problems, except on fields that already failed to read
    # (their placeholder values would only produce echoes of the same error).
    bad = [path for path, _ in r.errors]
    for path, message in problems(model):
        if not any(path.startswith(b) or b.startswith(path) for b in bad):
            r.fail(path, message)
    if r.errors:
        raise ModelError(r.errors)
    return model
