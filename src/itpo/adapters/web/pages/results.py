"""/results: the office's results as a dashboard (officers and administrators): the headline
figures projected and verified apart, the funnel, deals by region and sector, a world map of
the deals' countries and the monthly trend, each chart with its numbers in a table beside it,
and every figure linked to the deals it counts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from itpo.accounts.users import list_offices
from itpo.adapters.http import MAX_ID, PlatformDep, UowDep
from itpo.adapters.reports import results_content as report_names
from itpo.adapters.reports.results_report import REPORT_TYPES, office_report, report_bytes
from itpo.adapters.web.i18n import translate
from itpo.adapters.web.labels import LABELS
from itpo.adapters.web.pages.browse_common import Names
from itpo.adapters.web.pages.deals import PAGE_SIZE
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.pipeline import deals, results
from itpo.pipeline.ports import DealQuery
from itpo.pipeline.presenting import deal_summary_dict
from itpo.pipeline.results_model import FUNNEL, MEASURES, STEPS, Period
from itpo.pipeline.results_names import (
    COUNT_LABELS,
    DIMENSION_LABELS,
    FUNNEL_LABELS,
    MEASURE_LABELS,
    STEP_LABELS,
)
from itpo.registry.errors import ValidationError

router = APIRouter()
OfficeQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
YearQuery = Annotated[int | None, Query(ge=1900, le=2999)]
YEARS_SHOWN = 6


@router.get("/results")
def results_page(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    office_id: OfficeQuery = None,
    year: YearQuery = None,
) -> Response:
    """The dashboard for one office (or all) and one year (this year by default)."""
    visit.require_user()
    today = platform.today()
    period = Period.chosen(today=today, year=year)
    found = results.office_results(
        uow=uow,
        by=visit.principal,
        period=period,
        rates=platform.rates(),
        office_id=office_id,
        now=platform.clock,
    )
    plain = found.as_dict()
    language = visit.language
    names = Names(language)
    breakdowns = {
        dimension: [
            {**row, "name": dimension_name(names, dimension, row["key"])}
            for row in plain["breakdowns"].get(dimension, [])
        ]
        for dimension in DIMENSION_LABELS
    }
    values = {
        "results": plain,
        "period": period,
        "offices": list_offices(uow=uow, by=visit.principal),
        "office_id": office_id,
        "year": period.start.year,
        "years": list(range(today.year, today.year - YEARS_SHOWN, -1)),
        "measures": MEASURES,
        "measure_labels": MEASURE_LABELS,
        "dimension_labels": DIMENSION_LABELS,
        "breakdowns": breakdowns,
        "funnel": FUNNEL,
        "funnel_labels": FUNNEL_LABELS,
        "steps": STEPS,
        "step_labels": STEP_LABELS,
        # Inside a <script> element: no "<" may close it, whatever a name holds.
        "chart_data": json.dumps(
            chart_data(plain, breakdowns, language), ensure_ascii=False, separators=(",", ":")
        ).replace("<", "\\u003c"),
        "query": {"office_id": office_id, "year": period.start.year},
    }
    return render(request, visit, "deals/results.html", values)


@router.get("/results/report")
def results_report(
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    office_id: OfficeQuery = None,
    year: YearQuery = None,
    format: Annotated[str, Query(pattern="^(pdf|xlsx|html)$")] = "pdf",
) -> Response:
    """The annual report of the dashboard's office and year, in the page's language."""
    visit.require_user()
    period = Period.chosen(today=platform.today(), year=year)
    report, plain = office_report(
        uow=uow,
        by=visit.principal,
        period=period,
        rates=platform.rates(),
        office_id=office_id,
        language=visit.language,
        now=platform.clock,
    )
    name = f"itpo-results-{period.start.isoformat()}-{period.end.isoformat()}.{format}"
    return Response(
        report_bytes(report, plain, format),
        media_type=REPORT_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/results/deals")
def results_deals(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    key: Annotated[str, Query(max_length=100)],
    office_id: OfficeQuery = None,
    year: YearQuery = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """The deals one figure of the dashboard counts."""
    visit.require_user()
    period = Period.chosen(today=platform.today(), year=year)
    try:
        ids = results.drill_down(
            uow=uow,
            by=visit.principal,
            period=period,
            key=key,
            rates=platform.rates(),
            office_id=office_id,
            now=platform.clock,
        )
    except ValidationError:
        ids = ()
    page = deals.list_deals(
        uow=uow,
        by=visit.principal,
        query=DealQuery(ids=ids, limit=PAGE_SIZE, offset=offset),
    )
    values = {
        "deals": [deal_summary_dict(d, platform.rates()) for d in page.items] if ids else [],
        "total": page.total if ids else 0,
        "offset": offset,
        "size": PAGE_SIZE,
        "figure": figure_name(Names(visit.language), key),
        "period": period,
        "back": f"/results?year={period.start.year}"
        + (f"&office_id={office_id}" if office_id else ""),
    }
    return render(request, visit, "deals/drill_down.html", values)


def dimension_name(names: Names, dimension: str, key: str) -> str:
    """A breakdown's row named for people in the page's language."""
    return report_names.dimension_name(names.language, dimension, key)


def figure_name(names: Names, key: str) -> str:
    """What a drill-down key counts, in words: `region:Eastern Africa`, `stage:introduced`."""
    kind, _, value = key.partition(":")
    if not value:
        return names.text({**COUNT_LABELS, **MEASURE_LABELS}.get(kind, kind))
    if kind in DIMENSION_LABELS:
        return f"{names.text(DIMENSION_LABELS[kind])}: {dimension_name(names, kind, value)}"
    heading = {"stage": "Stage", "status": "Status", "agreement_type": "Agreement"}.get(kind, kind)
    return f"{names.text(heading)}: {names.text(LABELS.get(value, value))}"


def chart_data(
    plain: Mapping[str, Any], breakdowns: Mapping[str, list[dict[str, Any]]], language: str
) -> dict[str, Any]:
    """What the page's charts draw, with their labels in the page's language."""

    def text(message: str) -> str:
        return translate(language, message)

    committed = "investment_committed"
    return {
        "labels": {
            "deals": text("Deals"),
            "projected": text("Projected"),
            "verified": text("Verified"),
            "opened": text("Opened"),
            "signed": text("Signed"),
            "operational": text("Operational"),
            "committed": text(MEASURE_LABELS[committed]),
        },
        "funnel": [
            {"name": text(FUNNEL_LABELS[step]), "value": plain["funnel"].get(step, 0)}
            for step in FUNNEL
        ],
        "regions": _bars(breakdowns["region"], committed),
        "sectors": _bars(breakdowns["isic_section"], committed),
        "countries": [
            {"name": row["key"], "label": row["name"], "value": row["deals"]}
            for row in breakdowns["country"]
        ],
        "monthly": {
            "months": [m["month"] for m in plain["monthly"]],
            "opened": [m["opened"] for m in plain["monthly"]],
            "signed": [m["signed"] for m in plain["monthly"]],
            "operational": [m["operational"] for m in plain["monthly"]],
            "committed_projected": [m["committed"]["projected"] for m in plain["monthly"]],
            "committed_verified": [m["committed"]["verified"] for m in plain["monthly"]],
        },
    }


def _bars(rows: list[dict[str, Any]], measure: str) -> dict[str, Any]:
    top = sorted(rows, key=lambda row: (-row["deals"], row["name"]))[:12]
    return {
        "names": [row["name"] for row in top],
        "deals": [row["deals"] for row in top],
        "projected": [row["measures"].get(measure, {}).get("projected", 0) for row in top],
        "verified": [row["measures"].get(measure, {}).get("verified", 0) for row in top],
    }
