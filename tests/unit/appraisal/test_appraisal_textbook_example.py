"""A textbook capital-budgeting example reproduced line by line.

Source: Simon Benninga, *Principles of Finance with Excel*, Chapter 3 "Introduction to capital
budgeting", section 3.11 "Accelerated depreciation", the spreadsheet "Capital budgeting with
accelerated depreciation" on p. 43 of the preliminary draft chapter (September 2003) of the book
published by Oxford University Press; read at
https://studmed.ru/view/principles-of-finance-with-excel-osnovy-finansov-c-excel_51d0d06.html?page=12

A machine costing 10,000 saves 3,000 a year before tax for five years and is sold for 12,000 at
the end of year 5; tax 40%, discount rate 12%, ACRS depreciation. Project year 1 of the model is
the published year 0. The published ACRS percentages are the model's depreciation schedule; every
line below is read from the model's output: depreciation from its income statement, the book
value, the gain at sale and its tax from its fixed-asset table, the cash flows and NPV and IRR
from its indicators.
"""

from __future__ import annotations

import pytest

from itpo.appraisal import (
    InvestmentItem,
    Model,
    Phase,
    Phases,
    Product,
    Tax,
    evaluate,
    npv,
)
from itpo.appraisal.appraisal import Appraisal
from itpo.appraisal.model import DepreciationMethod

COST, SAVINGS, SALE, TAX, RATE = 10_000.0, 3_000.0, 12_000.0, 0.40, 0.12
ACRS = (0.20, 0.32, 0.192, 0.1152, 0.1152, 0.0576)  # published depreciation percentages
# Published lines, years 0..5, as printed (whole currency units).
PUBLISHED_DEPRECIATION = (0, 2_000, 3_200, 1_920, 1_152, 1_152)
PUBLISHED_SAVINGS = (0, 1_800, 1_800, 1_800, 1_800, 1_800)
PUBLISHED_SHIELD = (0, 800, 1_280, 768, 461, 461)
PUBLISHED_TERMINAL = (0, 0, 0, 0, 0, 7_430)
PUBLISHED_TOTAL = (-10_000, 2_600, 3_080, 2_568, 2_261, 9_691)
PUBLISHED_BOOK_VALUE, PUBLISHED_GAIN, PUBLISHED_GAIN_TAX = 576, 11_424, 4_570
PUBLISHED_NPV, PUBLISHED_IRR = 3_540.46, 0.2284


def model(depreciation: DepreciationMethod = "schedule") -> Model:
    schedule = ACRS if depreciation == "schedule" else None
    return Model(
        name="Benninga, capital budgeting with accelerated depreciation",
        currency="USD",
        horizon_years=6,
        discount_rate=RATE,
        phases=Phases(construction=Phase(1, 1, 0.0), production=Phase(2, 6, 1.0)),
        # Sold at the end of year 5, before the sixth year's 5.76% is written off.
        investments=(
            InvestmentItem(
                "Machine",
                COST,
                1,
                5,
                depreciation=depreciation,
                depreciation_schedule=schedule,
                replace=False,
                salvage_value=SALE,
            ),
        ),
        products=(Product("Materials savings", capacity=1, price=SAVINGS),),
        # The book counts the whole tax shield in its year, even when depreciation exceeds the
        # savings (year 2): the firm's other profit absorbs the loss.
        tax=Tax(rate=TAX, credit_losses=True),
    )


def rounded(values: list[float]) -> list[int]:
    return [round(v) for v in values]


def test_the_depreciation_line_follows_the_acrs_schedule() -> None:
    a = evaluate(model())
    assert rounded(a.income_statement["depreciation"]) == list(PUBLISHED_DEPRECIATION)


def test_the_book_value_the_gain_at_sale_and_its_tax_match_the_book() -> None:
    assets = evaluate(model()).fixed_assets
    assert round(assets["net_book_value"][-1]) == PUBLISHED_BOOK_VALUE
    assert round(assets["residual_value"][-1]) == SALE
    assert round(assets["gain_on_sale"][-1]) == PUBLISHED_GAIN
    assert round(assets["tax_on_sale"][-1]) == PUBLISHED_GAIN_TAX
    assert assets["tax_on_sale"][:-1] == [0.0] * 5


def lines(a: Appraisal) -> dict[str, list[float]]:
    """The book's lines, from the model's: its tax split into the tax on the savings and the
    depreciation tax shield, and the sale price net of the tax on the gain."""
    income, flows = a.income_statement, a.cash_flow_total
    shield = [TAX * d for d in income["depreciation"]]
    return {
        "savings": [
            r - t - s for r, t, s in zip(income["revenue"], income["tax"], shield, strict=True)
        ],
        "shield": shield,
        "terminal": [
            v - t
            for v, t in zip(
                flows["inflow_residual_value"], flows["outflow_tax_on_sale"], strict=True
            )
        ],
        "total": flows["net_cash_flow"],
    }


def test_the_savings_shield_terminal_and_total_lines_match_the_book_line_by_line() -> None:
    a = evaluate(model())
    assert a.cash_flow_total["outflow_investment"][0] == COST
    found = lines(a)
    assert rounded(found["savings"]) == list(PUBLISHED_SAVINGS)
    assert rounded(found["shield"]) == list(PUBLISHED_SHIELD)
    assert rounded(found["terminal"]) == list(PUBLISHED_TERMINAL)
    assert rounded(found["total"]) == list(PUBLISHED_TOTAL)
    # The book's total is the sum of its lines; so is the model's.
    parts = zip(found["savings"], found["shield"], found["terminal"], strict=True)
    assert [s + d + t for s, d, t in parts][1:] == pytest.approx(found["total"][1:])


def test_npv_and_irr_match_the_book_in_both_npv_conventions() -> None:
    a = evaluate(model())
    # The book writes NPV(B6, C30:G30) + B30: year 0 undiscounted, the rest from t=1.
    assert a.total.npv == pytest.approx(PUBLISHED_NPV, abs=0.005)
    flows = a.cash_flow_total["net_cash_flow"]
    spreadsheet = npv(RATE, flows[1:], first_period=1) + flows[0]
    assert spreadsheet == pytest.approx(PUBLISHED_NPV, abs=0.005)
    assert a.total.npv_spreadsheet == pytest.approx(PUBLISHED_NPV / (1 + RATE), abs=0.005)
    assert a.total.irr == pytest.approx(PUBLISHED_IRR, abs=0.00005)


def test_the_named_macrs_5_year_table_is_the_books_acrs_schedule() -> None:
    named, typed = evaluate(model("macrs_5")), evaluate(model())
    assert named.fixed_assets == typed.fixed_assets
    assert named.cash_flow_total == typed.cash_flow_total
