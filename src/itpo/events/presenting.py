"""Events as plain data for the API and the command line."""

from __future__ import annotations

from typing import Any

from itpo.events.agenda import Agenda
from itpo.events.model import Event, EventMeeting, MeetingRequest, Participant
from itpo.events.scheduler import Schedule
from itpo.events.timetable import Session, Slot


def session_dict(session: Session) -> dict[str, Any]:
    return {
        "day": session.day,
        "start": session.start.isoformat("minutes"),
        "end": session.end.isoformat("minutes"),
        "breaks": [
            {"start": p.start.isoformat("minutes"), "end": p.end.isoformat("minutes")}
            for p in session.breaks
        ],
        "name": session.name,
    }


def slot_dict(slot: Slot) -> dict[str, Any]:
    return {"number": slot.number, "session": slot.session, "start": slot.start, "end": slot.end}


def event_dict(event: Event, slots: list[Slot]) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "name_zh": event.name_zh,
        "kind": event.kind.value,
        "place": event.place,
        "time_zone": event.time_zone,
        "sessions": [session_dict(s) for s in event.sessions],
        "slot_minutes": event.slot_minutes,
        "tables": event.tables,
        "cap": event.cap,
        "office_id": event.office_id,
        "registration_open": event.registration_open,
        "request_days": event.request_days,
        "schedule_version": event.schedule_version,
        "slots": [slot_dict(s) for s in slots],
    }


def participant_dict(participant: Participant, name: str | None) -> dict[str, Any]:
    return {
        "id": participant.id,
        "event_id": participant.event_id,
        "organisation_id": participant.organisation_id,
        "organisation": name,
        "attendees": list(participant.attendees),
        "blocked": sorted(participant.blocked),
    }


def request_dict(request: MeetingRequest) -> dict[str, Any]:
    return {
        "id": request.id,
        "event_id": request.event_id,
        "from_id": request.from_id,
        "to_id": request.to_id,
        "message": request.message,
        "priority": request.priority,
        "state": request.state.value,
        "by_office": request.by_office,
        "match_score": request.match_score,
        "weight": request.weight,
        "reason": request.reason,
        "created_at": request.created_at,
        "expires_at": request.expires_at,
        "decided_at": request.decided_at,
    }


def meeting_dict(meeting: EventMeeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "event_id": meeting.event_id,
        "request_id": meeting.request_id,
        "participant_ids": [meeting.first_id, meeting.second_id],
        "slot": meeting.slot,
        "table": meeting.table,
        "locked": meeting.locked,
        "state": meeting.state.value,
        "feedback": {str(k): v.value for k, v in meeting.feedback.items()},
    }


def schedule_dict(schedule: Schedule) -> dict[str, Any]:
    return schedule.as_dict()


def agenda_dict(agenda: Agenda) -> dict[str, Any]:
    return {
        "event": agenda.event,
        "place": agenda.place,
        "time_zone": agenda.time_zone,
        "participant": agenda.participant,
        "version": agenda.version,
        "items": [
            {
                "uid": item.uid,
                "start": item.start,
                "end": item.end,
                "table": item.table,
                "counterpart": item.counterpart,
            }
            for item in agenda.items
        ],
    }
