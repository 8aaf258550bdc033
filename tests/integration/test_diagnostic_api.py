"""/api/v1/diagnostics over real HTTP: the questionnaire, a diagnostic taken and read with its
scores, gaps and draft needs, bad answers refused field by field with nothing written, a
draft submitted, a firm's list and progress, the needs' offers and the report as HTML and
PDF."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from pypdf import PdfReader
from tests.diagnostics import answers
from tests.records import opportunity_data, organisation_data

API = "/api/v1"


def firm(client: TestClient) -> int:
    made = client.post(
        f"{API}/organisations",
        json=organisation_data(
            external_id=None, name="Adama Cotton Spinning", country="ETH", isic_classes=["1311"]
        ),
    )
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def test_the_questionnaire_lists_sixteen_dimensions_with_six_bands_in_two_languages(
    public_client: TestClient,
) -> None:
    form = public_client.get(f"{API}/diagnostics/questionnaire").json()
    assert len(form["dimensions"]) == 16
    assert all(len(d["bands"]) == 6 and d["bands"][5]["zh"] for d in form["dimensions"])
    textiles = next(s for s in form["sectors"] if s["id"] == "textiles_apparel")
    assert textiles["isic_divisions"] == ["13", "14", "15"]
    assert textiles["priorities"]["supply_chain"]["reason"]["zh"]


def test_a_diagnostic_is_taken_and_read_with_its_gaps_and_draft_needs(client: TestClient) -> None:
    adama = firm(client)
    made = client.post(
        f"{API}/diagnostics",
        json={
            "organisation_id": adama,
            "answers": answers(1),
            "language": "zh",
            "taken_on": "2026-10-01",
        },
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["status"] == "submitted" and body["sector"] == "textiles_apparel"
    assert body["overall"] == 1.0 and [b["average"] for b in body["blocks"]] == [1.0, 1.0, 1.0]
    assert [g["dimension"] for g in body["gaps"]] == [
        "supply_chain",
        "automation_shop_floor",
        "intelligence_facility",
    ]
    assert "国际买家" in body["gaps"][0]["reason"]
    assert [n["status"] for n in body["needs"]] == ["draft"] * 3
    need = client.get(f"{API}/opportunities/{body['needs'][0]['opportunity_id']}").json()
    assert need["kind"] == "technology_need" and need["language"] == "zh"
    assert need["organisation_id"] == adama and need["isic_classes"] == ["1311"]
    again = client.get(f"{API}/diagnostics/{body['id']}").json()
    assert again["answers"] == answers(1) and again["taken_on"] == "2026-10-01"
    listed = client.get(f"{API}/diagnostics", params={"organisation_id": adama}).json()
    assert [d["id"] for d in listed] == [body["id"]]


def test_bad_answers_are_refused_naming_each_field_and_nothing_is_written(
    client: TestClient,
) -> None:
    adama = firm(client)
    sent = answers(2, operations=6, talent=-1, leadership="x", smell=3)
    del sent["collaboration"]
    answer = client.post(f"{API}/diagnostics", json={"organisation_id": adama, "answers": sent})
    assert answer.status_code == 422
    named = {".".join(d["loc"][1:]) for d in answer.json()["detail"]}
    assert named == {
        "answers.operations",
        "answers.talent",
        "answers.leadership",
        "answers.smell",
        "answers.collaboration",
    }
    assert client.get(f"{API}/diagnostics").json() == []
    needs = client.get(f"{API}/opportunities", params={"kind": "technology_need"}).json()
    assert needs["total"] == 0
    extra = client.post(
        f"{API}/diagnostics", json={"organisation_id": adama, "answers": answers(), "by": "me"}
    )
    assert extra.status_code == 422


def test_a_draft_is_submitted_and_progress_shows_the_change(client: TestClient) -> None:
    adama = firm(client)
    first = client.post(
        f"{API}/diagnostics",
        json={"organisation_id": adama, "answers": answers(1), "taken_on": "2025-10-01"},
    ).json()
    draft = client.post(
        f"{API}/diagnostics",
        json={"organisation_id": adama, "answers": {"operations": 3}, "submit": False},
    ).json()
    assert draft["status"] == "draft" and draft["needs"] == [] and draft["overall"] is None
    rest = {k: v for k, v in answers(2).items() if k != "operations"}
    bad = client.post(f"{API}/diagnostics/{draft['id']}/submit", json={"answers": {"talent": 8}})
    assert bad.status_code == 422
    done = client.post(f"{API}/diagnostics/{draft['id']}/submit", json={"answers": rest})
    assert done.status_code == 200 and done.json()["status"] == "submitted"
    twice = client.post(f"{API}/diagnostics/{draft['id']}/submit", json={})
    assert twice.status_code == 409
    shown = client.get(f"{API}/diagnostics/progress/{adama}").json()
    assert [a["id"] for a in shown["assessments"]] == [first["id"], draft["id"]]
    change = {d["dimension"]: d["change"] for d in shown["dimensions"]}
    assert change["operations"] == 2 and change["talent"] == 1
    assert shown["overall_change"] == round((3 + 15 * 2) / 16 - 1, 2)


def test_the_needs_offers_and_the_report_in_html_and_pdf(client: TestClient) -> None:
    adama = firm(client)
    routes = client.post(f"{API}/organisations", json=organisation_data(external_id=None))
    offer = client.post(
        f"{API}/opportunities",
        json={
            k: v
            for k, v in opportunity_data(
                organisation_id=routes.json()["id"],
                external_id=None,
                title="Supply chain visibility platform with demand forecasting for exporters",
                teaser="Shares forecasts, stock and deliveries with suppliers and buyers.",
                technology_areas=["ai_manufacturing.supply_chain_analytics"],
            ).items()
            if k != "organisation"
        },
    )
    assert offer.status_code == 201, offer.text
    made = client.post(
        f"{API}/diagnostics", json={"organisation_id": adama, "answers": answers(1)}
    ).json()
    found = client.get(f"{API}/diagnostics/{made['id']}/needs", params={"top": 2}).json()
    supply = next(f for f in found if f["dimension"] == "supply_chain")
    assert supply["offers"][0]["title"].startswith("Supply chain visibility platform")
    assert supply["offers"][0]["shared_areas"] == ["ai_manufacturing.supply_chain_analytics"]
    assert all(len(f["offers"]) <= 2 for f in found)
    html = client.get(f"{API}/diagnostics/{made['id']}/report.html")
    assert html.status_code == 200 and "<svg" in html.text and "Adama Cotton Spinning" in html.text
    pdf = client.get(f"{API}/diagnostics/{made['id']}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Adama Cotton Spinning" in text and "Connectivity: shop floor" in text
    assert "Supply chain visibility platform" in text
    assert client.get(f"{API}/diagnostics/999999").status_code == 404
