"""A textbook capital-budgeting example reproduced line by line.

Source: Simon Benninga, *Principles of Finance with Excel*, Chapter 3 "Introduction to capital
budgeting", section 3.11 "Accelerated depreciation", the spreadsheet "Capital budgeting with
accelerated depreciation" on p. 43 of the preliminary draft chapter (September 2003) of the book
published by Oxford University Press; read at
https://studmed.ru/view/principles-of-finance-with-excel-osnovy-finansov-c-excel_51d0d06.html?page=12

A machine costing 10,000 saves 3,000 a year before tax for five years and is sold for 12,000 at
the end of year 5; tax 40%, discount rate 12%, ACRS depreciation. Project year 1 of the model is
the published year 0. The model has no ACRS table (nor a tax on a gain at sale), so those two
lines are computed here from the published percentages and formulas; every other line comes
from the model, and NPV and IRR from the library's own functions.
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
    irr,
    npv,
)

COST, SAVINGS, SALE, TAX, RATE = 10_000.0, 3_000.0, 12_000.0, 0.40, 0.12
ACRS = (0.20, 0.32, 0.192, 0.1152, 0.1152, 0.0576)  # published depreciation percentages
# Published lines, years 0..5, as printed (whole currency units).
PUBLISHED_DEPRECIATION = (2_000, 3_200, 1_920, 1_152, 1_152)
PUBLISHED_SAVINGS = (0, 1_800, 1_800, 1_800, 1_800, 1_800)
PUBLISHED_SHIELD = (0, 800, 1_280, 768, 461, 461)
PUBLISHED_TERMINAL = (0, 0, 0, 0, 0, 7_430)
PUBLISHED_TOTAL = (-10_000, 2_600, 3_080, 2_568, 2_261, 9_691)
PUBLISHED_BOOK_VALUE, PUBLISHED_GAIN, PUBLISHED_GAIN_TAX = 576, 11_424, 4_570
PUBLISHED_NPV, PUBLISHED_IRR = 3_540.46, 0.2284


def depreciation() -> list[float]:
    return [COST * p for p in ACRS[:5]]  # the machine is sold before year 6's 5.76%


def terminal_value() -> float:
    book = COST - sum(depreciation())
    return SALE - TAX * (SALE - book)


def model() -> Model:
    return Model(
        name="Benninga, capital budgeting with accelerated depreciation",
        currency="USD",
        horizon_years=6,
        discount_rate=RATE,
        phases=Phases(construction=Phase(1, 1, 0.0), production=Phase(2, 6, 1.0)),
        # Depreciation is left out of the model and added as the published tax shield below;
        # the machine's after-tax sale price is its salvage value.
        investments=(
            InvestmentItem(
                "Machine",
                COST,
                1,
                5,
                depreciation="none",
                replace=False,
                salvage_value=terminal_value(),
            ),
        ),
        products=(Product("Materials savings", capacity=1, price=SAVINGS),),
        tax=Tax(rate=TAX),
    )


def published_flows() -> list[float]:
    flows = evaluate(model()).cash_flow_total["net_cash_flow"]
    shield = [0.0, *(TAX * d for d in depreciation())]
    return [f + s for f, s in zip(flows, shield, strict=True)]


def test_the_depreciation_and_the_terminal_value_lines_match_the_book() -> None:
    assert [round(d) for d in depreciation()] == list(PUBLISHED_DEPRECIATION)
    book = COST - sum(depreciation())
    assert round(book) == PUBLISHED_BOOK_VALUE
    assert round(SALE - book) == PUBLISHED_GAIN
    assert round(TAX * (SALE - book)) == PUBLISHED_GAIN_TAX
    assert round(terminal_value()) == PUBLISHED_TERMINAL[-1]


def test_the_model_gives_the_purchase_after_tax_savings_and_terminal_lines() -> None:
    a = evaluate(model())
    total = a.cash_flow_total
    assert total["outflow_investment"][0] == COST
    after_tax_savings = [r - t for r, t in zip(a.income_statement["revenue"],
                                               a.income_statement["tax"], strict=True)]  # fmt: skip
    assert [round(v) for v in after_tax_savings] == list(PUBLISHED_SAVINGS)
    assert [round(v) for v in total["inflow_residual_value"]] == list(PUBLISHED_TERMINAL)


def test_the_total_cash_flow_line_matches_the_book() -> None:
    shield = [0.0, *(TAX * d for d in depreciation())]
    assert [round(s) for s in shield] == list(PUBLISHED_SHIELD)
    assert [round(f) for f in published_flows()] == list(PUBLISHED_TOTAL)


def test_npv_and_irr_match_the_book_in_both_npv_conventions() -> None:
    flows = published_flows()
    # The book writes NPV(B6, C30:G30) + B30: year 0 undiscounted, the rest from t=1.
    assert npv(RATE, flows) == pytest.approx(PUBLISHED_NPV, abs=0.005)
    spreadsheet = npv(RATE, flows[1:], first_period=1) + flows[0]
    assert spreadsheet == pytest.approx(PUBLISHED_NPV, abs=0.005)
    assert irr(flows) == pytest.approx(PUBLISHED_IRR, abs=0.00005)
