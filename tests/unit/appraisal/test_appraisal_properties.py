"""Property-based tests of the finance functions and the model."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itpo.appraisal import (
    InvestmentItem,
    Model,
    Phase,
    Phases,
    Product,
    Tax,
    WorkingCapital,
    evaluate,
    irr,
    npv,
)
from itpo.appraisal.model import FixedCost
from itpo.appraisal.montecarlo import Normal, Pert, Triangular, simulate

amounts = st.floats(min_value=1.0, max_value=1e6, allow_nan=False)


@st.composite
def conventional_flows(draw: st.DrawFn) -> list[float]:
    outlay = draw(amounts)
    inflows = draw(st.lists(amounts, min_size=1, max_size=30))
    return [-outlay, *inflows]


@given(conventional_flows())
def test_npv_at_the_irr_is_zero(flows: list[float]) -> None:
    r = irr(flows)
    scale = sum(abs(f) for f in flows)
    assert abs(npv(r, flows)) <= 1e-8 * scale


@given(conventional_flows(), st.floats(-0.5, 2.0), st.floats(0.001, 1.0))
def test_npv_falls_as_the_rate_rises_for_conventional_flows(
    flows: list[float], rate: float, step: float
) -> None:
    assert npv(rate + step, flows) < npv(rate, flows)


def model_from(
    price: float, capacity: float, invest: float, tax: float, fixed: float, unit_cost: float = -1
) -> Model:
    unit_cost = price / 3 if unit_cost < 0 else unit_cost
    return Model(
        name="Property",
        currency="USD",
        horizon_years=12,
        discount_rate=0.1,
        phases=Phases(
            construction=Phase(1, 2), startup=Phase(3, 3, 0.5), production=Phase(4, 12, 0.9)
        ),
        investments=(
            InvestmentItem("Plant", invest, 1, 6),
            InvestmentItem("Building", invest / 2, 2, 20, replace=False),
        ),
        products=(Product("P", capacity=capacity, price=price, variable_cost_per_unit=unit_cost),),
        fixed_costs=(FixedCost("Staff", fixed, escalation=0.02),),
        working_capital=WorkingCapital(30, 45, 20),
        tax=Tax(tax, 3),
    )


model_params: Any = st.tuples(
    st.floats(1, 100), st.floats(10, 1e4), st.floats(1e3, 1e6), st.floats(0, 0.4), st.floats(0, 1e5)
)


@given(model_params)
def test_equity_view_equals_total_view_without_debt(params: tuple[float, ...]) -> None:
    a = evaluate(model_from(*params))
    total = a.cash_flow_total["net_cash_flow"]
    assert a.cash_flow_equity["net_cash_flow_equity"] == pytest.approx(total)
    assert a.equity.npv == pytest.approx(a.total.npv)


@settings(max_examples=25, deadline=None)
@given(model_params, st.floats(0.5, 1.5), st.floats(0.5, 1.5), st.floats(0.5, 1.5))
def test_monte_carlo_with_zero_width_distributions_equals_the_deterministic_npv(
    params: tuple[float, ...], price: float, qty: float, inv: float
) -> None:
    m = model_from(*params)
    # Price moves alone: the unit cost stays at its base value.
    moved = model_from(
        params[0] * price, params[1] * qty, params[2] * inv, params[3], params[4], params[0] / 3
    )
    result = simulate(
        m,
        {
            "sales_price": Triangular(price, price, price),
            "sales_quantity": Pert(qty, qty, qty),
            "investment_cost": Normal(inv, 0.0),
        },
        draws=50,
        seed=3,
    )
    expected = evaluate(moved).total.npv
    assert result.expected_npv == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert result.p10 == pytest.approx(result.p90, rel=1e-12, abs=1e-9)
