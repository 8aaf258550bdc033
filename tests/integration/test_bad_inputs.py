"""Inputs no record can hold are refused with a clear answer naming the field, never a 500, on
both databases: control characters (PostgreSQL refuses NUL), numbers JSON cannot carry, ids and
page offsets past what a database integer holds, digits that only look like digits."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.bootstrap import Platform
from itpo.registry import services

API = "/api/v1"
HUGE = "9223372036854775808"  # one past the largest 64-bit integer


@pytest.fixture
def stored(platform: Platform) -> int:
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    created = services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=opportunity_data())
    assert created.id is not None
    return created.id


def refused(answer: Response, field: str) -> None:
    assert answer.status_code == 422, answer.text
    fields = [str(e["loc"][-1]) for e in answer.json()["detail"]]
    assert field in fields, answer.text


@pytest.mark.parametrize(
    "path", ["/opportunities", "/organisations", "/search"], ids=lambda p: p.strip("/")
)
def test_a_nul_in_a_search_text_is_refused_naming_q(
    client: TestClient, stored: int, path: str
) -> None:
    refused(client.get(f"{API}{path}", params={"q": "\x00abc"}), "q")


@pytest.mark.parametrize(
    "path", ["/opportunities", "/organisations", "/matches", "/audit", "/users"]
)
def test_an_offset_past_any_integer_is_refused_naming_it(
    client: TestClient, stored: int, path: str
) -> None:
    refused(client.get(f"{API}{path}", params={"offset": HUGE}), "offset")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_a_number_json_cannot_carry_is_refused_naming_the_field(
    client: TestClient, stored: int, number: str
) -> None:
    body = f'{{"amount_max": {number}}}'
    answer = client.patch(
        f"{API}/opportunities/{stored}", content=body, headers={"content-type": "application/json"}
    )
    refused(answer, "amount_max")
    assert client.get(f"{API}/opportunities/{stored}").json()["amount_max"] == 250000


@pytest.mark.parametrize("value", ["1e20", "2147483648", "-1"])
def test_an_organisation_id_no_database_holds_is_refused(
    client: TestClient, stored: int, value: str
) -> None:
    answer = client.patch(
        f"{API}/opportunities/{stored}",
        content=f'{{"organisation_id": {value}}}',
        headers={"content-type": "application/json"},
    )
    refused(answer, "organisation_id")


@pytest.mark.parametrize("text", ["Solar\x00dryer", "Solar\x07dryer", "Solar\x1bdryer"])
def test_a_control_character_in_a_text_field_is_refused(
    client: TestClient, stored: int, text: str
) -> None:
    refused(client.patch(f"{API}/opportunities/{stored}", json={"title": text}), "title")
    refused(
        client.post(f"{API}/organisations", json=organisation_data(external_id="o-2", city=text)),
        "city",
    )
    assert client.get(f"{API}/opportunities/{stored}").json()["title"].startswith("Solar tunnel")


def test_tabs_and_line_breaks_stay_text(client: TestClient, stored: int) -> None:
    teaser = "Two lines:\n\tfirst\r\n\tsecond"
    answer = client.patch(f"{API}/opportunities/{stored}", json={"teaser": teaser})
    assert answer.status_code == 200 and answer.json()["teaser"] == teaser
