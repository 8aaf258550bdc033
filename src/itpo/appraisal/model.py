"""The financial model of an industrial investment project, as plain dataclasses.

Years are numbered 1..horizon_years. Money amounts are in `currency` unless an item names
another currency, which is converted with `exchange_rates` (model-currency units per unit).
Rates are fractions (0.12 = 12%).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

DepreciationMethod = Literal[
    "straight_line",
    "declining_balance",
    "schedule",
    "macrs_3",
    "macrs_5",
    "macrs_7",
    "macrs_10",
    "macrs_15",
    "macrs_20",
    "none",
]
DEPRECIATION_METHODS: tuple[DepreciationMethod, ...] = (
    "straight_line",
    "declining_balance",
    "schedule",
    "macrs_3",
    "macrs_5",
    "macrs_7",
    "macrs_10",
    "macrs_15",
    "macrs_20",
    "none",
)
RepaymentMethod = Literal["annuity", "linear"]


@dataclass(frozen=True)
class Phase:
    """A span of years [start_year, end_year] with its default capacity utilisation."""

    start_year: int
    end_year: int
    utilisation: float = 0.0


@dataclass(frozen=True)
class Phases:
    """Construction, optional start-up and full-production phases; they must not overlap."""

    construction: Phase
    production: Phase
    startup: Phase | None = None


@dataclass(frozen=True)
class InvestmentItem:
    """A fixed asset bought in `year`, depreciated over `useful_life` years."""

    name: str
    amount: float
    year: int
    useful_life: int
    depreciation: DepreciationMethod = "straight_line"
    # Declining-balance rate per year; None means double-declining (2 / useful_life).
    declining_rate: float | None = None
    # With depreciation "schedule": the share of the cost written off in each year of service.
    depreciation_schedule: tuple[float, ...] | None = None
    replace: bool = True
    # Value recovered at the end of the horizon; None means the net book value then.
    salvage_value: float | None = None
    currency: str | None = None


@dataclass(frozen=True)
class WorkingCapital:
    """Days of coverage: receivables on sales; inventory and payables on variable costs."""

    receivable_days: float = 0.0
    inventory_days: float = 0.0
    payable_days: float = 0.0
    # Finance each year's requirement a year ahead, so the initial working capital is in
    # place when production starts (and is released in the final year).
    in_advance: bool = False


@dataclass(frozen=True)
class Product:
    """A product line: capacity per year, unit price and variable cost per unit."""

    name: str
    capacity: float
    price: float
    variable_cost_per_unit: float = 0.0
    unit: str = "unit"
    price_escalation: float = 0.0
    cost_escalation: float = 0.0
    # Capacity utilisation by year, overriding the phase defaults for this product.
    utilisation: Mapping[int, float] = field(default_factory=dict)
    currency: str | None = None


@dataclass(frozen=True)
class FixedCost:
    """A yearly fixed operating cost, from start_year (default: first operating year)."""

    name: str
    amount: float
    start_year: int | None = None
    escalation: float = 0.0
    currency: str | None = None


@dataclass(frozen=True)
class Equity:
    """Equity paid in by the sponsors in `year`."""

    amount: float
    year: int
    currency: str | None = None


@dataclass(frozen=True)
class Loan:
    """A loan drawn in one year; tenor counts the grace years and the repayment years."""

    name: str
    amount: float
    drawdown_year: int
    interest_rate: float
    tenor_years: int
    grace_years: int = 0
    repayment: RepaymentMethod = "annuity"
    # During grace, interest is either added to the principal (capitalised) or paid.
    capitalise_interest: bool = False
    currency: str | None = None


@dataclass(frozen=True)
class Tax:
    """Income tax, with loss carry-forward (None = never expiring) or credit in the year."""

    rate: float = 0.0
    loss_carry_forward_years: int | None = None
    # Losses are credited at `rate` in the year they arise (negative tax), as for a project
    # inside a company with other taxable profit, instead of being carried forward.
    credit_losses: bool = False


@dataclass(frozen=True)
class Model:
    """An investment project over a planning horizon of whole years."""

    name: str
    currency: str
    horizon_years: int
    phases: Phases
    discount_rate: float
    investments: tuple[InvestmentItem, ...] = ()
    products: tuple[Product, ...] = ()
    fixed_costs: tuple[FixedCost, ...] = ()
    working_capital: WorkingCapital = WorkingCapital()
    equity: tuple[Equity, ...] = ()
    loans: tuple[Loan, ...] = ()
    tax: Tax = Tax()
    exchange_rates: Mapping[str, float] = field(default_factory=dict)
    # MIRR rates; None means the discount rate.
    finance_rate: float | None = None
    reinvest_rate: float | None = None
    # Calendar year of project year 1, for labelling tables only.
    first_calendar_year: int | None = None
