"""The report's layout: the cash-flow chart's legend keeps clear of its line, the HTML report's
yearly tables scroll inside their own box and its charts shrink to the page, and the PDF's
yearly tables fit the page's width however large the figures."""

from __future__ import annotations

import re
from typing import Any

import pytest
from reportlab.platypus import PageBreak, Table
from tests.actors import OPERATOR
from tests.appraisal_models import example_model

from itpo.adapters.reports import pdf_report, svg
from itpo.adapters.reports.html_report import STYLE, render_html
from itpo.appraisal import services
from itpo.appraisal.services import AppraisalResult

LEGEND_Y = 34  # the band between the title and the plot


def _points(chart: str) -> list[tuple[float, float]]:
    found = re.search(r'<polyline points="([^"]+)"', chart)
    assert found is not None
    return [(float(x), float(y)) for x, y in (p.split(",") for p in found.group(1).split())]


def test_the_cash_flow_legend_has_a_band_of_its_own_above_the_line() -> None:
    # A line that climbs to the top right corner, where the legend used to be.
    flows = [-500.0, 100.0, 200.0, 300.0, 400.0, 2500.0]
    cumulative = [sum(flows[: i + 1]) for i in range(len(flows))]
    chart = svg.cash_flow_chart([str(y) for y in range(2026, 2032)], flows, cumulative, "Cash")
    assert "net cash flow (bars)" in chart and "cumulative (line)" in chart
    legend = [
        float(y)
        for y, text in re.findall(r'<text x="[\d.]+" y="([\d.]+)"[^>]*>([^<]+)</text>', chart)
        if text in ("net cash flow (bars)", "cumulative (line)")
    ]
    top_of_line = min(y for _, y in _points(chart))
    assert legend and max(legend) <= LEGEND_Y + 1 < top_of_line - 8


@pytest.fixture(scope="module")
def result() -> AppraisalResult:
    return services.appraise(by=OPERATOR, model_data=example_model())


def test_the_html_report_scrolls_its_yearly_tables_and_shrinks_its_charts(
    result: AppraisalResult,
) -> None:
    page = render_html(result)
    assert page.count("<div class='wide'><table>") == 6
    assert ".wide { overflow-x: auto; max-width: 100%" in STYLE
    assert "position: sticky; left: 0" in STYLE  # the row names stay in view
    assert "svg.chart { max-width: 100%; height: auto; }" in STYLE
    assert "name='viewport'" in page


def _big(data: dict[str, Any]) -> dict[str, Any]:
    """The example in a currency worth a thousandth of a dollar: figures in the billions."""
    factor = 1000.0
    for key in ("investments", "fixed_costs", "equity", "loans"):
        for item in data[key]:
            if item.get("currency") is None:
                item["amount"] = item["amount"] * factor
    for item in data["investments"]:
        if item.get("salvage_value") is not None and item.get("currency") is None:
            item["salvage_value"] *= factor
    for product in data["products"]:
        product["price"] *= factor
        product["variable_cost_per_unit"] *= factor
    data["exchange_rates"] = {k: v * factor for k, v in data["exchange_rates"].items()}
    return data


def header(table: Any) -> list[str]:
    """A table's first row as it was given."""
    first: list[str] = table._cellvalues[0]
    return first


@pytest.mark.parametrize("scale", ["dollars", "billions"])
def test_the_pdf_yearly_tables_fit_the_page_width(scale: str) -> None:
    data = example_model() if scale == "dollars" else _big(example_model())
    found = services.appraise(by=OPERATOR, model_data=data)
    story = pdf_report._yearly(found)
    tables = [f for f in story if isinstance(f, Table)]
    assert tables
    for table in tables:
        width, _height = table.wrap(pdf_report.WIDTH, 10_000)
        assert width <= pdf_report.WIDTH + 0.01
    a_page = len(header(tables[0])) - 1
    if scale == "dollars":
        assert a_page == pdf_report.YEARS_A_PAGE
    else:  # wider figures: fewer years a page
        assert a_page < pdf_report.YEARS_A_PAGE
    pages = sum(isinstance(f, PageBreak) for f in story)
    assert pages == -(-found.model.horizon_years // a_page)
    first_of_each_page = tables[:: len(tables) // pages]
    shown = [year for t in first_of_each_page for year in header(t)[1:]]
    assert shown == [str(y) for y in found.appraisal.years]  # every year, once
