"""The annual report from a real database, as PDF, Excel and HTML, in English and Chinese:
the highlights and methods note, the verified figures as numbers, charts, text never taken as
a formula, and the same report from the command line, the API and the pages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.auth import bearer
from tests.deals import DealWorld, introduced_world, operational_verified_deal

from itpo.adapters.app import create_app
from itpo.adapters.cli import cli
from itpo.adapters.reports.results_report import office_report, report_bytes
from itpo.bootstrap import Platform
from itpo.pipeline import deals
from itpo.pipeline.results_model import Period

RATES = {"USD": 1.0, "EUR": 1.1}


@pytest.fixture
def world(platform: Platform) -> DealWorld:
    built = introduced_world(platform)
    deal_id = operational_verified_deal(built)
    # A title a spreadsheet would compute: the workbook must keep it as text.
    deals.update_deal(
        uow=platform.uow(), by=built.officer, deal_id=deal_id, changes={"title": "=1+2 dryers"}
    )
    return built


def report(world: DealWorld, language: str = "en") -> tuple[object, dict[str, object]]:
    return office_report(
        uow=world.platform.uow(),
        by=world.officer,
        period=Period.year(2026),
        rates=RATES,
        language=language,
        now=world.platform.clock,
    )


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_opens_with_the_highlights_and_ends_with_the_methods(world: DealWorld) -> None:
    content, plain = report(world)
    text = pdf_text(report_bytes(content, plain, "pdf"))  # type: ignore[arg-type]
    assert "Results 2026" in text and "Highlights" in text
    assert "Agreements signed: 1, committing USD 220,000 verified (USD 330,000 projected)" in text
    assert "12 new jobs" in text and "40.5 tCO2" in text
    assert "Methods" in text and "EUR 1.1" in text
    assert "Sub-Saharan Africa" in text and "Least developed countries" not in text


def test_a_chinese_report_is_in_chinese(world: DealWorld) -> None:
    content, plain = report(world, "zh")
    text = pdf_text(report_bytes(content, plain, "pdf"))  # type: ignore[arg-type]
    assert "要点" in text and "方法说明" in text and "签署 1 项协议" in text
    html = report_bytes(content, plain, "html").decode()  # type: ignore[arg-type]
    assert 'lang="zh-Hans"' in html.replace("'", '"') and "已核实" in html


def test_the_workbook_keeps_numbers_as_numbers_and_text_as_text(world: DealWorld) -> None:
    content, plain = report(world)
    book = load_workbook(io.BytesIO(report_bytes(content, plain, "xlsx")))  # type: ignore[arg-type]
    assert {"Summary", "Region", "Month by month", "Methods", "Agreements signed"} <= set(
        book.sheetnames
    )
    summary = book["Summary"]
    figures = {row[0]: row[1:3] for row in summary.iter_rows(values_only=True) if row[0]}
    assert figures["Investment committed (USD)"] == pytest.approx((330000.0, 220000.0))
    assert figures["New jobs"] == (20, 12)
    signed = book["Agreements signed"]
    cell = signed.cell(2, 1)
    assert cell.value == "=1+2 dryers" and cell.data_type == "s"
    assert book["From match to operation"]._charts  # a native chart


def test_the_html_is_self_contained(world: DealWorld) -> None:
    content, plain = report(world)
    html = report_bytes(content, plain, "html").decode()  # type: ignore[arg-type]
    assert html.count("<svg") >= 3 and "<script" not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "=1+2 dryers" in html


def test_the_command_line_writes_the_report_by_its_suffix(world: DealWorld, tmp_path: Path) -> None:
    database = world.platform.settings.database_url
    assert database is not None
    runner = CliRunner(env={"ITPO_DATA_DIR": str(world.platform.settings.data_dir)})
    output = tmp_path / "results-2026.pdf"
    done = runner.invoke(
        cli, ["--db", database, "report", "--year", "2026", "--output", str(output)]
    )
    assert done.exit_code == 0, done.output
    assert output.read_bytes().startswith(b"%PDF")
    bad = runner.invoke(
        cli, ["--db", database, "report", "--year", "2026", "--output", str(tmp_path / "r.docx")]
    )
    assert bad.exit_code == 1 and ".html, .pdf or .xlsx" in bad.output
    assert not (tmp_path / "r.docx").exists()
    figures = runner.invoke(cli, ["--db", database, "results", "--year", "2026", "--json"])
    assert json.loads(figures.output)["verified_deals"] == 1


def test_the_api_gives_each_format_to_officers_only(world: DealWorld) -> None:
    app = create_app(platform=world.platform)
    officer = TestClient(app, headers=bearer(world.platform, world.officer))
    member = TestClient(app, headers=bearer(world.platform, world.kenyan))
    for kind, start in (("pdf", b"%PDF"), ("xlsx", b"PK"), ("html", b"<!doctype html>")):
        answer = officer.get("/api/v1/reports", params={"year": 2026, "format": kind})
        assert answer.status_code == 200, answer.text
        assert answer.content.startswith(start)
        assert "attachment" in answer.headers["content-disposition"]
    assert member.get("/api/v1/reports", params={"year": 2026}).status_code == 403
    bad = officer.get("/api/v1/reports", params={"year": 2026, "format": "docx"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"][-1] == "format"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_pdf_page_turns_into_an_image_with_its_ink(
    world: DealWorld, language: str, screenshots: Path
) -> None:
    """Each page rendered by PDFium, as a reader's viewer would, saved to be looked at: none is
    blank, the text stays inside the page's margins, and Chinese is drawn, not boxes."""
    import pypdfium2

    content, plain = report(world, language)
    document = pypdfium2.PdfDocument(report_bytes(content, plain, "pdf"))  # type: ignore[arg-type]
    try:
        assert len(document) >= 2
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            image = page.render(scale=1.5).to_pil().convert("L")
            image.save(screenshots / f"report-{language}-page-{number}.png")
            width, height = image.size
            ink = sum(image.histogram()[:200])  # pixels darker than light grey
            assert ink > width * height * 0.005, number  # not a blank page
            margin = int(width * 0.04)  # reportlab's frames leave more than this each side
            for edge in (
                image.crop((0, 0, margin, height)),
                image.crop((width - margin, 0, width, height)),
            ):
                assert edge.getextrema()[0] > 200, number  # nothing drawn off the text frame
            if language == "zh":
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                assert any("\u4e00" <= c <= "\u9fff" for c in text), number
            page.close()
    finally:
        document.close()
