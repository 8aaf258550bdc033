"""Validation of single records: every bad value is named, with a reason in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from itpo.registry.errors import ValidationError
from itpo.registry.model import CooperationType, Disclosure, OpportunityKind, Status
from itpo.registry.records import (
    opportunity_from,
    opportunity_values,
    organisation_from,
)


def offer(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "technology_offer",
        "organisation": "org-1",
        "title": "Solar dryer for fruit and vegetables",
        "teaser": "A 2 t/day solar dryer cutting post-harvest losses.",
        "language": "en",
        "countries": "KEN; TZA",
        "isic_classes": "1030",
        "technology_areas": "green.post_harvest;green.solar_thermal",
        "sdgs": "2;7;13",
        "trl": "8",
        "cooperation_types": "licensing; supply",
        "amount_min": "50000",
        "amount_max": 200000,
        "currency": "usd",
        "status": "published",
        "valid_until": "2027-06-30",
    }
    data.update(changes)
    return data


def problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        opportunity_from(opportunity_values(data), organisation_id=1)
    return {e.field: e.message for e in caught.value.errors}


def test_a_complete_offer_parses_text_cells_into_typed_values() -> None:
    o = opportunity_from(opportunity_values(offer()), organisation_id=1)
    assert o.kind is OpportunityKind.TECHNOLOGY_OFFER
    assert o.countries == ["KEN", "TZA"]
    assert o.sdgs == [2, 7, 13]
    assert o.trl == 8
    assert o.cooperation_types == [CooperationType.LICENSING, CooperationType.SUPPLY]
    assert (o.amount_min, o.amount_max, o.currency) == (50000.0, 200000.0, "USD")
    assert o.valid_until == dt.date(2027, 6, 30)
    assert o.status is Status.PUBLISHED and o.disclosure is Disclosure.PUBLIC


def test_native_lists_and_alpha2_codes_are_accepted() -> None:
    o = opportunity_from(
        opportunity_values(offer(countries=["ke", "CN"], sdgs=[7, 7])), organisation_id=1
    )
    assert o.countries == ["KEN", "CHN"]
    assert o.sdgs == [7]


def test_an_isic_class_that_lost_its_leading_zero_is_restored() -> None:
    o = opportunity_from(opportunity_values(offer(isic_classes="111")), organisation_id=1)
    assert o.isic_classes == ["0111"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("countries", "KEN;XYZ", "'XYZ' is not an ISO 3166 country code"),
        ("isic_classes", "9999", "is not an ISIC Rev.4 class"),
        ("sdgs", "18", "18 is outside 1-17"),
        ("trl", "10", "10 is outside 1-9"),
        ("trl", "7.5", "is not a whole number"),
        ("amount_min", "-5", "is negative"),
        ("amount_max", "lots", "is not a number"),
        ("currency", "XXQ", "is not an ISO 4217 currency code"),
        ("kind", "technology_gift", "is not one of"),
        ("status", "archived", "is not one of"),
        ("valid_until", "31/12/2027", "is not a date"),
        ("language", "english", "is not an ISO 639-1 language code"),
        ("technology_areas", "green.cold_fusion", "is not a technology area"),
        ("title", "x" * 301, "at most 300 allowed"),
        ("title", "", "is required"),
        ("teaser", None, "is required"),
    ],
)
def test_each_bad_value_is_named_with_its_reason(field: str, value: Any, reason: str) -> None:
    assert reason in problems(offer(**{field: value}))[field]


def test_all_problems_are_reported_at_once() -> None:
    found = problems(offer(countries="XX", sdgs="0", trl="12"))
    assert set(found) == {"countries", "sdgs", "trl"}


def test_an_unknown_column_is_refused_rather_than_silently_dropped() -> None:
    assert problems(offer(contry="KEN"))["contry"] == "unknown field"


def test_amount_min_above_amount_max_is_refused() -> None:
    assert "is above amount_max" in problems(offer(amount_min=5, amount_max=1))["amount_min"]


def test_an_amount_needs_a_currency() -> None:
    assert problems(offer(currency=""))["currency"] == "is required when an amount is given"


def test_a_need_states_a_minimum_trl_not_its_own() -> None:
    reason = problems(offer(kind="technology_need"))["trl"]
    assert "use min_trl" in reason


def test_an_offer_does_not_state_a_minimum_trl() -> None:
    assert "use trl" in problems(offer(trl=None, min_trl=5))["min_trl"]


def test_an_organisation_needs_name_kind_and_country() -> None:
    with pytest.raises(ValidationError) as caught:
        organisation_from({"name": "", "kind": "startup", "country": "Atlantis"})
    fields = {e.field for e in caught.value.errors}
    assert fields == {"name", "kind", "country"}


def test_an_organisation_website_must_be_a_web_address() -> None:
    with pytest.raises(ValidationError, match="website"):
        organisation_from({"name": "A", "kind": "company", "country": "KEN", "website": "ftp:x"})


def test_an_organisation_parses_with_lists_and_size() -> None:
    organisation = organisation_from(
        {
            "name": "Nyeri Fruit Processors",
            "kind": "Company",
            "country": "KEN",
            "size": "small",
            "isic_classes": "1030",
            "languages": "en;sw",
        }
    )
    assert organisation.kind.value == "company"
    assert organisation.languages == ["en", "sw"]
