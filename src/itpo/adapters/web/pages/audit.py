"""The audit log for administrators: newest first, filtered by actor, action, subject and
days, each entry linked to its subject's page, and the same filters in the CSV export of
`/api/v1/audit.csv`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditEntry, AuditQuery
from itpo.adapters.http import MAX_ID, PlatformDep, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.account import problem
from itpo.adapters.web.pages.admin import PageNumber, pages
from itpo.adapters.web.templating import query_with, render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.registry.errors import NotFound, ValidationError

router = APIRouter()

# Names for people of the actions the platform records; an action not named shows its code.
ACTIONS: Mapping[str, str] = {
    "session.start": "Signed in",
    "session.end": "Signed out",
    "user.create": "User created",
    "user.disable": "User disabled",
    "user.enable": "User enabled",
    "user.lock": "Account locked for one address after failed sign-ins",
    "user.backoff": "Account held back for every address after many failed sign-ins",
    "user.unlock": "Account unlocked",
    "user.password_change": "Password changed",
    "user.password_change_refused": "Password not changed: the current one was wrong",
    "user.password_reset_start": "Password reset link issued",
    "user.password_reset": "Password set with a reset link",
    "token.create": "API token created",
    "token.revoke": "API token revoked",
    "office.create": "Office created",
    "organisation.create": "Organisation created",
    "organisation.update": "Organisation changed",
    "organisation.delete": "Organisation deleted",
    "opportunity.create": "Opportunity created",
    "opportunity.update": "Opportunity changed",
    "opportunity.delete": "Opportunity deleted",
    "opportunity.view_restricted": "Restricted details viewed",
    "match.contacts_view": "Contacts of an introduced match shown",
    "opportunity.submitted": "Opportunity submitted for review",
    "opportunity.published": "Opportunity published after review",
    "opportunity.sent_back": "Opportunity sent back to its owner",
    "opportunity.renewed": "Opportunity renewed",
    "appraisal.create": "Appraisal created",
    "appraisal.view": "Appraisal viewed",
    "import": "File imported",
    "export": "File exported",
    "audit.export": "Audit log exported",
    "mail.view": "Message read in the outbox",
    "deal.create": "Deal opened",
    "deal.update": "Deal changed",
    "deal.move": "Deal moved to another stage",
    "deal.status": "Deal held, dropped or resumed",
    "interaction.create": "Interaction logged",
    "evidence.create": "Evidence filed",
    "evidence.view": "Evidence read",
    "confirmation.create": "Confirmation requested from a party",
    "confirmation.answer": "Confirmation answered by a party",
    "weights.learn": "Scoring weights learnt",
    "event.create": "Event created",
    "event.register": "Organisation registered for an event",
    "event.registration": "Event registration opened or closed",
    "event.availability": "Participant's free slots changed",
    "event.request": "Meeting requested",
    "event.answer": "Meeting request answered",
    "event.cancel": "Meeting request withdrawn",
    "event.schedule": "Scheduler run",
    "event.publish": "Schedule published",
    "event.move": "Meeting moved by hand",
    "event.attendance": "Attendance recorded",
    "event.feedback": "Feedback on a meeting",
    "database.backup": "Database backed up",
    "database.restore": "Database restored from a backup",
}
SUBJECT_TYPES = (
    "user",
    "office",
    "organisation",
    "opportunity",
    "appraisal",
    "file",
    "audit",
    "deal",
    "mail",
    "event",
    "database",
)
# Subjects that have a page of their own.
SUBJECT_PAGES: Mapping[str, str] = {
    "opportunity": "/opportunities/{id}",
    "organisation": "/organisations/{id}",
    "office": "/admin/offices",
    "deal": "/deals/{id}",
    "mail": "/admin/mail/{id}",
    "event": "/events/{id}",
}
AUDIT_EXPORT = "/api/v1/audit.csv"
Filter = Annotated[str, Query(max_length=100)]


def _day(language: str, field: str, text: str) -> tuple[dt.date | None, dict[str, list[str]]]:
    if not text.strip():
        return None, {}
    try:
        return dt.date.fromisoformat(text.strip()), {}
    except ValueError:
        return None, problem(language, field, "Give a date as YYYY-MM-DD.")


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _detail(entry: AuditEntry) -> list[tuple[str, str]]:
    shown = []
    for key, value in entry.detail.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        shown.append((key, text))
    return shown


def _entry_rows(
    uow: SqlUnitOfWork, visit: Visit, request: Request, entries: list[AuditEntry]
) -> list[dict[str, Any]]:
    offices = accounts.list_offices(uow=uow, by=visit.principal)
    names = {("office", str(o.id)): o.name for o in offices}
    for wanted in {e.subject_id for e in entries if e.subject_type == "user" and e.subject_id}:
        if wanted.isdigit() and int(wanted) <= MAX_ID:
            try:
                user = accounts.get_user(uow=uow, by=visit.principal, user_id=int(wanted))
            except NotFound:
                continue
            names["user", wanted] = user.email
    rows = []
    for entry in entries:
        subject = entry.subject_id
        link = None
        if subject is not None and entry.subject_type in SUBJECT_PAGES:
            link = SUBJECT_PAGES[entry.subject_type].format(id=quote(subject, safe=""))
        elif subject is not None and entry.subject_type == "user":
            link = query_with(request, subject_type="user", subject_id=subject, page=None)
        actor = entry.actor_label.split(" ")[0] if entry.actor_id is not None else None
        rows.append(
            {
                "entry": entry,
                "action": ACTIONS.get(entry.action),
                "subject_link": link,
                "subject_name": names.get((entry.subject_type, subject or "")),
                "actor_link": query_with(request, actor=actor, page=None) if actor else None,
                "detail": _detail(entry),
            }
        )
    return rows


@router.get("/admin/audit")
def audit(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    actor: Annotated[str, Query(max_length=320)] = "",
    action: Annotated[str, Query(max_length=64)] = "",
    subject_type: Annotated[str, Query(max_length=64)] = "",
    subject_id: Filter = "",
    since: Filter = "",
    until: Filter = "",
    page: PageNumber = 1,
) -> Response:
    """The audit log, newest first, filtered by actor, action, subject and days."""
    language = visit.language
    actor_id: int | None = None
    problems: dict[str, list[str]] = {}
    if actor.strip():
        try:
            actor_id = accounts.user_by_email(uow=uow, by=visit.principal, email=actor).id
        except ValidationError:
            problems |= problem(language, "actor", "This is not an email address.")
        except NotFound:
            problems |= problem(language, "actor", "No user has this email.")
    start, bad_start = _day(language, "since", since)
    end, bad_end = _day(language, "until", until)
    problems |= bad_start | bad_end
    if start and end and end < start:
        problems |= problem(language, "until", "The last day comes before the first.")
    size = platform.settings.page_size
    query = AuditQuery(
        actor_id=actor_id,
        action=action.strip() or None,
        subject_type=subject_type.strip() or None,
        subject_id=subject_id.strip() or None,
        since=_midnight(start) if start else None,
        until=_midnight(end + dt.timedelta(days=1)) if end and end < dt.date.max else None,
        limit=0 if problems else size,
        offset=(page - 1) * size,
    )
    # Asked even when a filter is wrong: the service, not this page, refuses non-administrators.
    found = accounts.list_audit(uow=uow, by=visit.principal, query=query)
    filters = {
        "actor": actor,
        "action": action,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "since": since,
        "until": until,
    }
    values: dict[str, Any] = {
        "filters": filters,
        "filtered": any(v.strip() for v in filters.values()),
        "problems": problems,
        "rows": [],
        "total": 0,
        "page": page,
        "pages": 1,
        "actions": ACTIONS,
        "subject_types": SUBJECT_TYPES,
        "export": AUDIT_EXPORT,
    }
    if problems:
        return render(
            request,
            visit,
            "admin/audit.html",
            values,
            status=422,
            fragment="admin/_audit_results.html",
        )
    exported = {
        "actor_id": actor_id,
        "action": query.action,
        "subject_type": query.subject_type,
        "subject_id": query.subject_id,
        # The export reads moments, its `until` exclusive: the same span as the page.
        "since": query.since.isoformat() if query.since else None,
        "until": query.until.isoformat() if query.until else None,
    }
    kept = {k: str(v) for k, v in exported.items() if v is not None}
    values.update(
        rows=_entry_rows(uow, visit, request, list(found.items)),
        total=found.total,
        pages=pages(found.total, size),
        export=AUDIT_EXPORT + (f"?{urlencode(kept)}" if kept else ""),
    )
    return render(request, visit, "admin/audit.html", values, fragment="admin/_audit_results.html")
