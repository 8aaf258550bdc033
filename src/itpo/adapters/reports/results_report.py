"""The annual report of an office: its results and the agreements behind them, read through the
pipeline's services (so only officers and administrators get one), written as HTML, PDF or
XLSX by the file's suffix or the format asked for."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from itpo.accounts.principal import Principal
from itpo.accounts.users import list_offices
from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.reports.results_content import ResultsReport, build_report
from itpo.adapters.reports.results_html import render_results_html
from itpo.adapters.reports.results_pdf import write_results_pdf
from itpo.adapters.reports.results_xlsx import write_results_xlsx
from itpo.clock import Clock, utc_now
from itpo.pipeline import deals, results
from itpo.pipeline.ports import DealQuery, PipelineUnitOfWork
from itpo.pipeline.presenting import deal_summary_dict
from itpo.pipeline.results_model import Period

REPORT_TYPES: Mapping[str, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def office_report(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    period: Period,
    rates: Mapping[str, float],
    office_id: int | None = None,
    language: str = "en",
    now: Clock = utc_now,
) -> tuple[ResultsReport, dict[str, Any]]:
    """The report's content, and the plain results it is drawn from."""
    found = results.office_results(
        uow=uow, by=by, period=period, rates=rates, office_id=office_id, now=now
    )
    plain = found.as_dict()
    ids = found.drill_down.get("agreements", ())
    signed = []
    if ids:
        page = deals.list_deals(uow=uow, by=by, query=DealQuery(ids=ids, limit=None))
        signed = [deal_summary_dict(deal, rates) for deal in page.items]
    office = None
    if office_id is not None:
        office = next((o.name for o in list_offices(uow=uow, by=by) if o.id == office_id), None)
    return build_report(plain, office=office, signed=signed, language=language), plain


def report_bytes(report: ResultsReport, plain: Mapping[str, Any], kind: str) -> bytes:
    """The report as a file's bytes: `html`, `pdf` or `xlsx`."""
    if kind == "html":
        return render_results_html(report).encode("utf-8")
    buffer = io.BytesIO()
    if kind == "pdf":
        write_results_pdf(report, buffer)
    elif kind == "xlsx":
        write_results_xlsx(report, plain, buffer)
    else:
        raise FileProblem(f"a report is one of {', '.join(REPORT_TYPES)}, not {kind!r}")
    return buffer.getvalue()


def write_office_report(report: ResultsReport, plain: Mapping[str, Any], path: Path) -> None:
    """Write the report in the format its file name asks for."""
    kind = path.suffix.lower().removeprefix(".")
    if kind not in REPORT_TYPES:
        raise FileProblem(
            f"{path.name}: a report must end in .html, .pdf or .xlsx, not {path.suffix or 'nothing'}"
        )
    path.write_bytes(report_bytes(report, plain, kind))
