"""Appraisals through the pages, over HTTP: started from an investment project's page, from the
Excel workbook, the form or the model as JSON; kept with a project its writers choose or only
shown; the results with the numbers the charts draw; the report as PDF, Excel and HTML; every
bad input named beside its field in one round with nothing kept; who may keep and see; and the
pages in Chinese."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from openpyxl import load_workbook
from pypdf import PdfReader

from itpo.adapters.files.appraisal_model_files import MAX_SENT_KB
from itpo.adapters.reports import content
from itpo.adapters.web.pages.appraisal_forms import form_values
from itpo.adapters.web.pages.appraisals import example_document
from itpo.appraisal import services as appraisals
from itpo.appraisal.services import MonteCarloOptions
from itpo.registry import services as registry
from tests.actors import OPERATOR
from tests.appraisal_models import full_document
from tests.records import opportunity_data
from tests.world import World, csrf_of, signed_in

ASKERS = ("public", "member", "other_member", "officer", "admin")
PROBLEM = re.compile(r'<div class="problem" id="([\w-]+)-problem">(.*?)</div>', re.S)


@pytest.fixture(scope="module")
def clients(world: World) -> Iterator[dict[str, TestClient]]:
    made = {asker: signed_in(world, asker) for asker in ASKERS}
    yield made
    for client in made.values():
        client.close()


@pytest.fixture(scope="module")
def project(world: World) -> Iterator[int]:
    """An investment project of the "other" organisation, removed afterwards with what was
    kept with it, so the shared world stays as it was."""
    created = registry.create_opportunity(
        by=OPERATOR,
        uow=world.platform.uow(),
        data=opportunity_data(
            external_id="appraisal-pages-project",
            organisation="org-other",
            kind="investment_project",
            trl=None,
            title="Solar fruit-drying plant in Meru",
            teaser="A plant that dries mango with the sun.",
        ),
    )
    assert created.id is not None
    yield created.id
    registry.delete_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=created.id)


def kept_count(world: World, project: int) -> int:
    return len(
        appraisals.list_appraisals(uow=world.platform.uow(), by=OPERATOR, opportunity_id=project)
    )


def send(
    client: TestClient,
    data: dict[str, str],
    files: dict[str, tuple[str, bytes]] | None = None,
) -> Response:
    token = csrf_of(client.get("/appraisals/new").text)
    return client.post(
        "/appraisals", data={**data, "csrf_token": token}, files=files, follow_redirects=False
    )


def problems(page: str) -> dict[str, str]:
    """Each problem the page shows, by the input it is beside, as text."""
    return {
        name: html.unescape(re.sub(r"<[^>]+>", " ", text)) for name, text in PROBLEM.findall(page)
    }


def example_form(**changes: str) -> dict[str, str]:
    return {**form_values(example_document()), "draws": "500", "seed": "3", **changes}


def expected_npv(draws: int = 500, seed: int = 3) -> str:
    result = appraisals.evaluate_document(example_document(), MonteCarloOptions(draws, seed))
    return content.money(result.appraisal.total.npv)


def workbook(client: TestClient, example: bool = True) -> bytes:
    answer = client.get("/appraisals/template.xlsx" + ("?example=yes" if example else ""))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    return answer.content


# --------------------------------------------------------------------------------------------
# Starting, keeping and seeing
# --------------------------------------------------------------------------------------------


def test_a_project_page_offers_a_new_appraisal_to_those_who_may_write_to_it(
    clients: dict[str, TestClient], project: int
) -> None:
    link = f'href="/appraisals/new?opportunity_id={project}"'
    for asker in ("other_member", "officer"):
        assert link in clients[asker].get(f"/opportunities/{project}").text, asker
    seen = clients["member"].get(f"/opportunities/{project}")
    assert seen.status_code == 200 and link not in seen.text
    start = clients["other_member"].get(f"/appraisals/new?opportunity_id={project}")
    assert start.status_code == 200
    assert re.search(rf'<option value="{project}" selected>Solar fruit-drying plant', start.text)


def test_the_form_with_the_example_is_kept_with_the_project_and_shown_with_its_charts(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    client = clients["other_member"]
    filled = client.get(f"/appraisals/new?example=yes&opportunity_id={project}").text
    assert 'value="Solar fruit-drying and packing plant, 20 years (illustrative)"' in filled
    assert 'id="discount_rate" name="discount_rate" value="12%"' in filled
    before = kept_count(world, project)
    answer = send(
        client,
        example_form(source="form", opportunity_id=str(project), appraisal_name="Base case"),
    )
    assert answer.status_code == 303, problems(answer.text)
    found = re.fullmatch(r"/appraisals/(\d+)\?done=kept", answer.headers["location"])
    assert found is not None
    assert kept_count(world, project) == before + 1
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    html = page.text
    assert "The appraisal is kept with its investment project." in html
    assert "<h1>Base case</h1>" in html and f'href="/opportunities/{project}"' in html
    assert expected_npv() in html
    for chart in ("cash-total", "cash-equity", "tornado", "spider", "histogram"):
        assert f'id="chart-{chart}"' in html, chart
    for table in ("cash-flow-table", "sensitivity-table", "spider-table", "histogram-table"):
        assert f'id="{table}"' in html, table
    assert "Income statement" in html and "Sources and uses of funds" in html
    data = json.loads(re.search(r'id="appraisal-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert data["years"][0] == "2026" and len(data["total"]["net"]) == 20
    assert len(data["spider"]["lines"]) >= 5 and sum(data["histogram"]["counts"]) == 500
    listed = client.get(f"/opportunities/{project}").text
    assert f'href="/appraisals/{found.group(1)}">Base case</a>' in listed


def test_the_filled_workbook_is_appraised_without_keeping_it(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    client = clients["officer"]
    before = kept_count(world, project)
    answer = send(
        client,
        {"source": "workbook", "draws": "500", "seed": "3", "opportunity_id": ""},
        files={"file": ("plant.xlsx", workbook(client))},
    )
    assert answer.status_code == 200, problems(answer.text)
    assert "This run is not kept" in answer.text
    assert expected_npv() in answer.text
    assert kept_count(world, project) == before
    # The results carry the model they were run on, to download the report or keep it.
    sent = re.search(r'name="model_json" value="([^"]+)"', answer.text)
    assert sent is not None
    token = csrf_of(answer.text)
    model = sent.group(1).replace("&#34;", '"').replace("&amp;", "&").replace("&#39;", "'")
    pdf = client.post(
        "/appraisals/report",
        data={
            "csrf_token": token,
            "model_json": model,
            "draws": "500",
            "seed": "3",
            "format": "pdf",
        },
    )
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert expected_npv() in text and "Income statement" in text
    # Kept afterwards from its results, with the same model and draws.
    kept = client.post(
        "/appraisals",
        data={
            "csrf_token": token,
            "source": "json",
            "model_json": model,
            "draws": "500",
            "seed": "3",
            "opportunity_id": str(project),
            "appraisal_name": "Kept afterwards",
        },
        follow_redirects=False,
    )
    assert kept.status_code == 303, problems(kept.text)
    assert kept_count(world, project) == before + 1
    assert expected_npv() in client.get(kept.headers["location"]).text


def test_a_model_document_as_json_is_appraised_and_kept(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    document = {**example_document(), "name": "JSON case"}
    answer = send(
        clients["officer"],
        {"source": "json", "model_json": json.dumps(document), "opportunity_id": str(project)},
    )
    assert answer.status_code == 303, problems(answer.text)
    page = clients["officer"].get(answer.headers["location"])
    assert "JSON case" in page.text
    assert "Monte Carlo simulation" not in page.text  # no draws asked for


def test_a_document_with_risk_and_green_blocks_shows_them(clients: dict[str, TestClient]) -> None:
    answer = send(
        clients["officer"],
        {"source": "json", "model_json": json.dumps(full_document()), "draws": "300"},
    )
    assert answer.status_code == 200, problems(answer.text)
    text = html.unescape(answer.text)
    assert "Distributions from the model's risk block, drawn independently." in text
    assert "CO₂ avoided over the life, t" in text and "Kenya" in text
    assert "2. Zero Hunger" in text  # an SDG the project serves, by its name


def test_a_kept_appraisal_is_for_those_who_see_its_projects_details(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    stored = appraisals.attach_appraisal(
        uow=world.platform.uow(),
        by=OPERATOR,
        opportunity_id=project,
        model_data=example_document(),
        name="Seen case",
    )
    path = f"/appraisals/{stored.id}"
    for asker in ("other_member", "officer", "admin"):
        assert clients[asker].get(path).status_code == 200, asker
        assert clients[asker].get(f"{path}/report?format=html").status_code == 200, asker
    for page in (path, f"{path}/report?format=pdf", f"/appraisals/new?copy={stored.id}"):
        assert clients["member"].get(page).status_code == 404, page
        answer = clients["public"].get(page, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_the_kept_report_downloads_as_pdf_excel_and_html(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    stored = appraisals.attach_appraisal(
        uow=world.platform.uow(),
        by=OPERATOR,
        opportunity_id=project,
        model_data=example_document(),
        monte_carlo=MonteCarloOptions(500, 3),
    )
    client = clients["other_member"]
    page = client.get(f"/appraisals/{stored.id}").text
    for kind in ("pdf", "xlsx", "html"):
        assert f'href="/appraisals/{stored.id}/report?format={kind}"' in page
    pdf = client.get(f"/appraisals/{stored.id}/report?format=pdf")
    assert pdf.headers["content-disposition"] == f'attachment; filename="appraisal-{stored.id}.pdf"'
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert expected_npv() in text and "Simulated NPV" in text
    xlsx = load_workbook(
        io.BytesIO(client.get(f"/appraisals/{stored.id}/report?format=xlsx").content)
    )
    assert "Income statement" in xlsx.sheetnames and len(xlsx["Summary"]._charts) == 4
    html = client.get(f"/appraisals/{stored.id}/report?format=html").text
    assert html.count("<svg") == 5 and expected_npv() in html


def test_a_copy_of_a_kept_appraisal_fills_the_form_and_its_document(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    stored = appraisals.attach_appraisal(
        uow=world.platform.uow(),
        by=OPERATOR,
        opportunity_id=project,
        model_data={**example_document(), "name": "Copied case"},
    )
    page = clients["other_member"].get(f"/appraisals/new?copy={stored.id}").text
    assert 'id="name" name="name" value="Copied case"' in page
    assert "&#34;Copied case&#34;" in page  # in the JSON document too
    assert re.search(rf'<option value="{project}" selected>', page)
    assert '<details class="card" id="from-form" open>' in page
    # A model with blocks the form has no inputs for opens as its document, whole.
    risky = appraisals.attach_appraisal(
        uow=world.platform.uow(), by=OPERATOR, opportunity_id=project, model_data=full_document()
    )
    page = clients["other_member"].get(f"/appraisals/new?copy={risky.id}").text
    assert '<details class="card" id="from-json" open>' in page
    assert "&#34;risk&#34;" in page


# --------------------------------------------------------------------------------------------
# Bad input: named beside its field, in one round, nothing kept
# --------------------------------------------------------------------------------------------


def test_a_bad_form_names_every_field_at_once_and_keeps_nothing(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    before = kept_count(world, project)
    bad = example_form(
        source="form",
        opportunity_id=str(project),
        name="",
        discount_rate="twelve",
        **{
            "investments-2-amount": "lots",
            "investments-4-year": "30",
            "products-1-utilisation": "second year",
            "loans-0-tenor_years": "0",
            "fixed_costs-1-currency": "GBP",
        },
        draws="-5",
    )
    answer = send(clients["other_member"], bad)
    assert answer.status_code == 422
    found = problems(answer.text)
    assert found["name"].strip() == "Required."
    assert "Not a number: 'twelve'" in found["discount_rate"]
    assert "Not a number: 'lots'" in found["investments-2-amount"]
    assert "Year 30 is outside the horizon, years 1 to 20" in found["investments-4-year"]
    assert "2: 40%; 3: 80%" in found["products-1-utilisation"]
    assert "At least 1 year" in found["loans-0-tenor_years"]
    assert "no exchange rate for 'GBP'" in found["fixed_costs-1-currency"]
    assert "A whole number from 0 to 100,000" in found["draws"]
    assert "Nothing was kept" in answer.text
    assert 'name="investments-2-amount" value="lots"' in answer.text  # what was typed stays
    marked = re.search(r'<input [^>]*id="investments-2-amount"[^>]*>', answer.text)
    assert marked is not None
    assert 'aria-describedby="investments-2-amount-problem" aria-invalid="true"' in marked.group(0)
    assert kept_count(world, project) == before


def test_an_empty_row_in_the_form_does_not_shift_the_problems_of_the_next(
    clients: dict[str, TestClient],
) -> None:
    """Rows left empty are skipped; a problem still lands on the row it was typed in."""
    data = example_form(source="form")
    moved = {k.replace("loans-0-", "loans-2-"): v for k, v in data.items()}
    moved["loans-2-grace_years"] = "12"
    answer = send(clients["officer"], moved)
    assert answer.status_code == 422
    assert "loans-2-grace_years" in problems(answer.text)


def test_a_file_that_is_not_a_workbook_is_refused_with_its_reason(
    clients: dict[str, TestClient],
) -> None:
    client = clients["officer"]
    cases = {
        "notes.docx": (b"text", "must end in .json, .yaml, .yml, .xlsx"),
        "plant.xlsx": (b"not a zip", "is not an Excel workbook"),
        "big.xlsx": (b"0" * (MAX_SENT_KB * 1024 + 10), f"larger than {MAX_SENT_KB} KB"),
    }
    for name, (body, reason) in cases.items():
        answer = send(client, {"source": "workbook"}, files={"file": (name, body)})
        assert answer.status_code == 422, name
        assert reason in problems(answer.text)["file"], name
    answer = send(client, {"source": "workbook"})
    assert "Choose the filled workbook" in problems(answer.text)["file"]


def test_a_workbook_with_bad_cells_names_each_sheet_row_and_field(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    book = load_workbook(io.BytesIO(workbook(clients["officer"])))
    general = book["general"]
    for row in general.iter_rows(min_row=2):
        if row[0].value == "horizon_years":
            row[1].value = "twenty"
    book["loans"]["F2"] = "many"  # tenor_years
    book["sales"]["I3"] = "second year"  # utilisation
    out = io.BytesIO()
    book.save(out)
    before = kept_count(world, project)
    answer = send(
        clients["officer"],
        {"source": "workbook", "opportunity_id": str(project)},
        files={"file": ("plant.xlsx", out.getvalue())},
    )
    assert answer.status_code == 422
    said = problems(answer.text)["file"]
    # A cell that cannot be read and the model's own refusals, in the same answer.
    assert "sheet 'sales', row 3, utilisation: write year: fraction pairs" in said
    assert "sheet 'general', row 4, horizon_years: Must be a whole number: 'twenty'" in said
    assert "sheet 'loans', row 2, tenor_years: Must be a whole number: 'many'" in said
    assert kept_count(world, project) == before


def test_bad_json_is_named_by_line_and_a_bad_model_by_its_paths(
    clients: dict[str, TestClient],
) -> None:
    client = clients["officer"]
    answer = send(client, {"source": "json", "model_json": '{"name": "x",\n  oops}'})
    assert answer.status_code == 422
    assert "Not valid JSON at line 2, column 3" in problems(answer.text)["model_json"]
    assert (
        "must be an object"
        in problems(send(client, {"source": "json", "model_json": "[1]"}).text)["model_json"]
    )
    document = {**example_document(), "horizon_years": 0, "risk": {"weather": {}}}
    said = problems(send(client, {"source": "json", "model_json": json.dumps(document)}).text)
    assert "horizon_years: Must be between 1 and 100; got 0" in said["model_json"]
    assert "risk.weather: unknown driver" in said["model_json"]


# --------------------------------------------------------------------------------------------
# Who may keep an appraisal
# --------------------------------------------------------------------------------------------


def test_only_the_projects_writers_keep_appraisals_with_it(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    before = kept_count(world, project)
    start = clients["member"].get("/appraisals/new").text
    assert f'<option value="{project}"' not in start  # not offered to another organisation
    refused = send(clients["member"], example_form(source="form", opportunity_id=str(project)))
    assert refused.status_code == 422
    assert (
        "Only the project's organisation and officers" in problems(refused.text)["opportunity_id"]
    )
    need = send(
        clients["member"], example_form(source="form", opportunity_id=str(world.ids["own"]))
    )
    assert (
        "Only an investment project can carry an appraisal" in problems(need.text)["opportunity_id"]
    )
    hidden = send(
        clients["member"],
        example_form(source="form", name="", opportunity_id=str(world.ids["other_draft"])),
    )
    said = problems(hidden.text)
    assert "No investment project you may see" in said["opportunity_id"]
    assert said["name"].strip() == "Required."  # the model's own problems in the same round
    assert kept_count(world, project) == before


def test_the_public_is_asked_to_sign_in(clients: dict[str, TestClient]) -> None:
    for page in ("/appraisals/new", "/appraisals/template.xlsx"):
        answer = clients["public"].get(page, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


# --------------------------------------------------------------------------------------------
# In Chinese
# --------------------------------------------------------------------------------------------


def test_the_pages_speak_chinese(
    world: World, clients: dict[str, TestClient], project: int
) -> None:
    client = clients["other_member"]
    start = client.get("/appraisals/new?lang=zh").text
    assert "新建评估" in start and "通过 Excel 工作簿" in start
    answer = send(client, example_form(source="form", name=""))
    assert answer.status_code == 422
    assert problems(answer.text)["name"].strip() == "必填。"
    shown = send(client, example_form(source="form"))
    assert shown.status_code == 200
    assert "现金流" in shown.text and "龙卷风图" in shown.text and "各年数据表" in shown.text
    data = re.search(r'id="appraisal-data">(.*?)</script>', shown.text, re.S)
    assert data is not None and json.loads(data.group(1))["labels"]["net"] == "净现金流"
    client.get("/appraisals/new?lang=en")
