"""/events: forums and delegation visits with B2B meetings. Anyone reads the programme;
signed-in users see who takes part; members register their own organisation while
registration is open; officers create events, register any organisation and see every
request. Each change goes through the events' services, refusals beside the fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any
from zoneinfo import available_timezones

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.event_views import event_view, problems_of
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.events import services
from itpo.events.model import EventKind, RequestState
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, ValidationError
from itpo.registry.queries import OrganisationQuery

router = APIRouter()
PAGE_SIZE = 25
SESSION_ROWS = 6  # session rows the new-event form offers; empty ones are left out
SESSION_PARTS = ("day", "start", "end", "break_start", "break_end", "name")
DONE: Mapping[str, str] = {
    "created": "The event is created. Members may now register their organisations.",
    "registered": "The organisation is registered.",
    "opened": "Registration is open: members may register their organisations.",
    "closed": "Registration is closed: only officers may register organisations now.",
}
OffsetQuery = Annotated[int, Query(ge=0, le=10_000_000)]
DoneQuery = Annotated[str, Query(max_length=40)]
SESSION_FIELD = re.compile(r"^sessions\[(\d+)\]")


@router.get("/events")
def event_list(request: Request, visit: VisitDep, uow: UowDep, offset: OffsetQuery = 0) -> Response:
    """Every event, the newest first (public, as a forum's programme is)."""
    found, total = services.list_events(uow=uow, limit=PAGE_SIZE, offset=offset)
    values = {
        "events": [event_view(e, visit.language) for e in found],
        "total": total,
        "offset": offset,
        "size": PAGE_SIZE,
    }
    return render(request, visit, "events/list.html", values)


@router.get("/events/new")
def new_event(request: Request, visit: VisitDep) -> Response:
    """The form of a new forum or delegation visit (officers)."""
    visit.require_user()
    services.require_event_organiser(visit.principal)
    return _form(request, visit)


def _form(
    request: Request,
    visit: Visit,
    sent: Mapping[str, str] | None = None,
    problems: Mapping[str, str] | None = None,
    status: int = 200,
) -> Response:
    values = {
        "sent": dict(sent or {"time_zone": "Asia/Shanghai", "slot_minutes": "30"}),
        "problems": dict(problems or {}),
        "kinds": list(EventKind),
        "rows": range(SESSION_ROWS),
        "time_zones": sorted(available_timezones()),
    }
    return render(request, visit, "events/new.html", values, status=status)


def _number(text: str) -> int | str:
    """A whole number as typed, or the text itself, which the service names as not one."""
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() else stripped


def event_data(form: Mapping[str, str]) -> tuple[dict[str, Any], list[int]]:
    """The service's fields from the form, and for each session sent the form row it came
    from (empty rows are left out, so the service's session 0 may be the form's row 2)."""
    sessions, rows = [], []
    for row in range(SESSION_ROWS):
        parts = {p: form.get(f"sessions-{row}-{p}", "").strip() for p in SESSION_PARTS}
        if not any(parts.values()):
            continue
        session: dict[str, Any] = {
            "day": parts["day"],
            "start": parts["start"],
            "end": parts["end"],
            "name": parts["name"] or None,
        }
        if parts["break_start"] or parts["break_end"]:
            session["breaks"] = [{"start": parts["break_start"], "end": parts["break_end"]}]
        sessions.append(session)
        rows.append(row)
    data: dict[str, Any] = {
        "name": form.get("name", ""),
        "name_zh": form.get("name_zh") or None,
        "kind": form.get("kind") or "forum",
        "place": form.get("place", ""),
        "time_zone": form.get("time_zone", "").strip(),
        "sessions": sessions,
        "tables": _number(form["tables"]) if form.get("tables", "").strip() else None,
    }
    for name in ("slot_minutes", "cap", "request_days"):
        if form.get(name, "").strip():
            data[name] = _number(form[name])
    return data, rows


def _form_field(field: str, rows: list[int]) -> str:
    """A service's field name as the form names it: sessions[1].end -> sessions-3-end."""
    found = SESSION_FIELD.match(field)
    if found is None:
        return field
    position = int(found.group(1))
    row = rows[position] if position < len(rows) else position
    rest = field[found.end() :].lstrip(".")
    if rest.startswith("breaks"):  # the form has one break per session
        rest = "break_end" if rest.endswith(".end") else "break_start"
    return f"sessions-{row}-{rest or 'day'}"


@router.post("/events")
async def create_event(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Create the event (officers), then show it."""
    visit.require_user()
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    data, rows = event_data(form)
    try:
        event = services.create_event(uow=uow, by=visit.principal, data=data, now=platform.clock)
    except ValidationError as error:
        problems = {_form_field(e.field, rows): e.message for e in error.errors}
        return _form(request, visit, form, problems, status=422)
    return RedirectResponse(f"/events/{event.id}?done=created", status_code=303)


@router.get("/events/{event_id:int}")
def event_page(
    request: Request, event_id: RecordId, visit: VisitDep, uow: UowDep, done: DoneQuery = ""
) -> Response:
    """One event: its programme for everyone; who takes part for the signed in; the
    visitor's own participation and registration; every request for officers."""
    return show_event(request, visit, uow, event_id, done=done)


def show_event(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    event_id: int,
    *,
    done: str = "",
    problems: Mapping[str, str] | None = None,
    sent: Mapping[str, str] | None = None,
    refusal: str | None = None,
    status: int = 200,
) -> Response:
    by = visit.principal
    event = services.get_event(uow=uow, event_id=event_id)
    participants = (
        [] if by.is_anonymous else services.participants_of(uow=uow, by=by, event_id=event_id)
    )
    names = {p.id: name or f"#{p.organisation_id}" for p, name in participants}
    own = [p for p, _ in participants if by.belongs_to(p.organisation_id)]
    requests = services.requests_of(uow=uow, by=by, event_id=event_id) if by.is_staff else []
    organisations: list[Any] = []
    if by.is_staff:
        taking_part = {p.organisation_id for p, _ in participants}
        every = registry.list_organisations(
            uow=uow, by=by, query=OrganisationQuery(limit=None)
        ).items
        organisations = sorted(
            (o for o in every if o.id not in taking_part), key=lambda o: o.name.casefold()
        )
    may_register = (
        not by.is_anonymous
        and not by.is_staff
        and by.organisation_id is not None
        and not own
        and event.registration_open
    )
    values = {
        "event": event_view(event, visit.language),
        "participants": [
            {
                "id": p.id,
                "name": names[p.id],
                "organisation_id": p.organisation_id,
                "attendees": list(p.attendees),
                "mine": by.is_staff or by.belongs_to(p.organisation_id),
            }
            for p, _ in sorted(participants, key=lambda item: (item[1] or "").casefold())
        ],
        "own": own[0].id if own else None,
        "requests": [
            {
                "id": r.id,
                "from": names.get(r.from_id, r.from_id),
                "to": names.get(r.to_id, r.to_id),
                "from_id": r.from_id,
                "state": r.state.value,
                "priority": r.priority,
                "weight": r.weight,
                "by_office": r.by_office,
                "created_at": r.created_at,
            }
            for r in sorted(requests, key=lambda r: r.created_at, reverse=True)
        ],
        "request_counts": {s.value: sum(r.state is s for r in requests) for s in RequestState},
        "organisations": organisations,
        "may_register": may_register,
        "done": DONE.get(done),
        "problems": dict(problems or {}),
        "sent": dict(sent or {}),
        "refusal": refusal,
    }
    return render(request, visit, "events/event.html", values, status=status)


@router.post("/events/{event_id:int}/participants")
async def register(
    request: Request, event_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Register an organisation: a member its own while registration is open, an officer
    any; the people attending one per line."""
    visit.require_user()
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    by = visit.principal
    chosen = form.get("organisation_id", "").strip()
    organisation_id = int(chosen) if chosen.isdigit() else by.organisation_id or 0
    attendees = [line.strip() for line in form.get("attendees", "").splitlines() if line.strip()]
    try:
        participant = services.register(
            uow=uow,
            by=by,
            event_id=event_id,
            organisation_id=organisation_id,
            attendees=attendees,
            now=platform.clock,
        )
    except ValidationError as error:
        problems = problems_of(error, {f"attendees[{i}]": "attendees" for i in range(50)})
        return show_event(request, visit, uow, event_id, problems=problems, sent=form, status=422)
    except Conflict as error:
        return show_event(request, visit, uow, event_id, refusal=str(error), sent=form, status=409)
    if by.is_staff:
        return RedirectResponse(f"/events/{event_id}?done=registered", status_code=303)
    return RedirectResponse(f"/event-participants/{participant.id}?done=registered", 303)


@router.post("/events/{event_id:int}/registration")
def registration(
    request: Request,
    event_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    open_to_members: Annotated[str, Form(alias="open", max_length=10)] = "",
) -> Response:
    """Open or close registration to members (officers)."""
    visit.require_user()
    is_open = open_to_members == "yes"
    services.set_registration(
        uow=uow, by=visit.principal, event_id=event_id, is_open=is_open, now=platform.clock
    )
    done = "opened" if is_open else "closed"
    return RedirectResponse(f"/events/{event_id}?done={done}", status_code=303)
