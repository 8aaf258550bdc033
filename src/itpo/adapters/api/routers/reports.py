"""/api/v1/reports: the office's annual report as a PDF, an Excel workbook or an HTML page."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.routers.results import NO_OFFICE, DayQuery, OfficeQuery, YearQuery
from itpo.adapters.http import PlatformDep, UowDep
from itpo.adapters.reports.results_report import REPORT_TYPES, office_report, report_bytes
from itpo.pipeline.results_model import Period

router = APIRouter(prefix="/reports", tags=["results"])


class ReportFormat(StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"
    HTML = "html"


class ReportLanguage(StrEnum):
    EN = "en"
    ZH = "zh"


REPORT: dict[int | str, dict[str, Any]] = {
    **NO_OFFICE,
    200: {
        "description": "The report as a file",
        "content": {media: {} for media in REPORT_TYPES.values()},
    },
}


@router.get("", response_class=Response, responses=REPORT)
def annual_report(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    office_id: OfficeQuery = None,
    year: YearQuery = None,
    start: DayQuery = None,
    end: DayQuery = None,
    format: Annotated[ReportFormat, Query(description="pdf, xlsx or html")] = ReportFormat.PDF,
    lang: Annotated[ReportLanguage, Query(description="The report's language")] = ReportLanguage.EN,
) -> Response:
    """The annual report of an office (or of all) for a period (officers and administrators):
    the highlights, the results with charts and tables, and the methods note."""
    period = Period.chosen(today=platform.today(), year=year, start=start, end=end)
    report, plain = office_report(
        uow=uow,
        by=principal,
        period=period,
        rates=platform.rates(),
        office_id=office_id,
        language=lang.value,
        now=platform.clock,
    )
    name = f"itpo-results-{period.start.isoformat()}-{period.end.isoformat()}.{format.value}"
    return Response(
        report_bytes(report, plain, format.value),
        media_type=REPORT_TYPES[format.value],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
