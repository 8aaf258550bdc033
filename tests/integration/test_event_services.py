"""An event through its services on a real database: created by an officer, registered by
members, requests asked and answered, the scheduler run and its schedule published, each
participant's agenda; every refusal the rules promise, with nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from icalendar import Calendar
from tests.actors import OPERATOR
from tests.deals import DealWorld, introduced_world
from tests.records import opportunity_data

from itpo.accounts.errors import Forbidden
from itpo.adapters.events.ics import agenda_ics
from itpo.bootstrap import Platform
from itpo.events import follow_up, services
from itpo.events.checker import violations
from itpo.events.model import RequestState
from itpo.events.problem import Meeting
from itpo.mail import outbox
from itpo.mail.model import MailKind
from itpo.mail.ports import MailQuery
from itpo.matching.decisions import Match, MatchState
from itpo.registry import services as services_registry
from itpo.registry.errors import Conflict, NotFound, ValidationError

FORUM: dict[str, Any] = {
    "name": "ITPO Shanghai Green Technology Forum",
    "name_zh": "ITPO上海绿色技术论坛",
    "kind": "forum",
    "place": "Shanghai Exhibition Centre",
    "time_zone": "Asia/Shanghai",
    "sessions": [
        {
            "day": "2027-03-16",
            "start": "09:00",
            "end": "12:00",
            "breaks": [{"start": "10:30", "end": "11:00"}],
        },
        {"day": "2027-03-16", "start": "14:00", "end": "16:00"},
    ],
    "slot_minutes": 30,
    "tables": 3,
    "cap": 4,
}


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def world(platform: Platform) -> DealWorld:
    return introduced_world(platform)


def stored(world: DealWorld, read: Callable[[Any], Any]) -> Any:
    """What the database holds, read in a unit of work of its own."""
    with (uow := world.platform.uow()):
        return read(uow.events)


def fields_of(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [e.field for e in error.value.errors]


def registered(world: DealWorld) -> tuple[int, dict[str, int]]:
    uow = world.platform.uow
    event = services.create_event(uow=uow(), by=world.officer, data=FORUM)
    assert event.id is not None
    ids = {}
    for who, organisation, name in (
        (world.kenyan, world.kenya, "Grace Wanjiru, cooperative manager"),
        (world.chinese, world.china, "Li Ming, export director"),
        (world.officer, world.outsider, "Nguyen Van An, plant manager"),
    ):
        participant = services.register(
            uow=uow(), by=who, event_id=event.id, organisation_id=organisation, attendees=[name]
        )
        assert participant.id is not None
        ids[str(organisation)] = participant.id
    return event.id, {
        "kenya": ids[str(world.kenya)],
        "china": ids[str(world.china)],
        "vietnam": ids[str(world.outsider)],
    }


def test_an_event_from_registration_to_a_published_agenda(world: DealWorld) -> None:
    uow, clock = world.platform.uow, world.platform.clock
    event_id, ids = registered(world)
    event = services.get_event(uow=uow(), event_id=event_id)
    assert len(services.timetable(event)) == 9  # five slots around the break, four after lunch
    services.set_availability(
        uow=uow(), by=world.kenyan, participant_id=ids["kenya"], blocked=[0, 1]
    )
    asked = services.request_meeting(
        uow=uow(),
        by=world.kenyan,
        from_id=ids["kenya"],
        to_id=ids["china"],
        message="Your dryers",
        priority=3,
        now=clock,
    )
    assert asked.state is RequestState.PENDING
    # Their introduced match (score 71) weighs in: priority 3 and 0.71 of matching.
    assert asked.match_score == 71.0 and asked.weight == 3.71
    # The Vietnamese member neither sees nor answers the Kenyan request.
    assert services.requests_of(uow=uow(), by=world.other_member, event_id=event_id) == []
    with pytest.raises(NotFound):
        services.answer_request(
            uow=uow(), by=world.other_member, request_id=asked.id or 0, accept=True
        )
    with pytest.raises(Forbidden):  # the asking side cannot accept its own request
        services.answer_request(uow=uow(), by=world.kenyan, request_id=asked.id or 0, accept=True)
    services.answer_request(
        uow=uow(), by=world.chinese, request_id=asked.id or 0, accept=True, now=clock
    )
    office = services.request_meeting(
        uow=uow(),
        by=world.officer,
        from_id=ids["china"],
        to_id=ids["vietnam"],
        by_office=True,
        now=clock,
    )
    assert office.state is RequestState.ACCEPTED and office.weight == 3.0

    schedule = services.run_scheduler(uow=uow(), by=world.officer, event_id=event_id, seconds=2)
    assert schedule.status == "optimal" and len(schedule.meetings) == 2
    meetings = services.meetings_of(uow=uow(), by=world.officer, event_id=event_id)
    kenyan_meeting = next(m for m in meetings if ids["kenya"] in (m.first_id, m.second_id))
    assert kenyan_meeting.slot >= 2  # not in the slots the Kenyans blocked
    assert (
        services.agenda(uow=uow(), by=world.kenyan, participant_id=ids["kenya"]).items == ()
    )  # not published
    services.publish_schedule(uow=uow(), by=world.officer, event_id=event_id)
    agenda = services.agenda(uow=uow(), by=world.kenyan, participant_id=ids["kenya"])
    [item] = agenda.items
    assert item.counterpart == "Pudong Solar Agritech"
    assert item.start.tzinfo is not None and item.start.utcoffset() == dt.timedelta(hours=8)
    calendar = Calendar.from_ical(agenda_ics(agenda, stamp=clock()))
    entries: list[Any] = list(calendar.walk("VEVENT"))  # read as the calendar program would
    [entry] = entries
    assert entry["DTSTART"].dt == item.start and int(entry["SEQUENCE"]) == 1
    with pytest.raises(NotFound):  # another organisation's agenda is not shown
        services.agenda(uow=uow(), by=world.other_member, participant_id=ids["kenya"])


def test_the_rules_of_registration_and_requests(world: DealWorld) -> None:
    uow = world.platform.uow
    event_id, ids = registered(world)
    with pytest.raises(Forbidden):
        services.create_event(uow=uow(), by=world.kenyan, data=FORUM)
    with pytest.raises(Forbidden):  # a member registers only its own organisation
        services.register(
            uow=uow(),
            by=world.kenyan,
            event_id=event_id,
            organisation_id=world.china,
            attendees=["x"],
        )
    with pytest.raises(Conflict):
        services.register(
            uow=uow(),
            by=world.kenyan,
            event_id=event_id,
            organisation_id=world.kenya,
            attendees=["x"],
        )
    with pytest.raises(ValidationError) as bad:
        services.set_availability(
            uow=uow(), by=world.kenyan, participant_id=ids["kenya"], blocked=[0, 99]
        )
    assert fields_of(bad) == ["blocked[1]"]
    with pytest.raises(ValidationError) as everywhere:
        services.set_availability(
            uow=uow(), by=world.kenyan, participant_id=ids["kenya"], blocked=list(range(9))
        )
    assert fields_of(everywhere) == ["blocked"]
    with pytest.raises(ValidationError) as itself:
        services.request_meeting(
            uow=uow(), by=world.kenyan, from_id=ids["kenya"], to_id=ids["kenya"]
        )
    assert fields_of(itself) == ["to_id"]
    with pytest.raises(Forbidden):  # only officers ask in the office's name
        services.request_meeting(
            uow=uow(), by=world.kenyan, from_id=ids["kenya"], to_id=ids["china"], by_office=True
        )
    with pytest.raises(Forbidden):  # nor for another organisation
        services.request_meeting(
            uow=uow(), by=world.kenyan, from_id=ids["china"], to_id=ids["vietnam"]
        )
    services.request_meeting(uow=uow(), by=world.kenyan, from_id=ids["kenya"], to_id=ids["china"])
    with pytest.raises(Conflict):  # one open request a pair
        services.request_meeting(
            uow=uow(), by=world.chinese, from_id=ids["china"], to_id=ids["kenya"]
        )
    assert (
        len(stored(world, lambda e: e.requests(event_id))) == 1
    )  # nothing half-written by the refusals
    assert stored(world, lambda e: e.participant(ids["kenya"])).blocked == frozenset()


def test_a_request_nobody_answers_expires(world: DealWorld) -> None:
    uow = world.platform.uow
    event_id, ids = registered(world)
    clock = Clock(world.platform.clock())
    asked = services.request_meeting(
        uow=uow(), by=world.kenyan, from_id=ids["kenya"], to_id=ids["china"], now=clock
    )
    clock.at += dt.timedelta(days=8)
    with pytest.raises(Conflict, match="expired"):
        services.answer_request(
            uow=uow(), by=world.chinese, request_id=asked.id or 0, accept=True, now=clock
        )
    expired = services.expire_requests(uow=uow(), by=world.officer, event_id=event_id, now=clock)
    assert [r.id for r in expired] == [asked.id]
    # Both sides are told, each in its organisation's language, through the outbox.
    told = outbox.list_messages(
        uow=uow(), by=OPERATOR, query=MailQuery(kinds=(MailKind.REQUEST_EXPIRED,), limit=None)
    ).items
    assert {m.to for m in told} == {"ops@meru.example", "sales@pudong.example"}
    assert services.expire_requests(uow=uow(), by=world.officer, event_id=event_id, now=clock) == []
    assert stored(world, lambda e: e.request(asked.id or 0)).state is RequestState.EXPIRED
    with pytest.raises(ValidationError) as declined:
        services.answer_request(uow=uow(), by=world.chinese, request_id=asked.id or 0, accept=False)
    assert fields_of(declined) == ["reason"]  # a decline says why


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        (
            {
                "sessions": [
                    {"day": "2027-03-16", "start": "09:00", "end": "12:00"},
                    {"day": "2027-03-16", "start": "11:00", "end": "13:00"},
                ]
            },
            ["sessions[1].start"],
        ),
        ({"time_zone": "Shanghai"}, ["time_zone"]),
        ({"tables": 0, "name": ""}, ["name", "tables"]),
        (
            {"sessions": [{"day": "16/03/2027", "start": "09:00", "end": "12:00"}]},
            ["sessions[0].day"],
        ),
        ({"sessions": []}, ["sessions"]),
    ],
    ids=[
        "overlapping sessions",
        "not a time zone",
        "no name and no table",
        "a day not as a date",
        "no session",
    ],
)
def test_a_bad_event_is_refused_naming_each_field(
    world: DealWorld, change: dict[str, Any], fields: list[str]
) -> None:
    with pytest.raises(ValidationError) as bad:
        services.create_event(uow=world.platform.uow(), by=world.officer, data=FORUM | change)
    assert fields_of(bad) == fields
    assert stored(world, lambda e: e.find(limit=None, offset=0))[1] == 0


def test_a_re_plan_keeps_the_published_meetings_and_locked_ones(world: DealWorld) -> None:
    uow = world.platform.uow
    event_id, ids = registered(world)
    for a, b in (("kenya", "china"), ("china", "vietnam")):
        services.request_meeting(
            uow=uow(), by=world.officer, from_id=ids[a], to_id=ids[b], by_office=True
        )
    services.run_scheduler(uow=uow(), by=world.officer, event_id=event_id, seconds=2)
    services.publish_schedule(uow=uow(), by=world.officer, event_id=event_id)
    before = {
        (m.request_id, m.slot, m.table)
        for m in services.meetings_of(uow=uow(), by=world.officer, event_id=event_id)
    }
    services.request_meeting(
        uow=uow(), by=world.officer, from_id=ids["kenya"], to_id=ids["vietnam"], by_office=True
    )
    services.run_scheduler(uow=uow(), by=world.officer, event_id=event_id, seconds=2)
    after = services.meetings_of(uow=uow(), by=world.officer, event_id=event_id)
    assert len(after) == 3
    assert before <= {(m.request_id, m.slot, m.table) for m in after}  # nothing published moved
    event = services.get_event(uow=uow(), event_id=event_id)
    problem = services.scheduling_problem(
        event,
        stored(world, lambda e: e.participants(event_id)),
        stored(world, lambda e: e.requests(event_id)),
        after,
    )
    assert (
        violations(
            problem, [Meeting(str(m.first_id), str(m.second_id), m.slot, m.table) for m in after]
        )
        == []
    )


def test_cooperation_seen_by_both_sides_shortlists_their_match(world: DealWorld) -> None:
    uow, clock = world.platform.uow, world.platform.clock
    event_id, ids = registered(world)
    need = services_registry.create_opportunity(
        by=OPERATOR,
        uow=uow(),
        data=opportunity_data(
            external_id="need-vn",
            organisation="org-vn",
            kind="technology_need",
            trl=None,
            min_trl=5,
            countries=["VNM"],
            title="Dryer for dragon fruit",
            teaser="A Mekong processor needs a dryer.",
        ),
    )
    assert need.id is not None
    first, second = sorted((world.offer, need.id))
    with (unit := uow()):
        [match_id] = unit.matches.save_many(
            [Match(first, second, 64.0, {"text": 0.6}, 1, clock(), clock())]
        )
        unit.commit()
    services.request_meeting(
        uow=uow(), by=world.officer, from_id=ids["china"], to_id=ids["vietnam"], by_office=True
    )
    services.run_scheduler(uow=uow(), by=world.officer, event_id=event_id, seconds=2)
    [meeting] = services.meetings_of(uow=uow(), by=world.officer, event_id=event_id)
    assert meeting.id is not None
    with pytest.raises(Conflict):  # nobody checks in to an unpublished schedule
        follow_up.record_attendance(uow=uow(), by=world.officer, meeting_id=meeting.id, held=True)
    services.publish_schedule(uow=uow(), by=world.officer, event_id=event_id)
    follow_up.record_attendance(uow=uow(), by=world.officer, meeting_id=meeting.id, held=True)
    with pytest.raises(ValidationError) as bad:
        follow_up.give_meeting_feedback(
            uow=uow(),
            by=world.chinese,
            meeting_id=meeting.id,
            participant_id=ids["china"],
            answer="great",
        )
    assert fields_of(bad) == ["answer"]
    with pytest.raises(NotFound):  # the Kenyans speak for neither side
        follow_up.give_meeting_feedback(
            uow=uow(),
            by=world.kenyan,
            meeting_id=meeting.id,
            participant_id=ids["china"],
            answer="informative",
        )
    one = follow_up.give_meeting_feedback(
        uow=uow(),
        by=world.chinese,
        meeting_id=meeting.id,
        participant_id=ids["china"],
        answer="cooperation_possible",
    )
    assert one.shortlisted_match_id is None  # one side's word is not enough
    both = follow_up.give_meeting_feedback(
        uow=uow(),
        by=world.other_member,
        meeting_id=meeting.id,
        participant_id=ids["vietnam"],
        answer="cooperation_possible",
    )
    assert both.shortlisted_match_id == match_id
    with (unit := uow()):
        assert unit.matches.get(match_id).state is MatchState.SHORTLISTED  # type: ignore[union-attr]
    figures = follow_up.event_figures(uow=uow(), by=world.officer, event_id=event_id)
    assert figures["meetings_scheduled"] == figures["meetings_held"] == 1
    assert figures["no_show_rate"] == 0.0
    assert figures["feedback"] == {"cooperation_possible": 2}
    assert figures["requests_by_state"]["accepted"] == 1  # type: ignore[index]
    with pytest.raises(Forbidden):
        follow_up.event_figures(uow=uow(), by=world.kenyan, event_id=event_id)


def test_a_meeting_moved_by_hand_is_checked_and_stays_locked(world: DealWorld) -> None:
    uow = world.platform.uow
    event_id, ids = registered(world)
    for a, b in (("kenya", "china"), ("china", "vietnam")):
        services.request_meeting(
            uow=uow(), by=world.officer, from_id=ids[a], to_id=ids[b], by_office=True
        )
    services.run_scheduler(uow=uow(), by=world.officer, event_id=event_id, seconds=1)
    first, second = services.meetings_of(uow=uow(), by=world.officer, event_id=event_id)
    assert first.id is not None
    with pytest.raises(ValidationError) as clash:  # China cannot be in two meetings at once
        services.move_meeting(
            uow=uow(), by=world.officer, meeting_id=first.id, slot=second.slot, table=2
        )
    assert fields_of(clash) == ["slot"] and "in slot" in clash.value.errors[0].message
    with pytest.raises(ValidationError) as outside:
        services.move_meeting(uow=uow(), by=world.officer, meeting_id=first.id, slot=99, table=7)
    assert fields_of(outside) == ["slot", "table"]
    free = next(s for s in range(9) if s not in (first.slot, second.slot))
    moved = services.move_meeting(
        uow=uow(), by=world.officer, meeting_id=first.id, slot=free, table=1
    )
    assert moved.locked
    services.run_scheduler(uow=uow(), by=world.officer, event_id=event_id, seconds=1)
    again = {m.id: m for m in services.meetings_of(uow=uow(), by=world.officer, event_id=event_id)}
    assert (again[first.id].slot, again[first.id].table, again[first.id].locked) == (free, 1, True)
    with pytest.raises(Forbidden):
        services.move_meeting(uow=uow(), by=world.kenyan, meeting_id=first.id, slot=0, table=0)
