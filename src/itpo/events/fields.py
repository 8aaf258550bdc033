"""An event as people type it: every field checked, each problem named, all at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from itpo.accounts.fields import Checks
from itpo.events.model import EventKind
from itpo.events.timetable import Pause, Session, checked_sessions, slots
from itpo.registry.errors import FieldError, ValidationError

MAX_TABLES = 1_000
MAX_REQUEST_DAYS = 60


def _time(checks: Checks, field: str, value: Any) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        pass
    checks.add(field, f"{value!r} is not a time as HH:MM")
    return None


def _sessions(checks: Checks, value: Any) -> list[Session]:
    if not isinstance(value, list) or not value:
        checks.add("sessions", "give at least one session (a day or half-day)")
        return []
    found = []
    for index, item in enumerate(value):
        where = f"sessions[{index}]"
        if not isinstance(item, Mapping):
            checks.add(where, "must be an object with day, start and end")
            continue
        try:
            day = dt.date.fromisoformat(str(item.get("day")))
        except ValueError:
            checks.add(f"{where}.day", f"{item.get('day')!r} is not a date as YYYY-MM-DD")
            continue
        start = _time(checks, f"{where}.start", item.get("start"))
        end = _time(checks, f"{where}.end", item.get("end"))
        pauses = []
        for number, pause in enumerate(item.get("breaks") or []):
            if not isinstance(pause, Mapping):
                checks.add(f"{where}.breaks[{number}]", "must be an object with start and end")
                continue
            first = _time(checks, f"{where}.breaks[{number}].start", pause.get("start"))
            last = _time(checks, f"{where}.breaks[{number}].end", pause.get("end"))
            if first and last:
                pauses.append(Pause(first, last))
        name = checks.text(f"{where}.name", item.get("name"), max_length=100, required=False)
        if start and end:
            found.append(Session(day, start, end, tuple(pauses), name))
    return found


def _whole(checks: Checks, field: str, value: Any, low: int, high: int) -> int | None:
    """A whole number when one is given; None when the field is left out."""
    return None if value is None else checks.whole(field, value, low, high)


def event_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """The checked fields of a new event; ValidationError naming each bad one."""
    checks = Checks()
    name = checks.text("name", data.get("name"), max_length=200)
    name_zh = checks.text("name_zh", data.get("name_zh"), max_length=200, required=False)
    kind = checks.choice("kind", data.get("kind") or "forum", EventKind)
    place = checks.text("place", data.get("place"), max_length=300)
    time_zone = checks.text("time_zone", data.get("time_zone"), max_length=64)
    sessions = _sessions(checks, data.get("sessions"))
    slot_minutes = _whole(checks, "slot_minutes", data.get("slot_minutes", 30), 5, 240)
    tables = _whole(checks, "tables", data.get("tables"), 1, MAX_TABLES)
    if data.get("tables") is None:
        checks.add("tables", "is required")
    cap = _whole(checks, "cap", data.get("cap"), 1, 500)
    request_days = _whole(checks, "request_days", data.get("request_days", 7), 1, MAX_REQUEST_DAYS)
    for problem in checked_sessions(sessions, slot_minutes or 30):
        checks.errors.append(problem)
    checks.done()
    try:
        timetable = slots(sessions, slot_minutes or 30, time_zone)
    except ValidationError as bad:
        raise ValidationError(bad.errors) from bad
    if not timetable:
        raise ValidationError([FieldError("sessions", "leave room for at least one slot")])
    return {
        "name": name,
        "name_zh": name_zh,
        "kind": kind,
        "place": place,
        "time_zone": time_zone,
        "sessions": tuple(sessions),
        "slot_minutes": slot_minutes,
        "tables": tables,
        "cap": cap,
        "request_days": request_days,
    }
