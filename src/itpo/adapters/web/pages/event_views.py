"""What the event pages share: an event and its slots as a page shows them, in the page's
language, and the refusals of the events' services as problems beside their fields.

No routes: helpers of `events.py`, `event_desk.py` and `event_schedule.py`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from itpo.adapters.web.i18n import translate
from itpo.events.model import Event
from itpo.events.services import timetable
from itpo.events.timetable import Slot
from itpo.registry.errors import ValidationError

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}


def event_name(event: Event, language: str) -> str:
    return event.name_zh if language == "zh" and event.name_zh else event.name


def slot_label(slot: Slot, language: str) -> str:
    """When a slot is, as people read a programme: Tue 2027-03-16 09:00–09:30."""
    weekday = WEEKDAYS.get(language, WEEKDAYS["en"])[slot.start.weekday()]
    return f"{weekday} {slot.start:%Y-%m-%d %H:%M}–{slot.end:%H:%M}"


def event_view(event: Event, language: str) -> dict[str, Any]:
    """The event as its pages show it: names, dates, the sessions with their slots."""
    slots = timetable(event)
    days = sorted({s.day for s in event.sessions})
    return {
        "id": event.id,
        "name": event_name(event, language),
        "other_name": event.name if language == "zh" and event.name_zh else event.name_zh,
        "kind": event.kind.value,
        "place": event.place,
        "time_zone": event.time_zone,
        "first_day": days[0] if days else None,
        "last_day": days[-1] if days else None,
        "slot_minutes": event.slot_minutes,
        "tables": event.tables,
        "cap": event.cap,
        "registration_open": event.registration_open,
        "request_days": event.request_days,
        "schedule_version": event.schedule_version,
        "sessions": [
            {
                "day": session.day,
                "start": session.start.isoformat("minutes"),
                "end": session.end.isoformat("minutes"),
                "name": session.name,
                "breaks": [
                    f"{p.start.isoformat('minutes')}–{p.end.isoformat('minutes')}"
                    for p in session.breaks
                ],
                "slots": sum(1 for s in slots if s.session == position),
            }
            for position, session in enumerate(sorted(event.sessions, key=_session_order))
        ],
        "slots": [{"number": s.number, "label": slot_label(s, language)} for s in slots],
    }


def _session_order(session: Any) -> tuple[Any, Any]:
    return (session.day, session.start)


def problems_of(error: ValidationError, rename: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each bad field's message, keyed as the form names the field (`rename` maps the
    service's names to the form's); several messages for one field are joined."""
    found: dict[str, str] = {}
    for problem in error.errors:
        name = (rename or {}).get(problem.field, problem.field)
        found[name] = f"{found[name]}; {problem.message}" if name in found else problem.message
    return found


def translated(language: str, messages: Sequence[str]) -> list[str]:
    return [translate(language, m) for m in messages]
