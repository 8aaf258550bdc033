"""A published capital-budgeting worked example reproduced line by line through the model.

Source: "This venture will require an initial outlay of ..." worked solution,
https://wizedu.com/questions/11665/this-venture-will-require-an-initial-outlay-of
(15-year venture: outlay 537,800 with 80,000 working capital, sales 250,000, expenses
150,000, depreciation 26,250, tax 28%, scrap value 140,000, Excel NPV/IRR table).
Project year 1 of the model is the published year 0.
"""

import pytest

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

MODEL = Model(
    name="Published 15-year venture",
    currency="USD",
    horizon_years=16,
    discount_rate=0.08,
    phases=Phases(construction=Phase(1, 1, 0.0), production=Phase(2, 16, 1.0)),
    investments=(
        # 525,000 depreciated over 20 years gives the published 26,250 a year; the
        # published scrap value of 140,000 is what the whole outlay recovers at the end.
        InvestmentItem("Machine", 525_000, 1, 20, replace=False, salvage_value=140_000),
        InvestmentItem(
            "Non-depreciable outlay",
            12_800,
            1,
            1,
            depreciation="none",
            replace=False,
            salvage_value=0,
        ),
    ),
    products=(Product("Sales", capacity=1, price=250_000),),
    fixed_costs=(FixedCost("Annual expense", 150_000),),
    # 80,000 of working capital on 250,000 of sales is 116.8 days, put in place at t=0.
    working_capital=WorkingCapital(receivable_days=116.8, in_advance=True),
    tax=Tax(rate=0.28),
)

PUBLISHED_FLOWS = [-617_800.0] + [79_350.0] * 14 + [299_350.0]


def test_the_income_lines_match_the_published_table_every_year() -> None:
    a = evaluate(MODEL)
    inc = a.income_statement
    for t in range(1, 16):
        assert inc["revenue"][t] == pytest.approx(250_000)
        assert inc["fixed_costs"][t] == pytest.approx(150_000)
        assert inc["depreciation"][t] == pytest.approx(26_250)
        assert inc["operating_profit"][t] == pytest.approx(73_750)
        assert inc["tax"][t] == pytest.approx(20_650)
        assert inc["net_profit"][t] == pytest.approx(53_100)


def test_the_net_cash_flow_matches_the_published_table_line_by_line() -> None:
    a = evaluate(MODEL)
    assert a.cash_flow_total["net_cash_flow"] == pytest.approx(PUBLISHED_FLOWS, rel=1e-9)
    assert a.cash_flow_total["outflow_working_capital"][0] == pytest.approx(80_000)
    assert a.cash_flow_total["outflow_working_capital"][15] == pytest.approx(-80_000)
    assert a.cash_flow_total["inflow_residual_value"][15] == pytest.approx(140_000)


@pytest.mark.parametrize(
    ("rate", "published"),
    [
        (0.00, 792_450.00),
        (0.02, 565_252.30),
        (0.04, 386_602.23),
        (0.06, 244_665.27),
        (0.08, 130_747.81),
        (0.10, 38_408.66),
        (0.12, -37_164.73),
        (0.14, -99_597.74),
        (0.16, -151_643.61),
    ],
)
def test_npv_at_each_published_rate_matches_to_the_cent(rate: float, published: float) -> None:
    flows = evaluate(MODEL).cash_flow_total["net_cash_flow"]
    assert npv(rate, flows) == pytest.approx(published, abs=0.005)


def test_the_irr_matches_the_published_10_97_percent() -> None:
    a = evaluate(MODEL)
    assert a.total.irr is not None
    assert round(a.total.irr, 4) == 0.1097
    assert a.total.irr == pytest.approx(irr(PUBLISHED_FLOWS), rel=1e-12)
    assert a.total.npv == pytest.approx(130_747.81, abs=0.005)
