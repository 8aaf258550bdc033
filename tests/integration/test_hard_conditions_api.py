"""Hard conditions through the REST API, on SQLite and PostgreSQL: created, read at every
disclosure stage, changed, and every bad value refused naming the field, with nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.records import opportunity_data, organisation_data

API = "/api/v1"


def body(organisation_id: int, **changes: Any) -> dict[str, Any]:
    data = opportunity_data(organisation_id=organisation_id, **changes)
    del data["organisation"]
    return data


@pytest.fixture
def owner(client: TestClient) -> int:
    answer = client.post(f"{API}/organisations", json=organisation_data())
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def created(client: TestClient, owner: int, **changes: Any) -> dict[str, Any]:
    answer = client.post(f"{API}/opportunities", json=body(owner, **changes))
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def total(client: TestClient) -> int:
    return int(client.get(f"{API}/opportunities").json()["total"])


def test_hard_conditions_are_created_read_and_changed(client: TestClient, owner: int) -> None:
    made = created(client, owner, hard_conditions=["markets", "amount"])
    assert made["hard_conditions"] == ["markets", "amount"]
    url = f"{API}/opportunities/{made['id']}"
    assert client.get(url).json()["hard_conditions"] == ["markets", "amount"]
    changed = client.patch(url, json={"hard_conditions": ["cooperation"]})
    assert changed.status_code == 200, changed.text
    assert client.get(url).json()["hard_conditions"] == ["cooperation"]
    cleared = client.patch(url, json={"hard_conditions": []})
    assert cleared.status_code == 200 and cleared.json()["hard_conditions"] == []


def test_a_record_created_without_them_has_none(client: TestClient, owner: int) -> None:
    assert created(client, owner)["hard_conditions"] == []


def test_the_public_sees_the_hard_conditions_of_a_teaser(
    client: TestClient, public_client: TestClient, owner: int
) -> None:
    made = created(client, owner, hard_conditions=["cooperation"])
    teaser = public_client.get(f"{API}/opportunities/{made['id']}").json()
    assert "amount_min" not in teaser  # the teaser stage
    assert teaser["hard_conditions"] == ["cooperation"]
    listed = public_client.get(f"{API}/opportunities").json()["items"]
    assert [item["hard_conditions"] for item in listed] == [["cooperation"]]


def test_the_openapi_lists_the_conditions_a_record_may_declare(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["Condition"]["enum"] == ["markets", "cooperation", "amount"]
    field = schemas["OpportunityCreate"]["properties"]["hard_conditions"]
    assert field["items"] == {"$ref": "#/components/schemas/Condition"}
    assert "markets" in field["description"]


UNKNOWN = [["region"], ["markets", "trl"], "markets", [1]]


@pytest.mark.parametrize("value", UNKNOWN)
def test_an_unknown_condition_is_refused_on_create_naming_the_field(
    client: TestClient, owner: int, value: Any
) -> None:
    answer = client.post(f"{API}/opportunities", json=body(owner, hard_conditions=value))
    assert answer.status_code == 422
    assert {tuple(d["loc"][:2]) for d in answer.json()["detail"]} == {("body", "hard_conditions")}
    assert total(client) == 0


MISSING = [
    (["markets"], {"countries": []}, "countries"),
    (["cooperation"], {"cooperation_types": []}, "cooperation_types"),
    (["amount"], {"amount_min": None, "amount_max": None, "currency": None}, "amount_min"),
]


@pytest.mark.parametrize(("conditions", "without", "needed"), MISSING)
def test_a_condition_without_its_term_is_refused_on_create(
    client: TestClient, owner: int, conditions: list[str], without: dict[str, Any], needed: str
) -> None:
    data = body(owner, hard_conditions=conditions, **without)
    answer = client.post(f"{API}/opportunities", json=data)
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["loc"] == ["body", "hard_conditions"]
    assert f"{conditions[0]} needs" in detail["msg"] and needed in detail["msg"]
    assert total(client) == 0


@pytest.mark.parametrize("value", UNKNOWN)
def test_an_unknown_condition_is_refused_on_update_and_changes_nothing(
    client: TestClient, owner: int, value: Any
) -> None:
    made = created(client, owner, hard_conditions=["markets"])
    url = f"{API}/opportunities/{made['id']}"
    before = client.get(url).json()
    answer = client.patch(url, json={"hard_conditions": value, "title": "Renamed"})
    assert answer.status_code == 422
    assert {tuple(d["loc"][:2]) for d in answer.json()["detail"]} == {("body", "hard_conditions")}
    assert client.get(url).json() == before


def refused_unchanged(client: TestClient, url: str, changes: dict[str, Any], needed: str) -> None:
    before = client.get(url).json()
    answer = client.patch(url, json={**changes, "title": "Renamed"})
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["loc"] == ["body", "hard_conditions"] and needed in detail["msg"]
    assert client.get(url).json() == before


@pytest.mark.parametrize(("conditions", "without", "needed"), MISSING)
def test_declaring_a_condition_on_a_record_without_its_term_is_refused(
    client: TestClient, owner: int, conditions: list[str], without: dict[str, Any], needed: str
) -> None:
    made = created(client, owner, **without)
    url = f"{API}/opportunities/{made['id']}"
    refused_unchanged(client, url, {"hard_conditions": conditions}, needed)


@pytest.mark.parametrize(("conditions", "without", "needed"), MISSING)
def test_taking_away_the_term_a_declared_condition_needs_is_refused(
    client: TestClient, owner: int, conditions: list[str], without: dict[str, Any], needed: str
) -> None:
    made = created(client, owner, hard_conditions=conditions)
    url = f"{API}/opportunities/{made['id']}"
    refused_unchanged(client, url, without, needed)
