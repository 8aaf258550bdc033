"""A form's problems come back in one round, each beside its field: an empty opportunity form
names its owner, kind, title, summary and language at once, and the rules between fields
(amounts, readiness) are named with the fields that did not parse."""

from __future__ import annotations

import re

from tests.world import World, csrf_of, signed_in

PROBLEM = re.compile(r'id="f-([a-z_]+)-problem"')


def problems_of(world: World, data: dict[str, str]) -> set[str]:
    client = signed_in(world, "officer")
    token = csrf_of(client.get("/opportunities/new").text)
    answer = client.post(
        "/opportunities/new", data={**data, "csrf_token": token}, follow_redirects=False
    )
    assert answer.status_code == 422
    return set(PROBLEM.findall(answer.text))


def test_an_empty_form_names_every_missing_field_at_once(world: World) -> None:
    assert problems_of(world, {}) >= {"organisation_id", "kind", "title", "teaser", "language"}


def test_rules_between_fields_come_with_the_missing_fields(world: World) -> None:
    found = problems_of(
        world,
        {"kind": "technology_offer", "amount_min": "5", "amount_max": "2", "min_trl": "3"},
    )
    assert {"title", "teaser", "organisation_id"} <= found
    assert {"amount_min", "currency", "min_trl"} <= found
