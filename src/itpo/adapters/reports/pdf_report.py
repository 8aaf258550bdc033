"""The appraisal as a PDF (reportlab): indicator tables, charts drawn with reportlab.graphics,
and the yearly tables in landscape pages of at most twelve years each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.tables import TableStyle

from itpo.adapters.reports import content, svg
from itpo.appraisal.services import AppraisalResult

STYLES = getSampleStyleSheet()
FONT_SIZE = 7
PADDING = 12  # a cell's padding, six points a side
BLUE = colors.HexColor("#1f4e79")
GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), BLUE),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
])  # fmt: skip
YEARS_A_PAGE = 12
WIDTH = landscape(A4)[0] - 30 * mm


def _table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] | None = None,
) -> Table:
    table = Table(
        [list(head), *[list(r) for r in rows]], colWidths=widths, repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(GRID)
    return table


def _widest(texts: Iterable[str]) -> float:
    """The width of the widest text in a cell of GRID, padding included."""
    return max((stringWidth(t, "Helvetica", FONT_SIZE) for t in texts), default=0.0) + PADDING


def _title(drawing: Drawing, text: str) -> None:
    drawing.add(
        String(
            drawing.width / 2,
            drawing.height - 12,
            text,
            textAnchor="middle",
            fontName="Helvetica-Bold",
            fontSize=10,
        )
    )


def cash_flow_drawing(result: AppraisalResult) -> Drawing:
    """Bars of the yearly net cash flow with the cumulative line drawn over them."""
    a = result.appraisal
    flows, cumulative = a.cash_flow_total["net_cash_flow"], a.cash_flow_total["cumulative"]
    lo, hi = min(0.0, *flows, *cumulative), max(0.0, *flows, *cumulative)
    drawing = Drawing(WIDTH, 220)
    bars, line = VerticalBarChart(), HorizontalLineChart()
    # The line is drawn over the bars on the same frame and value range, without its own axes.
    for chart in (bars, line):
        chart.x, chart.y, chart.width, chart.height = 60, 30, int(WIDTH) - 80, 160
        chart.valueAxis.valueMin, chart.valueAxis.valueMax = lo, hi
        chart.categoryAxis.categoryNames = [str(y) for y in a.years]
        chart.categoryAxis.labels.fontSize = 6
    bars.data = [flows]
    bars.bars[0].fillColor = colors.HexColor("#2e7d32")
    line.data = [cumulative]
    line.lines[0].strokeColor = BLUE
    line.lines[0].strokeWidth = 2
    line.valueAxis.visible = False
    line.categoryAxis.visible = False
    drawing.add(bars)
    drawing.add(line)
    _title(drawing, f"Net cash flow (bars) and cumulative (line), {result.model.currency}")
    return drawing


def tornado_drawing(result: AppraisalResult) -> Drawing:
    bars = content.tornado_bars(result)
    drawing = Drawing(WIDTH, 40 + 22 * len(bars))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 110, 10, int(WIDTH) - 140, 22 * len(bars)
    # Highest swing on top: the chart draws the first category at the bottom.
    ordered = list(reversed(bars))
    chart.data = [[lo for _, lo, _ in ordered], [hi for _, _, hi in ordered]]
    chart.categoryAxis.categoryNames = [name for name, _, _ in ordered]
    chart.bars[0].fillColor = colors.HexColor("#c62828")
    chart.bars[1].fillColor = colors.HexColor("#2e7d32")
    chart.valueAxis.labels.fontSize = 6
    drawing.add(chart)
    _title(drawing, "Tornado: NPV at the low (red) and high (green) value of each driver")
    return drawing


def spider_drawing(result: AppraisalResult) -> Drawing:
    """One line a driver: NPV at each % change of its base value, with a legend."""
    steps, lines = content.spider_lines(result)
    drawing = Drawing(WIDTH, 230)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 60, 30, int(WIDTH) - 240, 170
    chart.data = [npvs for _, npvs in lines]
    chart.categoryAxis.categoryNames = steps
    chart.valueAxis.labels.fontSize = 6
    chart.categoryAxis.labels.fontSize = 7
    legend = Legend()
    legend.x, legend.y, legend.fontSize = int(WIDTH) - 160, 190, 7
    pairs = []
    for k, (name, _) in enumerate(lines):
        colour = colors.HexColor(svg.SERIES[k % len(svg.SERIES)])
        chart.lines[k].strokeColor, chart.lines[k].strokeWidth = colour, 1.5
        pairs.append((colour, name))
    legend.colorNamePairs = pairs
    drawing.add(chart)
    drawing.add(legend)
    _title(drawing, "Spider: NPV as each driver changes from its base value")
    return drawing


def histogram_drawing(result: AppraisalResult) -> Drawing:
    mc = result.monte_carlo
    assert mc is not None
    drawing = Drawing(WIDTH, 200)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 30, int(WIDTH) - 70, 140
    chart.data = [mc.histogram_counts]
    mids = [
        (lo + hi) / 2
        for lo, hi in zip(mc.histogram_edges[:-1], mc.histogram_edges[1:], strict=True)
    ]
    chart.categoryAxis.categoryNames = [f"{m / 1000:,.0f}k" for m in mids]
    chart.categoryAxis.labels.fontSize = 5
    chart.categoryAxis.labels.angle = 45
    chart.bars[0].fillColor = BLUE
    drawing.add(chart)
    _title(drawing, f"Simulated NPV, {mc.draws:,} draws ({result.model.currency})")
    return drawing


def _yearly(result: AppraisalResult) -> list[Flowable]:
    """The yearly tables, as many years a page as fit its width beside the row names (at most
    YEARS_A_PAGE), every page's columns as wide as the widest figure of all."""
    labels = list(content.year_labels(result))
    tables = [
        (title, [(n, [content.cell(n, v) for v in values]) for n, values in rows])
        for title, rows in content.yearly_tables(result)
    ]
    names = _widest(n for _, rows in tables for n, _ in rows)
    figure = _widest([*labels, *(c for _, rows in tables for _, cells in rows for c in cells)])
    per_page = max(1, min(YEARS_A_PAGE, int((WIDTH - names) // figure)))
    column = (WIDTH - names) / per_page
    story: list[Flowable] = []
    for start in range(0, len(labels), per_page):
        span = slice(start, start + per_page)
        shown = labels[span]
        story.append(PageBreak())
        for title, rows in tables:
            cells = [[n, *values[span]] for n, values in rows]
            widths = [names, *[column] * len(shown)]
            story += [Paragraph(title, STYLES["Heading3"]), _table(["", *shown], cells, widths)]
    return story


def write_pdf(result: AppraisalResult, path: Path) -> None:
    """Write the report to path."""
    h1, h2 = STYLES["Heading1"], STYLES["Heading2"]
    story: list[Flowable] = [
        Paragraph(escape(f"Appraisal: {result.model.name}"), h1),
        _table(["", ""], content.header_rows(result)),
        Paragraph("Indicators", h2),
        _table(["Indicator", "Total capital", "Equity"], content.indicator_rows(result)),
        Spacer(1, 4 * mm),
        _table(["Indicator", "Value"], content.other_rows(result)),
        cash_flow_drawing(result),
        Paragraph("Sensitivity", h2),
        _table(
            ["Driver", "NPV low", "NPV high", "Sensitivity indicator", "Switching value"],
            content.sensitivity_rows(result),
        ),
        tornado_drawing(result),
        spider_drawing(result),
    ]
    if result.monte_carlo is not None:
        story += [
            Paragraph("Monte Carlo simulation", h2),
            _table(["Measure", "Value"], content.monte_carlo_rows(result)),
            Paragraph(escape(content.risk_source(result)), STYLES["Normal"]),
            _table(content.RISK_HEAD, content.risk_rows(result)),
            histogram_drawing(result),
        ]
    if result.green is not None:
        story += [
            Paragraph("Green impact", h2),
            _table(["Measure", "Value"], content.green_rows(result)),
        ]
    story += _yearly(result)
    document = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        title=f"Appraisal: {result.model.name}",
        author="ITPO Exchange",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
    )
    document.build(story)
