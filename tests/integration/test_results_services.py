"""The office's results on a real database move by exactly a verified deal's figures, kept
projected and verified apart, and drill down to exactly that deal."""

from __future__ import annotations

import pytest
from tests.deals import DealWorld, introduced_world, operational_verified_deal

from itpo.accounts.errors import Forbidden
from itpo.bootstrap import Platform
from itpo.pipeline import results
from itpo.pipeline.results_model import Period, Results

RATES = {"USD": 1.0, "EUR": 1.1, "CNY": 0.14}


@pytest.fixture
def world(platform: Platform) -> DealWorld:
    return introduced_world(platform)


def year_results(world: DealWorld) -> Results:
    return results.office_results(
        uow=world.platform.uow(),
        by=world.officer,
        period=Period.year(2026),
        rates=RATES,
        now=world.platform.clock,
    )


def test_results_move_by_exactly_the_verified_deal(world: DealWorld) -> None:
    before = year_results(world)
    assert before.deals == 0 and before.measures["investment_committed"].verified == 0
    deal_id = operational_verified_deal(world)
    after = year_results(world)
    committed = after.measures["investment_committed"]
    assert committed.projected == pytest.approx(300000 * 1.1)
    assert committed.verified == pytest.approx(200000 * 1.1)
    assert after.measures["investment_realised"].verified == pytest.approx(150000 * 1.1)
    assert after.measures["jobs_new"].projected == 20
    assert after.measures["jobs_new"].verified == 12
    assert after.measures["tco2_per_year"].verified == pytest.approx(40.5)
    assert after.agreements_by_type == {"joint_venture": 1}
    assert after.deals_by_stage["operational"] == 1 and after.verified_deals == 1
    for key in ("investment_committed", "agreements", "operational", "country:KEN", "verified"):
        assert after.drill_down[key] == (deal_id,)
    assert after.funnel["agreement"] == 1 and after.funnel["operational"] == 1
    assert after.median_days["signed_to_operational"] == 35
    kenya = next(r for r in after.breakdowns["country"] if r.key == "KEN")
    assert kenya.measures["investment_committed"].verified == pytest.approx(220000)
    assert after.rates == {"EUR": 1.1}


def test_another_year_does_not_count_the_deal(world: DealWorld) -> None:
    operational_verified_deal(world)
    earlier = results.office_results(
        uow=world.platform.uow(),
        by=world.officer,
        period=Period.year(2025),
        rates=RATES,
    )
    assert earlier.deals == 0 and earlier.measures["investment_committed"].projected == 0


def test_only_officers_read_results(world: DealWorld) -> None:
    with pytest.raises(Forbidden):
        results.office_results(
            uow=world.platform.uow(), by=world.kenyan, period=Period.year(2026), rates=RATES
        )
