"""The annual report as a PDF (reportlab): the highlights, charts drawn with reportlab.graphics,
every table fitted to the page's width (cells wrap, nothing runs off), and the methods note.
Chinese is set in the standard CID font STSong-Light, which every PDF reader carries."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from itpo.adapters.reports.results_content import ResultsReport, text
from itpo.adapters.reports.results_content import Table as ReportTable

BLUE = colors.HexColor("#1f4e79")
SERIES = [colors.HexColor(c) for c in ("#1f4e79", "#2e7d32", "#ef6c00", "#6a1b9a")]
PAGE = landscape(A4)
WIDTH = PAGE[0] - 30 * mm
CHINESE_FONT = "STSong-Light"


@cache
def _font(language: str) -> str:
    if language == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont(CHINESE_FONT))
        return CHINESE_FONT
    return "Helvetica"


def _styles(language: str) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    font = _font(language)
    bold = font if language == "zh" else "Helvetica-Bold"
    return {
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontName=bold, textColor=BLUE),
        "h2": ParagraphStyle(
            "h2", parent=base["Heading2"], fontName=bold, textColor=BLUE, keepWithNext=1
        ),
        "body": ParagraphStyle(
            "body", parent=base["Normal"], fontName=font, fontSize=9, leading=12
        ),
        "cell": ParagraphStyle("cell", parent=base["Normal"], fontName=font, fontSize=7, leading=9),
        "head": ParagraphStyle(
            "head",
            parent=base["Normal"],
            fontName=bold,
            fontSize=7,
            leading=9,
            textColor=colors.white,
        ),
    }


def _marks(line: str, language: str) -> str:
    """The CID font for Chinese has no Western bullet or middle dot: its own stands in."""
    return line.replace("•", "・").replace("·", "・") if language == "zh" else line


def _table(table: ReportTable, styles: dict[str, ParagraphStyle], language: str) -> list[Flowable]:
    columns = len(table.head)
    width = WIDTH if columns > 3 else WIDTH * 0.6  # a short table need not span the page
    first = width * (0.3 if columns > 3 else 0.5)
    rest = (width - first) / max(columns - 1, 1)
    data = [[Paragraph(escape(_marks(h, language)), styles["head"]) for h in table.head]]
    data += [[Paragraph(escape(c), styles["cell"]) for c in row] for row in table.rows]
    grid = Table(data, colWidths=[first] + [rest] * (columns - 1), repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), BLUE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Flowable] = [Paragraph(escape(_marks(table.heading, language)), styles["h2"]), grid]
    if table.note:
        story.append(Paragraph(escape(table.note), styles["cell"]))
    return story


def _title(drawing: Drawing, title: str, font: str) -> None:
    drawing.add(
        String(
            drawing.width / 2,
            drawing.height - 12,
            title,
            textAnchor="middle",
            fontName=font,
            fontSize=10,
        )
    )


def bar_drawing(pairs: Sequence[tuple[str, float]], title: str, font: str) -> Drawing:
    # Room below the axis for its numbers, so the next chart's title never touches them.
    height = 58 + 18 * max(len(pairs), 1)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 200, 28, int(WIDTH - 260), height - 52
    chart.data = [[value for _, value in reversed(pairs)] or [0]]
    chart.categoryAxis.categoryNames = [name[:40] for name, _ in reversed(pairs)] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    highest = max((value for _, value in pairs), default=0.0)
    chart.valueAxis.valueStep = max(1, math.ceil(highest / 5))  # counts: whole steps
    chart.valueAxis.valueMax = max(chart.valueAxis.valueStep * 5, highest)
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    _title(drawing, title, font)
    return drawing


def line_drawing(
    months: Sequence[str], series: dict[str, list[float]], title: str, font: str
) -> Drawing:
    drawing = Drawing(WIDTH, 190)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, int(WIDTH - 200), 130
    chart.data = [values or [0.0] for values in series.values()]
    chart.categoryAxis.categoryNames = list(months) or [""]
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    for index in range(len(series)):
        chart.lines[index].strokeColor = SERIES[index % len(SERIES)]
        chart.lines[index].strokeWidth = 1.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = int(WIDTH - 140), 150
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], name) for i, name in enumerate(series)]
    drawing.add(legend)
    _title(drawing, title, font)
    return drawing


def write_results_pdf(report: ResultsReport, path: Path | Any) -> None:
    """Write the report to a path (or a binary file object)."""
    lang = report.language
    styles, font = _styles(lang), _font(lang)
    story: list[Flowable] = [
        Paragraph(escape(_marks(report.title, lang)), styles["h1"]),
        Paragraph(escape(report.subtitle), styles["body"]),
        Paragraph(escape(text(lang, "Highlights")), styles["h2"]),
        *[
            Paragraph(escape(_marks("• " + line, lang)), styles["body"])
            for line in report.highlights
        ],
        Spacer(1, 4 * mm),
        bar_drawing(report.funnel, text(lang, "From match to operation"), font),
    ]
    if report.regions:
        story.append(
            bar_drawing(report.regions, text(lang, "Deals") + " · " + text(lang, "Region"), font)
        )
    story.append(line_drawing(report.months, report.monthly, text(lang, "Month by month"), font))
    for table in report.tables:
        story += _table(table, styles, lang)
    story.append(Paragraph(escape(text(lang, "Methods")), styles["h2"]))
    story += [Paragraph(escape(line), styles["body"]) for line in report.methods]
    document = SimpleDocTemplate(
        path if not isinstance(path, Path) else str(path),
        pagesize=PAGE,
        title=report.title,
        author="ITPO Exchange",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
    )
    document.build(story)
