"""/event-participants/{id}: one participant's desk at an event, for its own members and
officers: when it is free, whom matching suggests it meets (one click to ask), the requests it
sent and received with their answers, its agenda once the schedule is published (to download
as iCalendar or PDF) and its word on each meeting afterwards."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.events.agenda_pdf import agenda_pdf
from itpo.adapters.events.ics import agenda_ics
from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.event_views import event_view, problems_of, slot_label
from itpo.adapters.web.pages.work_reasons import shown_matches
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.events import follow_up, services
from itpo.events.model import Feedback, RequestState
from itpo.events.suggestions import suggestions_for
from itpo.registry.errors import Conflict, ValidationError

router = APIRouter()
MAX_FORM_TEXT = 100_000  # far above the services' own limits, which they word beside the field
FormText = Annotated[str, Form(max_length=MAX_FORM_TEXT)]
ShortText = Annotated[str, Form(max_length=400)]
ParticipantField = Annotated[int, Form(ge=1, le=MAX_ID)]
DONE: Mapping[str, str] = {
    "registered": "Your organisation is registered. Say when you are not free, then ask for meetings.",
    "availability": "Your free slots are saved.",
    "requested": "The request is sent.",
    "accepted": "You accepted the meeting.",
    "declined": "You declined the meeting.",
    "cancelled": "The request is withdrawn.",
    "feedback": "Thank you: your word on the meeting is kept.",
    "shortlisted": "Both sides see cooperation ahead: the office shortlisted your match.",
}
OPEN = (RequestState.PENDING, RequestState.ACCEPTED)


class AgendaFormat(StrEnum):
    ICS = "ics"
    PDF = "pdf"


@router.get("/event-participants/{participant_id:int}")
def desk(
    request: Request,
    participant_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    done: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    visit.require_user()
    return show_desk(request, visit, platform, uow, participant_id, done=done)


def show_desk(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    participant_id: int,
    *,
    done: str = "",
    form: str = "",
    problems: Mapping[str, str] | None = None,
    sent: Mapping[str, Any] | None = None,
    refusal: str | None = None,
    status: int = 200,
) -> Response:
    """The desk; after a refused form, that form keeps what was sent and says why."""
    by, language = visit.principal, visit.language
    participant, event, name = services.participant_of(
        uow=uow, by=by, participant_id=participant_id
    )
    event_id = participant.event_id
    everyone = services.participants_of(uow=uow, by=by, event_id=event_id)
    names = {p.id: other or f"#{p.organisation_id}" for p, other in everyone}
    requests = [
        r
        for r in services.requests_of(uow=uow, by=by, event_id=event_id)
        if participant_id in (r.from_id, r.to_id)
    ]
    asked_already = {
        r.to_id if r.from_id == participant_id else r.from_id for r in requests if r.state in OPEN
    }
    suggestions = suggestions_for(
        uow=uow,
        by=by,
        participant_id=participant_id,
        index=platform.index(),
        today=platform.today(),
        rates=platform.rates(),
        cache=platform.match_cache,
        generation=platform.index_store().generation,
        now=platform.clock,
    )
    # Matching words each reason in the language of the record it starts from.
    shown = [shown_matches([s.match], s.own.language, language)[0] for s in suggestions]
    slots = services.timetable(event)
    labels = {s.number: slot_label(s, language) for s in slots}
    meetings = [
        m
        for m in services.meetings_of(uow=uow, by=by, event_id=event_id)
        if participant_id in (m.first_id, m.second_id)
    ]
    published = bool(event.schedule_version)
    values = {
        "event": event_view(event, language),
        "participant": {
            "id": participant_id,
            "name": name or f"#{participant.organisation_id}",
            "attendees": list(participant.attendees),
            "blocked": sorted(participant.blocked),
        },
        "slots": [{"number": s.number, "label": labels[s.number]} for s in slots],
        "others": sorted(
            (
                {"id": p.id, "name": names[p.id]}
                for p, _ in everyone
                if p.id != participant_id and p.id not in asked_already
            ),
            key=lambda o: str(o["name"]).casefold(),
        ),
        "suggestions": [
            {
                "participant_id": s.participant_id,
                "organisation": s.organisation,
                "score": s.score,
                "own": s.own.title,
                "their": s.match.title,
                "their_kind": s.match.kind.value,
                "reasons": view.reasons,
                "asked": s.open_request is not None,
            }
            for s, view in zip(suggestions, shown, strict=True)
        ],
        "received": [
            _request_row(r, r.from_id, names) for r in requests if r.to_id == participant_id
        ],
        "sent_requests": [
            _request_row(r, r.to_id, names) for r in requests if r.from_id == participant_id
        ],
        "meetings": [
            {
                "id": m.id,
                "slot": labels.get(m.slot, str(m.slot)),
                "table": m.table + 1,
                "counterpart": names.get(
                    m.second_id if m.first_id == participant_id else m.first_id, "–"
                ),
                "state": m.state.value,
                "feedback": m.feedback.get(participant_id),
            }
            for m in sorted(meetings, key=lambda m: m.slot)
        ]
        if published
        else [],
        "published": published,
        "feedback_answers": list(Feedback),
        "is_staff": by.is_staff,
        "done": DONE.get(done),
        "form": form,
        "problems": dict(problems or {}),
        "sent": dict(sent or {}),
        "refusal": refusal,
    }
    return render(request, visit, "events/desk.html", values, status=status)


def _request_row(request: Any, other: int, names: Mapping[int | None, str]) -> dict[str, Any]:
    return {
        "id": request.id,
        "other": names.get(other, str(other)),
        "message": request.message,
        "priority": request.priority,
        "state": request.state.value,
        "by_office": request.by_office,
        "reason": request.reason,
        "expires_at": request.expires_at,
        "created_at": request.created_at,
    }


def refused(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    participant_id: int,
    form: str,
    error: ValidationError | Conflict,
    sent: Mapping[str, Any],
    rename: Mapping[str, str] | None = None,
) -> Response:
    """The desk again with the form as sent: bad fields beside them (422), a change the
    state of things does not allow as a notice (409)."""
    if isinstance(error, ValidationError):
        return show_desk(
            request,
            visit,
            platform,
            uow,
            participant_id,
            form=form,
            problems=problems_of(error, rename),
            sent=sent,
            status=422,
        )
    return show_desk(
        request,
        visit,
        platform,
        uow,
        participant_id,
        form=form,
        sent=sent,
        refusal=str(error),
        status=409,
    )


def _back(participant_id: int, done: str, anchor: str) -> Response:
    return RedirectResponse(f"/event-participants/{participant_id}?done={done}#{anchor}", 303)


@router.post("/event-participants/{participant_id:int}/availability")
async def set_availability(
    request: Request,
    participant_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
) -> Response:
    """The slots the participant is not free in: every slot left unticked."""
    visit.require_user()
    form = await request.form()
    free = {v for v in form.getlist("free") if isinstance(v, str)}
    participant, event, _ = services.participant_of(
        uow=uow, by=visit.principal, participant_id=participant_id
    )
    numbers = [s.number for s in services.timetable(event)]
    unknown = [v for v in free if not v.isdigit() or int(v) not in numbers]
    blocked: list[Any] = [n for n in numbers if str(n) not in free] + unknown
    try:
        services.set_availability(
            uow=uow,
            by=visit.principal,
            participant_id=participant.id or participant_id,
            blocked=blocked,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        rename = {f"blocked[{i}]": "blocked" for i in range(len(blocked))}
        sent = {"free": sorted(free)}
        return refused(
            request, visit, platform, uow, participant_id, "availability", error, sent, rename
        )
    return _back(participant_id, "availability", "availability")


@router.post("/event-participants/{participant_id:int}/requests")
def request_meeting(
    request: Request,
    participant_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    to_id: ShortText = "",
    message: FormText = "",
    priority: ShortText = "2",
    by_office: ShortText = "",
) -> Response:
    """Ask another participant for a meeting, from a suggestion or the form."""
    visit.require_user()
    sent = {"to_id": to_id, "message": message, "priority": priority, "by_office": by_office}
    try:
        services.request_meeting(
            uow=uow,
            by=visit.principal,
            from_id=participant_id,
            to_id=int(to_id) if to_id.isdigit() else 0,
            message=message or None,
            priority=int(priority) if priority.isdigit() else 0,
            by_office=bool(by_office),
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return refused(request, visit, platform, uow, participant_id, "request", error, sent)
    return _back(participant_id, "requested", "requests")


@router.post("/meeting-requests/{request_id:int}/answer")
def answer_request(
    request: Request,
    request_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    participant_id: ParticipantField,
    answer: ShortText = "",
    reason: FormText = "",
) -> Response:
    """Accept, or decline with a reason (the side asked, or officers)."""
    visit.require_user()
    accept = answer == "accept"
    try:
        services.answer_request(
            uow=uow,
            by=visit.principal,
            request_id=request_id,
            accept=accept,
            reason=reason or None,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"request_id": request_id, "reason": reason}
        return refused(
            request, visit, platform, uow, participant_id, f"answer-{request_id}", error, sent
        )
    return _back(participant_id, "accepted" if accept else "declined", "requests")


@router.post("/meeting-requests/{request_id:int}/cancel")
def cancel_request(
    request: Request,
    request_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    participant_id: ParticipantField,
    reason: FormText = "",
) -> Response:
    """Withdraw a request (the side that asked, or officers)."""
    visit.require_user()
    try:
        services.cancel_request(
            uow=uow,
            by=visit.principal,
            request_id=request_id,
            reason=reason or None,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"reason": reason}
        return refused(
            request, visit, platform, uow, participant_id, f"cancel-{request_id}", error, sent
        )
    return _back(participant_id, "cancelled", "requests")


@router.post("/event-meetings/{meeting_id:int}/feedback")
def give_feedback(
    request: Request,
    meeting_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    participant_id: ParticipantField,
    answer: ShortText = "",
) -> Response:
    """This side's word on a meeting after it."""
    visit.require_user()
    try:
        given = follow_up.give_meeting_feedback(
            uow=uow,
            by=visit.principal,
            meeting_id=meeting_id,
            participant_id=participant_id,
            answer=answer,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"answer": answer}
        return refused(
            request, visit, platform, uow, participant_id, f"feedback-{meeting_id}", error, sent
        )
    done = "shortlisted" if given.shortlisted_match_id is not None else "feedback"
    return _back(participant_id, done, "agenda")


@router.get("/event-participants/{participant_id:int}/agenda")
def agenda_file(
    participant_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    format: Annotated[AgendaFormat, Query()] = AgendaFormat.ICS,
) -> Response:
    """The published agenda to take away: iCalendar (stable UIDs, the event's time zone) or
    PDF, in the page's language."""
    visit.require_user()
    found = services.agenda(
        uow=uow, by=visit.principal, participant_id=participant_id, language=visit.language
    )
    name = f"agenda-{participant_id}.{format.value}"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format is AgendaFormat.ICS:
        content = agenda_ics(found, stamp=platform.clock(), language=visit.language)
        return Response(content, media_type="text/calendar; charset=utf-8", headers=disposition)
    pdf = agenda_pdf(found, language=visit.language)
    return Response(pdf, media_type="application/pdf", headers=disposition)
