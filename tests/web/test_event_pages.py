"""Events through the pages, as an officer and two participants' members would use them: an
event created from the form (every bad field named in one round, nothing written), both
organisations registered, free slots, a suggested meeting asked for and accepted, refusals
beside their fields, the scheduler run in the background with its progress, a meeting moved
by hand, the schedule published, agendas downloaded as iCalendar and PDF, feedback that
shortlists the match; in English and Chinese."""

from __future__ import annotations

import io
import re
import time

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from icalendar import Calendar
from pypdf import PdfReader

from itpo.events import services as events
from itpo.events.model import RequestState
from itpo.events.suggestions import suggestions_for
from itpo.matching.tracking import match_and_record
from itpo.registry.disclosure import UNDISCLOSED
from tests.actors import OPERATOR
from tests.world import World, csrf_of, signed_in

FORM = {
    "name": "Green Manufacturing Forum",
    "name_zh": "绿色制造论坛",
    "kind": "forum",
    "place": "Shanghai, Hall 3",
    "time_zone": "Asia/Shanghai",
    "slot_minutes": "30",
    "tables": "3",
    "request_days": "7",
    "sessions-0-day": "2027-04-20",
    "sessions-0-start": "09:00",
    "sessions-0-end": "12:00",
    "sessions-0-break_start": "10:30",
    "sessions-0-break_end": "11:00",
    "sessions-2-day": "2027-04-20",
    "sessions-2-start": "14:00",
    "sessions-2-end": "16:00",
}


@pytest.fixture(scope="module")
def clients(world: World) -> dict[str, TestClient]:
    return {a: signed_in(world, a) for a in ("public", "member", "other_member", "officer")}


def post(client: TestClient, page: str, action: str, data: dict[str, str]) -> Response:
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**data, "csrf_token": token}, follow_redirects=False)


def created(clients: dict[str, TestClient], form: dict[str, str] = FORM) -> int:
    answer = post(clients["officer"], "/events/new", "/events", form)
    assert answer.status_code == 303, answer.text
    found = re.match(r"/events/(\d+)\?done=created", answer.headers["location"])
    assert found is not None
    return int(found.group(1))


def registered(clients: dict[str, TestClient], event_id: int, asker: str) -> int:
    answer = post(
        clients[asker],
        f"/events/{event_id}",
        f"/events/{event_id}/participants",
        {"attendees": f"Delegate of the {asker}\nEngineer"},
    )
    assert answer.status_code == 303, answer.text
    found = re.match(r"/event-participants/(\d+)\?done=registered", answer.headers["location"])
    assert found is not None
    return int(found.group(1))


def event_count(world: World) -> int:
    return events.list_events(uow=world.platform.uow(), limit=None)[1]


def test_a_bad_event_form_names_every_field_at_once_and_creates_nothing(
    world: World, clients: dict[str, TestClient]
) -> None:
    before = event_count(world)
    bad = {
        **FORM,
        "time_zone": "Mars/Olympus",
        "tables": "",
        "slot_minutes": "many",
        "sessions-2-start": "11:00",  # overlaps the morning session of the same day
        "sessions-3-day": "2027-04-21",
        "sessions-3-start": "15:00",
        "sessions-3-end": "14:00",
    }
    answer = post(clients["officer"], "/events/new", "/events", bad)
    assert answer.status_code == 422
    html = answer.text
    for field in ("tables", "slot_minutes", "sessions-3-end"):
        assert f'id="{field}-problem"' in html, field
    assert "Nothing was created" in html
    assert 'value="Green Manufacturing Forum"' in html  # what was typed stays
    assert event_count(world) == before
    overlapping = {**FORM, "sessions-2-start": "11:00", "sessions-2-end": "13:00"}
    answer = post(clients["officer"], "/events/new", "/events", overlapping)
    assert answer.status_code == 422
    assert 'id="sessions-2-start-problem"' in answer.text
    assert "overlaps another session" in answer.text
    zone = {**FORM, "time_zone": "Mars/Olympus"}
    answer = post(clients["officer"], "/events/new", "/events", zone)
    assert answer.status_code == 422
    assert 'id="time_zone-problem"' in answer.text
    assert event_count(world) == before


