"""An import keys its rows on external ids, so it must never land on a record a member set up
for it: members choose no external ids, and an import renames an organisation or moves an
opportunity that no import made only when the officer, shown the change, lets it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.auth import bearer, user
from tests.records import opportunity_data, organisation_data

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditQuery, Role, Scope
from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform
from itpo.registry import services
from itpo.registry.filters import organisation_query
from itpo.registry.importing import legacy_external_id

API = "/api/v1"


@pytest.fixture
def member(platform: Platform) -> tuple[int, dict[str, str]]:
    """An organisation an officer entered by hand, and the headers of one of its members."""
    organisation = services.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(external_id="org-meru", name="Meru Mango Growers"),
    )
    assert organisation.id is not None
    person = user(platform, "ops@meru.example", Role.MEMBER, organisation_id=organisation.id)
    return organisation.id, bearer(platform, person)


def import_file(client: TestClient, tmp_path: Path, document: dict[str, Any], **params: str) -> Any:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(document))
    with path.open("rb") as handle:
        return client.post(
            f"{API}/imports",
            params=params,
            files={"file": ("records.json", handle, "application/json")},
        )


def test_a_member_may_not_choose_the_external_id_an_import_keys_on(
    client: TestClient, member: tuple[int, dict[str, str]]
) -> None:
    organisation_id, headers = member
    # The hijack: take the id an officer's next import will use, or the id it derives.
    for wanted in ("demo:org-kisumu-fish", legacy_external_id("Kisumu Fish Ltd", "KEN")):
        answer = client.patch(
            f"{API}/organisations/{organisation_id}", json={"external_id": wanted}, headers=headers
        )
        assert answer.status_code == 422, answer.text
        assert answer.json()["detail"][0]["loc"][-1] == "external_id"
    assert client.get(f"{API}/organisations/{organisation_id}").json()["external_id"] == "org-meru"
    # Its other fields it may still change, and naming its own id again changes nothing.
    same = {"external_id": "org-meru", "city": "Meru"}
    answer = client.patch(f"{API}/organisations/{organisation_id}", json=same, headers=headers)
    assert answer.status_code == 200 and answer.json()["city"] == "Meru"


def test_a_member_gets_an_assigned_external_id_for_its_opportunity(
    client: TestClient, member: tuple[int, dict[str, str]]
) -> None:
    organisation_id, headers = member
    body = opportunity_data(
        external_id="demo:need-lakeside", organisation_id=organisation_id, status="draft"
    )
    del body["organisation"]
    refused = client.post(f"{API}/opportunities", json=body, headers=headers)
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"][-1] == "external_id"
    del body["external_id"]
    created = client.post(f"{API}/opportunities", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["external_id"].startswith("itpo:")
    moved = client.patch(
        f"{API}/opportunities/{created.json()['id']}",
        json={"external_id": "demo:need-lakeside"},
        headers=headers,
    )
    assert moved.status_code == 422


def test_an_import_renames_an_organisation_no_import_made_only_when_let(
    client: TestClient, platform: Platform, member: tuple[int, dict[str, str]], tmp_path: Path
) -> None:
    organisation_id, _ = member
    rows = {"organisations": [organisation_data(external_id="org-meru", name="Kisumu Fish Ltd")]}
    dry = import_file(client, tmp_path, rows, dry_run="true")
    assert dry.status_code == 200, dry.text
    [change] = dry.json()["changes"]
    assert change == {
        "section": "organisations",
        "row": 1,
        "record_id": organisation_id,
        "field": "name",
        "before": "Meru Mango Growers",
        "after": "Kisumu Fish Ltd",
        "made_by_import": False,
    }
    refused = import_file(client, tmp_path, rows)
    assert refused.status_code == 409 and "renames organisation" in refused.json()["detail"]
    profile = client.get(f"{API}/organisations/{organisation_id}").json()
    assert profile["name"] == "Meru Mango Growers"  # nothing was written
    allowed = import_file(client, tmp_path, rows, allow_moves="true")
    assert allowed.status_code == 200, allowed.text
    assert client.get(f"{API}/organisations/{organisation_id}").json()["name"] == "Kisumu Fish Ltd"


def test_an_import_moves_an_opportunity_no_import_made_only_when_let(
    client: TestClient, platform: Platform, member: tuple[int, dict[str, str]], tmp_path: Path
) -> None:
    organisation_id, headers = member
    body = opportunity_data(organisation_id=organisation_id, status="draft")
    del body["organisation"], body["external_id"]
    mine = client.post(f"{API}/opportunities", json=body, headers=headers).json()
    other = organisation_data(external_id="org-other", name="Lakeside Fish")
    moving = opportunity_data(
        external_id=mine["external_id"], organisation="org-other", details="Cold store floor plans"
    )
    document = {"organisations": [other], "opportunities": [moving]}
    [change] = import_file(client, tmp_path, document, dry_run="true").json()["changes"]
    assert change["field"] == "organisation" and change["record_id"] == mine["id"]
    assert (change["before"], change["after"]) == ("Meru Mango Growers", "Lakeside Fish")
    assert import_file(client, tmp_path, document).status_code == 409
    kept = client.get(f"{API}/opportunities/{mine['id']}").json()
    assert kept["organisation_id"] == organisation_id and kept["details"] == body["details"]
    assert import_file(client, tmp_path, document, allow_moves="true").status_code == 200
    assert client.get(f"{API}/opportunities/{mine['id']}").json()["organisation_name"] == (
        "Lakeside Fish"
    )


def test_an_import_renames_what_an_import_made_and_says_so(
    client: TestClient, tmp_path: Path
) -> None:
    first = {"organisations": [organisation_data(external_id="org-x", name="Old name")]}
    assert import_file(client, tmp_path, first).status_code == 200
    again = {"organisations": [organisation_data(external_id="org-x", name="New name")]}
    answer = import_file(client, tmp_path, again)
    assert answer.status_code == 200, answer.text
    [change] = answer.json()["changes"]
    assert change["made_by_import"] is True and change["after"] == "New name"


def test_rows_without_an_id_get_one_no_guess_reproduces(
    client: TestClient, platform: Platform, tmp_path: Path
) -> None:
    row = organisation_data(name="Kisumu Fish Ltd", country="KEN")
    del row["external_id"]
    assert import_file(client, tmp_path, {"organisations": [row]}).status_code == 200
    [stored] = services.list_organisations(
        by=OPERATOR, uow=platform.uow(), query=organisation_query()
    ).items
    assert stored.external_id is not None and stored.external_id.startswith("auto:")
    assert stored.external_id != legacy_external_id("Kisumu Fish Ltd", "KEN")
    # Importing the same row again finds the same record, which it leaves as it is.
    answer = import_file(client, tmp_path, {"organisations": [row]})
    found = answer.json()
    assert (found["organisations_created"], found["organisations_unchanged"]) == (0, 1)


def test_a_record_with_a_derived_id_of_earlier_versions_keeps_it(
    client: TestClient, platform: Platform, tmp_path: Path
) -> None:
    old = legacy_external_id("Kisumu Fish Ltd", "KEN")
    services.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(external_id=old, name="Kisumu Fish Ltd", country="KEN"),
    )
    row = organisation_data(name="Kisumu Fish Ltd", country="KEN", city="Kisumu")
    del row["external_id"]
    answer = import_file(client, tmp_path, {"organisations": [row]})
    assert (answer.json()["organisations_created"], answer.json()["organisations_updated"]) == (
        0,
        1,
    )


def test_every_import_is_audited_with_its_file_and_who_ran_it(
    client: TestClient, platform: Platform, tmp_path: Path
) -> None:
    rows = {"organisations": [organisation_data()]}
    assert import_file(client, tmp_path, rows, dry_run="true").status_code == 200
    assert import_file(client, tmp_path, rows).status_code == 200
    admin = Principal.system()
    entries = accounts.list_audit(uow=platform.uow(), by=admin, query=AuditQuery(action="import"))
    assert [e.detail["dry_run"] for e in entries.items] == [False, True]
    assert {e.detail["file"] for e in entries.items} == {"records.json"}
    assert all(e.actor_label.startswith("admin@itpo.example") for e in entries.items)


def test_an_export_needs_a_token_that_may_read(platform: Platform, client: TestClient) -> None:
    """An export holds every record's restricted detail: a write-only token may import but
    not read it all out."""
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    officer = user(platform, "officer@itpo.example", Role.OFFICER)
    app = client.app
    for scopes, expected in (([Scope.WRITE], 403), ([Scope.READ], 200)):
        with TestClient(app, headers=bearer(platform, officer, scopes)) as scoped:
            answer = scoped.get(f"{API}/exports/export.json")
        assert answer.status_code == expected, answer.text
    assert (
        "read"
        in TestClient(app, headers=bearer(platform, officer, [Scope.WRITE]))
        .get(f"{API}/exports/export.json")
        .json()["detail"]
    )
