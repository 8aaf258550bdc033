"""Deals through real HTTP: from an introduced match to a verified outcome confirmed by a
party, the office's results counting it, and every bad input answered with its field named
and nothing written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.auth import bearer
from tests.deals import DealWorld, introduced_world

from itpo.accounts.model import Scope
from itpo.adapters.app import create_app
from itpo.bootstrap import Platform

API = "/api/v1"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NEGOTIATING = {"agreement_type": "licence", "expected_signing_on": "2026-12-20"}
SIGNED = {
    "signed_on": "2026-10-20",
    "outcome": {"investment_committed": 250000, "technology": "Solar tunnel dryer, 2 t/day"},
}


@dataclass
class Clients:
    world: DealWorld
    officer: TestClient
    second: TestClient
    chinese: TestClient
    outsider: TestClient
    read_only: TestClient
    public: TestClient


@pytest.fixture
def clients(platform: Platform) -> Clients:
    world = introduced_world(platform)
    app = create_app(platform=platform)

    def client(headers: dict[str, str]) -> TestClient:
        return TestClient(app, raise_server_exceptions=False, headers=headers)

    return Clients(
        world,
        officer=client(bearer(platform, world.officer)),
        second=client(bearer(platform, world.second_officer)),
        chinese=client(bearer(platform, world.chinese)),
        outsider=client(bearer(platform, world.other_member)),
        read_only=client(bearer(platform, world.chinese, [Scope.READ])),
        public=client({}),
    )


def opened(clients: Clients) -> dict[str, Any]:
    answer = clients.officer.post(f"{API}/deals", json={"match_id": clients.world.match})
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def fields(answer: Any) -> set[str]:
    return {".".join(str(part) for part in error["loc"][1:]) for error in answer.json()["detail"]}


def test_a_deal_from_introduction_to_a_confirmed_verified_outcome(clients: Clients) -> None:
    deal = opened(clients)
    deal_id, world = deal["id"], clients.world
    assert deal["stage"] == "introduced" and deal["source"] == "match"
    assert sorted(deal["organisation_ids"]) == sorted([world.china, world.kenya])
    assert deal["next_stage"] == "negotiating"
    assert "Meru Mango Growers" in {party["name"] for party in deal["parties"]}
    assert {o["id"] for o in deal["opportunities"]} == {world.offer, world.need}
    assert {m["field"] for m in deal["missing"]} == {"agreement_type", "expected_signing_on"}
    assert "move" in deal["actions"]

    refused = clients.officer.post(f"{API}/deals/{deal_id}/stage", json={"to": "negotiating"})
    assert refused.status_code == 422
    assert fields(refused) == {"agreement_type", "expected_signing_on"}
    assert clients.officer.get(f"{API}/deals/{deal_id}").json()["stage"] == "introduced"

    moved = clients.officer.post(
        f"{API}/deals/{deal_id}/stage", json={"to": "negotiating", "changes": NEGOTIATING}
    )
    assert moved.status_code == 200, moved.text
    signed = clients.officer.post(
        f"{API}/deals/{deal_id}/stage", json={"to": "agreement_signed", "changes": SIGNED}
    )
    assert signed.status_code == 200, signed.text
    body = signed.json()
    assert [e["to"] for e in body["events"]] == ["introduced", "negotiating", "agreement_signed"]
    assert body["outcome"]["investment_committed_usd"] == 250000

    call = clients.chinese.post(
        f"{API}/interactions",
        json={
            "kind": "call",
            "occurred_on": "2026-10-25",
            "subject": "Installation schedule",
            "deal_id": deal_id,
        },
    )
    assert call.status_code == 201, call.text
    listed = clients.officer.get(f"{API}/interactions", params={"deal_id": deal_id}).json()
    assert [i["subject"] for i in listed["items"]] == ["Installation schedule"]

    upload = clients.officer.post(
        f"{API}/deals/{deal_id}/evidence",
        data={"kind": "signed_agreement", "description": "Licence, signed"},
        files={"file": ("licence.pdf", PDF, "application/pdf")},
    )
    assert upload.status_code == 201, upload.text
    evidence_id = upload.json()["id"]
    document = clients.chinese.get(f"{API}/evidence/{evidence_id}/content")
    assert document.status_code == 200 and document.content == PDF
    assert clients.outsider.get(f"{API}/evidence/{evidence_id}/content").status_code == 404

    submitted = clients.officer.post(
        f"{API}/deals/{deal_id}/submissions",
        json={"checklist": ["signed_agreement"], "evidence_ids": [evidence_id]},
    )
    assert submitted.status_code == 201, submitted.text
    own = clients.officer.post(f"{API}/deals/{deal_id}/verify")
    assert own.status_code == 403  # four eyes: not the officer who submitted it
    verified = clients.second.post(f"{API}/deals/{deal_id}/verify")
    assert verified.status_code == 200, verified.text
    assert verified.json()["verification"] == "verified"
    assert verified.json()["verified"]["investment_committed"] == 250000

    asked = clients.officer.post(
        f"{API}/deals/{deal_id}/confirmations",
        json={"organisation_id": world.kenya, "email": "ops@meru.example"},
    )
    assert asked.status_code == 201, asked.text
    token = asked.json()["link"].rsplit("/", 1)[-1]
    seen = clients.public.get(f"{API}/confirmations/{token}")
    assert seen.status_code == 200 and seen.json()["organisation"] == "Meru Mango Growers"
    assert "notes" not in seen.json()
    answer = clients.public.post(
        f"{API}/confirmations/{token}", json={"confirmed": True, "additionality": "essential"}
    )
    assert answer.status_code == 200, answer.text
    again = clients.public.post(
        f"{API}/confirmations/{token}", json={"confirmed": True, "additionality": "some"}
    )
    assert again.status_code == 404  # single use

    results = clients.officer.get(f"{API}/results", params={"year": 2026})
    assert results.status_code == 200, results.text
    figures = results.json()
    assert figures["agreements_by_type"] == {"licence": 1}
    # No projection was entered, so only the verified figure carries the amount.
    assert figures["measures"]["investment_committed"] == {"projected": 0.0, "verified": 250000.0}
    drill = clients.officer.get(
        f"{API}/results/deals", params={"year": 2026, "key": "investment_committed"}
    )
    assert drill.status_code == 200, drill.text
    assert [d["id"] for d in drill.json()["items"]] == [deal_id]


def test_bad_input_names_its_field_and_writes_nothing(clients: Clients) -> None:
    deal_id = opened(clients)["id"]
    version = clients.officer.get(f"{API}/deals/{deal_id}").json()["version"]
    bad = clients.officer.patch(
        f"{API}/deals/{deal_id}",
        json={"changes": {"outcome.jobs_new": -3, "currency": "XXQ", "colour": "red"}},
    )
    assert bad.status_code == 422
    assert fields(bad) == {"outcome.jobs_new", "currency", "colour"}
    assert clients.officer.get(f"{API}/deals/{deal_id}").json()["version"] == version

    stale = clients.officer.patch(
        f"{API}/deals/{deal_id}", json={"changes": {"title": "Dryers"}, "version": version + 5}
    )
    assert stale.status_code == 409

    hold = clients.officer.post(f"{API}/deals/{deal_id}/status", json={"status": "on_hold"})
    assert hold.status_code == 422 and fields(hold) == {"reason"}

    interaction = clients.officer.post(
        f"{API}/interactions",
        json={"kind": "call", "occurred_on": "2099-01-01", "subject": " ", "deal_id": deal_id},
    )
    assert interaction.status_code == 422
    assert fields(interaction) == {"occurred_on", "subject"}
    assert clients.officer.get(f"{API}/interactions").json()["total"] == 0

    not_a_pdf = clients.officer.post(
        f"{API}/deals/{deal_id}/evidence",
        data={"kind": "signed_agreement"},
        files={"file": ("licence.pdf", b"MZ\x90\x00 an executable", "application/pdf")},
    )
    assert not_a_pdf.status_code == 422 and fields(not_a_pdf) == {"file"}
    assert clients.officer.get(f"{API}/deals/{deal_id}/evidence").json() == []

    both = clients.officer.post(
        f"{API}/deals", json={"match_id": clients.world.match, "organisation_ids": [1]}
    )
    assert both.status_code == 422 and fields(both) == {"match_id"}
    twice = clients.officer.post(f"{API}/deals", json={"match_id": clients.world.match})
    assert twice.status_code == 409

    period = clients.officer.get(f"{API}/results", params={"year": 2026, "start": "2026-01-01"})
    assert period.status_code == 422 and fields(period) == {"year"}
    key = clients.officer.get(f"{API}/results/deals", params={"key": "colour"})
    assert key.status_code == 422 and fields(key) == {"key"}


def test_members_see_their_own_deals_only(clients: Clients) -> None:
    deal_id = opened(clients)["id"]
    own = clients.chinese.get(f"{API}/deals").json()
    assert [d["id"] for d in own["items"]] == [deal_id]
    assert clients.outsider.get(f"{API}/deals").json()["total"] == 0
    assert clients.outsider.get(f"{API}/deals/{deal_id}").status_code == 404
    assert clients.public.get(f"{API}/deals").status_code == 403
    change = clients.chinese.patch(f"{API}/deals/{deal_id}", json={"changes": {"title": "Mine"}})
    assert change.status_code == 403
    assert clients.chinese.get(f"{API}/results").status_code == 403
