"""/review: what waits for the office's reviewers; /opportunities/{id}/review: one profile
against the review criteria, its history, and the steps its owner and the office take
(submit, publish, send back, renew), each through the review services, their refusals shown
beside the fields they name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.event_views import problems_of
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.registry.errors import Conflict, FieldError, ValidationError
from itpo.review import desk, services
from itpo.review.criteria import LOOKS_FOR, Criterion, Finding

router = APIRouter()
MAX_REASON_FORM = 10_000  # above the domain's own limit, which it words beside the field
Criteria = Annotated[list[str], Form(max_length=40)]
DONE: Mapping[str, str] = {
    "submitted": "The profile is submitted: an officer reviews it.",
    "published": "The profile is published and its owner is told.",
    "sent_back": "The profile went back to its owner with your reasons.",
    "renewed": "The validity date is moved on.",
}
CRITERION_NAMES: Mapping[str, str] = {
    Criterion.CLEAR: "Clear",
    Criterion.COMPLETE: "Complete",
    Criterion.SPECIFIC: "Specific",
    Criterion.GENUINE: "Genuine",
}
# The fields findings name, as the opportunity form calls them.
FIELD_NAMES: Mapping[str, str] = {
    "title": "Title",
    "teaser": "Summary",
    "details": "Details",
    "isic_classes": "Sectors (ISIC)",
    "countries": "Countries",
    "trl": "Technology readiness (TRL)",
    "min_trl": "Lowest readiness accepted",
    "amount_max": "Amount",
    "valid_until": "Valid until",
    "technology_areas": "Technology areas",
    "cooperation_types": "Cooperation sought",
    "organisation": "Organisation",
}


def _findings(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    return [
        {
            "criterion": f.criterion.value,
            "field": f.field,
            "field_name": FIELD_NAMES.get(f.field, f.field),
            "message": f.message,
            "params": dict(f.values),
        }
        for f in findings
    ]


@router.get("/review")
def review_desk(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    notice_days: Annotated[int, Query(ge=1, le=365)] = desk.DEFAULT_NOTICE_DAYS,
) -> Response:
    """The officers' review desk: submitted profiles (the longest waiting first), published
    ones changed since review, those about to expire and those just expired."""
    visit.require_user()
    today = desk.review_desk(
        uow=uow, by=visit.principal, notice_days=notice_days, now=platform.clock
    )

    def rows(items: Any) -> list[dict[str, Any]]:
        return [
            {
                "id": i.opportunity.id,
                "title": i.opportunity.title,
                "kind": i.opportunity.kind.value,
                "organisation": i.organisation.name if i.organisation else "",
                "since": i.since,
                "waited": (platform.today() - i.since).days,
                "findings": _findings(i.findings),
            }
            for i in items
        ]

    values = {
        "in_review": rows(today.in_review),
        "changed": rows(today.changed),
        "expiring": rows(today.expiring),
        "expired": rows(today.expired),
        "notice_days": notice_days,
        "criteria": [(c.value, CRITERION_NAMES[c], LOOKS_FOR[c]) for c in Criterion],
    }
    return render(request, visit, "review/desk.html", values)


def show_sheet(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    opportunity_id: int,
    *,
    done: str = "",
    form: str = "",
    problems: Mapping[str, str] | None = None,
    sent: Mapping[str, Any] | None = None,
    refusal: str | None = None,
    status: int = 200,
) -> Response:
    sheet = services.review_sheet(uow=uow, by=visit.principal, opportunity_id=opportunity_id)
    found = sheet.opportunity
    wanting = {f.criterion.value for f in sheet.findings}
    default_until = found.valid_until
    if default_until is None or default_until <= platform.today():
        default_until = platform.today() + services.DEFAULT_VALIDITY
    values = {
        "opportunity": {
            "id": found.id,
            "title": found.title,
            "kind": found.kind.value,
            "status": found.status.value,
            "valid_until": found.valid_until,
        },
        "criteria": [
            (c.value, CRITERION_NAMES[c], LOOKS_FOR[c], c.value in wanting) for c in Criterion
        ],
        "findings": _findings(sheet.findings),
        "history": [
            {
                "step": e.step.value,
                "at": e.at,
                "by": e.by_label,
                "reason": e.reason,
                "criteria": [CRITERION_NAMES.get(c, c) for c in e.criteria],
                "valid_until": e.valid_until,
            }
            for e in reversed(sheet.history)
        ],
        "may_submit": sheet.may_submit,
        "may_decide": sheet.may_decide,
        "may_renew": sheet.may_renew,
        "default_until": default_until.isoformat(),
        "done": DONE.get(done),
        "form": form,
        "problems": dict(problems or {}),
        "sent": dict(sent or {}),
        "refusal": refusal,
    }
    return render(request, visit, "review/sheet.html", values, status=status)


@router.get("/opportunities/{opportunity_id:int}/review")
def review_sheet(
    request: Request,
    opportunity_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    done: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    """One profile against the criteria, with its review history: its owner's members and
    officers."""
    visit.require_user()
    return show_sheet(request, visit, platform, uow, opportunity_id, done=done)


def _refused(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    opportunity_id: int,
    form: str,
    error: ValidationError | Conflict,
    sent: Mapping[str, Any],
) -> Response:
    """The sheet again with the form as sent: bad fields beside their fields (422), a step the
    profile's status does not allow as a notice (409)."""
    invalid = isinstance(error, ValidationError)
    return show_sheet(
        request,
        visit,
        platform,
        uow,
        opportunity_id,
        form=form,
        problems=problems_of(error) if isinstance(error, ValidationError) else None,
        sent=sent,
        refusal=None if invalid else str(error),
        status=422 if invalid else 409,
    )


