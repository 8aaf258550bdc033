"""What people do with an event, with the rules in one place: officers create events, run the
scheduler and publish its schedule; an organisation's members register it, say when they are
not free, ask other participants for meetings and answer the requests they get; officers may
do all of it for any participant, and ask for a meeting in the office's name. Every change is
audited."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from itpo.accounts.access import may_act_for, require_scope
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.fields import Checks
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.events.agenda import Agenda, agenda_of
from itpo.events.checker import violations
from itpo.events.fields import event_values
from itpo.events.model import (
    Event,
    EventMeeting,
    MeetingRequest,
    Participant,
    RequestState,
)
from itpo.events.pairs import best_match_between
from itpo.events.ports import EventsUnitOfWork
from itpo.events.problem import Meeting, Problem, Request
from itpo.events.problem import Participant as Attendance
from itpo.events.rules import require_officer
from itpo.events.scheduler import Progress, Schedule, solve
from itpo.events.timetable import Slot, slots
from itpo.mail.letters import request_expired_letter
from itpo.mail.model import MailKind
from itpo.mail.outbox import queue
from itpo.mail.recipients import language_of, members_of
from itpo.matching.decisions import MatchState
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError

MAX_MESSAGE = 2000
MAX_ATTENDEES = 10
MAX_SCHEDULER_SECONDS = 600


def _event(uow: EventsUnitOfWork, event_id: int) -> Event:
    found = uow.events.get(event_id)
    if found is None:
        raise NotFound("event", event_id)
    return found


def _participant(
    uow: EventsUnitOfWork, participant_id: int, event_id: int | None = None
) -> Participant:
    found = uow.events.participant(participant_id)
    if found is None or (event_id is not None and found.event_id != event_id):
        raise NotFound("participant", participant_id)
    return found


def timetable(event: Event) -> list[Slot]:
    return slots(event.sessions, event.slot_minutes, event.time_zone)


def require_event_organiser(by: Principal) -> None:
    """Refuse at once anyone who may not create an event (before its form is shown)."""
    require_officer(by, "create an event")


def create_event(
    *, uow: EventsUnitOfWork, by: Principal, data: Mapping[str, Any], now: Clock = utc_now
) -> Event:
    """A new forum or delegation visit of the asker's office (officers)."""
    require_officer(by, "create an event")
    values = event_values(data)
    event = Event(**values, office_id=by.office_id, created_at=now())
    with uow:
        event_id = uow.events.add(event)
        record(
            uow=uow,
            by=by,
            action="event.create",
            subject_type="event",
            subject_id=event_id,
            now=now,
        )
        uow.commit()
    return dataclasses.replace(event, id=event_id)


def get_event(*, uow: EventsUnitOfWork, event_id: int) -> Event:
    """An event as anyone may see it: its name, place, dates and timetable are public."""
    with uow:
        return _event(uow, event_id)


def register(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    event_id: int,
    organisation_id: int,
    attendees: Sequence[str],
    now: Clock = utc_now,
) -> Participant:
    """An organisation takes part: registered by an officer, or by one of its own members
    while registration is open."""
    require_scope(by, Scope.WRITE)
    if not may_act_for(by, organisation_id):
        raise Forbidden("a member may register only its own organisation")
    checks = Checks()
    people = [
        checks.text(f"attendees[{i}]", name, max_length=200)
        for i, name in enumerate(attendees or [])
    ]
    if not people:
        checks.add("attendees", "name at least one person attending")
    if len(people) > MAX_ATTENDEES:
        checks.add("attendees", f"at most {MAX_ATTENDEES} people")
    checks.done()
    with uow:
        event = _event(uow, event_id)
        if not event.registration_open and not by.is_staff:
            raise Conflict("registration for this event is closed")
        if uow.organisations.get(organisation_id) is None:
            raise ValidationError(
                [FieldError("organisation_id", f"no organisation {organisation_id}")]
            )
        if any(p.organisation_id == organisation_id for p in uow.events.participants(event_id)):
            raise Conflict(f"organisation {organisation_id} is registered already")
        participant = Participant(
            event_id=event_id,
            organisation_id=organisation_id,
            attendees=tuple(people),
            registered_by=by.label,
            created_at=now(),
        )
        participant_id = uow.events.add_participant(participant)
        record(
            uow=uow,
            by=by,
            action="event.register",
            subject_type="event",
            subject_id=event_id,
            detail={"organisation_id": organisation_id},
            now=now,
        )
        uow.commit()
    return dataclasses.replace(participant, id=participant_id)


