"""/diagnostics: the readiness diagnostics a visitor may see (a member its organisation's,
officers every firm's, with progress); /diagnostics/new, the questionnaire, every refusal shown
beside its dimension in one round; /diagnostics/{id}, the scores as a spider chart and a
table, the gaps and their reasons, each draft need with its matching offers; and the
take-away report as HTML and PDF."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from itpo.adapters.http import PlatformDep, RecordId, UowDep, record_id
from itpo.adapters.reports.diagnostic_html import diagnostic_html
from itpo.adapters.reports.diagnostic_pdf import diagnostic_pdf
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.browse_common import Names
from itpo.adapters.web.pages.event_views import problems_of
from itpo.adapters.web.pages.practice_views import hit_view
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import CSRF_FIELD, Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.diagnostic import offers, progress, services
from itpo.diagnostic.questionnaire import questionnaire
from itpo.diagnostic.services import DiagnosticSummary
from itpo.registry.errors import FieldError, ValidationError

router = APIRouter()
ANSWER = "answers."
# The services' refusals, as the pages word them (the catalogue has their Chinese).
PROBLEMS: Mapping[str, str] = {
    "is not answered": "Choose one of the six bands.",
    "must be a whole band from 0 to 5": "Choose one of the six bands.",
    "is not a dimension of the questionnaire": "This is not a question of the diagnostic.",
}


def _words(problems: Mapping[str, str]) -> dict[str, str]:
    worded = {}
    for name, message in problems.items():
        worded[name] = PROBLEMS.get(message, message)
    return worded


def _form(language: str) -> list[dict[str, Any]]:
    form = questionnaire()
    return [
        {
            "id": block.id,
            "name": block.name.in_(language),
            "dimensions": [
                {
                    "id": d.id,
                    "field": ANSWER + d.id,
                    "name": d.name.in_(language),
                    "help": d.help.in_(language),
                    "bands": [b.in_(language) for b in d.bands],
                }
                for d in form.in_block(block.id)
            ],
        }
        for block in form.blocks
    ]


def _firms(uow: SqlUnitOfWork, visit: Visit) -> list[dict[str, Any]]:
    """The firms to choose among: none for a member, who assesses its own."""
    found = services.assessable_firms(uow=uow, by=visit.principal)
    if not visit.principal.is_staff:
        return []
    return [{"id": o.id, "name": o.name, "country": o.country} for o in found]


def _questionnaire_page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    *,
    sent: Mapping[str, str] | None = None,
    problems: Mapping[str, str] | None = None,
    status: int = 200,
) -> Response:
    values = {
        "blocks": _form(visit.language),
        "firms": _firms(uow, visit),
        "sent": dict(sent or {}),
        "problems": _words(problems or {}),
    }
    return render(request, visit, "diagnostics/new.html", values, status=status)


@router.get("/diagnostics")
def diagnostics_list(request: Request, visit: VisitDep, uow: UowDep) -> Response:
    """A member's own organisation's diagnostics; every one for officers, with each firm's
    progress over its repeated assessments."""
    visit.require_user()
    found = services.list_diagnostics(uow=uow, by=visit.principal)
    values = {"rows": _rows(found), "may_take": _may_take(visit)}
    return render(request, visit, "diagnostics/list.html", values)


def _may_take(visit: Visit) -> bool:
    return visit.principal.is_staff or visit.principal.organisation_id is not None


def _rows(found: Sequence[DiagnosticSummary]) -> list[dict[str, Any]]:
    by_firm: dict[int, list[DiagnosticSummary]] = {}
    for s in found:
        by_firm.setdefault(s.diagnostic.organisation_id, []).append(s)
    rows = []
    for s in found:
        d = s.diagnostic
        firm = by_firm[d.organisation_id]
        change = progress.progress_of(s.organisation, [x.diagnostic for x in firm])
        rows.append(
            {
                "id": d.id,
                "organisation": s.organisation.name,
                "country": s.organisation.country,
                "taken_on": d.taken_on,
                "status": d.status.value,
                "overall": s.overall,
                "assessments": len(change.assessments),
                "change": change.overall_change if len(change.assessments) > 1 else None,
            }
        )
    return rows


@router.get("/diagnostics/new")
def new_diagnostic(request: Request, visit: VisitDep, uow: UowDep) -> Response:
    """The questionnaire: each dimension with its six bands, grouped by building block."""
    visit.require_user()
    return _questionnaire_page(request, visit, uow)


@router.post("/diagnostics/new")
async def take_diagnostic(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Score the answers, draft a technology need for each top gap, and show the result."""
    visit.require_user()
    sent = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    sent.pop(CSRF_FIELD, None)
    answers = {k.removeprefix(ANSWER): v for k, v in sent.items() if k.startswith(ANSWER)}
    problems: list[FieldError] = []
    organisation_id = _organisation(visit, sent.get("organisation_id", ""), problems)
    taken_on = _day(sent.get("taken_on", ""), problems)
    try:
        if problems:
            # The answers are checked too, so every refusal shows in one round.
            raise ValidationError(problems + _answer_problems(answers))
        made = services.take_diagnostic(
            uow=uow,
            by=visit.principal,
            organisation_id=organisation_id or 0,
            answers=answers,
            language=visit.language,
            taken_on=taken_on,
            now=platform.clock,
        )
    except ValidationError as refused:
        return _questionnaire_page(
            request, visit, uow, sent=sent, problems=problems_of(refused), status=422
        )
    return RedirectResponse(f"/diagnostics/{made.id}", status_code=303)