def _date(text: str, field: str, required: bool) -> dt.date | None:
    text = text.strip()
    if not text and not required:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError([FieldError(field, "must be a date (YYYY-MM-DD)")]) from None


def _done(opportunity_id: int, step: str) -> RedirectResponse:
    return RedirectResponse(f"/opportunities/{opportunity_id}/review?done={step}", status_code=303)


@router.post("/opportunities/{opportunity_id:int}/review/submit")
def submit(
    request: Request, opportunity_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Ask the office to publish the profile (its owner's members, officers)."""
    visit.require_user()
    try:
        services.submit(
            uow=uow, by=visit.principal, opportunity_id=opportunity_id, now=platform.clock
        )
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, platform, uow, opportunity_id, "submit", error, {})
    return _done(opportunity_id, "submitted")


@router.post("/opportunities/{opportunity_id:int}/review/publish")
def publish(
    request: Request,
    opportunity_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    confirmed: Criteria = [],  # noqa: B006 - FastAPI copies a form default per request
    valid_until: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Publish the profile with every criterion confirmed (officers)."""
    visit.require_user()
    sent = {"confirmed": confirmed, "valid_until": valid_until}
    try:
        services.publish(
            uow=uow,
            by=visit.principal,
            opportunity_id=opportunity_id,
            confirmed=confirmed,
            valid_until=_date(valid_until, "valid_until", required=False),
            links=platform.links(),
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, platform, uow, opportunity_id, "publish", error, sent)
    return _done(opportunity_id, "published")


@router.post("/opportunities/{opportunity_id:int}/review/send-back")
def send_back(
    request: Request,
    opportunity_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    wanting: Criteria = [],  # noqa: B006 - FastAPI copies a form default per request
    reason: Annotated[str, Form(max_length=MAX_REASON_FORM)] = "",
) -> Response:
    """Return the profile to its owner, naming the criteria it misses and why (officers)."""
    visit.require_user()
    sent = {"wanting": wanting, "reason": reason}
    try:
        services.send_back(
            uow=uow,
            by=visit.principal,
            opportunity_id=opportunity_id,
            reason=reason,
            wanting=wanting,
            links=platform.links(),
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, platform, uow, opportunity_id, "send_back", error, sent)
    return _done(opportunity_id, "sent_back")


@router.post("/opportunities/{opportunity_id:int}/review/renew")
def renew(
    request: Request,
    opportunity_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    valid_until: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Move the validity date on (its owner's members, officers)."""
    visit.require_user()
    sent = {"valid_until": valid_until}
    try:
        until = _date(valid_until, "valid_until", required=True)
        assert until is not None
        services.renew(
            uow=uow,
            by=visit.principal,
            opportunity_id=opportunity_id,
            valid_until=until,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, platform, uow, opportunity_id, "renew", error, sent)
    return _done(opportunity_id, "renewed")
