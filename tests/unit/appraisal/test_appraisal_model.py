"""The project model: validation, parsing, schedules and indicators."""

import copy
import json
from importlib import resources
from typing import Any

import numpy as np
import pytest

from itpo.appraisal import (
    InvestmentItem,
    Loan,
    Model,
    ModelError,
    Phase,
    Phases,
    Product,
    Tax,
    evaluate,
    parse_model,
    pmt,
)
from itpo.appraisal.loans import loan_schedule
from itpo.appraisal.tax import income_tax


def sample() -> dict[str, Any]:
    text = resources.files("itpo.appraisal").joinpath("examples/solar_fruit_drying.json")
    data: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return data


def simple(**changes: Any) -> Model:
    base = Model(
        name="Simple",
        currency="USD",
        horizon_years=10,
        discount_rate=0.1,
        phases=Phases(construction=Phase(1, 1), production=Phase(2, 10, 1.0)),
        investments=(InvestmentItem("Plant", 1000.0, 1, 5),),
        products=(Product("Widget", capacity=100, price=10.0, variable_cost_per_unit=4.0),),
    )
    return Model(**{**base.__dict__, **changes})


def errors_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ModelError) as info:
        parse_model(data)
    return info.value.errors


def test_the_sample_model_parses_and_evaluates_with_a_unique_irr() -> None:
    a = evaluate(parse_model(sample()))
    assert len(a.years) == 20
    assert a.years[0] == 2026
    assert a.total.irr is not None
    assert not a.total.irr_ambiguous
    assert a.total.npv_spreadsheet == pytest.approx(a.total.npv / 1.12)
    assert a.dscr_min is not None
    assert a.dscr_min > 1.0
    assert a.break_even_first_full_year is not None
    assert 0 < a.break_even_first_full_year < 1


def test_a_loan_longer_than_the_horizon_is_reported_on_its_tenor() -> None:
    data = sample()
    data["loans"][0]["tenor_years"] = 25
    assert (
        "loans[0].tenor_years",
        "loan runs past the 20-year horizon (last repayment year 25)",
    ) in errors_of(data)


def test_parse_collects_every_error_not_just_the_first() -> None:
    data = sample()
    data["loans"][0]["tenor_years"] = 30
    data["investments"][2]["currency"] = "CHF"
    data["products"][0]["price"] = "cheap"
    data["phases"]["startup"] = {"start_year": 1, "end_year": 2, "utilisation": 0.5}
    del data["discount_rate"]
    paths = [p for p, _ in errors_of(data)]
    assert "loans[0].tenor_years" in paths
    assert "investments[2].currency" in paths
    assert "products[0].price" in paths
    assert "phases.startup" in paths
    assert "discount_rate" in paths


def test_a_currency_without_a_rate_is_an_error_naming_the_field() -> None:
    data = sample()
    data["fixed_costs"][0]["currency"] = "TZS"
    [(path, message)] = errors_of(data)
    assert path == "fixed_costs[0].currency"
    assert "no exchange rate for 'TZS' into USD" in message


def test_overlapping_phases_are_rejected() -> None:
    data = sample()
    data["phases"]["production"]["start_year"] = 2
    errs = errors_of(data)
    assert ("phases.production", "overlaps phases.startup (years 2-2 and 2-20)") in errs


def test_evaluate_validates_dataclass_models_too() -> None:
    bad = simple(loans=(Loan("L", 100.0, 5, 0.1, tenor_years=8),))
    with pytest.raises(ModelError, match=r"loans\[0\]\.tenor_years: loan runs past"):
        evaluate(bad)


def test_type_errors_name_their_field() -> None:
    data = sample()
    data["horizon_years"] = 20.5
    data["loans"][0]["capitalise_interest"] = "yes"
    data["investments"][0]["depreciation"] = "sum_of_digits"
    paths = dict(errors_of(data))
    assert paths["horizon_years"].startswith("must be a whole number")
    assert paths["loans[0].capitalise_interest"].startswith("must be true or false")
    assert "declining_balance" in paths["investments[0].depreciation"]


def test_inputs_in_other_currencies_are_converted_at_the_given_rate() -> None:
    data = sample()
    eur = evaluate(parse_model(data)).cash_flow_total["outflow_investment"][0]
    data2 = copy.deepcopy(data)
    data2["exchange_rates"]["EUR"] = 1.18
    eur2 = evaluate(parse_model(data2)).cash_flow_total["outflow_investment"][0]
    assert eur2 - eur == pytest.approx(170_000 * 0.10)