def test_only_officers_create_events(clients: dict[str, TestClient]) -> None:
    assert clients["member"].get("/events/new").status_code == 403
    answer = clients["public"].get("/events/new", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    refused = post(clients["member"], "/events", "/events", FORM)
    assert refused.status_code == 403


def test_from_registration_to_agenda_and_feedback(
    world: World, clients: dict[str, TestClient]
) -> None:
    event_id = created(clients)
    page = clients["public"].get(f"/events/{event_id}")
    assert page.status_code == 200 and "Green Manufacturing Forum" in page.text
    assert "Sign in to see who takes part" in page.text
    assert "Meeting slots" in page.text

    # A registration without anyone attending is refused beside the field.
    answer = post(
        clients["member"],
        f"/events/{event_id}",
        f"/events/{event_id}/participants",
        {"attendees": "  "},
    )
    assert answer.status_code == 422
    assert 'id="register-attendees-problem"' in answer.text
    own = registered(clients, event_id, "member")
    other = registered(clients, event_id, "other_member")
    desk = clients["member"].get(f"/event-participants/{own}?done=registered")
    assert desk.status_code == 200 and "Your organisation is registered." in desk.text
    # Each desk is its own organisation's.
    assert clients["other_member"].get(f"/event-participants/{own}").status_code == 404

    # Free in no slot at all: refused, nothing changed.
    answer = post(
        clients["member"],
        f"/event-participants/{own}",
        f"/event-participants/{own}/availability",
        {},
    )
    assert answer.status_code == 422
    assert "free in no slot at all" in answer.text
    kept, _, _ = events.participant_of(uow=world.platform.uow(), by=OPERATOR, participant_id=own)
    assert kept.blocked == frozenset()
    # Free in every slot but the first.
    slots = len(events.timetable(events.get_event(uow=world.platform.uow(), event_id=event_id)))
    desk_html = clients["member"].get(f"/event-participants/{own}").text
    answer = clients["member"].post(
        f"/event-participants/{own}/availability",
        data={"free": [str(n) for n in range(1, slots)], "csrf_token": csrf_of(desk_html)},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    kept, _, _ = events.participant_of(uow=world.platform.uow(), by=OPERATOR, participant_id=own)
    assert kept.blocked == frozenset({0})

    # Matching suggests the other organisation: its public dryer meets the own need.
    desk = clients["member"].get(f"/event-participants/{own}")
    suggestions = desk.text.split('id="suggestions"')[1].split('id="requests"')[0]
    assert "Solar tunnel dryer for mango" in suggestions
    assert f'name="to_id" value="{other}"' in suggestions
    # Asking oneself is refused beside the field.
    answer = post(
        clients["member"],
        f"/event-participants/{own}",
        f"/event-participants/{own}/requests",
        {"to_id": str(own)},
    )
    assert answer.status_code == 422
    assert 'id="request-to_id-problem"' in answer.text
    answer = post(
        clients["member"],
        f"/event-participants/{own}",
        f"/event-participants/{own}/requests",
        {"to_id": str(other), "message": "Your dryer at our packhouse?"},
    )
    assert answer.status_code == 303
    [asked] = events.requests_of(uow=world.platform.uow(), by=OPERATOR, event_id=event_id)
    assert asked.state is RequestState.PENDING and asked.match_score is not None
    again = clients["member"].get(f"/event-participants/{own}").text
    assert "A request between you is open already." in again

    # The asked side declines without a reason: refused; then accepts.
    received = clients["other_member"].get(f"/event-participants/{other}")
    assert "Your dryer at our packhouse?" in received.text
    answer = post(
        clients["other_member"],
        f"/event-participants/{other}",
        f"/meeting-requests/{asked.id}/answer",
        {"participant_id": str(other), "answer": "decline", "reason": ""},
    )
    assert answer.status_code == 422
    assert f'id="answer-{asked.id}-reason-problem"' in answer.text
    answer = post(
        clients["other_member"],
        f"/event-participants/{other}",
        f"/meeting-requests/{asked.id}/answer",
        {"participant_id": str(other), "answer": "accept"},
    )
    assert answer.status_code == 303

    # The officer runs the scheduler and follows its progress until the page reloads.
    schedule = f"/events/{event_id}/schedule"
    assert clients["member"].get(schedule).status_code == 403
    answer = post(clients["officer"], schedule, schedule, {"seconds": "5"})
    assert answer.status_code == 303
    deadline = time.monotonic() + 60
    while True:
        progress = clients["officer"].get(f"{schedule}/progress", headers={"HX-Request": "true"})
        assert progress.status_code == 200
        if "HX-Redirect" in progress.headers:
            assert progress.headers["HX-Redirect"] == f"{schedule}?done=scheduled"
            break
        assert time.monotonic() < deadline, progress.text
        time.sleep(0.2)
    grid = clients["officer"].get(f"{schedule}?done=scheduled").text
    assert "Optimal (proven)" in grid
    [meeting] = events.meetings_of(uow=world.platform.uow(), by=OPERATOR, event_id=event_id)
    assert meeting.slot != 0  # the own side is not free in the first slot

    # A move by hand into a slot the own side is not free in is refused beside the field.
    moved = post(
        clients["officer"],
        schedule,
        f"/event-meetings/{meeting.id}/move",
        {"event_id": str(event_id), "slot": "0", "table": "0"},
    )
    assert moved.status_code == 422
    assert f'id="move-{meeting.id}-slot-problem"' in moved.text
    moved = post(
        clients["officer"],
        schedule,
        f"/event-meetings/{meeting.id}/move",
        {"event_id": str(event_id), "slot": "2", "table": "2"},
    )
    assert moved.status_code == 303
    [meeting] = events.meetings_of(uow=world.platform.uow(), by=OPERATOR, event_id=event_id)
    assert (meeting.slot, meeting.table, meeting.locked) == (2, 2, True)

    # Before publication the member sees no agenda; after, both download theirs.
    assert (
        "The office publishes the schedule"
        in clients["member"].get(f"/event-participants/{own}").text
    )
    answer = post(clients["officer"], schedule, f"/events/{event_id}/publish", {})
    assert answer.status_code == 303
    for asker, participant in (("member", own), ("other_member", other)):
        ics = clients[asker].get(f"/event-participants/{participant}/agenda?format=ics")
        assert ics.status_code == 200
        [item] = list(Calendar.from_ical(ics.content).walk("VEVENT"))
        start = item.decoded("dtstart")
        assert str(start.tzinfo) == "Asia/Shanghai"
        assert start.isoformat() == "2027-04-20T10:00:00+08:00"  # slot 2 of the morning
        pdf = clients[asker].get(f"/event-participants/{participant}/agenda?format=pdf")
        assert pdf.status_code == 200
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
        assert "Table 3" in text or "3" in text
    plan = clients["officer"].get(f"/events/{event_id}/table-plan")
    assert plan.status_code == 200 and "Table plan" in plan.text

    # Both sides see cooperation ahead: the office shortlists their match.
    for asker, participant in (("member", own), ("other_member", other)):
        answer = post(
            clients[asker],
            f"/event-participants/{participant}",
            f"/event-meetings/{meeting.id}/feedback",
            {"participant_id": str(participant), "answer": "cooperation_possible"},
        )
        assert answer.status_code == 303
    assert answer.headers["location"].startswith(f"/event-participants/{other}?done=shortlisted")
    figures = clients["officer"].get(schedule).text
    assert "Cooperation possible 2" in figures


def test_suggestions_never_tie_an_organisation_to_its_anonymous_record(
    world: World, clients: dict[str, TestClient]
) -> None:
    """The other organisation's anonymous dryer matches the own need, but a member may not
    know whose it is: the suggestion to meet that organisation rests on its public record."""
    event_id = created(clients, {**FORM, "name": "Disclosure forum"})
    own = registered(clients, event_id, "member")
    registered(clients, event_id, "other_member")
    member = world.people["member"]
    seen = match_and_record(
        uow=world.platform.uow(),
        by=member,
        index=world.platform.index(),
        opportunity_id=world.ids["own"],
        today=world.platform.today(),
        top=50,
    ).results
    anonymous = [r for r in seen if r.opportunity_id == world.ids["other_anonymous"]]
    assert anonymous and anonymous[0].organisation == UNDISCLOSED  # the rule has work to do
    member_view = clients["member"].get(f"/event-participants/{own}").text
    suggestions = member_view.split('id="suggestions"')[1].split('id="requests"')[0]
    assert "Solar tunnel dryer for mango" in suggestions
    assert "Anonymous solar fruit dryer" not in suggestions
    offered = suggestions_for(
        uow=world.platform.uow(),
        by=member,
        participant_id=own,
        index=world.platform.index(),
        today=world.platform.today(),
    )
    assert all(s.match.organisation != UNDISCLOSED for s in offered)
    assert world.ids["other_anonymous"] not in {s.match.opportunity_id for s in offered}


def test_an_officer_closes_registration_and_members_can_no_longer_register(
    world: World, clients: dict[str, TestClient]
) -> None:
    event_id = created(clients, {**FORM, "name": "Closing forum"})
    page = f"/events/{event_id}"
    assert post(clients["member"], page, f"{page}/registration", {"open": "no"}).status_code == 403
    answer = post(clients["officer"], page, f"{page}/registration", {"open": "no"})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{page}?done=closed"
    shown = clients["member"].get(page).text
    assert "Registration closed" in shown and 'id="register-attendees"' not in shown
    refused = post(clients["member"], page, f"{page}/participants", {"attendees": "A. N."})
    assert refused.status_code == 409 and "registration for this event is closed" in refused.text
    assert not events.participants_of(uow=world.platform.uow(), by=OPERATOR, event_id=event_id)
    answer = post(clients["officer"], page, f"{page}/registration", {"open": "yes"})
    assert answer.headers["location"] == f"{page}?done=opened"
    assert 'id="register-attendees"' in clients["member"].get(page).text


def test_the_pages_in_chinese(world: World, clients: dict[str, TestClient]) -> None:
    event_id = created(clients, {**FORM, "name": "Chinese forum", "name_zh": "中文论坛"})
    own = registered(clients, event_id, "member")
    page = clients["member"].get(f"/events/{event_id}?lang=zh")
    assert "中文论坛" in page.text and "会谈时段" in page.text
    desk = clients["member"].get(f"/event-participants/{own}?lang=zh")
    assert "推荐会谈" in desk.text and "您的空闲时间" in desk.text and "周二" in desk.text
    grid = clients["officer"].get(f"/events/{event_id}/schedule?lang=zh")
    assert "运行排程" in grid.text and "时段与桌位" in grid.text
