"""An agenda as iCalendar (RFC 5545): one VEVENT per meeting with its stable UID, times in
the event's time zone (TZID, with the zone's own VTIMEZONE), a SEQUENCE that moves with each
published schedule so calendar programs take the newer one."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Timezone

from itpo.events.agenda import Agenda


def agenda_ics(agenda: Agenda, *, stamp: dt.datetime, language: str = "en") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//ITPO Exchange//Agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{agenda.event}: {agenda.participant}")
    calendar.add("x-wr-timezone", agenda.time_zone)
    if agenda.items:
        first, last = agenda.items[0].start, agenda.items[-1].end
        calendar.add_component(
            Timezone.from_tzid(agenda.time_zone, first_date=first.date(), last_date=last.date())
        )
    for item in agenda.items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("sequence", agenda.version)
        table = f"Table {item.table + 1}" if language != "zh" else f"{item.table + 1} 号桌"
        meeting = "Meeting with" if language != "zh" else "会谈："
        event.add("summary", f"{meeting} {item.counterpart}")
        event.add("location", f"{agenda.place}, {table}")
        if item.note:
            event.add("description", item.note)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
