"""/api/v1/events: B2B matchmaking events, their participants, meeting requests, the
scheduler, the published schedule, each participant's agenda (JSON, iCalendar or PDF), and
what came of the meetings."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.event_schemas import (
    AgendaOut,
    Attendance,
    Availability,
    EventCreate,
    EventPublic,
    FeedbackIn,
    FeedbackOut,
    MeetingMove,
    MeetingPublic,
    ParticipantPublic,
    ParticipantRegister,
    Registration,
    RequestAnswer,
    RequestCancel,
    RequestCreate,
    RequestPublic,
    ScheduleOut,
    ScheduleRun,
    SuggestionOut,
)
from itpo.adapters.api.schemas import Page, Problem
from itpo.adapters.events.agenda_pdf import agenda_pdf
from itpo.adapters.events.ics import agenda_ics
from itpo.adapters.events.table_plan_pdf import table_plan_pdf
from itpo.adapters.http import LimitQuery, OffsetQuery, PlatformDep, RecordId, UowDep, page_limit
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.events import follow_up, services
from itpo.events.presenting import (
    agenda_dict,
    event_dict,
    meeting_dict,
    participant_dict,
    request_dict,
    schedule_dict,
)
from itpo.events.suggestions import suggestions_for

router = APIRouter(tags=["events"])


def _problem(code: int, text: str) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Problem, "description": text}}


NOT_FOUND = _problem(404, "No such record, or not one the asker may see")
REFUSED = {
    **NOT_FOUND,
    **_problem(409, "Not possible as things stand"),
    **_problem(422, "A bad field, named"),
}


class AgendaFormat(StrEnum):
    JSON = "json"
    ICS = "ics"
    PDF = "pdf"


class Language(StrEnum):
    EN = "en"
    ZH = "zh"


def _event_out(uow: SqlUnitOfWork, event_id: int) -> dict[str, Any]:
    event = services.get_event(uow=uow, event_id=event_id)
    return event_dict(event, services.timetable(event))


@router.get("/events", response_model=Page[EventPublic])
def list_events(
    platform: PlatformDep, uow: UowDep, limit: LimitQuery = None, offset: OffsetQuery = 0
) -> dict[str, Any]:
    """Events, the newest first (public: a forum's programme is)."""
    size = page_limit(platform.settings, limit)
    found, total = services.list_events(uow=uow, limit=size, offset=offset)
    items = [event_dict(e, services.timetable(e)) for e in found]
    return {"items": items, "total": total, "limit": size, "offset": offset}


@router.post(
    "/events", response_model=EventPublic, status_code=status.HTTP_201_CREATED, responses=REFUSED
)
def create_event(
    body: EventCreate, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """A forum or delegation visit of the officer's office: sessions split into slots."""
    event = services.create_event(uow=uow, by=principal, data=body.data(), now=platform.clock)
    return event_dict(event, services.timetable(event))


@router.get("/events/{event_id}", response_model=EventPublic, responses=NOT_FOUND)
def show_event(event_id: RecordId, uow: UowDep) -> dict[str, Any]:
    """An event with its sessions and meeting slots (public)."""
    return _event_out(uow, event_id)


@router.get(
    "/events/{event_id}/participants",
    response_model=list[ParticipantPublic],
    responses=NOT_FOUND,
)
def list_participants(
    event_id: RecordId, uow: UowDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """Who takes part (signed in): attendees and free slots for its own and officers only."""
    found = services.participants_of(uow=uow, by=principal, event_id=event_id)
    return [participant_dict(p, name) for p, name in found]


@router.post(
    "/events/{event_id}/participants",
    response_model=ParticipantPublic,
    status_code=status.HTTP_201_CREATED,
    responses=REFUSED,
)
def register(
    event_id: RecordId,
    body: ParticipantRegister,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Register an organisation (officers, or its own members while registration is open)."""
    participant = services.register(
        uow=uow,
        by=principal,
        event_id=event_id,
        organisation_id=body.organisation_id,
        attendees=body.attendees,
        now=platform.clock,
    )
    return participant_dict(participant, None)


@router.put(
    "/event-participants/{participant_id}/availability",
    response_model=ParticipantPublic,
    responses=REFUSED,
)
def set_availability(
    participant_id: RecordId,
    body: Availability,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """The slots the participant is not free in (its members, or officers)."""
    changed = services.set_availability(
        uow=uow,
        by=principal,
        participant_id=participant_id,
        blocked=body.blocked,
        now=platform.clock,
    )
    return participant_dict(changed, None)


@router.get(
    "/event-participants/{participant_id}/agenda",
    response_model=AgendaOut,
    responses={**NOT_FOUND, 200: {"content": {"text/calendar": {}, "application/pdf": {}}}},
)
def agenda(
    participant_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    format: Annotated[AgendaFormat, Query()] = AgendaFormat.JSON,
    lang: Annotated[Language, Query()] = Language.EN,
) -> Any:
    """The participant's published agenda (its members, or officers): JSON, iCalendar with
    stable UIDs, or PDF."""
    found = services.agenda(
        uow=uow, by=principal, participant_id=participant_id, language=lang.value
    )
    if format is AgendaFormat.ICS:
        content = agenda_ics(found, stamp=platform.clock(), language=lang.value)
        return Response(content, media_type="text/calendar; charset=utf-8")
    if format is AgendaFormat.PDF:
        return Response(agenda_pdf(found, language=lang.value), media_type="application/pdf")
    return agenda_dict(found)


@router.get(
    "/event-participants/{participant_id}/suggestions",
    response_model=list[SuggestionOut],
    responses=NOT_FOUND,
)
def suggestions(
    participant_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    top: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[dict[str, Any]]:
    """Whom the participant should meet (its members, or officers): the other participants
    whose live opportunities match its own, the best match first, one per participant."""
    found = suggestions_for(
        uow=uow,
        by=principal,
        participant_id=participant_id,
        index=platform.index(),
        today=platform.today(),
        top=top,
        rates=platform.rates(),
        cache=platform.match_cache,
        generation=platform.index_store().generation,
        now=platform.clock,
    )
    return [
        {
            "participant_id": s.participant_id,
            "organisation": s.organisation,
            "score": s.score,
            "own_opportunity_id": s.own.id,
            "opportunity_id": s.match.opportunity_id,
            "kind": s.match.kind.value,
            "title": s.match.title,
            "reasons": list(s.match.reasons),
            "match_id": s.match.match_id,
            "open_request_id": s.open_request.id if s.open_request else None,
        }
        for s in found
    ]


@router.get("/events/{event_id}/requests", response_model=list[RequestPublic], responses=NOT_FOUND)
def list_requests(event_id: RecordId, uow: UowDep, principal: PrincipalDep) -> list[dict[str, Any]]:
    """Meeting requests: a member's own, sent and received; every one for officers."""
    return [request_dict(r) for r in services.requests_of(uow=uow, by=principal, event_id=event_id)]


@router.post(
    "/meeting-requests",
    response_model=RequestPublic,
    status_code=status.HTTP_201_CREATED,
    responses=REFUSED,
)
def request_meeting(
    body: RequestCreate, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Ask another participant for a meeting (for one's own participant; officers for any,
    and in the office's name when by_office: accepted at once)."""
    made = services.request_meeting(
        uow=uow,
        by=principal,
        from_id=body.from_id,
        to_id=body.to_id,
        message=body.message,
        priority=body.priority,
        by_office=body.by_office,
        now=platform.clock,
    )
    return request_dict(made)


@router.post(
    "/meeting-requests/{request_id}/answer", response_model=RequestPublic, responses=REFUSED
)
def answer_request(
    request_id: RecordId,
    body: RequestAnswer,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Accept, or decline with a reason (the side asked, or officers)."""
    answered = services.answer_request(
        uow=uow,
        by=principal,
        request_id=request_id,
        accept=body.accept,
        reason=body.reason,
        now=platform.clock,
    )
    return request_dict(answered)


@router.post(
    "/meeting-requests/{request_id}/cancel", response_model=RequestPublic, responses=REFUSED
)
def cancel_request(
    request_id: RecordId,
    body: RequestCancel,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Withdraw a request (the side that asked, or officers)."""
    cancelled = services.cancel_request(
        uow=uow, by=principal, request_id=request_id, reason=body.reason, now=platform.clock
    )
    return request_dict(cancelled)


@router.post("/events/{event_id}/schedule", response_model=ScheduleOut, responses=REFUSED)
def run_scheduler(
    event_id: RecordId,
    body: ScheduleRun,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Schedule the accepted requests (officers); the draft replaces the event's meetings,
    keeping published ones where it can. Publish it to show it to the participants."""
    done = services.run_scheduler(
        uow=uow, by=principal, event_id=event_id, seconds=body.seconds, now=platform.clock
    )
    return schedule_dict(done)


@router.post("/events/{event_id}/registration", response_model=EventPublic, responses=REFUSED)
def registration(
    event_id: RecordId,
    body: Registration,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Open or close registration to members (officers)."""
    event = services.set_registration(
        uow=uow, by=principal, event_id=event_id, is_open=body.open, now=platform.clock
    )
    return event_dict(event, services.timetable(event))


@router.post("/events/{event_id}/publish", response_model=EventPublic, responses=REFUSED)
def publish(
    event_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Publish the current schedule (officers): agendas show it, calendars update."""
    event = services.publish_schedule(uow=uow, by=principal, event_id=event_id, now=platform.clock)
    return event_dict(event, services.timetable(event))


@router.get("/events/{event_id}/meetings", response_model=list[MeetingPublic], responses=NOT_FOUND)
def list_meetings(event_id: RecordId, uow: UowDep, principal: PrincipalDep) -> list[dict[str, Any]]:
    """The schedule: every meeting for officers (the draft too), a member's own once
    published."""
    return [meeting_dict(m) for m in services.meetings_of(uow=uow, by=principal, event_id=event_id)]


@router.post(
    "/event-meetings/{meeting_id}/attendance", response_model=MeetingPublic, responses=REFUSED
)
def attendance(
    meeting_id: RecordId,
    body: Attendance,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Held, or a no-show (officers, on the day)."""
    changed = follow_up.record_attendance(
        uow=uow, by=principal, meeting_id=meeting_id, held=body.held, now=platform.clock
    )
    return meeting_dict(changed)


@router.post("/event-meetings/{meeting_id}/move", response_model=MeetingPublic, responses=REFUSED)
def move_meeting(
    meeting_id: RecordId,
    body: MeetingMove,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Move a meeting by hand (officers), checked against the schedule's rules; it stays
    locked there through re-plans."""
    moved = services.move_meeting(
        uow=uow,
        by=principal,
        meeting_id=meeting_id,
        slot=body.slot,
        table=body.table,
        now=platform.clock,
    )
    return meeting_dict(moved)


@router.post("/event-meetings/{meeting_id}/feedback", response_model=FeedbackOut, responses=REFUSED)
def feedback(
    meeting_id: RecordId,
    body: FeedbackIn,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """One side's word on the meeting; both seeing cooperation shortlist their match."""
    given = follow_up.give_meeting_feedback(
        uow=uow,
        by=principal,
        meeting_id=meeting_id,
        participant_id=body.participant_id,
        answer=body.answer,
        now=platform.clock,
    )
    return {
        "meeting": meeting_dict(given.meeting),
        "shortlisted_match_id": given.shortlisted_match_id,
    }


@router.get(
    "/events/{event_id}/table-plan",
    responses={**NOT_FOUND, 200: {"content": {"application/pdf": {}}}},
    response_class=Response,
)
def table_plan(
    event_id: RecordId,
    uow: UowDep,
    principal: PrincipalDep,
    lang: Annotated[Language, Query()] = Language.EN,
) -> Response:
    """Which two organisations sit at which table in each slot, as a PDF to print (officers)."""
    event, slots, rows = services.table_plan(uow=uow, by=principal, event_id=event_id)
    content = table_plan_pdf(event, slots, rows, language=lang.value)
    name = f"table-plan-{event_id}.pdf"
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/events/{event_id}/figures", responses=NOT_FOUND)
def figures(event_id: RecordId, uow: UowDep, principal: PrincipalDep) -> dict[str, Any]:
    """Requests, meetings scheduled and held, no-shows, meetings per participant, feedback
    (officers)."""
    return follow_up.event_figures(uow=uow, by=principal, event_id=event_id)
