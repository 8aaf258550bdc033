"""The audit log holds every change and every view of someone else's restricted detail, whoever
asked and through whichever door: a verdict on a match (which may unlock a counterpart's
details), a listing that returns such details, and the command line's own writes."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.auth import bearer, user
from tests.records import opportunity_data, organisation_data

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditEntry, AuditQuery, Role
from itpo.accounts.principal import Principal
from itpo.adapters.app import create_app
from itpo.adapters.cli import cli
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.matching.tracking import match_and_record
from itpo.registry import services

API = "/api/v1"


@pytest.fixture
def pair(
    database_url: str, tmp_path: Path, encoders: list[EncoderSpec]
) -> Iterator[tuple[Platform, dict[str, int], dict[str, dict[str, str]]]]:
    """A Kenyan need and a Chinese offer that match, each with a member of its own."""
    platform = bootstrap(
        Settings(database_url=database_url, data_dir=tmp_path / "data"), initialise=True
    )
    platform.encoders = encoders
    uow = platform.uow()
    china = services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    kenya = services.create_organisation(
        by=OPERATOR,
        uow=uow,
        data=organisation_data(
            external_id="org-ke", name="Meru Mango Growers", country="KEN", website=None
        ),
    )
    offer = services.create_opportunity(
        by=OPERATOR, uow=uow, data=opportunity_data(details="SECRET licence royalty floor")
    )
    need = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="need-ke",
            organisation="org-ke",
            kind="technology_need",
            trl=None,
            min_trl=6,
            countries=["KEN"],
            title="Solar dryer for mango exporters",
            teaser="A Kenyan mango cooperative needs a solar dryer to cut losses.",
        ),
    )
    [match] = [
        r
        for r in match_and_record(
            by=OPERATOR,
            uow=uow,
            index=platform.index(),
            opportunity_id=need.id or 0,
            today=platform.today(),
        ).results
        if r.opportunity_id == offer.id
    ]
    people = {
        "kenyan": user(platform, "ops@meru.example", Role.MEMBER, organisation_id=kenya.id),
        "chinese": user(platform, "sales@pudong.example", Role.MEMBER, organisation_id=china.id),
    }
    ids = {"offer": offer.id or 0, "need": need.id or 0, "match": match.match_id or 0}
    yield platform, ids, {name: bearer(platform, who) for name, who in people.items()}
    platform.close()


def audit(platform: Platform, **filters: str) -> list[AuditEntry]:
    query = AuditQuery(limit=None, **filters)  # type: ignore[arg-type]
    return list(accounts.list_audit(uow=platform.uow(), by=Principal.system(), query=query).items)


def test_a_verdict_is_audited_and_kept_with_who_gave_it(
    pair: tuple[Platform, dict[str, int], dict[str, dict[str, str]]],
) -> None:
    platform, ids, headers = pair
    with TestClient(create_app(platform=platform), headers=headers["kenyan"]) as client:
        answer = client.post(
            f"{API}/matches/{ids['match']}/feedback",
            json={"verdict": "accept", "side": ids["need"]},
        )
        assert answer.status_code == 200, answer.text
        [decision] = answer.json()["decisions"]
        assert decision["decided_by"].startswith("ops@meru.example")
        shown = client.get(f"{API}/matches/{ids['match']}").json()
    assert shown["decisions"][0]["decided_by"] == decision["decided_by"]
    [entry] = audit(platform, action="match")
    assert (entry.action, entry.subject_type, entry.subject_id) == (
        "match.accept",
        "match",
        str(ids["match"]),
    )
    assert entry.actor_label.startswith("ops@meru.example")
    assert entry.detail == {"side": ids["need"], "state": "interested", "reason": ""}


def test_a_restricted_record_returned_by_a_listing_is_audited(
    pair: tuple[Platform, dict[str, int], dict[str, dict[str, str]]],
) -> None:
    platform, ids, headers = pair
    app = create_app(platform=platform)
    for side, who in ((ids["need"], "kenyan"), (ids["offer"], "chinese")):
        with TestClient(app, headers=headers[who]) as client:
            answer = client.post(
                f"{API}/matches/{ids['match']}/feedback", json={"verdict": "accept", "side": side}
            )
            assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == "introduced"
    with TestClient(app, headers=headers["kenyan"]) as client:
        listed = client.get(f"{API}/opportunities", params={"q": "tunnel dryer"}).json()
    [offer] = [o for o in listed["items"] if o["id"] == ids["offer"]]
    assert offer["details"] == "SECRET licence royalty floor"
    viewed = audit(platform, action="opportunity.view_restricted")
    assert [(e.subject_id, e.actor_label[:16]) for e in viewed] == [
        (str(ids["offer"]), "ops@meru.example")
    ]


def test_the_command_lines_writes_are_audited_as_its_named_operator(
    pair: tuple[Platform, dict[str, int], dict[str, dict[str, str]]], tmp_path: Path
) -> None:
    platform, ids, _ = pair
    url = platform.settings.resolved_database_url
    runner = CliRunner()
    records = tmp_path / "records.json"
    records.write_text(
        json.dumps({"organisations": [organisation_data(external_id="org-new", name="New firm")]})
    )
    for args in (
        ["import", str(records)],
        ["opportunities", "expire"],
        ["matches", "decline", str(ids["match"]), "--reason", "no after-sales service"],
    ):
        result = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    entries = {e.action: e for e in audit(platform) if e.actor_label.endswith("(command line)")}
    assert {"import", "opportunity.expire", "match.decline"} <= set(entries)
    assert entries["import"].detail["file"] == "records.json"
    assert entries["match.decline"].actor_label.startswith(getpass.getuser() + "@")
