"""The appraisal as an Excel workbook: one sheet of indicators with native Excel charts, and one
sheet a yearly table, so officers can keep calculating from the numbers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font, PatternFill

from itpo.adapters.reports import content
from itpo.appraisal.services import AppraisalResult

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def _header(ws: Any, row: int, values: Sequence[str]) -> None:
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row, column, value)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL


def _rows(ws: Any, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    ws.append([])
    _header(ws, ws.max_row + 1, head)
    for row in rows:
        ws.append(list(row))


def _number(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _yearly_sheets(wb: Workbook, result: AppraisalResult) -> None:
    years = result.appraisal.years
    for title, rows in content.yearly_tables(result):
        ws = wb.create_sheet(title[:31].replace(",", ""))
        _header(ws, 1, ["", *(str(y) for y in years)])
        for name, values in rows:
            ws.append([name, *(_number(v) for v in values)])
        ws.column_dimensions["A"].width = 34
        for row in ws.iter_rows(min_row=2, min_col=2):
            for cell in row:
                cell.number_format = "#,##0.00" if title.startswith("Debt") else "#,##0"


def _cash_flow_sheet(wb: Workbook, result: AppraisalResult) -> None:
    """Year, net flow and cumulative in columns, under a bar chart with a line over it."""
    a = result.appraisal
    ws = wb.create_sheet("Chart data")
    ws.append(["Year", "Net cash flow", "Cumulative", "NPV bin from", "Count"])
    for year, flow, total in zip(
        a.years, a.cash_flow_total["net_cash_flow"], a.cash_flow_total["cumulative"], strict=True
    ):
        ws.append([str(year), flow, total])
    n = len(a.years)
    bars = BarChart()
    bars.title = f"Net cash flow and cumulative, total capital ({result.model.currency})"
    bars.add_data(Reference(ws, min_col=2, min_row=1, max_row=n + 1), titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n + 1))
    line = LineChart()
    line.add_data(Reference(ws, min_col=3, min_row=1, max_row=n + 1), titles_from_data=True)
    bars += line
    bars.width, bars.height = 24, 10
    wb["Summary"].add_chart(bars, "E2")
    mc = result.monte_carlo
    if mc is not None:
        for i, (edge, count) in enumerate(
            zip(mc.histogram_edges, mc.histogram_counts, strict=False), start=2
        ):
            ws.cell(i, 4, edge)
            ws.cell(i, 5, count)
        histogram = BarChart()
        histogram.title = f"Simulated NPV, {mc.draws:,} draws"
        histogram.gapWidth = 0
        last = len(mc.histogram_counts) + 1
        histogram.add_data(Reference(ws, min_col=5, min_row=1, max_row=last), titles_from_data=True)
        histogram.set_categories(Reference(ws, min_col=4, min_row=2, max_row=last))
        histogram.width, histogram.height = 24, 9
        wb["Summary"].add_chart(histogram, "E44")


def _tornado(wb: Workbook, result: AppraisalResult) -> None:
    ws = wb.create_sheet("Sensitivity")
    ws.append(["Driver", "NPV low", "NPV high", "Sensitivity indicator", "Switching value"])
    for name, lo, hi in content.tornado_bars(result):
        ws.append([name, lo, hi])
    _rows(
        ws,
        ["Driver", "NPV low", "NPV high", "Sensitivity indicator", "Switching value"],
        content.sensitivity_rows(result),
    )
    n = len(result.sensitivity.tornado)
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Tornado: NPV at the low and high value of each driver"
    chart.add_data(
        Reference(ws, min_col=2, max_col=3, min_row=1, max_row=n + 1), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n + 1))
    chart.overlap = 100
    chart.width, chart.height = 24, 10
    wb["Summary"].add_chart(chart, "E23")


def _spider(wb: Workbook, result: AppraisalResult) -> None:
    """Steps down column A, one column of NPVs a driver, drawn as a native line chart."""
    ws = wb.create_sheet("Spider")
    steps, lines = content.spider_lines(result)
    ws.append(["Change", *(name for name, _ in lines)])
    for i, step in enumerate(steps):
        ws.append([step, *(npvs[i] for _, npvs in lines)])
    chart = LineChart()
    chart.title = "Spider: NPV as each driver changes from its base value"
    chart.y_axis.title = f"NPV ({result.model.currency})"
    chart.x_axis.title = "Change of the driver"
    chart.add_data(
        Reference(ws, min_col=2, max_col=len(lines) + 1, min_row=1, max_row=len(steps) + 1),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(steps) + 1))
    chart.width, chart.height = 24, 10
    wb["Summary"].add_chart(chart, "E65")


def write_xlsx(result: AppraisalResult, path: Path) -> None:
    """Write the report to path."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    ws.append([f"Appraisal: {result.model.name}"])
    ws["A1"].font = Font(bold=True, size=14)
    for row in content.header_rows(result):
        ws.append(list(row))
    _rows(ws, ["Indicator", "Total capital", "Equity"], content.indicator_rows(result))
    _rows(ws, ["Indicator", "Value"], content.other_rows(result))
    if result.monte_carlo is not None:
        _rows(ws, ["Monte Carlo", "Value"], content.monte_carlo_rows(result))
        ws.append([content.risk_source(result)])
        _rows(ws, content.RISK_HEAD, content.risk_rows(result))
    if result.green is not None:
        _rows(ws, ["Green impact", "Value"], content.green_rows(result))
    ws.column_dimensions["A"].width = 62
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 22
    _cash_flow_sheet(wb, result)
    _tornado(wb, result)
    _spider(wb, result)
    _yearly_sheets(wb, result)
    wb.save(path)