def set_availability(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    participant_id: int,
    blocked: Sequence[int],
    now: Clock = utc_now,
) -> Participant:
    """The slots a participant is not free in (its members or officers): at least one slot
    must stay free, and every slot named must be the event's."""
    require_scope(by, Scope.WRITE)
    with uow:
        participant = _participant(uow, participant_id)
        if not may_act_for(by, participant.organisation_id):
            raise Forbidden("only the participant's own members or an officer may change this")
        count = len(timetable(_event(uow, participant.event_id)))
        checks = Checks()
        for index, slot in enumerate(blocked):
            if isinstance(slot, bool) or not isinstance(slot, int) or not 0 <= slot < count:
                checks.add(
                    f"blocked[{index}]", f"{slot!r} is not a slot of the event (0..{count - 1})"
                )
        if not checks.errors and len(set(blocked)) >= count:
            checks.add("blocked", "the participant would be free in no slot at all")
        checks.done()
        changed = dataclasses.replace(participant, blocked=frozenset(blocked))
        uow.events.update_participant(changed)
        record(
            uow=uow,
            by=by,
            action="event.availability",
            subject_type="event",
            subject_id=participant.event_id,
            detail={"participant_id": participant_id, "blocked": sorted(set(blocked))},
            now=now,
        )
        uow.commit()
    return changed


def request_meeting(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    from_id: int,
    to_id: int,
    message: str | None = None,
    priority: int = 2,
    by_office: bool = False,
    match_score: float | None = None,
    now: Clock = utc_now,
) -> MeetingRequest:
    """Ask another participant of the event for a meeting: its members for their own
    participant, officers for any (in the office's name when by_office)."""
    require_scope(by, Scope.WRITE)
    checks = Checks()
    text = checks.text("message", message, max_length=MAX_MESSAGE, required=False)
    if isinstance(priority, bool) or priority not in (1, 2, 3):
        checks.add("priority", "must be 1 (nice to meet), 2 or 3 (must meet)")
    if from_id == to_id:
        checks.add("to_id", "a participant cannot ask to meet itself")
    if match_score is not None and not 0 <= match_score <= 100:
        checks.add("match_score", "must be within 0..100")
    checks.done()
    if by_office and not by.is_staff:
        raise Forbidden("only an officer may ask for a meeting in the office's name")
    with uow:
        asking = _participant(uow, from_id)
        if not may_act_for(by, asking.organisation_id):
            raise Forbidden("a member may ask for meetings only for its own organisation")
        asked = _participant(uow, to_id, asking.event_id)
        event = _event(uow, asking.event_id)
        pair = {from_id, to_id}
        for earlier in uow.events.requests(event.id or 0):
            if {earlier.from_id, earlier.to_id} == pair and earlier.state in (
                RequestState.PENDING,
                RequestState.ACCEPTED,
            ):
                raise Conflict(f"these two have request {earlier.id} open already")
        if match_score is None:  # what matching found between them weighs in the schedule
            known = best_match_between(
                uow,
                asking.organisation_id,
                asked.organisation_id,
                [s for s in MatchState if s is not MatchState.DECLINED],
            )
            match_score = known.score if known is not None else None
        stamp = now()
        request = MeetingRequest(
            event_id=asking.event_id,
            from_id=from_id,
            to_id=asked.id or to_id,
            message=text,
            priority=priority,
            state=RequestState.ACCEPTED if by_office else RequestState.PENDING,
            created_at=stamp,
            expires_at=stamp + dt.timedelta(days=event.request_days),
            by_office=by_office,
            match_score=match_score,
            decided_at=stamp if by_office else None,
        )
        request_id = uow.events.add_request(request)
        record(
            uow=uow,
            by=by,
            action="event.request",
            subject_type="event",
            subject_id=asking.event_id,
            detail={"request_id": request_id, "from_id": from_id, "to_id": to_id},
            now=now,
        )
        uow.commit()
    return dataclasses.replace(request, id=request_id)


