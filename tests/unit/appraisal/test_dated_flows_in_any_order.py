"""XNPV and XIRR take later dates in any order, as spreadsheets do; none may precede the first."""

import datetime as dt
import itertools

import pytest

from itpo.appraisal import InvalidInputError, xirr, xnpv

# The Microsoft Excel XIRR/XNPV documentation example (see test_appraisal_reference_cases.py).
DATES = [
    dt.date(2008, 1, 1),
    dt.date(2008, 3, 1),
    dt.date(2008, 10, 30),
    dt.date(2009, 2, 15),
    dt.date(2009, 4, 1),
]
FLOWS = [-10_000.0, 2_750.0, 4_250.0, 3_250.0, 2_750.0]
REL = 1e-9


def _later_orders() -> list[list[int]]:
    """Every order of the indexes that keeps the first date first."""
    return [[0, *rest] for rest in itertools.permutations(range(1, len(DATES)))]


@pytest.mark.parametrize("order", _later_orders())
def test_shuffled_later_flows_give_the_same_xnpv_and_xirr_as_sorted(order: list[int]) -> None:
    dates = [DATES[i] for i in order]
    flows = [FLOWS[i] for i in order]
    assert xnpv(0.09, dates, flows) == pytest.approx(xnpv(0.09, DATES, FLOWS), rel=REL)
    assert xirr(dates, flows) == pytest.approx(xirr(DATES, FLOWS), rel=REL)
    assert xirr(dates, flows) == pytest.approx(0.373362535, rel=1e-6)


def test_a_later_date_equal_to_the_first_is_accepted() -> None:
    dates = [DATES[0], DATES[2], DATES[0], DATES[1]]
    flows = [-6_000.0, 4_250.0, -4_000.0, 2_750.0]
    merged = xnpv(0.09, [DATES[0], DATES[2], DATES[1]], [-10_000.0, 4_250.0, 2_750.0])
    assert xnpv(0.09, dates, flows) == pytest.approx(merged, rel=REL)


@pytest.mark.parametrize("position", [1, 2, 4])
def test_a_date_before_the_first_is_refused_naming_it(position: int) -> None:
    dates = list(DATES)
    dates[position] = dt.date(2007, 12, 31)
    expected = (
        rf"^dates: dates\[{position}\] \(2007-12-31\) is before dates\[0\] \(2008-01-01\); "
        "the first date starts the schedule"
    )
    with pytest.raises(InvalidInputError, match=expected) as xnpv_info:
        xnpv(0.09, dates, FLOWS)
    assert xnpv_info.value.argument == "dates"
    with pytest.raises(InvalidInputError, match=expected):
        xirr(dates, FLOWS)


def test_the_earliest_date_given_last_is_refused_not_taken_as_the_start() -> None:
    dates = [*DATES[1:], DATES[0]]
    flows = [*FLOWS[1:], FLOWS[0]]
    with pytest.raises(InvalidInputError, match=r"^dates: dates\[4\] \(2008-01-01\) is before"):
        xirr(dates, flows)
