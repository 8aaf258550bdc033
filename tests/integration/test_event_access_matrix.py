"""Role x event route: each asker gets the status the events' rules give (tests.event_matrix),
and no answer shows a participant's attendees or a request's message to someone outside it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from tests.actors import OPERATOR
from tests.auth import bearer
from tests.clock import TEST_CLOCK
from tests.deals import introduced_world
from tests.event_matrix import EVENT_ASKERS, EVENT_CASES, FORUM, EventCase
from tests.postgres import BACKENDS, database_on
from tests.records import organisation_data

from itpo.accounts.model import Scope
from itpo.adapters.app import create_app
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.events import services
from itpo.registry import services as registry

API = "/api/v1"
ATTENDEE = "Grace Wanjiru (ATTENDEE-5X)"
MESSAGE = "Your dryers at our packhouse (MESSAGE-8K)"


@dataclass
class EventMatrixWorld:
    clients: dict[str, TestClient]
    ids: dict[str, int]


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EventMatrixWorld]:
    folder: Path = tmp_path_factory.mktemp("event-matrix")
    with database_on(request.param, folder) as url:
        platform = bootstrap(
            Settings(database_url=url, data_dir=folder / "data"), initialise=True, clock=TEST_CLOCK
        )
        built = introduced_world(platform)
        uow, clock = platform.uow, platform.clock
        lagos = registry.create_organisation(
            by=OPERATOR,
            uow=uow(),
            data=organisation_data(external_id="org-ng", name="Lagos Foods", country="NGA"),
        )
        assert lagos.id is not None
        event = services.create_event(uow=uow(), by=built.officer, data=FORUM, now=clock)
        assert event.id is not None
        kenya = services.register(
            uow=uow(),
            by=built.kenyan,
            event_id=event.id,
            organisation_id=built.kenya,
            attendees=[ATTENDEE],
            now=clock,
        )
        china = services.register(
            uow=uow(),
            by=built.chinese,
            event_id=event.id,
            organisation_id=built.china,
            attendees=["Li Ming"],
            now=clock,
        )
        nigeria = services.register(
            uow=uow(),
            by=built.officer,
            event_id=event.id,
            organisation_id=lagos.id,
            attendees=["Ada Obi"],
            now=clock,
        )
        assert kenya.id and china.id and nigeria.id
        asked = services.request_meeting(
            uow=uow(), by=built.kenyan, from_id=kenya.id, to_id=china.id, message=MESSAGE, now=clock
        )
        to_cancel = services.request_meeting(
            uow=uow(), by=built.kenyan, from_id=kenya.id, to_id=nigeria.id, now=clock
        )
        services.request_meeting(
            uow=uow(),
            by=built.officer,
            from_id=china.id,
            to_id=nigeria.id,
            by_office=True,
            now=clock,
        )
        services.run_scheduler(uow=uow(), by=built.officer, event_id=event.id, seconds=1)
        services.publish_schedule(uow=uow(), by=built.officer, event_id=event.id, now=clock)
        [meeting] = services.meetings_of(uow=uow(), by=built.officer, event_id=event.id)
        assert asked.id and to_cancel.id and meeting.id
        headers = {
            "public": {},
            "party": bearer(platform, built.chinese),
            "read_only": bearer(platform, built.chinese, [Scope.READ]),
            "other_member": bearer(platform, built.other_member),
            "officer": bearer(platform, built.officer),
            "admin": bearer(platform, built.admin),
        }
        app = create_app(platform=platform)
        clients = {
            name: TestClient(app, raise_server_exceptions=False, headers=h)
            for name, h in headers.items()
        }
        ids = {
            "event": event.id,
            "party": china.id,
            "kenya": kenya.id,
            "kenya_organisation": built.kenya,
            "request": asked.id,
            "cancel": to_cancel.id,
            "meeting": meeting.id,
        }
        yield EventMatrixWorld(clients, ids)
        platform.close()


def fill(path: str, world: EventMatrixWorld) -> str:
    return path.format(**{k: str(v) for k, v in world.ids.items()})


@pytest.mark.parametrize("case", EVENT_CASES, ids=lambda c: f"{c.method} {c.path} {c.params or ''}")
def test_each_event_route_answers_each_asker_as_the_rules_say(
    world: EventMatrixWorld, case: EventCase
) -> None:
    for asker in EVENT_ASKERS:
        answer = world.clients[asker].request(
            case.method,
            API + fill(case.path, world),
            json=case.body(world.ids) if case.body else None,
            params=case.params,
        )
        expected = case.expected[asker]
        assert answer.status_code == expected, (asker, case.method, case.path, answer.text[:300])
        if asker in ("public", "other_member", "party", "read_only"):
            assert ATTENDEE not in answer.text, (asker, case.path)  # the Kenyans' own
        if asker in ("public", "other_member"):
            assert MESSAGE not in answer.text, (asker, case.path)


def test_a_member_lists_only_its_own_requests_and_meetings(world: EventMatrixWorld) -> None:
    event = world.ids["event"]
    party = world.clients["party"].get(f"{API}/events/{event}/requests").json()
    outsider = world.clients["other_member"].get(f"{API}/events/{event}/requests").json()
    assert {r["id"] for r in party} == {world.ids["request"], world.ids["request"] + 2}
    assert outsider == []
    assert world.clients["other_member"].get(f"{API}/events/{event}/meetings").json() == []
    agenda = world.clients["party"].get(f"{API}/event-participants/{world.ids['party']}/agenda")
    assert [item["counterpart"] for item in agenda.json()["items"]] == ["Lagos Foods"]
    calendar = world.clients["party"].get(
        f"{API}/event-participants/{world.ids['party']}/agenda", params={"format": "ics"}
    )
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert calendar.text.count("BEGIN:VEVENT") == 1


def test_the_table_plan_names_both_sides_at_each_table(world: EventMatrixWorld) -> None:
    answer = world.clients["officer"].get(f"{API}/events/{world.ids['event']}/table-plan")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.content)).pages)
    assert "Matrix forum" in text and "Table " in text
    assert "Pudong Solar Agritech" in text and "Lagos Foods" in text
