"""Hard conditions of a single record: read from text cells and lists, each one refused with its
field named when unknown or when the record does not state the term it holds counterparts to."""

from __future__ import annotations

from typing import Any

import pytest
from tests.records import opportunity_data

from itpo.registry.errors import ValidationError
from itpo.registry.fields import OPPORTUNITY_FIELDS
from itpo.registry.model import Condition, Opportunity
from itpo.registry.records import opportunity_from, opportunity_values


def parsed(**changes: Any) -> Opportunity:
    return opportunity_from(opportunity_values(opportunity_data(**changes)), organisation_id=1)


def refusals(**changes: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        parsed(**changes)
    return [(e.field, e.message) for e in caught.value.errors]


def test_a_record_declares_no_hard_condition_unless_told() -> None:
    assert parsed().hard_conditions == []
    assert parsed(hard_conditions="").hard_conditions == []


def test_conditions_are_read_from_a_cell_and_from_a_list() -> None:
    assert parsed(hard_conditions="markets; amount").hard_conditions == [
        Condition.MARKETS,
        Condition.AMOUNT,
    ]
    assert parsed(hard_conditions=["Cooperation", "cooperation"]).hard_conditions == [
        Condition.COOPERATION
    ]


def test_the_field_is_declared_as_a_list_with_its_allowed_values_and_help() -> None:
    [spec] = [f for f in OPPORTUNITY_FIELDS if f.name == "hard_conditions"]
    assert spec.is_list and not spec.required
    assert spec.allowed == ("markets", "cooperation", "amount")
    assert "separated by ';'" in spec.help


@pytest.mark.parametrize("value", ["region", "markets;price", ["markets", "trl"]])
def test_an_unknown_condition_is_refused_naming_the_field(value: Any) -> None:
    [(field, message)] = refusals(hard_conditions=value)
    assert field == "hard_conditions"
    assert "is not one of: markets, cooperation, amount" in message


@pytest.mark.parametrize(
    ("condition", "without", "reason"),
    [
        ("markets", {"countries": ""}, "markets needs at least one country in countries"),
        (
            "cooperation",
            {"cooperation_types": []},
            "cooperation needs at least one type in cooperation_types",
        ),
        (
            "amount",
            {"amount_min": None, "amount_max": None, "currency": None},
            "amount needs amount_min or amount_max",
        ),
    ],
)
def test_a_condition_without_the_term_it_holds_counterparts_to_is_refused(
    condition: str, without: dict[str, Any], reason: str
) -> None:
    assert refusals(hard_conditions=condition, **without) == [("hard_conditions", reason)]
    assert parsed(**without).hard_conditions == []  # the record itself is fine without it


def test_every_missing_term_is_reported_at_once() -> None:
    found = refusals(
        hard_conditions="markets;cooperation;amount",
        countries=None,
        cooperation_types=None,
        amount_min=None,
        amount_max=None,
        currency=None,
    )
    assert [field for field, _ in found] == ["hard_conditions"] * 3


def test_an_amount_range_open_at_one_end_is_enough_for_the_amount_condition() -> None:
    assert parsed(hard_conditions="amount", amount_min=None).hard_conditions == [Condition.AMOUNT]
    assert parsed(hard_conditions="amount", amount_max=None).hard_conditions == [Condition.AMOUNT]
