"""A participant's agenda as iCalendar, read back by the icalendar library: one event per
meeting at the right time in the event's zone, and the same UIDs after a re-plan, so a
calendar updates its meetings rather than doubling them."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from itpo.adapters.events.ics import agenda_ics
from itpo.events.agenda import agenda_of
from itpo.events.problem import Meeting
from itpo.events.timetable import Pause, Session, slots

SHANGHAI = "Asia/Shanghai"
DAY = dt.date(2027, 3, 16)
SESSIONS = [Session(DAY, dt.time(9), dt.time(12), (Pause(dt.time(10, 30), dt.time(11)),))]
NAMES = {"sun": "Sunfield Solar (Shanghai)", "meru": "Meru Mango Growers", "oro": "Oromia Power"}


def calendar_of(meetings: list[Meeting], version: int = 0) -> Calendar:
    agenda = agenda_of(
        participant="sun",
        meetings=meetings,
        slots=slots(SESSIONS, 30, SHANGHAI),
        names=NAMES,
        event_id=7,
        event="ITPO Shanghai Green Technology Forum",
        place="Shanghai Exhibition Centre, Hall 2",
        time_zone=SHANGHAI,
        version=version,
    )
    stamp = dt.datetime(2027, 3, 1, 8, tzinfo=dt.UTC)
    return Calendar.from_ical(agenda_ics(agenda, stamp=stamp))


def events_of(calendar: Calendar) -> list[Any]:
    return list(calendar.walk("VEVENT"))


def test_each_meeting_is_one_event_at_its_time_in_the_event_zone() -> None:
    meetings = [
        Meeting("sun", "meru", 3, 4),
        Meeting("oro", "sun", 0, 1),
        Meeting("oro", "meru", 1, 0),
    ]
    calendar = calendar_of(meetings)
    found = events_of(calendar)
    assert len(found) == 2  # the third meeting is not this participant's
    first, second = found
    start = first["DTSTART"].dt
    assert start == dt.datetime(2027, 3, 16, 9, 0, tzinfo=ZoneInfo(SHANGHAI))
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert str(first["DTSTART"].params["TZID"]) == SHANGHAI
    # The fourth slot comes after the break: 11:00 to 11:30.
    assert second["DTSTART"].dt == dt.datetime(2027, 3, 16, 11, 0, tzinfo=ZoneInfo(SHANGHAI))
    assert second["DTEND"].dt - second["DTSTART"].dt == dt.timedelta(minutes=30)
    assert str(second["SUMMARY"]) == "Meeting with Meru Mango Growers"
    assert "Table 5" in str(second["LOCATION"])
    assert [c.name for c in calendar.walk("VTIMEZONE")] == ["VTIMEZONE"]


def test_a_re_plan_keeps_the_uids_and_raises_the_sequence() -> None:
    before = events_of(calendar_of([Meeting("sun", "meru", 3, 4)], version=1))
    after = events_of(calendar_of([Meeting("meru", "sun", 0, 2)], version=2))
    assert str(before[0]["UID"]) == str(after[0]["UID"])
    assert int(after[0]["SEQUENCE"]) == 2
    assert after[0]["DTSTART"].dt.hour == 9
