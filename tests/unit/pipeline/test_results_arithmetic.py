"""Results add up deals' facts by the stated rules: what counts in which period, projected and
verified apart, currencies converted or left out and said."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from itpo.pipeline.facts import ActivityCounts, Amounts, DealFacts
from itpo.pipeline.results import compute
from itpo.pipeline.results_model import Period, Results

AT = dt.datetime(2027, 1, 5, tzinfo=dt.UTC)
QUIET = ActivityCounts({}, 0, 0, 0, {})
RATES = {"USD": 1.0, "EUR": 1.1}
ESTIMATE = Amounts(1000.0, 800.0, True, 10, 2, 50.0)
CHECKED = Amounts(900.0, 700.0, True, 8, 2, 40.0)


def facts(deal_id: int, **changes: object) -> DealFacts:
    base = DealFacts(
        id=deal_id,
        office_id=1,
        stage="operational",
        status="active",
        agreement_type="equity",
        opened_on=dt.date(2025, 6, 1),
        signed_on=dt.date(2025, 11, 1),
        operational_on=dt.date(2026, 3, 1),
        dropped_on=None,
        negotiating_on=dt.date(2025, 8, 1),
        currency="USD",
        projected=ESTIMATE,
        verified=CHECKED,
        countries=("CHN", "ETH"),
        isic_sections=("C",),
        technology_areas=("green.solar",),
        sdgs=(7,),
        direction="outbound",
        illustrative=False,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def results_of(*deals: DealFacts, year: int = 2026, rates: dict[str, float] = RATES) -> Results:
    return compute(deals, Period.year(year), rates, office_id=1, activity=QUIET, at=AT)


def test_committed_counts_the_year_signed_and_realised_the_year_operational() -> None:
    signed_year = results_of(facts(1), year=2025)
    operating_year = results_of(facts(1), year=2026)
    assert signed_year.measures["investment_committed"].projected == 1000
    assert signed_year.measures["investment_realised"].projected == 0
    assert operating_year.measures["investment_committed"].projected == 0
    assert operating_year.measures["investment_realised"].verified == 700
    assert operating_year.measures["jobs_new"].verified == 8
    assert operating_year.measures["tco2_per_year"].projected == 50


def test_projected_and_verified_never_mix() -> None:
    unverified = facts(2, verified=None)
    both = results_of(facts(1), unverified, year=2026)
    assert both.measures["investment_realised"].projected == 1600
    assert both.measures["investment_realised"].verified == 700
    assert both.verified_deals == 1 and both.drill_down["verified"] == (1,)


def test_currencies_are_converted_or_left_out_and_said() -> None:
    found = results_of(facts(1, currency="EUR"), facts(2, currency="XAF"), year=2026)
    assert found.measures["investment_realised"].projected == pytest.approx(880)
    assert found.unconverted == ("XAF",) and found.rates == {"EUR": 1.1}


def test_a_deal_dropped_before_the_period_is_not_in_it() -> None:
    dropped = facts(3, status="dropped", dropped_on=dt.date(2025, 12, 1), operational_on=None)
    assert results_of(dropped, year=2026).deals == 0
    assert results_of(dropped, year=2025).deals == 1


def test_breakdowns_place_a_deal_in_each_of_its_countries_and_groups() -> None:
    found = results_of(facts(1), year=2026)
    countries = {row.key for row in found.breakdowns["country"]}
    assert countries == {"CHN", "ETH"}
    assert [row.key for row in found.breakdowns["country_group"]] == ["LDC", "LLDC"]
    assert found.drill_down["country_group:LDC"] == (1,)


def test_months_and_median_days() -> None:
    later = facts(2, signed_on=dt.date(2025, 12, 1), operational_on=dt.date(2026, 3, 31))
    found = results_of(facts(1), later, year=2026)
    march = next(m for m in found.monthly if m.month == "2026-03")
    assert march.operational == 2 and len(found.monthly) == 12
    assert found.median_days["signed_to_operational"] == pytest.approx((120 + 120) / 2)
