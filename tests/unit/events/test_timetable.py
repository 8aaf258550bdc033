"""An event's slots from its sessions: breaks skipped, slots numbered in time order across
days, times in the event's zone; overlapping or inside-out sessions refused by name."""

from __future__ import annotations

import datetime as dt

import pytest

from itpo.events.timetable import Pause, Session, slots
from itpo.registry.errors import ValidationError

DAY = dt.date(2027, 3, 16)


def at(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


def test_slots_run_around_the_breaks_and_across_days_in_the_event_zone() -> None:
    morning = Session(DAY, at(9), at(12), (Pause(at(10, 30), at(11)),))
    next_day = Session(DAY + dt.timedelta(days=1), at(14), at(15))
    found = slots([next_day, morning], 30, "Asia/Shanghai")
    starts = [s.start.strftime("%d %H:%M") for s in found]
    assert starts == [
        "16 09:00",
        "16 09:30",
        "16 10:00",
        "16 11:00",
        "16 11:30",
        "17 14:00",
        "17 14:30",
    ]
    assert [s.number for s in found] == list(range(7))
    assert [s.session for s in found] == [0, 0, 0, 0, 0, 1, 1]
    assert found[0].start.utcoffset() == dt.timedelta(hours=8)
    assert found[0].start.astimezone(dt.UTC).hour == 1


def test_a_slot_that_does_not_fit_before_the_end_is_left_out() -> None:
    assert len(slots([Session(DAY, at(9), at(10, 50))], 20, "Africa/Nairobi")) == 5


@pytest.mark.parametrize(
    ("sessions", "minutes", "zone", "fields"),
    [
        (
            [Session(DAY, at(9), at(12)), Session(DAY, at(11), at(13))],
            30,
            "UTC",
            ["sessions[1].start"],
        ),
        ([Session(DAY, at(12), at(9))], 30, "UTC", ["sessions[0].end"]),
        (
            [Session(DAY, at(9), at(12), (Pause(at(8), at(9, 30)),))],
            30,
            "UTC",
            ["sessions[0].breaks[0]"],
        ),
        ([Session(DAY, at(9), at(12))], 2, "UTC", ["slot_minutes"]),
        ([Session(DAY, at(9), at(12))], 30, "Mars/Olympus", ["time_zone"]),
    ],
    ids=[
        "overlapping sessions",
        "ends before it starts",
        "a break outside",
        "slots too short",
        "no such zone",
    ],
)
def test_bad_sessions_are_refused_naming_the_field(
    sessions: list[Session], minutes: int, zone: str, fields: list[str]
) -> None:
    with pytest.raises(ValidationError) as bad:
        slots(sessions, minutes, zone)
    assert [e.field for e in bad.value.errors] == fields