def answer_request(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    request_id: int,
    accept: bool,
    reason: str | None = None,
    now: Clock = utc_now,
) -> MeetingRequest:
    """Accept or decline (with a reason) a pending request: the asked side's members, or
    officers. A request past its time has expired and can no longer be answered."""
    require_scope(by, Scope.WRITE)
    with uow:
        request = _visible_request(uow, by, request_id)
        asked = _participant(uow, request.to_id)
        if not may_act_for(by, asked.organisation_id):
            raise Forbidden("only the participant asked, or an officer, may answer")
        checks = Checks()
        text = checks.text("reason", reason, max_length=MAX_MESSAGE, required=not accept)
        checks.done()
        stamp = now()
        if request.state is not RequestState.PENDING or request.expires_at <= stamp:
            state = "expired" if request.expires_at <= stamp else request.state.value
            raise Conflict(f"request {request_id} is {state}")
        answered = dataclasses.replace(
            request,
            state=RequestState.ACCEPTED if accept else RequestState.DECLINED,
            reason=text,
            decided_at=stamp,
        )
        if not uow.events.update_request(answered):
            raise Conflict(f"request {request_id} was answered meanwhile")
        record(
            uow=uow,
            by=by,
            action="event.answer",
            subject_type="event",
            subject_id=request.event_id,
            detail={"request_id": request_id, "accepted": accept},
            now=now,
        )
        uow.commit()
    return answered


def cancel_request(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    request_id: int,
    reason: str | None = None,
    now: Clock = utc_now,
) -> MeetingRequest:
    """Withdraw a pending or accepted request: the asking side's members, or officers."""
    require_scope(by, Scope.WRITE)
    checks = Checks()
    text = checks.text("reason", reason, max_length=MAX_MESSAGE, required=False)
    checks.done()
    with uow:
        request = _visible_request(uow, by, request_id)
        asking = _participant(uow, request.from_id)
        if not may_act_for(by, asking.organisation_id):
            raise Forbidden("only the participant that asked, or an officer, may cancel")
        cancelled = dataclasses.replace(
            request, state=RequestState.CANCELLED, reason=text, decided_at=now()
        )
        if not uow.events.update_request(cancelled):
            raise Conflict(f"request {request_id} is {request.state.value}")
        record(
            uow=uow,
            by=by,
            action="event.cancel",
            subject_type="event",
            subject_id=request.event_id,
            detail={"request_id": request_id},
            now=now,
        )
        uow.commit()
    return cancelled


def expire_requests(
    *, uow: EventsUnitOfWork, by: Principal, event_id: int, now: Clock = utc_now
) -> list[MeetingRequest]:
    """Pending requests past their time become expired (officers, or the scheduler's run)."""
    require_officer(by, "expire requests")
    stamp = now()
    expired = []
    with uow:
        event = _event(uow, event_id)
        for request in uow.events.requests(event_id):
            if request.state is RequestState.PENDING and request.expires_at <= stamp:
                late = dataclasses.replace(request, state=RequestState.EXPIRED, decided_at=stamp)
                if uow.events.update_request(late):
                    expired.append(late)
                    _tell_both_sides(uow, event, late, stamp)
        uow.commit()
    return expired


def _tell_both_sides(
    uow: EventsUnitOfWork, event: Event, request: MeetingRequest, at: dt.datetime
) -> None:
    """A letter in the outbox to each side's people: the request expired unanswered."""
    sides = [_participant(uow, request.from_id), _participant(uow, request.to_id)]
    organisations = uow.organisations.get_many([p.organisation_id for p in sides])
    for index, side in enumerate(sides):
        other = organisations.get(sides[1 - index].organisation_id)
        own = organisations.get(side.organisation_id)
        lang = language_of(own)
        for person in members_of(uow, side.organisation_id):
            letter = request_expired_letter(
                lang=lang,
                name=person.display_name,
                event=event.name_zh if lang == "zh" and event.name_zh else event.name,
                other=other.name if other is not None else "another participant",
                asked=index == 1,
            )
            queue(
                uow,
                kind=MailKind.REQUEST_EXPIRED,
                to=person.email,
                letter=letter,
                at=at,
                key=f"request-expired:{request.id}:{person.id}",
                subject_type="event",
                subject_id=event.id,
            )


