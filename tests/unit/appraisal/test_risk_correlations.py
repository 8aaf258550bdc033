"""Correlated drivers declared in the model document's risk block."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from tests.actors import OPERATOR
from tests.appraisal_models import full_document

from itpo.adapters.reports import content
from itpo.appraisal import services
from itpo.appraisal.errors import InvalidInputError, ModelError
from itpo.appraisal.montecarlo import Distribution, Normal, Triangular, simulate
from itpo.appraisal.parse import parse_model
from itpo.appraisal.services import MonteCarloOptions

SD, DRAWS = 0.05, 20_000


def linear(coefficient: float | None) -> dict[str, Any]:
    """Untaxed, without working capital: NPV = c + a * price - b * fixed costs, exactly."""
    risk: dict[str, Any] = {
        "sales_price": {"distribution": "normal", "mean": 1.0, "sd": SD},
        "fixed_costs": {"distribution": "normal", "mean": 1.0, "sd": SD},
    }
    if coefficient is not None:
        risk["correlations"] = [
            {"driver_a": "sales_price", "driver_b": "fixed_costs", "coefficient": coefficient}
        ]
    return {
        "name": "Linear plant",
        "currency": "USD",
        "horizon_years": 6,
        "discount_rate": 0.1,
        "phases": {
            "construction": {"start_year": 1, "end_year": 1},
            "production": {"start_year": 2, "end_year": 6},
        },
        "investments": [{"name": "Kit", "amount": 1000, "year": 1, "useful_life": 5}],
        "products": [{"name": "Output", "capacity": 1, "price": 1000}],
        "fixed_costs": [{"name": "Staff", "amount": 800}],
        "risk": risk,
    }


def run(data: dict[str, Any]) -> services.AppraisalResult:
    return services.appraise(
        by=OPERATOR, model_data=data, monte_carlo=MonteCarloOptions(DRAWS, seed=11)
    )


def test_a_declared_correlation_is_drawn_and_narrows_the_npv_spread_as_theory_says() -> None:
    together, apart = run(linear(0.9)), run(linear(0.0))
    assert together.monte_carlo is not None and apart.monte_carlo is not None
    drawn = together.monte_carlo.drawn
    rho = float(np.corrcoef(drawn["sales_price"], drawn["fixed_costs"])[0, 1])
    assert rho == pytest.approx(0.9, abs=0.01)
    loose = apart.monte_carlo.drawn
    assert float(np.corrcoef(loose["sales_price"], loose["fixed_costs"])[0, 1]) == pytest.approx(
        0.0, abs=0.03
    )
    # NPV moves by a per unit of the price factor and by -b per unit of the fixed-cost factor:
    # its variance is SD^2 (a^2 + b^2 - 2 rho a b), so prices rising with costs narrow it.
    table = together.appraisal.income_statement
    a = sum(v / 1.1**t for t, v in enumerate(table["revenue"]))
    b = sum(v / 1.1**t for t, v in enumerate(table["fixed_costs"]))
    assert apart.monte_carlo.std_npv == pytest.approx(SD * math.hypot(a, b), rel=0.03)
    narrowed = math.sqrt((a * a + b * b - 2 * 0.9 * a * b) / (a * a + b * b))
    ratio = together.monte_carlo.std_npv / apart.monte_carlo.std_npv
    assert ratio == pytest.approx(narrowed, rel=0.05)
    assert ratio < 0.5  # measurably narrower, not noise
    for result in (together, apart):
        assert result.monte_carlo is not None
        error = 4 * result.monte_carlo.std_npv / math.sqrt(DRAWS)
        assert result.monte_carlo.expected_npv == pytest.approx(
            result.appraisal.total.npv, abs=error
        )


def test_the_correlations_are_reported_with_the_distributions() -> None:
    result = run(linear(-0.4))
    assert result.summary()["monte_carlo"]["correlations"] == [
        {"driver_a": "sales_price", "driver_b": "fixed_costs", "coefficient": -0.4}
    ]
    assert content.risk_source(result) == (
        "Distributions from the model's risk block, with the rank correlations (Iman-Conover) "
        "sales price ~ fixed costs -0.40."
    )
    assert services.appraise(by=OPERATOR, model_data=linear(-0.4)).summary()["monte_carlo"] is None


def test_a_coefficient_of_one_moves_two_drivers_in_lockstep() -> None:
    model = parse_model(linear(None))
    dists: dict[str, Distribution] = {
        "sales_price": Triangular(0.8, 1.0, 1.1),
        "fixed_costs": Normal(1.0, 0.1),
    }
    result = simulate(model, dists, draws=2000, seed=3, correlation=[[1.0, 1.0], [1.0, 1.0]])
    ranks = [np.argsort(result.drawn[d]) for d in dists]
    assert np.array_equal(ranks[0], ranks[1])


def errors_of(correlations: Any) -> list[tuple[str, str]]:
    data = full_document()
    data["risk"]["correlations"] = correlations
    with pytest.raises(ModelError) as caught:
        services.appraise(by=OPERATOR, model_data=data, monte_carlo=MonteCarloOptions(100))
    return caught.value.errors


def pair(a: str, b: str, coefficient: Any) -> dict[str, Any]:
    return {"driver_a": a, "driver_b": b, "coefficient": coefficient}


DECLARED = "drivers declared there: sales_price, investment_cost, operating_costs"
P = "risk.correlations"


@pytest.mark.parametrize(
    ("correlations", "expected"),
    [
        (
            [pair("sales_price", "sales_quantity", 0.5)],
            [
                (
                    f"{P}[0].driver_b",
                    f"'sales_quantity' has no distribution in the risk block, so it "
                    f"cannot be correlated; {DECLARED}",
                )
            ],
        ),
        (
            [pair("sales_price", "weather", 0.5)],
            [
                (
                    f"{P}[0].driver_b",
                    f"'weather' has no distribution in the risk block, so it cannot "
                    f"be correlated; {DECLARED}",
                )
            ],
        ),
        (
            [pair("sales_price", "investment_cost", 1.2)],
            [(f"{P}[0].coefficient", "must be within -1..1, got 1.2")],
        ),
        (
            [pair("sales_price", "investment_cost", "high")],
            [(f"{P}[0].coefficient", "must be a number, got 'high'")],
        ),
        (
            [{"driver_a": "sales_price"}],
            [(f"{P}[0].driver_b", "is required"), (f"{P}[0].coefficient", "is required")],
        ),
        (
            [pair("sales_price", "sales_price", 0.5)],
            [(f"{P}[0]", "names sales_price twice; give two different drivers")],
        ),
        (
            [
                pair("sales_price", "investment_cost", 0.2),
                pair("investment_cost", "sales_price", 0.3),
            ],
            [(f"{P}[1]", f"investment_cost ~ sales_price is already given in {P}[0]")],
        ),
        ({"sales_price": 0.5}, [(P, "must be a list, got dict")]),
        ([0.5], [(f"{P}[0]", "must be an object, got float")]),
    ],
)
def test_a_bad_correlation_is_refused_naming_the_field(
    correlations: Any, expected: list[tuple[str, str]]
) -> None:
    assert errors_of(correlations) == expected


def test_coefficients_that_cannot_hold_together_name_every_pair_involved() -> None:
    declared = [
        pair("sales_price", "investment_cost", 0.9),
        pair("investment_cost", "operating_costs", 0.9),
        pair("sales_price", "operating_costs", -0.9),
    ]
    assert errors_of(declared) == [
        (
            P,
            (
                "these coefficients cannot hold together (the correlation matrix is not positive "
                "semi-definite): sales_price ~ investment_cost 0.9 (risk.correlations[0]); "
                "sales_price ~ operating_costs -0.9 (risk.correlations[2]); investment_cost ~ "
                "operating_costs 0.9 (risk.correlations[1])"
            ),
        )
    ]
    # A pair left out counts as 0, which two strong pairs may not allow either.
    assert errors_of(declared[:2]) == [
        (
            P,
            (
                "these coefficients cannot hold together (the correlation matrix is not positive "
                "semi-definite): sales_price ~ investment_cost 0.9 (risk.correlations[0]); "
                "sales_price ~ operating_costs 0 (not given, so 0); investment_cost ~ operating_costs "
                "0.9 (risk.correlations[1])"
            ),
        )
    ]


def test_a_risk_block_of_correlations_alone_names_no_driver_to_correlate() -> None:
    data = full_document()
    data["risk"] = {"correlations": [pair("sales_price", "investment_cost", 0.5)]}
    with pytest.raises(ModelError) as caught:
        services.appraise(by=OPERATOR, model_data=data)
    assert caught.value.errors[0] == (
        f"{P}[0].driver_a",
        "'sales_price' has no distribution in "
        "the risk block, so it cannot be correlated; drivers "
        "declared there: none",
    )


def test_the_library_refuses_an_impossible_matrix_naming_the_drivers() -> None:
    model = parse_model(linear(None))
    dists = {
        "sales_price": Normal(1, 0.1),
        "fixed_costs": Normal(1, 0.1),
        "sales_quantity": Normal(1, 0.1),
    }
    bad = [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]
    with pytest.raises(
        InvalidInputError,
        match=r"^correlation: is not positive semi-definite: "
        r"no draws can correlate sales_price, fixed_costs, sales_quantity so$",
    ):
        simulate(model, dists, draws=100, correlation=bad)