def test_an_annuity_loan_with_capitalised_grace_interest_repays_level_instalments() -> None:
    m = simple(horizon_years=10)
    s = loan_schedule(
        m, Loan("L", 1000.0, 1, 0.1, tenor_years=6, grace_years=2, capitalise_interest=True)
    )
    assert s.interest_capitalised[:2] == pytest.approx([100.0, 110.0])
    assert s.interest_paid[:2] == pytest.approx([0.0, 0.0])
    service = s.interest_paid[2:6] + s.principal[2:6]
    assert service == pytest.approx([-pmt(0.1, 4, 1210.0)] * 4)
    assert s.principal.sum() == pytest.approx(1210.0)
    assert s.balance[5] == pytest.approx(0.0, abs=1e-9)


def test_a_linear_loan_with_paid_grace_interest_repays_equal_principal() -> None:
    m = simple()
    s = loan_schedule(m, Loan("L", 900.0, 1, 0.1, tenor_years=4, grace_years=1, repayment="linear"))
    assert s.interest_paid[0] == pytest.approx(90.0)
    assert s.principal[1:4] == pytest.approx([300.0, 300.0, 300.0])
    assert s.interest_paid[1:4] == pytest.approx([90.0, 60.0, 30.0])


def test_straight_line_assets_are_replaced_at_end_of_life_and_leave_book_value() -> None:
    a = evaluate(simple())
    capex = a.cash_flow_total["outflow_investment"]
    # Bought in year 1, in service years 2-6, replaced in year 6, in service 7-10 of 11.
    assert capex[0] == 1000.0
    assert capex[5] == 1000.0
    assert a.income_statement["depreciation"][1:10] == pytest.approx([200.0] * 9)
    assert a.cash_flow_total["inflow_residual_value"][9] == pytest.approx(200.0)


def test_declining_balance_depreciation_writes_off_the_remainder_in_the_last_year() -> None:
    item = InvestmentItem("Truck", 1000.0, 1, 4, depreciation="declining_balance", replace=False)
    dep = evaluate(simple(investments=(item,))).income_statement["depreciation"]
    assert dep[1:5] == pytest.approx([500.0, 250.0, 125.0, 125.0])


def test_losses_are_carried_forward_and_expire() -> None:
    profit = np.array([-100.0, -50.0, 30.0, 200.0, 100.0])
    tax, _ = income_tax(profit, 0.5, None)
    assert tax == pytest.approx([0.0, 0.0, 0.0, 0.5 * 80.0, 50.0])
    tax1, _ = income_tax(profit, 0.5, 1)
    # Only last year's loss may be used: year 3 uses 30 of the 50; year 4 none remain.
    assert tax1 == pytest.approx([0.0, 0.0, 0.0, 100.0, 50.0])


def test_equity_view_adds_drawdowns_and_subtracts_debt_service() -> None:
    m = simple(loans=(Loan("L", 500.0, 1, 0.08, tenor_years=5),), tax=Tax(0.25))
    a = evaluate(m)
    eq = a.cash_flow_equity
    for t in range(10):
        expected = (
            eq["net_cash_flow_total_capital"][t]
            + eq["loan_drawdown"][t]
            - eq["interest_paid"][t]
            - eq["principal_repaid"][t]
        )
        assert eq["net_cash_flow_equity"][t] == pytest.approx(expected)
    assert [d is not None for d in a.dscr] == [True] * 5 + [False] * 5


def test_break_even_utilisation_is_fixed_charges_over_full_capacity_margin() -> None:
    a = evaluate(simple(investments=(InvestmentItem("Plant", 1000.0, 1, 5, replace=False),)))
    # Year 2: depreciation 200; margin at full capacity (10 - 4) * 100 = 600.
    assert a.break_even_utilisation[1] == pytest.approx(200 / 600)
    assert a.break_even_utilisation[0] is None


def test_sources_and_uses_balance_with_the_cumulative_cash() -> None:
    a = evaluate(parse_model(sample()))
    su = a.sources_and_uses
    assert su["surplus"] == pytest.approx(
        [s - u for s, u in zip(su["total_sources"], su["total_uses"], strict=True)]
    )
    assert su["cumulative_cash"][-1] == pytest.approx(sum(su["surplus"]))