def requests_of(*, uow: EventsUnitOfWork, by: Principal, event_id: int) -> list[MeetingRequest]:
    """The requests the asker may see: every one for officers, a member's own (sent or
    received) otherwise."""
    require_scope(by, Scope.READ)
    with uow:
        _event(uow, event_id)
        found = uow.events.requests(event_id)
        if by.is_staff:
            return list(found)
        own = {p.id for p in uow.events.participants(event_id) if by.belongs_to(p.organisation_id)}
        return [r for r in found if r.from_id in own or r.to_id in own]


def _visible_request(uow: EventsUnitOfWork, by: Principal, request_id: int) -> MeetingRequest:
    request = uow.events.request(request_id)
    if request is None:
        raise NotFound("meeting request", request_id)
    if by.is_staff:
        return request
    sides = [_participant(uow, request.from_id), _participant(uow, request.to_id)]
    if not any(by.belongs_to(p.organisation_id) for p in sides):
        raise NotFound("meeting request", request_id)  # not one of theirs: not told it exists
    return request


def scheduling_problem(
    event: Event,
    participants: Sequence[Participant],
    requests: Sequence[MeetingRequest],
    meetings: Sequence[EventMeeting],
) -> Problem:
    """The event as the scheduler sees it: accepted requests, the participants' free slots,
    locked meetings, and the published schedule a re-plan keeps if it can."""
    count = len(timetable(event))
    people = [
        Attendance(str(p.id), frozenset(range(count)) - p.blocked, event.cap) for p in participants
    ]
    accepted = [
        Request(str(r.from_id), str(r.to_id), r.weight)
        for r in requests
        if r.state is RequestState.ACCEPTED
    ]
    placed = [Meeting(str(m.first_id), str(m.second_id), m.slot, m.table) for m in meetings]
    return Problem(
        slots=count,
        tables=event.tables,
        participants=people,
        requests=accepted,
        locked=[p for p, m in zip(placed, meetings, strict=True) if m.locked],
        published=placed if event.schedule_version else [],
    )


def check_scheduler_run(
    *, uow: EventsUnitOfWork, by: Principal, event_id: int, seconds: float
) -> Event:
    """What a run of the scheduler needs before it starts (officers, a known event, a time
    limit within bounds), so a run started in the background is refused at once."""
    require_officer(by, "run the scheduler")
    if isinstance(seconds, bool) or not 0.1 <= seconds <= MAX_SCHEDULER_SECONDS:
        raise ValidationError(
            [FieldError("seconds", f"must be within 0.1..{MAX_SCHEDULER_SECONDS}")]
        )
    with uow:
        return _event(uow, event_id)


def run_scheduler(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    event_id: int,
    seconds: float = 10.0,
    progress: Callable[[Progress], None] | None = None,
    now: Clock = utc_now,
) -> Schedule:
    """Schedule the accepted requests (officers); the meetings are stored as the event's
    draft schedule, for the officer to look at and publish. A re-plan after changes keeps the
    published meetings where it can. `progress` hears of each better schedule found."""
    check_scheduler_run(uow=uow, by=by, event_id=event_id, seconds=seconds)
    with uow:
        event = _event(uow, event_id)
        participants = uow.events.participants(event_id)
        requests = uow.events.requests(event_id)
        meetings = uow.events.meetings(event_id)
    problem = scheduling_problem(event, participants, requests, meetings)
    # Outside any transaction: it takes seconds.
    schedule = solve(problem, seconds=seconds, progress=progress)
    if schedule.status == "infeasible":
        raise Conflict("the locked meetings cannot all be kept: unlock or move one")
    broken = violations(problem, schedule.meetings)
    if broken:
        raise Conflict("the schedule breaks a rule: " + "; ".join(broken[:3]))
    by_pair = {
        frozenset((str(r.from_id), str(r.to_id))): r
        for r in requests
        if r.state is RequestState.ACCEPTED
    }
    kept_locks = {frozenset((str(m.first_id), str(m.second_id))) for m in meetings if m.locked}
    rows = []
    for meeting in schedule.meetings:
        request = by_pair[meeting.pair]
        first, second = sorted((int(meeting.a), int(meeting.b)))
        rows.append(
            EventMeeting(
                event_id=event_id,
                request_id=request.id or 0,
                first_id=first,
                second_id=second,
                slot=meeting.slot,
                table=meeting.table,
                locked=meeting.pair in kept_locks,
            )
        )
    with uow:
        uow.events.replace_meetings(event_id, rows)
        record(
            uow=uow,
            by=by,
            action="event.schedule",
            subject_type="event",
            subject_id=event_id,
            detail=schedule.as_dict(),
            now=now,
        )
        uow.commit()
    return schedule


