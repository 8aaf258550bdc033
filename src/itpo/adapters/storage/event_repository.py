"""Events in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.event_tables import (
    event,
    event_meeting,
    event_participant,
    meeting_request,
)
from itpo.adapters.storage.tables import inserted_id
from itpo.events.model import (
    Event,
    EventKind,
    EventMeeting,
    Feedback,
    MeetingRequest,
    MeetingState,
    Participant,
    RequestState,
)
from itpo.events.timetable import Pause, Session

OPEN_STATES = (RequestState.PENDING.value, RequestState.ACCEPTED.value)


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def session_dict(session: Session) -> dict[str, Any]:
    return {
        "day": session.day.isoformat(),
        "start": session.start.isoformat("minutes"),
        "end": session.end.isoformat("minutes"),
        "breaks": [
            {"start": p.start.isoformat("minutes"), "end": p.end.isoformat("minutes")}
            for p in session.breaks
        ],
        "name": session.name,
    }


def _session(data: dict[str, Any]) -> Session:
    return Session(
        day=dt.date.fromisoformat(data["day"]),
        start=_time(data["start"]),
        end=_time(data["end"]),
        breaks=tuple(Pause(_time(p["start"]), _time(p["end"])) for p in data["breaks"]),
        name=data.get("name", ""),
    )


def _event(row: sa.Row[Any]) -> Event:
    m = row._mapping
    return Event(
        name=m["name"],
        name_zh=m["name_zh"],
        kind=EventKind(m["kind"]),
        place=m["place"],
        time_zone=m["time_zone"],
        sessions=tuple(_session(s) for s in m["sessions"]),
        slot_minutes=m["slot_minutes"],
        tables=m["tables"],
        cap=m["cap"],
        office_id=m["office_id"],
        registration_open=m["registration_open"],
        request_days=m["request_days"],
        schedule_version=m["schedule_version"],
        created_at=m["created_at"],
        id=m["id"],
    )


def _event_values(record: Event) -> dict[str, Any]:
    return {
        "name": record.name,
        "name_zh": record.name_zh,
        "kind": record.kind.value,
        "place": record.place,
        "time_zone": record.time_zone,
        "sessions": [session_dict(s) for s in record.sessions],
        "slot_minutes": record.slot_minutes,
        "tables": record.tables,
        "cap": record.cap,
        "office_id": record.office_id,
        "registration_open": record.registration_open,
        "request_days": record.request_days,
        "schedule_version": record.schedule_version,
        "created_at": record.created_at,
    }


def _participant(row: sa.Row[Any]) -> Participant:
    m = row._mapping
    return Participant(
        event_id=m["event_id"],
        organisation_id=m["organisation_id"],
        attendees=tuple(m["attendees"]),
        blocked=frozenset(m["blocked"]),
        registered_by=m["registered_by"],
        created_at=m["created_at"],
        id=m["id"],
    )


def _request(row: sa.Row[Any]) -> MeetingRequest:
    m = row._mapping
    return MeetingRequest(
        event_id=m["event_id"],
        from_id=m["from_id"],
        to_id=m["to_id"],
        message=m["message"],
        priority=m["priority"],
        state=RequestState(m["state"]),
        created_at=m["created_at"],
        expires_at=m["expires_at"],
        by_office=m["by_office"],
        match_score=m["match_score"],
        reason=m["reason"],
        decided_at=m["decided_at"],
        id=m["id"],
    )


def _meeting(row: sa.Row[Any]) -> EventMeeting:
    m = row._mapping
    return EventMeeting(
        event_id=m["event_id"],
        request_id=m["request_id"],
        first_id=m["first_id"],
        second_id=m["second_id"],
        slot=m["slot"],
        table=m["table_number"],
        locked=m["locked"],
        state=MeetingState(m["state"]),
        feedback={int(k): Feedback(v) for k, v in m["feedback"]},
        id=m["id"],
    )


def _meeting_values(record: EventMeeting) -> dict[str, Any]:
    return {
        "event_id": record.event_id,
        "request_id": record.request_id,
        "first_id": record.first_id,
        "second_id": record.second_id,
        "slot": record.slot,
        "table_number": record.table,
        "locked": record.locked,
        "state": record.state.value,
        "feedback": sorted([k, v.value] for k, v in record.feedback.items()),
    }


class SqlEventRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, record: Event) -> int:
        return inserted_id(self.connection.execute(sa.insert(event).values(_event_values(record))))

    def get(self, event_id: int) -> Event | None:
        row = self.connection.execute(sa.select(event).where(event.c.id == event_id)).first()
        return _event(row) if row is not None else None

    def update(self, record: Event) -> None:
        values = _event_values(record)
        self.connection.execute(sa.update(event).where(event.c.id == record.id).values(values))

    def find(self, *, limit: int | None, offset: int) -> tuple[Sequence[Event], int]:
        total = self.connection.execute(sa.select(sa.func.count()).select_from(event)).scalar_one()
        select = sa.select(event).order_by(event.c.id.desc()).offset(offset)
        if limit is not None:
            select = select.limit(limit)
        return [_event(row) for row in self.connection.execute(select)], int(total)

    def add_participant(self, participant: Participant) -> int:
        values = {
            "event_id": participant.event_id,
            "organisation_id": participant.organisation_id,
            "attendees": list(participant.attendees),
            "blocked": sorted(participant.blocked),
            "registered_by": participant.registered_by,
            "created_at": participant.created_at,
        }
        return inserted_id(self.connection.execute(sa.insert(event_participant).values(values)))

    def participant(self, participant_id: int) -> Participant | None:
        select = sa.select(event_participant).where(event_participant.c.id == participant_id)
        row = self.connection.execute(select).first()
        return _participant(row) if row is not None else None

    def participants(self, event_id: int) -> Sequence[Participant]:
        select = (
            sa.select(event_participant)
            .where(event_participant.c.event_id == event_id)
            .order_by(event_participant.c.id)
        )
        return [_participant(row) for row in self.connection.execute(select)]

    def update_participant(self, participant: Participant) -> None:
        self.connection.execute(
            sa.update(event_participant)
            .where(event_participant.c.id == participant.id)
            .values(attendees=list(participant.attendees), blocked=sorted(participant.blocked))
        )

    def add_request(self, request: MeetingRequest) -> int:
        values = {
            "event_id": request.event_id,
            "from_id": request.from_id,
            "to_id": request.to_id,
            "message": request.message,
            "priority": request.priority,
            "state": request.state.value,
            "by_office": request.by_office,
            "match_score": request.match_score,
            "reason": request.reason,
            "created_at": request.created_at,
            "expires_at": request.expires_at,
            "decided_at": request.decided_at,
        }
        return inserted_id(self.connection.execute(sa.insert(meeting_request).values(values)))

    def request(self, request_id: int) -> MeetingRequest | None:
        select = sa.select(meeting_request).where(meeting_request.c.id == request_id)
        row = self.connection.execute(select).first()
        return _request(row) if row is not None else None

    def requests(self, event_id: int) -> Sequence[MeetingRequest]:
        select = (
            sa.select(meeting_request)
            .where(meeting_request.c.event_id == event_id)
            .order_by(meeting_request.c.id)
        )
        return [_request(row) for row in self.connection.execute(select)]

    def update_request(self, request: MeetingRequest) -> bool:
        c = meeting_request.c
        changed = self.connection.execute(
            sa.update(meeting_request)
            .where(c.id == request.id, c.state.in_(OPEN_STATES))
            .values(
                state=request.state.value,
                reason=request.reason,
                decided_at=request.decided_at,
                priority=request.priority,
            )
        )
        return changed.rowcount == 1

    def meetings(self, event_id: int) -> Sequence[EventMeeting]:
        c = event_meeting.c
        select = (
            sa.select(event_meeting).where(c.event_id == event_id).order_by(c.slot, c.table_number)
        )
        return [_meeting(row) for row in self.connection.execute(select)]

    def meeting(self, meeting_id: int) -> EventMeeting | None:
        select = sa.select(event_meeting).where(event_meeting.c.id == meeting_id)
        row = self.connection.execute(select).first()
        return _meeting(row) if row is not None else None

    def replace_meetings(self, event_id: int, meetings: Sequence[EventMeeting]) -> None:
        """The event's meetings become these: a meeting of a request that had one keeps its
        id (and what was recorded of it), the others are added, the rest removed."""
        c = event_meeting.c
        existing = {m.request_id: m for m in self.meetings(event_id)}
        wanted = {m.request_id for m in meetings}
        gone = [m.id for r, m in existing.items() if r not in wanted]
        if gone:
            self.connection.execute(sa.delete(event_meeting).where(c.id.in_(gone)))
        added = []
        for meeting in meetings:
            before = existing.get(meeting.request_id)
            if before is None:
                added.append(_meeting_values(meeting))
                continue
            self.connection.execute(
                sa.update(event_meeting)
                .where(c.id == before.id)
                .values(slot=meeting.slot, table_number=meeting.table, locked=meeting.locked)
            )
        if added:
            self.connection.execute(sa.insert(event_meeting), added)

    def update_meeting(self, meeting: EventMeeting) -> None:
        self.connection.execute(
            sa.update(event_meeting)
            .where(event_meeting.c.id == meeting.id)
            .values(_meeting_values(meeting))
        )
