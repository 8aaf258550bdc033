"""Reports: HTML with inline SVG charts, PDF with text and charts, XLSX with native charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.actors import OPERATOR
from tests.appraisal_models import example_model, full_document

from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.reports import content, svg
from itpo.adapters.reports.html_report import render_html
from itpo.adapters.reports.writing import write_report
from itpo.appraisal import services
from itpo.appraisal.services import AppraisalResult, MonteCarloOptions


@pytest.fixture(scope="module")
def result() -> AppraisalResult:
    return services.appraise(
        by=OPERATOR, model_data=full_document(), monte_carlo=MonteCarloOptions(1000, 1)
    )


def test_the_html_report_draws_five_charts_and_shows_the_indicators(
    result: AppraisalResult,
) -> None:
    page = render_html(result)
    assert page.count("<svg") == 5  # two cash flows, the tornado, the spider, the histogram
    assert "<polyline" in page and "<rect" in page
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    npv = content.money(result.appraisal.total.npv)
    assert npv in page and content.pct(result.appraisal.total.irr) in page
    assert "first flow at t=0 (project convention)" in page
    assert "first flow at t=1 (spreadsheet NPV() convention)" in page
    assert "Income statement" in page and "Cash flow, equity" in page
    assert "P(NPV &lt; 0)" in page and "CO2 avoided" in page


def test_an_ambiguous_irr_is_shown_with_its_roots_not_one_of_them() -> None:
    data = example_model()
    data["fixed_costs"].append({"name": "Site restoration", "amount": 2_000_000, "start_year": 20})
    page = render_html(services.appraise(by=OPERATOR, model_data=data))
    assert re.search(r"ambiguous: roots -5\.94%, 12\.51%", page)


def test_a_model_name_with_markup_is_escaped() -> None:
    page = render_html(
        services.appraise(by=OPERATOR, model_data=example_model(name="<b>Mango & co</b>"))
    )
    assert "&lt;b&gt;Mango &amp; co&lt;/b&gt;" in page and "<b>Mango" not in page


def test_the_pdf_report_has_pages_text_and_charts(result: AppraisalResult, tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_report(result, path)
    reader = PdfReader(path)
    assert len(reader.pages) >= 3
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert content.money(result.appraisal.total.npv) in text
    assert "spreadsheet NPV() convention" in text
    assert "Tornado" in text and "Simulated NPV" in text and "Income statement" in text
    assert reader.metadata is not None
    assert str(reader.metadata.title).startswith("Appraisal: Solar")


def test_the_xlsx_report_has_its_sheets_and_native_charts(
    result: AppraisalResult, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    write_report(result, path)
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["Summary", "Chart data", "Sensitivity"]
    assert "Income statement" in wb.sheetnames and "Cash flow equity" in wb.sheetnames
    summary = wb["Summary"]
    labels = [c.value for c in summary["A"]]
    assert any("spreadsheet NPV() convention" in str(v) for v in labels)
    # openpyxl reads charts back into the sheet's _charts: cash flow, tornado, histogram, spider.
    assert len(summary._charts) == 4
    income = wb["Income statement"]
    assert income["A2"].value == "Revenue" and income["B1"].value == "2026"


def test_a_report_needs_a_known_suffix(result: AppraisalResult, tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match=r"must end in .html, .pdf, .xlsx, not .docx"):
        write_report(result, tmp_path / "r.docx")


def test_ticks_are_round_numbers_and_short_labels_read_well() -> None:
    assert svg.nice_ticks(-480_000, 950_000) == [-250_000, 0, 250_000, 500_000, 750_000]
    assert svg.nice_ticks(0, 37) == [0, 10, 20, 30]
    assert svg.short(1_250_000) == "1.25m" and svg.short(-3000) == "-3k"


def test_the_spider_data_gives_one_line_a_driver_through_the_base_npv(
    result: AppraisalResult,
) -> None:
    steps, lines = content.spider_lines(result)
    assert steps == ["-20%", "-10%", "base", "+10%", "+20%"]
    assert [name for name, _ in lines] == [
        content.DRIVER_LABELS[d] for d in result.sensitivity.spider
    ]
    for _, npvs in lines:
        assert npvs[2] == pytest.approx(result.sensitivity.base_npv)


def test_the_html_spider_chart_draws_a_line_and_a_legend_entry_a_driver(
    result: AppraisalResult,
) -> None:
    page = render_html(result)
    start = page.index("Spider: NPV as each driver changes")
    chart = page[page.rindex("<svg", 0, start) : page.index("</svg>", start)]
    _, lines = content.spider_lines(result)
    assert chart.count("<polyline") == len(lines) >= 5
    for name, _ in lines:
        assert f"<title>{name}</title>" in chart and f">{name}</text>" in chart
    assert "base" in chart and "+20%" in chart


def test_the_pdf_report_draws_the_spider_chart(result: AppraisalResult, tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_report(result, path)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Spider: NPV as each driver changes from its base value" in text
    assert "Sales price" in text and "+20%" in text


def test_the_xlsx_spider_sheet_holds_the_npvs_under_a_native_line_chart(
    result: AppraisalResult, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    write_report(result, path)
    wb = load_workbook(path)
    sheet = wb["Spider"]
    steps, lines = content.spider_lines(result)
    assert [c.value for c in sheet["A"]] == ["Change", *steps]
    assert sheet.cell(1, 2).value == lines[0][0]
    assert sheet.cell(2, 2).value == pytest.approx(lines[0][1][0])
    line_charts = [c for c in wb["Summary"]._charts if c.tagname == "lineChart"]
    assert len(line_charts) == 1 and len(line_charts[0].series) == len(lines)