def set_registration(
    *, uow: EventsUnitOfWork, by: Principal, event_id: int, is_open: bool, now: Clock = utc_now
) -> Event:
    """Open or close registration (officers): once closed, members no longer register their
    organisations; officers still may."""
    require_officer(by, "open or close registration")
    with uow:
        event = _event(uow, event_id)
        changed = dataclasses.replace(event, registration_open=is_open)
        uow.events.update(changed)
        record(
            uow=uow,
            by=by,
            action="event.registration",
            subject_type="event",
            subject_id=event_id,
            detail={"open": is_open},
            now=now,
        )
        uow.commit()
    return changed


def publish_schedule(
    *, uow: EventsUnitOfWork, by: Principal, event_id: int, now: Clock = utc_now
) -> Event:
    """Make the current schedule the one participants see (officers): its version moves up,
    so calendars that imported an agenda take the new times."""
    require_officer(by, "publish a schedule")
    with uow:
        event = _event(uow, event_id)
        published = dataclasses.replace(event, schedule_version=event.schedule_version + 1)
        uow.events.update(published)
        record(
            uow=uow,
            by=by,
            action="event.publish",
            subject_type="event",
            subject_id=event_id,
            now=now,
        )
        uow.commit()
    return published


def agenda(
    *, uow: EventsUnitOfWork, by: Principal, participant_id: int, language: str = "en"
) -> Agenda:
    """A participant's published agenda: its own members and officers. The counterparts are
    named as organisations, since both sides accepted the meeting."""
    require_scope(by, Scope.READ)
    with uow:
        participant = _participant(uow, participant_id)
        if not may_act_for(by, participant.organisation_id):
            raise NotFound("participant", participant_id)
        event = _event(uow, participant.event_id)
        meetings = uow.events.meetings(event.id or 0) if event.schedule_version else []
        people = uow.events.participants(event.id or 0)
        owners = uow.organisations.get_many([p.organisation_id for p in people])
    names = {
        str(p.id): owners[p.organisation_id].name if p.organisation_id in owners else str(p.id)
        for p in people
    }
    placed = [Meeting(str(m.first_id), str(m.second_id), m.slot, m.table) for m in meetings]
    return agenda_of(
        participant=str(participant_id),
        meetings=placed,
        slots=timetable(event),
        names=names,
        event_id=event.id or 0,
        event=event.name_zh if language == "zh" and event.name_zh else event.name,
        place=event.place,
        time_zone=event.time_zone,
        version=event.schedule_version,
    )


def meetings_of(*, uow: EventsUnitOfWork, by: Principal, event_id: int) -> list[EventMeeting]:
    """The event's schedule: officers see every meeting, the draft too; a member sees its
    own meetings once the schedule is published."""
    require_scope(by, Scope.READ)
    with uow:
        event = _event(uow, event_id)
        found = list(uow.events.meetings(event_id))
        if by.is_staff:
            return found
        if not event.schedule_version:
            return []
        own = {p.id for p in uow.events.participants(event_id) if by.belongs_to(p.organisation_id)}
        return [m for m in found if m.first_id in own or m.second_id in own]


def list_events(
    *, uow: EventsUnitOfWork, limit: int | None = 50, offset: int = 0
) -> tuple[Sequence[Event], int]:
    """Events, the newest first: public, as a forum's programme is."""
    with uow:
        return uow.events.find(limit=limit, offset=offset)


