"""/practices: the practice cases — found by search in any language or by theme, country and
goal; one case in the page's language with its figures and sources, the live offers and needs
it applies to, and the review steps its writers and the office take; its kept versions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.practice_views import THEMES, case_view, form_problems, hit_view
from itpo.adapters.web.pages.work_choices import choices
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.practice import search, services
from itpo.practice.model import CaseStatus, PracticeCase
from itpo.practice.services import CaseFilter, may_edit
from itpo.registry.errors import Conflict, ValidationError

router = APIRouter()
MAX_REASON_FORM = 10_000
DONE: Mapping[str, str] = {
    "created": "The case is saved as a draft.",
    "saved": "The case is saved as a new version.",
    "submitted": "The case is submitted: an officer checks it against its sources.",
    "published": "The case is published.",
    "sent_back": "The case went back to its writers as a draft, with your reasons.",
    "withdrawn": "The case is withdrawn from the site.",
}
Text = Annotated[str, Query(max_length=2000)]
Short = Annotated[str, Query(max_length=40)]


@router.get("/practices")
def practice_list(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    q: Text = "",
    theme: Short = "",
    country: Short = "",
    sdg: Short = "",
    status: Short = "",
) -> Response:
    """The cases a visitor may see, or those a search finds, with filters by theme, country,
    goal (and status, for their writers)."""
    language = visit.language
    problems: dict[str, str] = {}
    found: list[dict[str, Any]] = []
    searched = bool(q.strip())
    if searched:
        try:
            hits = search.search_cases(
                uow=uow, index=platform.case_index(), by=visit.principal, text=q, language=language
            )
            found = [hit_view(h, language) for h in hits]
        except ValidationError as error:
            problems = form_problems(error.errors, language)
    else:
        where = CaseFilter(
            theme=theme if theme in THEMES else None,
            country=country.upper() or None,
            sdg=int(sdg) if sdg.isdigit() and 1 <= int(sdg) <= 17 else None,
            status=CaseStatus(status) if status in set(CaseStatus) else None,
        )
        cases = services.list_cases(uow=uow, by=visit.principal, where=where)
        found = [case_view(c, language) for c in cases]
    offered = choices(language, {})
    waiting = 0
    if visit.principal.is_staff:
        waiting = len(
            services.list_cases(
                uow=uow, by=visit.principal, where=CaseFilter(status=CaseStatus.IN_REVIEW)
            )
        )
    values = {
        "waiting": waiting,
        "cases": found,
        "searched": searched,
        "q": q,
        "sent": {"theme": theme, "country": country.upper(), "sdg": sdg, "status": status},
        "themes": list(THEMES.items()),
        "countries": offered["countries"],
        "sdg_options": offered["sdg_options"],
        "statuses": [s.value for s in CaseStatus],
        "writer": visit.signed_in
        and (visit.principal.is_staff or visit.principal.organisation_id is not None),
        "problems": problems,
    }
    return render(request, visit, "practices/list.html", values, status=422 if problems else 200)


def show_case(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    case_id: int,
    *,
    version: int | None = None,
    done: str = "",
    form: str = "",
    problems: Mapping[str, str] | None = None,
    sent: Mapping[str, Any] | None = None,
    refusal: str | None = None,
    status: int = 200,
) -> Response:
    principal, language = visit.principal, visit.language
    current = services.get_case(uow=uow, by=principal, case_id=case_id)
    shown = current
    if version is not None and version != current.version:
        shown = services.case_version(uow=uow, by=principal, case_id=case_id, version=version)
    applies_to: list[Any] = []
    if current.status is CaseStatus.PUBLISHED and version is None:
        applies_to = [
            h.to_dict()
            for h in search.opportunities_for_case(
                uow=uow, index=platform.index(), by=principal, case_id=case_id, language=language
            )
        ]
    writer = may_edit(principal, current)
    staff = principal.is_staff
    values = {
        "case": case_view(shown, language),
        "current_version": current.version,
        "old_version": shown is not current,
        "status": current.status.value,
        "applies_to": applies_to,
        "may_edit": writer,
        "may_submit": writer and current.status in services.SUBMITTABLE,
        "may_publish": staff and current.status in services.PUBLISHABLE,
        "may_send_back": staff and current.status in services.RETURNABLE,
        "may_withdraw": staff and current.status is CaseStatus.PUBLISHED,
        "done": DONE.get(done),
        "form": form,
        "problems": dict(problems or {}),
        "sent": dict(sent or {}),
        "refusal": refusal,
    }
    return render(request, visit, "practices/case.html", values, status=status)


@router.get("/practices/{case_id:int}")
def practice_page(
    request: Request,
    case_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    done: Short = "",
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
) -> Response:
    """One case, in the page's language when it is translated; an earlier version for its
    writers and officers."""
    return show_case(request, visit, platform, uow, case_id, version=version, done=done)


@router.get("/practices/{case_id:int}/history")
def practice_history(request: Request, case_id: RecordId, visit: VisitDep, uow: UowDep) -> Response:
    """Every kept version of the case: who made it, when, and why (officers and its writers)."""
    visit.require_user()
    case = services.get_case(uow=uow, by=visit.principal, case_id=case_id)
    kept = services.case_versions(uow=uow, by=visit.principal, case_id=case_id)
    values = {
        "case": case_view(case, visit.language),
        "versions": [
            {
                "version": v.version,
                "step": v.step.value,
                "at": v.at,
                "by": v.by_label,
                "note": v.note,
            }
            for v in reversed(kept)
        ],
    }
    return render(request, visit, "practices/history.html", values)


def _done(case_id: int, step: str) -> RedirectResponse:
    return RedirectResponse(f"/practices/{case_id}?done={step}", status_code=303)


def _refused(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    case_id: int,
    form: str,
    error: ValidationError | Conflict,
    sent: Mapping[str, Any],
) -> Response:
    invalid = isinstance(error, ValidationError)
    return show_case(
        request,
        visit,
        platform,
        uow,
        case_id,
        form=form,
        problems=form_problems(error.errors, visit.language)
        if isinstance(error, ValidationError)
        else None,
        sent=sent,
        refusal=None if invalid else str(error),
        status=422 if invalid else 409,
    )


@router.post("/practices/{case_id:int}/submit")
def submit(
    request: Request, case_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Ask the office to publish the case (its writers)."""
    return _step(request, visit, platform, uow, case_id, "submit", services.submit_case)


