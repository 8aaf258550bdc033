"""Sales programme and operating costs at base-case values."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.model import Model
from itpo.appraisal.timeline import (
    escalation,
    first_operating_year,
    operating_mask,
    product_utilisation,
)
from itpo.appraisal.validate import to_model_currency


@dataclass(frozen=True)
class OperatingSchedule:
    """Yearly arrays (index 0 = year 1) in the model currency."""

    revenue: FloatArray
    variable_costs: FloatArray
    fixed_costs: FloatArray
    # Contribution margin if every product ran at 100% capacity, for break-even analysis.
    full_capacity_margin: FloatArray
    revenue_by_product: dict[str, FloatArray]
    quantity_by_product: dict[str, FloatArray]


def operating_schedule(model: Model) -> OperatingSchedule:
    """Revenue, variable and fixed costs per year from products and fixed cost items."""
    h = model.horizon_years
    op_start = first_operating_year(model)
    mask = operating_mask(model)
    revenue = np.zeros(h)
    variable = np.zeros(h)
    margin = np.zeros(h)
    by_product: dict[str, FloatArray] = {}
    qty_by_product: dict[str, FloatArray] = {}
    for prod in model.products:
        price = to_model_currency(model, prod.price, prod.currency)
        unit_cost = to_model_currency(model, prod.variable_cost_per_unit, prod.currency)
        price_t = price * escalation(model, prod.price_escalation, op_start)
        cost_t = unit_cost * escalation(model, prod.cost_escalation, op_start)
        qty = prod.capacity * product_utilisation(model, prod)
        rev = price_t * qty
        revenue += rev
        variable += cost_t * qty
        margin += (price_t - cost_t) * prod.capacity * mask
        by_product[prod.name] = rev
        qty_by_product[prod.name] = qty
    fixed = np.zeros(h)
    for fc in model.fixed_costs:
        start = fc.start_year if fc.start_year is not None else op_start
        amount = to_model_currency(model, fc.amount, fc.currency)
        active = np.zeros(h)
        active[start - 1 : model.phases.production.end_year] = 1.0
        fixed += amount * escalation(model, fc.escalation, start) * active
    return OperatingSchedule(revenue, variable, fixed, margin, by_product, qty_by_product)