def participants_of(
    *, uow: EventsUnitOfWork, by: Principal, event_id: int
) -> list[tuple[Participant, str | None]]:
    """Who takes part (signed-in users): the organisations for everyone signed in, the
    people attending and their free slots only for the participant's own members and
    officers."""
    require_scope(by, Scope.READ)
    if by.is_anonymous:
        raise Forbidden("sign in to see who takes part")
    with uow:
        _event(uow, event_id)
        found = uow.events.participants(event_id)
        owners = uow.organisations.get_many([p.organisation_id for p in found])
    return [
        (
            p
            if may_act_for(by, p.organisation_id)
            else dataclasses.replace(p, attendees=(), blocked=frozenset(), registered_by=""),
            owners[p.organisation_id].name if p.organisation_id in owners else None,
        )
        for p in found
    ]


def participant_of(
    *, uow: EventsUnitOfWork, by: Principal, participant_id: int
) -> tuple[Participant, Event, str | None]:
    """A participant with everything about it, its event and its organisation's name: for
    its own members and officers; to anyone else it does not exist."""
    require_scope(by, Scope.READ)
    with uow:
        participant = _participant(uow, participant_id)
        if not may_act_for(by, participant.organisation_id):
            raise NotFound("participant", participant_id)
        event = _event(uow, participant.event_id)
        owner = uow.organisations.get(participant.organisation_id)
    return participant, event, owner.name if owner is not None else None


def move_meeting(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    meeting_id: int,
    slot: int,
    table: int,
    now: Clock = utc_now,
) -> EventMeeting:
    """Put a meeting in another slot and at another table by hand (officers), checked
    against every rule of the schedule; it is locked there, so re-plans leave it."""
    require_officer(by, "move a meeting")
    with uow:
        meeting = uow.events.meeting(meeting_id)
        if meeting is None:
            raise NotFound("meeting", meeting_id)
        event = _event(uow, meeting.event_id)
        count = len(timetable(event))
        checks = Checks()
        if isinstance(slot, bool) or not 0 <= slot < count:
            checks.add("slot", f"must be a slot of the event (0..{count - 1})")
        if isinstance(table, bool) or not 0 <= table < event.tables:
            checks.add("table", f"must be a table of the event (0..{event.tables - 1})")
        checks.done()
        meetings = uow.events.meetings(event.id or 0)
        problem = scheduling_problem(
            event, uow.events.participants(event.id or 0), uow.events.requests(event.id or 0), []
        )
        moved = dataclasses.replace(meeting, slot=slot, table=table, locked=True)
        placed = [
            Meeting(str(m.first_id), str(m.second_id), m.slot, m.table)
            for m in (moved if m.id == meeting_id else m for m in meetings)
        ]
        broken = violations(problem, placed)
        if broken:
            raise ValidationError([FieldError("slot", "; ".join(broken[:3]))])
        uow.events.update_meeting(moved)
        record(
            uow=uow,
            by=by,
            action="event.move",
            subject_type="event",
            subject_id=meeting.event_id,
            detail={"meeting_id": meeting_id, "slot": slot, "table": table},
            now=now,
        )
        uow.commit()
    return moved


def table_plan(
    *, uow: EventsUnitOfWork, by: Principal, event_id: int
) -> tuple[Event, list[Slot], list[tuple[EventMeeting, str, str]]]:
    """The schedule slot by slot and table by table, with both sides named, for the hall's
    staff (officers): the event, its slots and each meeting with its two organisations."""
    require_officer(by, "read the table plan", Scope.READ)
    with uow:
        event = _event(uow, event_id)
        meetings = uow.events.meetings(event_id)
        people = {p.id: p for p in uow.events.participants(event_id)}
        owners = uow.organisations.get_many([p.organisation_id for p in people.values()])

    def name(participant_id: int) -> str:
        participant = people.get(participant_id)
        owner = owners.get(participant.organisation_id) if participant else None
        return owner.name if owner is not None else f"participant {participant_id}"

    rows = [(m, name(m.first_id), name(m.second_id)) for m in meetings]
    return event, timetable(event), rows
