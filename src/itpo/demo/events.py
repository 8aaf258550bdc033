"""The demo's illustrative events, made through the events' own services: an upcoming forum
in Shanghai with requests in every state and a published schedule, and a past delegation with
its meetings held (one no-show) and the sides' feedback. Days count from the day the demo is
loaded."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from itpo.accounts.principal import Principal
from itpo.clock import Clock
from itpo.events import follow_up, services
from itpo.events.ports import EventsUnitOfWork
from itpo.registry import services as registry

EVENTS_FILE = "events.json"
SCHEDULER_SECONDS = 3.0


class DemoEventError(ValueError):
    """A shipped demo event names a record the demo does not hold."""


def _at(day: dt.date, hour: int = 10) -> Clock:
    moment = dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)
    return lambda: moment


def load_demo_events(
    *, uow_factory: Callable[[], EventsUnitOfWork], by: Principal, today: dt.date
) -> int:
    """Make every demo event unless the platform has events already; how many were made.
    `by` is the officer running them (of the office they are credited to)."""
    if services.list_events(uow=uow_factory(), limit=1)[1]:
        return 0
    document = json.loads((resources.files("itpo.demo") / "data" / EVENTS_FILE).read_text("utf-8"))
    for spec in document["events"]:
        _make(spec, uow_factory, by, today)
    return len(document["events"])


def _owners(
    spec: Mapping[str, Any], uow_factory: Callable[[], EventsUnitOfWork], by: Principal
) -> dict[str, int]:
    wanted = sorted(set(spec["participants"]))
    with (uow := uow_factory()):
        ids = uow.opportunities.ids_by_external_id(wanted)
    missing = [w for w in wanted if w not in ids]
    if missing:
        raise DemoEventError(f"demo event names {', '.join(missing)}: no such demo record")
    return {
        name: registry.get_opportunity(
            uow=uow_factory(), by=by, opportunity_id=ids[name]
        ).organisation_id
        for name in wanted
    }


def _make(
    spec: Mapping[str, Any],
    uow_factory: Callable[[], EventsUnitOfWork],
    by: Principal,
    today: dt.date,
) -> None:
    days = [today + dt.timedelta(days=d) for d in spec["days"]]
    sessions = [{**s, "day": day.isoformat()} for day in days for s in spec["sessions"]]
    before = _at(min(days) - dt.timedelta(days=21))
    event = services.create_event(
        uow=uow_factory(), by=by, data={**spec["event"], "sessions": sessions}, now=before
    )
    assert event.id is not None
    owners = _owners(spec, uow_factory, by)
    participant: dict[str, int] = {}
    for name in spec["participants"]:
        organisation = owners[name]
        known = next((k for k, o in owners.items() if o == organisation and k in participant), None)
        if known is not None:  # one organisation, two of its records: registered once
            participant[name] = participant[known]
            continue
        made = services.register(
            uow=uow_factory(),
            by=by,
            event_id=event.id,
            organisation_id=organisation,
            attendees=["Delegate (illustrative)"],
            now=before,
        )
        assert made.id is not None
        participant[name] = made.id
    for name, blocked in spec["blocked"].items():
        services.set_availability(
            uow=uow_factory(), by=by, participant_id=participant[name], blocked=blocked, now=before
        )
    asked = _at(min(days) - dt.timedelta(days=14))
    for first, second, priority, state in spec["requests"]:
        request = services.request_meeting(
            uow=uow_factory(),
            by=by,
            from_id=participant[first],
            to_id=participant[second],
            priority=priority,
            message="Illustrative demo request.",
            by_office=state == "office",
            now=asked,
        )
        assert request.id is not None
        if state in ("accepted", "declined"):
            services.answer_request(
                uow=uow_factory(),
                by=by,
                request_id=request.id,
                accept=state == "accepted",
                reason=None if state == "accepted" else "No slot left on our side (illustrative).",
                now=_at(min(days) - dt.timedelta(days=10)),
            )
    services.run_scheduler(
        uow=uow_factory(), by=by, event_id=event.id, seconds=SCHEDULER_SECONDS, now=before
    )
    if spec.get("publish"):
        services.publish_schedule(uow=uow_factory(), by=by, event_id=event.id, now=before)
    if max(days) < today:  # a past event takes no more registrations
        services.set_registration(
            uow=uow_factory(), by=by, event_id=event.id, is_open=False, now=before
        )
    _follow_up(spec, uow_factory, by, event.id, participant, _at(max(days), 18))


def _follow_up(
    spec: Mapping[str, Any],
    uow_factory: Callable[[], EventsUnitOfWork],
    by: Principal,
    event_id: int,
    participant: Mapping[str, int],
    after: Clock,
) -> None:
    meetings = services.meetings_of(uow=uow_factory(), by=by, event_id=event_id)
    by_pair = {frozenset((m.first_id, m.second_id)): m for m in meetings}
    for key, answers in spec.get("held", {}).items():
        first, second = key.split("|")
        meeting = by_pair.get(frozenset((participant[first], participant[second])))
        if meeting is None or meeting.id is None:
            continue  # the scheduler could not place it
        follow_up.record_attendance(
            uow=uow_factory(), by=by, meeting_id=meeting.id, held=True, now=after
        )
        for side, answer in zip((first, second), answers, strict=True):
            follow_up.give_meeting_feedback(
                uow=uow_factory(),
                by=by,
                meeting_id=meeting.id,
                participant_id=participant[side],
                answer=answer,
                now=after,
            )
    for key in spec.get("no_show", []):
        first, second = key.split("|")
        meeting = by_pair.get(frozenset((participant[first], participant[second])))
        if meeting is not None and meeting.id is not None:
            follow_up.record_attendance(
                uow=uow_factory(), by=by, meeting_id=meeting.id, held=False, now=after
            )
