"""The tax on the gain when the assets are sold at the end of the horizon, and losses credited
in their year."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from tests.appraisal_models import example_model

from itpo.appraisal import (
    FixedCost,
    InvestmentItem,
    Model,
    ModelError,
    Phase,
    Phases,
    Product,
    Tax,
    evaluate,
    parse_model,
)
from itpo.appraisal.engine import Factors, compute, prepare

RATE = 0.3


def shop(salvage: float | None, tax: Tax | None = None, fixed: float = 0.0) -> Model:
    """A 1,000 machine depreciated over 5 years of a 6-year horizon, earning 500 a year."""
    return Model(
        name="Shop",
        currency="USD",
        horizon_years=6,
        discount_rate=0.1,
        phases=Phases(construction=Phase(1, 1), production=Phase(2, 6, 1.0)),
        investments=(
            InvestmentItem("Machine", 1000.0, 1, 10, replace=False, salvage_value=salvage),
        ),
        products=(Product("Service", capacity=1, price=500.0),),
        fixed_costs=(FixedCost("Rent", fixed),),
        tax=tax or Tax(rate=RATE),
    )


def test_a_sale_above_book_value_is_taxed_on_the_gain_in_the_final_year() -> None:
    a = evaluate(shop(salvage=800.0))
    book = 1000.0 - 5 * 100.0
    assets = a.fixed_assets
    assert assets["net_book_value"][-1] == pytest.approx(book)
    assert assets["gain_on_sale"] == pytest.approx([0, 0, 0, 0, 0, 800.0 - book])
    assert assets["tax_on_sale"] == pytest.approx([0, 0, 0, 0, 0, RATE * (800.0 - book)])
    assert a.cash_flow_total["outflow_tax_on_sale"] == assets["tax_on_sale"]
    at_book = evaluate(shop(salvage=book))
    lost = (800.0 - book) * (1 - RATE)  # more sold, less its tax
    assert a.total.npv - at_book.total.npv == pytest.approx(lost / 1.1**5)


def test_a_sale_without_a_salvage_value_is_at_book_value_and_untaxed() -> None:
    assets = evaluate(shop(salvage=None)).fixed_assets
    assert assets["residual_value"][-1] == assets["net_book_value"][-1] == pytest.approx(500.0)
    assert assets["gain_on_sale"][-1] == 0.0 and assets["tax_on_sale"][-1] == 0.0


def test_a_loss_at_sale_gives_no_credit_unless_losses_are_credited() -> None:
    kept = evaluate(shop(salvage=100.0)).fixed_assets
    assert kept["gain_on_sale"][-1] == pytest.approx(-400.0)
    assert kept["tax_on_sale"][-1] == 0.0
    credited = evaluate(shop(salvage=100.0, tax=Tax(RATE, credit_losses=True))).fixed_assets
    assert credited["tax_on_sale"][-1] == pytest.approx(-RATE * 400.0)


def test_losses_still_carried_forward_shelter_the_gain() -> None:
    # Rent of 1,000 against revenue of 500 and depreciation of 100: a loss of 600 a year.
    model = shop(salvage=4000.0, fixed=1000.0)
    a = evaluate(model)
    gain = 4000.0 - 500.0
    assert a.income_statement["losses_carried_forward"][-2] == pytest.approx(4 * 600.0)
    final_loss = 600.0
    taxable = gain - final_loss - 4 * 600.0
    assert taxable == 500.0
    assert a.fixed_assets["tax_on_sale"][-1] == pytest.approx(RATE * taxable)
    expiring = shop(salvage=4000.0, tax=Tax(RATE, loss_carry_forward_years=1), fixed=1000.0)
    usable = 600.0  # only the year before's loss is still usable
    taxed = RATE * (gain - final_loss - usable)
    assert evaluate(expiring).fixed_assets["tax_on_sale"][-1] == pytest.approx(taxed)


def test_credited_losses_are_negative_tax_in_their_year() -> None:
    a = evaluate(shop(salvage=None, tax=Tax(RATE, credit_losses=True), fixed=1000.0))
    assert a.income_statement["tax"][1:] == pytest.approx([RATE * -600.0] * 5)
    assert a.income_statement["losses_carried_forward"] == [0.0] * 6


def test_a_limit_on_carrying_losses_cannot_go_with_crediting_them() -> None:
    data = example_model()
    data["tax"] |= {"credit_losses": True}
    with pytest.raises(ModelError) as caught:
        parse_model(data)
    assert caught.value.errors == [
        (
            "tax.loss_carry_forward_years",
            "must be blank with tax.credit_losses: losses are credited, not carried forward",
        )
    ]
    data["tax"] = {"rate": 0.3, "credit_losses": "yes"}
    with pytest.raises(ModelError) as caught:
        parse_model(data)
    assert caught.value.errors == [("tax.credit_losses", "must be true or false, got 'yes'")]


@pytest.mark.parametrize("tax", [Tax(RATE), Tax(RATE, credit_losses=True)])
def test_draws_are_taxed_at_sale_as_each_case_alone(tax: Tax) -> None:
    # The investment factor scales the book value and the salvage alike, so the gain too.
    base = prepare(shop(salvage=800.0, tax=tax, fixed=400.0))
    factors: list[Any] = [0.5, 1.0, 1.7, 3.0]
    drawn = compute(base, Factors(investment=np.array(factors)[:, None]))
    for k, factor in enumerate(factors):
        alone = compute(base, Factors(investment=factor))
        assert drawn.tax_on_sale[k, -1] == pytest.approx(alone.tax_on_sale[-1])
        assert drawn.total[k] == pytest.approx(alone.total)
