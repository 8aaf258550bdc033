"""The demo as ``demo_batch`` loads it: validity counted from the day it is loaded for."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from itpo.demo.loading import DemoDataError, dated, demo_batch
from itpo.registry.importing import ImportBatch
from itpo.registry.model import Opportunity
from itpo.registry.records import opportunity_from, opportunity_values

DAY = dt.date(2026, 11, 27)
DATA_DIR = Path(__file__).resolve().parents[3] / "src" / "itpo" / "demo" / "data"


def opportunities(batch: ImportBatch) -> list[Opportunity]:
    """The batch's opportunities as the platform reads them (every field parsed and checked)."""
    return [
        opportunity_from(opportunity_values(record.data), organisation_id=1)
        for record in batch.opportunities
    ]


def live(batch: ImportBatch, day: dt.date) -> int:
    return sum(o.is_live(day) for o in opportunities(batch))


def years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def shipped_days() -> dict[str, int]:
    days: dict[str, int] = {}
    for name in ("world_bank_projects.json", "illustrative.json"):
        document = json.loads((DATA_DIR / name).read_text("utf-8"))
        days.update((o["external_id"], o["valid_for_days"]) for o in document["opportunities"])
    return days


def test_each_record_is_valid_until_its_days_after_the_day_of_loading() -> None:
    days = shipped_days()
    loaded = opportunities(demo_batch(today=DAY))
    assert len(loaded) == len(days) > 700
    for opportunity in loaded:
        assert opportunity.external_id is not None
        expected = DAY + dt.timedelta(days=days[opportunity.external_id])
        assert opportunity.valid_until == expected, opportunity.external_id


@pytest.mark.parametrize("day", [DAY, dt.date(2030, 2, 28), dt.date(2041, 7, 1)], ids=str)
def test_every_published_record_is_live_on_the_day_it_is_loaded_and_only_expired_ones_lapsed(
    day: dt.date,
) -> None:
    loaded = opportunities(demo_batch(today=day))
    statuses = Counter(o.status.value for o in loaded)
    assert live(demo_batch(today=day), day) == statuses["published"] > 650
    for opportunity in loaded:
        assert opportunity.valid_until is not None
        lapsed = opportunity.valid_until < day
        assert lapsed == (opportunity.status.value == "expired"), opportunity.external_id


def test_the_demo_loaded_three_years_from_now_has_as_many_live_records_as_today() -> None:
    today = dt.datetime.now(dt.UTC).date()
    later = years_later(today, 3)
    assert live(demo_batch(today=later), later) == live(demo_batch(today=today), today) > 650


def test_most_records_stay_live_for_a_year_and_none_beyond_two() -> None:
    batch = demo_batch(today=DAY)
    published = live(batch, DAY)
    assert live(batch, DAY + dt.timedelta(days=364)) == published
    assert live(batch, DAY + dt.timedelta(days=731)) == 0


def test_records_without_relative_validity_are_left_as_they_are() -> None:
    records = [{"external_id": "x:1", "valid_until": "2030-01-31"}, {"external_id": "x:2"}]
    assert dated(records, today=DAY) == records


def test_negative_days_give_a_date_before_the_day_of_loading() -> None:
    [record] = dated([{"external_id": "x:1", "valid_for_days": -60}], today=DAY)
    assert record == {"external_id": "x:1", "valid_until": "2026-09-28"}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"external_id": "x:1", "valid_for_days": "365"}, "whole number, not '365'"),
        ({"external_id": "x:1", "valid_for_days": 365.5}, "whole number, not 365.5"),
        ({"external_id": "x:1", "valid_for_days": True}, "whole number, not True"),
        ({"external_id": "x:1", "valid_for_days": None}, "whole number, not None"),
        (
            {"external_id": "x:1", "valid_for_days": 365, "valid_until": "2030-01-31"},
            "both valid_until and valid_for_days",
        ),
    ],
    ids=["text", "fraction", "boolean", "empty", "both"],
)
def test_a_validity_the_loader_cannot_read_is_refused_naming_record_and_field(
    record: dict[str, Any], message: str
) -> None:
    with pytest.raises(DemoDataError) as raised:
        dated([record], today=DAY)
    assert "demo record 'x:1'" in str(raised.value)
    assert "valid_for_days" in str(raised.value)
    assert message in str(raised.value)
