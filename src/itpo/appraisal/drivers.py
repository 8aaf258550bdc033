"""Named risk drivers and how each one maps onto engine factors."""

from __future__ import annotations

from typing import Literal

from itpo.appraisal.engine import Factors, Scalar
from itpo.appraisal.errors import InvalidInputError

Driver = Literal[
    "sales_price",
    "sales_quantity",
    "investment_cost",
    "operating_costs",
    "fixed_costs",
    "variable_costs",
    "discount_rate",
]
DRIVERS: tuple[Driver, ...] = (
    "sales_price",
    "sales_quantity",
    "investment_cost",
    "operating_costs",
    "fixed_costs",
    "variable_costs",
    "discount_rate",
)


def check_driver(name: str, argument: str = "driver") -> Driver:
    """Return the name as a Driver, or raise naming the argument and the valid names."""
    for d in DRIVERS:
        if d == name:
            return d
    raise InvalidInputError(argument, f"unknown driver {name!r}; choose from {', '.join(DRIVERS)}")


def factors_for(values: dict[Driver, Scalar], base_rate: float) -> Factors:
    """Factors from driver values: multipliers (1.0 = base), discount_rate as a rate."""
    opex = values.get("operating_costs", 1.0)
    return Factors(
        price=values.get("sales_price", 1.0),
        quantity=values.get("sales_quantity", 1.0),
        investment=values.get("investment_cost", 1.0),
        fixed_costs=values.get("fixed_costs", 1.0) * opex,
        variable_costs=values.get("variable_costs", 1.0) * opex,
        discount_rate=values.get("discount_rate", base_rate),
    )
