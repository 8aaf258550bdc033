"""Deals through the pages, as an officer, a party's member and a party through its link would
use them: a deal started from the introduced match, refused moves and records shown beside
their fields with nothing written, evidence filed, the outcome verified by a second officer,
confirmed through the link, and counted on the results dashboard, in English and Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from itpo.adapters.app import create_app
from itpo.bootstrap import Platform
from tests.auth import PASSWORD
from tests.deals import DealWorld, introduced_world
from tests.world import csrf_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Visitors:
    world: DealWorld
    officer: TestClient
    second: TestClient
    kenyan: TestClient
    outsider: TestClient
    public: TestClient


def signed_in(platform: Platform, email: str | None) -> TestClient:
    client = TestClient(create_app(platform=platform), raise_server_exceptions=False)
    if email is None:
        return client
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client


@pytest.fixture
def visitors(platform: Platform) -> Visitors:
    world = introduced_world(platform)
    return Visitors(
        world,
        officer=signed_in(platform, "li.wei@itpo.example"),
        second=signed_in(platform, "amina@itpo.example"),
        kenyan=signed_in(platform, "ops@meru.example"),
        outsider=signed_in(platform, "buyer@mekong.example"),
        public=signed_in(platform, None),
    )


def started(visitors: Visitors) -> int:
    match_page = visitors.officer.get(f"/matches/{visitors.world.match}")
    assert "Start a deal" in match_page.text
    token = csrf_of(match_page.text)
    answer = visitors.officer.post(
        "/deals",
        data={"match_id": str(visitors.world.match), "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    found = re.match(r"/deals/(\d+)\?done=opened", answer.headers["location"])
    assert found is not None
    return int(found.group(1))


def test_a_deal_through_the_pages_from_match_to_confirmed_outcome(visitors: Visitors) -> None:
    officer = visitors.officer
    deal_id = started(visitors)
    page = officer.get(f"/deals/{deal_id}?done=opened")
    assert page.status_code == 200
    assert "The deal is open." in page.text and "Meru Mango Growers" in page.text
    assert "It still needs" in page.text and "agreement type" in page.text
    assert "Open its deal" in officer.get(f"/matches/{visitors.world.match}").text

    token = csrf_of(page.text)
    refused = officer.post(
        f"/deals/{deal_id}/stage",
        data={"to": "negotiating", "agreement_type": "licence", "csrf_token": token},
    )
    assert refused.status_code == 422
    assert 'id="move-expected_signing_on-problem"' in refused.text
    assert "Nothing was changed" in refused.text
    assert officer.get(f"/deals/{deal_id}").text.count('aria-current="step">Introduced') == 1

    moved = officer.post(
        f"/deals/{deal_id}/stage",
        data={
            "to": "negotiating",
            "agreement_type": "licence",
            "expected_signing_on": "2026-12-20",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert moved.status_code == 303, moved.text
    signed = officer.post(
        f"/deals/{deal_id}/stage",
        data={
            "to": "agreement_signed",
            "agreement_type": "licence",
            "signed_on": "2026-10-20",
            "outcome.investment_committed": "250000",
            "outcome.technology": "Solar tunnel dryer, 2 t/day",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    page = officer.get(f"/deals/{deal_id}")
    assert 'aria-current="step">Agreement signed' in page.text and "250k" in page.text

    # A party's member logs a call and files the signed licence; a bad record is refused.
    kenyan = visitors.kenyan
    token = csrf_of(kenyan.get(f"/deals/{deal_id}").text)
    empty = kenyan.post(
        f"/deals/{deal_id}/interactions",
        data={"kind": "call", "occurred_on": "2026-10-25", "subject": "", "csrf_token": token},
    )
    assert empty.status_code == 422 and 'id="interaction-subject-problem"' in empty.text
    logged = kenyan.post(
        f"/deals/{deal_id}/interactions",
        data={
            "kind": "call",
            "occurred_on": "2026-10-25",
            "subject": "Installation schedule",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert logged.status_code == 303
    fake = kenyan.post(
        f"/deals/{deal_id}/evidence",
        data={"kind": "signed_agreement", "csrf_token": token},
        files={"file": ("licence.pdf", b"MZ not a document", "application/pdf")},
    )
    assert fake.status_code == 422 and 'id="evidence-file-problem"' in fake.text
    filed = kenyan.post(
        f"/deals/{deal_id}/evidence",
        data={"kind": "signed_agreement", "description": "Licence", "csrf_token": token},
        files={"file": ("licence.pdf", PDF, "application/pdf")},
        follow_redirects=False,
    )
    assert filed.status_code == 303, filed.text
    page = kenyan.get(f"/deals/{deal_id}")
    assert "Installation schedule" in page.text and "licence.pdf" in page.text
    assert "Move to" not in page.text  # a party moves no stage
    evidence_id = re.search(r"/api/v1/evidence/(\d+)/content", page.text)
    assert evidence_id is not None
    assert kenyan.get(evidence_id.group(0)).content == PDF

    # Four eyes: the officer submits, the same officer cannot verify, a second one does.
    token = csrf_of(officer.get(f"/deals/{deal_id}").text)
    submitted = officer.post(
        f"/deals/{deal_id}/submit",
        data={
            "checklist": "signed_agreement",
            "evidence_id": evidence_id.group(1),
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert submitted.status_code == 303, submitted.text
    assert "Verify the outcome" not in officer.get(f"/deals/{deal_id}").text
    second = visitors.second
    page = second.get(f"/deals/{deal_id}")
    assert "Verify the outcome" in page.text
    verified = second.post(
        f"/deals/{deal_id}/verify",
        data={"answer": "verify", "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert verified.status_code == 303

    # The party confirms through its link, once.
    page = officer.get(f"/deals/{deal_id}")
    asked = officer.post(
        f"/deals/{deal_id}/confirmations",
        data={
            "organisation_id": str(visitors.world.kenya),
            "email": "ops@meru.example",
            "csrf_token": csrf_of(page.text),
        },
    )
    assert asked.status_code == 200
    link = re.search(r"http://testserver/confirm/([\w-]+)", asked.text)
    assert link is not None
    public = visitors.public
    form = public.get(f"/confirm/{link.group(1)}")
    assert form.status_code == 200 and "Meru Mango Growers" in form.text
    assert "Installation schedule" not in form.text  # the deal's records are not the link's
    unanswered = public.post(f"/confirm/{link.group(1)}", data={"csrf_token": csrf_of(form.text)})
    assert unanswered.status_code == 422 and 'id="confirmed-problem"' in unanswered.text
    answered = public.post(
        f"/confirm/{link.group(1)}",
        data={"confirmed": "yes", "additionality": "essential", "csrf_token": csrf_of(form.text)},
    )
    assert answered.status_code == 200 and "Thank you" in answered.text
    assert public.get(f"/confirm/{link.group(1)}").status_code == 404

    dashboard = officer.get("/results", params={"year": 2026})
    assert dashboard.status_code == 200
    assert (
        'id="chart-funnel"' in dashboard.text and "/static/vendor/echarts.min.js" in dashboard.text
    )
    assert "Licence" in dashboard.text and "250k" in dashboard.text
    drill = officer.get("/results/deals", params={"year": 2026, "key": "agreements"})
    assert drill.status_code == 200 and f'href="/deals/{deal_id}"' in drill.text

    chinese = officer.get(f"/deals/{deal_id}?lang=zh")
    assert "协议已签署" in chinese.text and "证据" in chinese.text
    results = officer.get("/results?year=2026&lang=zh").text
    assert "结果" in results
    assert "C 制造业" in results  # sectors by ITPO Exchange's Chinese ISIC titles, said once
    assert results.count("中文行业名称为 ITPO Exchange 对 ISIC 第4版的自行翻译") == 1
    report = officer.get("/results/report?year=2026&format=html&lang=zh").text
    assert "C 制造业" in report and "中文行业名称为 ITPO Exchange 对 ISIC 第4版的自行翻译" in report


def test_who_sees_which_deal_page(visitors: Visitors) -> None:
    deal_id = started(visitors)
    assert visitors.kenyan.get(f"/deals/{deal_id}").status_code == 200
    assert visitors.outsider.get(f"/deals/{deal_id}").status_code == 404
    assert visitors.outsider.get("/deals").status_code == 200
    assert "No deal yet" in visitors.outsider.get("/deals").text
    assert visitors.kenyan.get("/results").status_code == 403
    public = visitors.public.get(f"/deals/{deal_id}", follow_redirects=False)
    assert public.status_code == 303 and public.headers["location"].startswith("/login")
    token = csrf_of(visitors.kenyan.get(f"/deals/{deal_id}").text)
    moved = visitors.kenyan.post(
        f"/deals/{deal_id}/status", data={"status": "dropped", "reason": "x", "csrf_token": token}
    )
    assert moved.status_code == 403