def _answer_problems(answers: Mapping[str, str]) -> list[FieldError]:
    from itpo.diagnostic.answers import checked_answers

    try:
        checked_answers(answers, questionnaire(), complete=True)
    except ValidationError as refused:
        return list(refused.errors)
    return []


def _organisation(visit: Visit, text: str, problems: list[FieldError]) -> int | None:
    if not visit.principal.is_staff:
        return visit.principal.organisation_id
    chosen = record_id(text)
    if chosen is None:
        problems.append(FieldError("organisation_id", "Choose the firm assessed."))
    return chosen


def _day(text: str, problems: list[FieldError]) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        problems.append(FieldError("taken_on", "must be a date (YYYY-MM-DD)"))
        return None


@router.get("/diagnostics/{diagnostic_id:int}")
def diagnostic_page(
    request: Request, diagnostic_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """The scores as a spider chart with the figures beside it, the gaps and why they matter,
    each draft need with its matching offers, and the firm's progress."""
    visit.require_user()
    sheet = services.diagnostic_sheet(
        uow=uow, by=visit.principal, diagnostic_id=diagnostic_id, now=platform.clock
    )
    lang = visit.language
    names = Names(lang)
    form = questionnaire()
    d = sheet.diagnostic
    found = offers.need_offers(
        uow=uow,
        by=visit.principal,
        index=platform.index(),
        diagnostic_id=diagnostic_id,
        cases=platform.case_index(),
    )
    firm = progress.organisation_progress(
        uow=uow, by=visit.principal, organisation_id=d.organisation_id
    )
    dims = [
        {"id": x.id, "name": x.name.in_(lang), "block": x.block, "band": d.answers.get(x.id)}
        for x in form.dimensions
    ]
    scores = sheet.scores
    values = {
        "d": d,
        "organisation": sheet.organisation,
        "sector": form.sector(d.sector).name.in_(lang),
        "target": form.sector(d.sector).target,
        "dimensions": dims,
        "blocks": [{"name": b.name.in_(lang), "average": b.average} for b in scores.blocks]
        if scores
        else [],
        "overall": scores.overall if scores else None,
        "gaps": [
            {
                "name": g.dimension.name.in_(lang),
                "band": g.band,
                "target": g.target,
                "weight": g.weight,
                "priority": g.priority,
                "reason": g.reason.in_(lang),
            }
            for g in scores.gaps
        ]
        if scores
        else [],
        "needs": [
            {
                "id": item.need.id,
                "title": item.need.title,
                "teaser": item.need.teaser,
                "status": item.need.status.value,
                "dimension": form.dimension(item.link.dimension).name.in_(lang),
                "offers": [
                    {
                        "id": o.hit.opportunity_id,
                        "title": o.hit.title,
                        "organisation": o.hit.organisation,
                        "terms": list(o.hit.matched_terms),
                        "areas": [names.area(a) for a in o.shared_areas],
                    }
                    for o in item.offers
                ],
                "cases": [hit_view(c, lang) for c in item.cases],
            }
            for item in found
        ],
        "progress": {
            "days": [a.taken_on for a in firm.assessments],
            "ids": [a.id for a in firm.assessments],
            "overall": list(firm.overall),
            "rows": [
                {"name": x.dimension.name.in_(lang), "bands": list(x.bands), "change": x.change}
                for x in firm.dimensions
            ],
        },
        "chart_data": _chart(dims, firm.overall),
    }
    return render(request, visit, "diagnostics/sheet.html", values)


def _chart(dims: Sequence[Mapping[str, Any]], overall: Sequence[float]) -> str:
    data = {
        "names": [x["name"] for x in dims],
        "bands": [x["band"] if x["band"] is not None else 0 for x in dims],
        "overall": list(overall),
    }
    # Kept inside a <script> element: no "</" may end it early.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _report(
    visit: Visit, platform: Platform, uow: SqlUnitOfWork, diagnostic_id: int
) -> tuple[Any, Any]:
    sheet = services.diagnostic_sheet(
        uow=uow, by=visit.principal, diagnostic_id=diagnostic_id, now=platform.clock
    )
    found = offers.need_offers(
        uow=uow,
        by=visit.principal,
        index=platform.index(),
        diagnostic_id=diagnostic_id,
        cases=platform.case_index(),
    )
    return sheet, found


@router.get("/diagnostics/{diagnostic_id:int}/report.html")
def report_html(
    diagnostic_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """The take-away report as one HTML page, to keep or print."""
    visit.require_user()
    return HTMLResponse(diagnostic_html(*_report(visit, platform, uow, diagnostic_id)))


@router.get("/diagnostics/{diagnostic_id:int}/report.pdf")
def report_pdf(
    diagnostic_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """The take-away report as PDF, with its spider chart."""
    visit.require_user()
    body = diagnostic_pdf(*_report(visit, platform, uow, diagnostic_id))
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="diagnostic-{diagnostic_id}.pdf"'},
    )