@router.post("/practices/{case_id:int}/publish")
def publish(
    request: Request, case_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Publish the case (officers)."""
    return _step(request, visit, platform, uow, case_id, "publish", services.publish_case)


@router.post("/practices/{case_id:int}/send-back")
def send_back(
    request: Request,
    case_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    reason: Annotated[str, Form(max_length=MAX_REASON_FORM)] = "",
) -> Response:
    """Return the case to its writers as a draft, saying why (officers)."""
    step = services.send_back_case
    return _step(request, visit, platform, uow, case_id, "send_back", step, reason=reason)


@router.post("/practices/{case_id:int}/withdraw")
def withdraw(
    request: Request,
    case_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    reason: Annotated[str, Form(max_length=MAX_REASON_FORM)] = "",
) -> Response:
    """Take the case off the site, saying why (officers)."""
    step = services.withdraw_case
    return _step(request, visit, platform, uow, case_id, "withdraw", step, reason=reason)


# Each step's form on the case's page, and the word the page then reports its success by.
DONE_AFTER = {
    "submit": "submitted",
    "publish": "published",
    "send_back": "sent_back",
    "withdraw": "withdrawn",
}


def _step(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    case_id: int,
    form: str,
    step: Callable[..., PracticeCase],
    **said: str,
) -> Response:
    """One review step through its service; refused, the case's page again with the form as
    typed, its problems beside its fields."""
    visit.require_user()
    try:
        step(uow=uow, by=visit.principal, case_id=case_id, now=platform.clock, **said)
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, platform, uow, case_id, form, error, said)
    return _done(case_id, DONE_AFTER[form])
