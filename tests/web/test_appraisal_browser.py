"""An appraisal in headless Chromium, through the pages only, in English and in Chinese: from an
investment project's page a member of its organisation downloads the worked example's workbook,
sends it back and keeps the appraisal; its page draws the cash-flow, tornado, spider and Monte
Carlo charts with their numbers beside them; and on a 390-pixel phone no appraisal page, nor
the report, is wider than the screen."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from itpo.adapters.reports import content
from itpo.adapters.web.pages.appraisals import example_document
from itpo.appraisal import services as appraisals
from itpo.appraisal.services import MonteCarloOptions
from itpo.registry import services as registry
from tests.actors import OPERATOR
from tests.records import opportunity_data
from tests.world import World

CHARTS = ("cash-total", "cash-equity", "tornado", "spider", "histogram")
WORDS = {
    "en": {"cash": "Cash flows", "kept": "The appraisal is kept", "net": "Net cash flow"},
    "zh-CN": {"cash": "现金流", "kept": "评估已保存", "net": "净现金流"},
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def project(world: World) -> Iterator[int]:
    """An investment project of the "other" organisation, removed afterwards with its
    appraisals."""
    created = registry.create_opportunity(
        by=OPERATOR,
        uow=world.platform.uow(),
        data=opportunity_data(
            external_id="appraisal-browser-project",
            organisation="org-other",
            kind="investment_project",
            trl=None,
            title="Solar drying plant for the browser",
            teaser="A plant that dries fruit with the sun.",
        ),
    )
    assert created.id is not None
    yield created.id
    registry.delete_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=created.id)


def base_npv() -> str:
    return content.money(appraisals.evaluate_document(example_document()).appraisal.total.npv)


def figures(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"-?[\d,]+", text)]


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_a_workbook_sent_from_the_project_page_is_kept_and_drawn(
    world: World,
    page_as: Callable[..., Any],
    screenshots: Path,
    project: int,
    language: str,
) -> None:
    words = WORDS[language]
    name = f"Browser case ({language})"
    page = page_as("other_member", language=language)
    page.goto(f"/opportunities/{project}")
    page.click(f"a[href='/appraisals/new?opportunity_id={project}']")
    assert page.locator("#opportunity_id").input_value() == str(project)
    with page.expect_download() as waiting:
        page.click("a[href='/appraisals/template.xlsx?example=yes']")
    book = Path(waiting.value.path()).read_bytes()
    page.set_input_files("#file", files=[{"name": "plant.xlsx", "mimeType": XLSX, "buffer": book}])
    page.fill("#appraisal_name", name)
    page.click("button[value=workbook]")
    page.wait_for_url("**/appraisals/*?done=kept")
    assert words["kept"] in page.inner_text("main p.notice.success")

    for chart in CHARTS:
        page.wait_for_selector(f"#chart-{chart}[data-drawn='true'] svg")
        assert page.locator(f"#chart-{chart} svg path").count() > 5, chart
    # The legend names the series in the page's language, above the plot.
    assert words["net"] in page.inner_text("#chart-cash-total")
    npv = base_npv()
    assert npv in page.inner_text("#headline") and npv in page.inner_text("#indicators")
    # The numbers beside the charts: the flows by year, the drivers, the simulated NPVs.
    cash = page.inner_text("#cash-flow-table")
    assert "2026" in cash and "-668,600" in cash and "2045" in cash
    assert page.locator("#sensitivity-table tbody tr").count() >= 5
    assert page.locator("#spider-table tbody tr").count() >= 5
    counts = [
        figures(row)[-1] for row in page.locator("#histogram-table tbody tr").all_inner_texts()
    ]
    assert sum(counts) == 2000
    assert words["cash"] in page.inner_text("main")
    page.screenshot(path=str(screenshots / f"appraisal-{language}.png"), full_page=True)

    page.goto(f"/opportunities/{project}")
    page.click(f"a:has-text('{name}')")
    page.wait_for_selector("#chart-tornado[data-drawn='true']")
    assert name in page.inner_text("h1")


def test_the_appraisal_pages_and_the_report_fit_a_phone(
    world: World, page_as: Callable[..., Any], screenshots: Path, project: int
) -> None:
    """No appraisal page runs off a 390-pixel screen: wide tables scroll inside their box."""
    stored = appraisals.attach_appraisal(
        uow=world.platform.uow(),
        by=OPERATOR,
        opportunity_id=project,
        model_data=example_document(),
        monte_carlo=MonteCarloOptions(500, 1),
    )
    page = page_as("other_member", language="zh-CN")
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/appraisals/new", "/appraisals/new?example=yes", f"/appraisals/{stored.id}"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    page.screenshot(path=str(screenshots / "appraisal-zh-390.png"), full_page=True)

    page.goto("/appraisals/new?example=yes")
    page.click("button[value=form]")
    page.wait_for_selector("#chart-histogram[data-drawn='true'] svg")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert base_npv() in page.inner_text("#headline")

    # The downloaded report, opened on its own as a file would be.
    report = page.request.get(f"/appraisals/{stored.id}/report?format=html")
    assert report.ok
    alone = page.context.new_page()
    alone.set_viewport_size({"width": 390, "height": 844})
    alone.set_content(report.text())
    width = alone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, ("report", width)
    alone.screenshot(path=str(screenshots / "appraisal-report-390.png"), full_page=True)
