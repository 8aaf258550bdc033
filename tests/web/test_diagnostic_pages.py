"""The diagnostic's pages through the real app: the questionnaire in Chinese, every refusal
beside its question in one round with nothing kept, a submission shown as a chart, a table,
the gaps and the draft needs with their offers, progress over two assessments, the officers'
list, and the report as PDF and HTML."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient
from pypdf import PdfReader

from itpo.adapters.app import create_app
from itpo.diagnostic import services
from itpo.diagnostic.questionnaire import questionnaire
from tests.auth import PASSWORD
from tests.diagnostics import answers, live_offer, manufacturer
from tests.world import World, csrf_of, signed_in

ZH = {"Accept-Language": "zh-CN,zh;q=0.9"}


def signed_in_as(world: World, email: str) -> TestClient:
    client = TestClient(create_app(platform=world.platform), raise_server_exceptions=False)
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client


def form_of(bands: dict[str, object], token: str, **extra: str) -> dict[str, str]:
    return {"csrf_token": token, **{f"answers.{k}": str(v) for k, v in bands.items()}, **extra}


def kept(world: World, organisation_id: int) -> int:
    with (uow := world.platform.uow()):
        return len(uow.diagnostics.list(organisation_id))


def test_the_questionnaire_shows_six_bands_per_dimension_in_chinese(world: World) -> None:
    _, email = manufacturer(world.platform, "lanka", isic="1079", country="LKA")
    client = signed_in_as(world, email)
    page = client.get("/diagnostics/new", headers=ZH)
    assert page.status_code == 200
    assert page.text.count('type="radio"') == 16 * 6
    assert "互联互通：车间" in page.text and "流程" in page.text
    assert questionnaire().dimension("talent").bands[5].zh in page.text
    assert 'name="organisation_id"' not in page.text  # a member assesses its own firm


def test_every_refusal_shows_beside_its_question_in_one_round_and_nothing_is_kept(
    world: World,
) -> None:
    firm, email = manufacturer(world.platform, "kano", isic="1030", country="NGA")
    client = signed_in_as(world, email)
    token = csrf_of(client.get("/diagnostics/new").text)
    bands = answers(2, operations=6, leadership="x")
    del bands["talent"]
    answer = client.post(
        "/diagnostics/new", data=form_of(bands, token, taken_on="soon"), headers=ZH
    )
    assert answer.status_code == 422
    for field in ("answers-operations", "answers-leadership", "answers-talent", "taken_on"):
        assert f'id="problem-{field}"' in answer.text, field
    assert "请在六个级别中选择一个。" in answer.text
    assert 'value="2" checked' in answer.text  # what was chosen stays chosen
    assert kept(world, firm) == 0


def test_a_submitted_diagnostic_shows_its_chart_figures_gaps_needs_and_progress(
    world: World,
) -> None:
    firm, email = manufacturer(world.platform, "adama", isic="1311", country="ETH")
    live_offer(
        world.platform,
        "visibility",
        title="Supply chain visibility and demand forecasting for garment exporters",
        teaser="Forecasts, stock and deliveries shared with suppliers and buyers.",
        area="ai_manufacturing.supply_chain_analytics",
    )
    client = signed_in_as(world, email)
    services.take_diagnostic(
        uow=world.platform.uow(),
        by=world.people["officer"],
        organisation_id=firm,
        answers=answers(1),
        taken_on=world.platform.today().replace(year=world.platform.today().year - 1),
    )
    token = csrf_of(client.get("/diagnostics/new").text)
    sent = client.post(
        "/diagnostics/new", data=form_of(answers(2, operations=3), token), follow_redirects=False
    )
    assert sent.status_code == 303
    page = client.get(sent.headers["location"])
    assert 'id="diagnostic-radar"' in page.text and "/static/vendor/echarts.min.js" in page.text
    figures = re.search(r'<table id="diagnostic-figures">(.*?)</table>', page.text, re.S)
    assert figures and figures.group(1).count("<tr>") == 1 + 16 + 3
    assert "Supply chain visibility and demand forecasting" in page.text
    assert "Global buyers demand short lead times" in page.text
    assert "Supply chain visibility and demand forecasting for garment exporters" in page.text
    assert 'id="diagnostic-progress"' in page.text and "+1" in page.text
    listed = client.get("/diagnostics").text
    assert listed.count("Adama Manufacturing Works") == 2 and "+1.1" in listed
    officers = signed_in(world, "officer").get("/diagnostics").text
    assert "Adama Manufacturing Works" in officers
    report = client.get(sent.headers["location"] + "/report.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report.content)).pages)
    assert "Adama Manufacturing Works" in text and "Intelligence: facility" in text
    html = client.get(sent.headers["location"] + "/report.html").text
    assert "<svg" in html and "Adama Manufacturing Works" in html


def test_an_officer_chooses_the_firm_and_is_told_when_none_is_chosen(world: World) -> None:
    firm, _ = manufacturer(world.platform, "haiphong", isic="1410", country="VNM")
    client = signed_in(world, "officer")
    page = client.get("/diagnostics/new")
    assert 'name="organisation_id"' in page.text and "Haiphong Manufacturing Works" in page.text
    token = csrf_of(page.text)
    refused = client.post("/diagnostics/new", data=form_of(answers(3), token))
    assert refused.status_code == 422 and 'id="problem-organisation_id"' in refused.text
    done = client.post(
        "/diagnostics/new",
        data=form_of(answers(3), token, organisation_id=str(firm)),
        follow_redirects=False,
    )
    assert done.status_code == 303 and kept(world, firm) == 1


def test_a_member_of_another_firm_finds_no_diagnostic_and_the_public_signs_in(
    world: World,
) -> None:
    firm, email = manufacturer(world.platform, "tema", isic="2410", country="GHA")
    made = services.take_diagnostic(
        uow=world.platform.uow(),
        by=world.people["officer"],
        organisation_id=firm,
        answers=answers(2),
    )
    assert signed_in_as(world, email).get(f"/diagnostics/{made.id}").status_code == 200
    assert signed_in(world, "other_member").get(f"/diagnostics/{made.id}").status_code == 404
    public = signed_in(world, "public").get(f"/diagnostics/{made.id}", follow_redirects=False)
    assert public.status_code == 303 and public.headers["location"].startswith("/login")
    assert "/diagnostics" not in signed_in(world, "public").get("/").text  # no nav link
