"""Every bad input raises a ValueError subclass whose message names the argument."""

import datetime as dt

import pytest

from itpo.appraisal import (
    InvalidInputError,
    irr,
    irr_roots,
    mirr,
    npv,
    payback,
    pmt,
    xirr,
    xnpv,
)

D = [dt.date(2020, 1, 1), dt.date(2021, 1, 1)]


@pytest.mark.parametrize("rate", [-1.0, -1.5, float("nan"), float("inf")])
def test_npv_rejects_rates_at_or_below_minus_100_percent_naming_rate(rate: float) -> None:
    with pytest.raises(InvalidInputError, match=r"^rate: must be"):
        npv(rate, [-1, 2])


def test_npv_rejects_empty_flows_naming_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^flows: is empty"):
        npv(0.1, [])


def test_npv_rejects_non_finite_flows_naming_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^flows: contains NaN"):
        npv(0.1, [-1.0, float("nan")])


def test_npv_rejects_an_unknown_first_period_convention() -> None:
    with pytest.raises(InvalidInputError, match=r"^first_period: must be 0 or 1"):
        npv(0.1, [-1, 2], first_period=2)


@pytest.mark.parametrize("flows", [[100, 50, 25], [-100, -50, -25], [0, 0]])
def test_irr_rejects_all_same_sign_flows_naming_flows(flows: list[float]) -> None:
    with pytest.raises(InvalidInputError, match=r"^flows: all cash flows have the same sign"):
        irr(flows)


def test_irr_and_irr_roots_reject_empty_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^flows: is empty"):
        irr([])
    with pytest.raises(InvalidInputError, match=r"^flows: is empty"):
        irr_roots([])


def test_mirr_names_the_bad_rate_argument() -> None:
    with pytest.raises(InvalidInputError, match=r"^finance_rate:"):
        mirr([-1, 2], -1.0, 0.1)
    with pytest.raises(InvalidInputError, match=r"^reinvest_rate:"):
        mirr([-1, 2], 0.1, -2.0)


def test_mirr_rejects_same_sign_flows_naming_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^flows: all cash flows have the same sign"):
        mirr([39000, 30000, 21000], 0.1, 0.12)


def test_pmt_names_nper_rate_and_when() -> None:
    with pytest.raises(InvalidInputError, match=r"^nper:"):
        pmt(0.1, 0, 1000)
    with pytest.raises(InvalidInputError, match=r"^rate:"):
        pmt(-1.0, 10, 1000)
    with pytest.raises(InvalidInputError, match=r"^when:"):
        pmt(0.1, 10, 1000, when="middle")  # type: ignore[arg-type]


def test_payback_names_rate_and_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^rate:"):
        payback([-1, 2], rate=-1.0)
    with pytest.raises(InvalidInputError, match=r"^flows:"):
        payback([])


def test_xnpv_rejects_mismatched_lengths_naming_dates() -> None:
    with pytest.raises(InvalidInputError, match=r"^dates: has 2 entries but flows has 3"):
        xnpv(0.1, D, [-1, 1, 1])


def test_xnpv_and_xirr_reject_a_date_before_the_first_naming_it() -> None:
    with pytest.raises(InvalidInputError, match=r"^dates: dates\[1\] \(2020-01-01\) is before"):
        xnpv(0.1, list(reversed(D)), [-1, 2])
    with pytest.raises(InvalidInputError, match=r"^dates: dates\[1\] \(2020-01-01\) is before"):
        xirr(list(reversed(D)), [-1, 2])


def test_xnpv_rejects_bad_rate_and_empty_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^rate:"):
        xnpv(-1.0, D, [-1, 2])
    with pytest.raises(InvalidInputError, match=r"^flows: is empty"):
        xnpv(0.1, [], [])


def test_xirr_rejects_same_sign_flows_naming_flows() -> None:
    with pytest.raises(InvalidInputError, match=r"^flows: all cash flows have the same sign"):
        xirr(D, [1, 2])


def test_invalid_input_error_carries_the_argument_name() -> None:
    with pytest.raises(InvalidInputError) as info:
        npv(-2, [1])
    assert info.value.argument == "rate"
    assert isinstance(info.value, ValueError)
