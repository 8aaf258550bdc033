"""An event's timetable: sessions (a day or half-day each) in the event's time zone, split into
meeting slots of a set length around their breaks. Slots are numbered from 0 across the whole
event in time order: the scheduler's slot numbers."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from itpo.registry.errors import FieldError, ValidationError

MIN_SLOT_MINUTES, MAX_SLOT_MINUTES = 5, 240
MAX_SESSIONS = 60


@dataclass(frozen=True, slots=True)
class Pause:
    start: dt.time
    end: dt.time


@dataclass(frozen=True, slots=True)
class Session:
    day: dt.date
    start: dt.time
    end: dt.time
    breaks: tuple[Pause, ...] = field(default=())
    name: str = ""


@dataclass(frozen=True, slots=True)
class Slot:
    number: int
    session: int  # the session's position in time order
    start: dt.datetime  # aware, in the event's time zone
    end: dt.datetime


def zone(name: str, field_name: str = "time_zone") -> ZoneInfo:
    """An IANA time zone (Asia/Shanghai, Africa/Nairobi); ValidationError naming the field."""
    if not isinstance(name, str) or name not in available_timezones():
        raise ValidationError([FieldError(field_name, f"{name!r} is not an IANA time zone")])
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError as missing:  # listed but not installed: same answer
        raise ValidationError([FieldError(field_name, f"{name!r} is not installed")]) from missing


def checked_sessions(sessions: Sequence[Session], slot_minutes: int) -> list[FieldError]:
    """What is wrong with the sessions, each error naming the session (sessions[2].end)."""
    problems: list[FieldError] = []
    if not MIN_SLOT_MINUTES <= slot_minutes <= MAX_SLOT_MINUTES:
        problems.append(
            FieldError("slot_minutes", f"must be within {MIN_SLOT_MINUTES}..{MAX_SLOT_MINUTES}")
        )
    if len(sessions) > MAX_SESSIONS:
        problems.append(FieldError("sessions", f"at most {MAX_SESSIONS} sessions"))
    for index, session in enumerate(sessions):
        where = f"sessions[{index}]"
        if session.end <= session.start:
            problems.append(FieldError(f"{where}.end", "must come after the start"))
            continue
        for number, pause in enumerate(session.breaks):
            if not (session.start <= pause.start < pause.end <= session.end):
                problems.append(
                    FieldError(f"{where}.breaks[{number}]", "must lie inside the session")
                )
    ordered = sorted(enumerate(sessions), key=lambda item: (item[1].day, item[1].start))
    for (_, before), (index, after) in itertools.pairwise(ordered):
        if before.day == after.day and after.start < before.end and before.end > before.start:
            problems.append(
                FieldError(f"sessions[{index}].start", "overlaps another session of that day")
            )
    return problems


def slots(sessions: Sequence[Session], slot_minutes: int, time_zone: str) -> list[Slot]:
    """The event's meeting slots in time order; ValidationError when the sessions are wrong."""
    tz = zone(time_zone)
    problems = checked_sessions(sessions, slot_minutes)
    if problems:
        raise ValidationError(problems)
    length = dt.timedelta(minutes=slot_minutes)
    found: list[Slot] = []
    ordered = sorted(sessions, key=lambda s: (s.day, s.start))
    for position, session in enumerate(ordered):
        moment = dt.datetime.combine(session.day, session.start, tzinfo=tz)
        close = dt.datetime.combine(session.day, session.end, tzinfo=tz)
        pauses = [
            (
                dt.datetime.combine(session.day, p.start, tzinfo=tz),
                dt.datetime.combine(session.day, p.end, tzinfo=tz),
            )
            for p in sorted(session.breaks, key=lambda p: p.start)
        ]
        while moment + length <= close:
            clash = next((p for p in pauses if moment < p[1] and p[0] < moment + length), None)
            if clash is not None:
                moment = clash[1]  # the next slot starts when the break ends
                continue
            found.append(Slot(len(found), position, moment, moment + length))
            moment += length
    return found
