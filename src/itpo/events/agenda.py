"""A participant's agenda: its meetings in time order, each with when, where (the table) and
whom, and a UID that stays the same through every re-plan, so calendars that imported the
agenda update the meeting instead of adding a second one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from itpo.events.problem import Meeting
from itpo.events.timetable import Slot


@dataclass(frozen=True, slots=True)
class AgendaItem:
    uid: str
    start: dt.datetime  # aware, in the event's time zone
    end: dt.datetime
    table: int  # numbered from 0; shown from 1
    counterpart: str  # whom the participant meets, as the participant may see them
    note: str = ""


@dataclass(frozen=True, slots=True)
class Agenda:
    event: str
    place: str
    time_zone: str
    participant: str
    items: tuple[AgendaItem, ...]
    version: int = 0  # moves up with each published schedule: calendars take the newest


def meeting_uid(event_id: int | str, pair: frozenset[str], domain: str = "itpo-exchange") -> str:
    """The same for a pair at an event whatever slot or table a re-plan gives it."""
    first, second = sorted(pair)
    return f"event-{event_id}-{first}-{second}@{domain}"


def agenda_of(
    *,
    participant: str,
    meetings: Sequence[Meeting],
    slots: Sequence[Slot],
    names: Mapping[str, str],
    event_id: int | str,
    event: str,
    place: str,
    time_zone: str,
    version: int = 0,
) -> Agenda:
    """The participant's meetings of a schedule, in time order."""
    by_number = {slot.number: slot for slot in slots}
    items = []
    for meeting in sorted(meetings, key=lambda m: m.slot):
        if participant not in (meeting.a, meeting.b):
            continue
        other = meeting.b if meeting.a == participant else meeting.a
        slot = by_number[meeting.slot]
        items.append(
            AgendaItem(
                uid=meeting_uid(event_id, meeting.pair),
                start=slot.start,
                end=slot.end,
                table=meeting.table,
                counterpart=names.get(other, other),
            )
        )
    return Agenda(
        event, place, time_zone, names.get(participant, participant), tuple(items), version
    )
