"""The annual report as an Excel workbook: a summary with the highlights, one sheet of numbers
a table (figures as numbers, verified and projected in columns of their own, so officers can
keep calculating), native charts of the funnel and the months, and the methods note. Text is
written as text, never as a formula."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from itpo.adapters.files.cells import looks_like_formula
from itpo.adapters.reports.results_content import (
    BREAKDOWNS,
    ResultsReport,
    dimension_name,
    text,
)
from itpo.pipeline.results_model import FUNNEL, MEASURES
from itpo.pipeline.results_names import DIMENSION_LABELS, FUNNEL_LABELS, MEASURE_LABELS

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def _cell(sheet: Worksheet, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    cell = Cell(sheet, value=value)
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def _append(sheet: Worksheet, values: Sequence[Any]) -> None:
    sheet.append([_cell(sheet, v) for v in values])


def _header(sheet: Worksheet, values: Sequence[str]) -> None:
    _append(sheet, values)
    for cell in sheet[sheet.max_row]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL


def _sheet(book: Workbook, title: str) -> Worksheet:
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    clean = "".join(c for c in title if c not in "[]:*?/\\")[:31]
    sheet = book.create_sheet(clean)
    sheet.column_dimensions["A"].width = 42
    return sheet


def write_results_xlsx(report: ResultsReport, results: Mapping[str, Any], path: Path | Any) -> None:
    """Write the workbook to a path (or a binary file object)."""
    lang = report.language
    book = Workbook()
    summary = book.active
    assert isinstance(summary, Worksheet)
    summary.title = text(lang, "Summary")[:31]
    summary.column_dimensions["A"].width = 42
    for letter in "BC":
        summary.column_dimensions[letter].width = 18
    _append(summary, [report.title])
    summary["A1"].font = Font(bold=True, size=14, color="1F4E79")
    _append(summary, [report.subtitle])
    summary.append([])
    _append(summary, [text(lang, "Highlights")])
    for line in report.highlights:
        _append(summary, [line])
    summary.append([])
    _header(summary, [text(lang, "Figure"), text(lang, "Projected"), text(lang, "Verified")])
    for name in MEASURES:
        projected, verified = report.figures[name]
        _append(summary, [text(lang, MEASURE_LABELS[name]), projected, verified])
        for cell in summary[summary.max_row][1:]:
            cell.number_format = "#,##0"

    funnel = _sheet(book, text(lang, "From match to operation"))
    _header(funnel, [text(lang, "Step"), text(lang, "Count")])
    for step in FUNNEL:
        _append(funnel, [text(lang, FUNNEL_LABELS[step]), results["funnel"].get(step, 0)])
    chart = BarChart()
    chart.type, chart.title, chart.legend = "bar", text(lang, "From match to operation"), None
    chart.add_data(
        Reference(funnel, min_col=2, min_row=1, max_row=len(FUNNEL) + 1), titles_from_data=True
    )
    chart.set_categories(Reference(funnel, min_col=1, min_row=2, max_row=len(FUNNEL) + 1))
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    funnel.add_chart(chart, "D2")

    for dimension in BREAKDOWNS:
        rows = results["breakdowns"].get(dimension, [])
        sheet = _sheet(book, text(lang, DIMENSION_LABELS[dimension]))
        head = [
            text(lang, DIMENSION_LABELS[dimension]),
            text(lang, "Deals"),
            text(lang, "Agreements"),
        ]
        for name in MEASURES:
            measure = text(lang, MEASURE_LABELS[name])
            head += [
                f"{measure} · {text(lang, 'Verified')}",
                f"{measure} · {text(lang, 'Projected')}",
            ]
        _header(sheet, head)
        for row in rows:
            values: list[Any] = [
                dimension_name(lang, dimension, row["key"]),
                row["deals"],
                row["agreements"],
            ]
            for name in MEASURES:
                found = row["measures"].get(name, {})
                values += [found.get("verified", 0.0), found.get("projected", 0.0)]
            _append(sheet, values)
        for number in range(2, len(head) + 1):
            sheet.column_dimensions[sheet.cell(1, number).column_letter].width = 16

    monthly = _sheet(book, text(lang, "Month by month"))
    _header(
        monthly,
        [
            text(lang, "Month"),
            text(lang, "Opened"),
            text(lang, "Signed"),
            text(lang, "Operational"),
            text(lang, "Committed (USD)") + " · " + text(lang, "Verified"),
            text(lang, "Committed (USD)") + " · " + text(lang, "Projected"),
        ],
    )
    for month in results["monthly"]:
        _append(
            monthly,
            [
                month["month"],
                month["opened"],
                month["signed"],
                month["operational"],
                month["committed"]["verified"],
                month["committed"]["projected"],
            ],
        )
    lines = LineChart()
    lines.title = text(lang, "Month by month")
    count = len(results["monthly"])
    lines.add_data(
        Reference(monthly, min_col=2, max_col=4, min_row=1, max_row=count + 1),
        titles_from_data=True,
    )
    lines.set_categories(Reference(monthly, min_col=1, min_row=2, max_row=count + 1))
    monthly.add_chart(lines, "H2")

    deals = _sheet(book, text(lang, "Agreements signed"))
    signed = next(t for t in report.tables if t.heading == text(lang, "Agreements signed"))
    _header(deals, signed.head)
    for values in signed.rows:
        _append(deals, values)

    methods = _sheet(book, text(lang, "Methods"))
    methods.column_dimensions["A"].width = 120
    for line in report.methods:
        _append(methods, [line])
        methods.cell(methods.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
