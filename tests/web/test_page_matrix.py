"""Role x page x record: every page answers each kind of visitor as the rules say, and no page
carries restricted detail to someone who may not see it.

The page list is read from the app, so a new page without a case here fails the test. Visitors
sign in through the sign-in form: the public, a member of the owning organisation ("member"),
a member of another ("other_member", who owns the "other" records), an officer and an
administrator. Records are those of `tests.world`, each with its own secret.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from itpo.adapters.web import page_routers
from itpo.adapters.web.staged_imports import staged_imports
from itpo.appraisal import services as appraisals
from itpo.events import services as events
from itpo.mail import outbox
from itpo.mail.model import Letter, MailKind
from itpo.pipeline import confirmations, deals
from itpo.registry.importing import ImportReport
from tests.actors import OPERATOR
from tests.diagnostics import draft_diagnostic
from tests.postgres import BACKENDS
from tests.world import (
    ASKERS,
    KEYS,
    READS,
    SECRET,
    World,
    csrf_of,
    signed_in,
    world_on,
)

# The owner of the anonymous "introduced" record: only those who see it restricted, and its
# own profile page, may name it.
HIDDEN_OWNER = "Kassel Dryers"
SIGN_IN = "sign-in"  # the answer is a redirect to the sign-in page
EVENT = {
    "name": "Page matrix forum",
    "place": "Shanghai",
    "time_zone": "Asia/Shanghai",
    "sessions": [{"day": "2027-03-16", "start": "09:00", "end": "11:00"}],
    "tables": 2,
}


def owner_member(asker: str, record: str) -> bool:
    owners = {
        "member": ("own",),
        "other_member": ("other", "other_anonymous", "other_members", "other_draft", "project"),
    }
    return record in owners.get(asker, ())


def for_record_of_owner(asker: str, record: str) -> str:
    """Pages for the owner's members and staff (matches, edit): the public must sign in;
    someone who may see the record but not work on it is refused; a hidden record is missing."""
    if asker == "public":
        return SIGN_IN
    if asker in ("officer", "admin") or owner_member(asker, record):
        return "200"
    return "404" if READS[record][asker] == "404" else "403"


def matching(asker: str, record: str) -> str:
    """As `for_record_of_owner`; a draft is not matched (409) for those who may work on it."""
    expected = for_record_of_owner(asker, record)
    return "409" if expected == "200" and record == "other_draft" else expected


def for_the_pair(asker: str, _record: str) -> str:
    """A stored match: its two sides' members and staff; the public must sign in; to anyone
    else it does not exist (the world's match pairs "own" with "introduced")."""
    return {"public": SIGN_IN, "other_member": "404"}.get(asker, "200")


def reading(asker: str, record: str) -> str:
    return "404" if READS[record][asker] == "404" else "200"


def for_users(asker: str, _record: str) -> str:
    return SIGN_IN if asker == "public" else "200"


def for_administrators(asker: str, _record: str) -> str:
    return {"public": SIGN_IN, "admin": "200"}.get(asker, "403")


def for_everyone(_asker: str, _record: str) -> str:
    return "200"


def for_staff(asker: str, _record: str) -> str:
    return {"public": SIGN_IN, "officer": "200", "admin": "200"}.get(asker, "403")


def for_the_organisation(asker: str, organisation: str) -> str:
    """An organisation's form: officers, and the members of that organisation (the world's
    "member" is of the "own" one, "other_member" of the "other"); the public must sign in."""
    members = {"member": "own", "other_member": "other"}
    if asker == "public":
        return SIGN_IN
    return "200" if asker in ("officer", "admin") or members[asker] == organisation else "403"


def for_the_project(asker: str, _record: str) -> str:
    """A kept appraisal (the world's is of the "other" organisation's investment project):
    restricted detail of its project; the public must sign in; to anyone who does not see
    the project's details it does not exist."""
    return {"public": SIGN_IN, "member": "404"}.get(asker, "200")


def for_the_participant(asker: str, _record: str) -> str:
    """A participant's desk and agenda (the world's event has the "own" organisation's): its
    members and staff; to anyone else it does not exist."""
    return {"public": SIGN_IN, "other_member": "404"}.get(asker, "200")


def for_the_uploader(asker: str, _record: str) -> str:
    """A checked import file (the matrix's is the officer's): its sender alone; to other staff
    it does not exist."""
    return {"public": SIGN_IN, "officer": "200", "admin": "404"}.get(asker, "403")


@dataclass(frozen=True)
class Case:
    expect: Callable[[str, str], str]  # (asker, record) -> "200", "403", "404" or SIGN_IN
    per_record: bool = False  # the path takes an opportunity id: tried with every record
    query: str = ""


# Every page reached with GET. Keys are the app's route paths.
PAGES: dict[str, Case] = {
    "/": Case(for_everyone),
    "/opportunities": Case(for_everyone, query="?limit=100"),
    "/search": Case(for_everyone, query="?q=mango+solar+dryer"),
    "/opportunities/{opportunity_id:int}": Case(reading, per_record=True),
    "/opportunities/{opportunity_id:int}/matches": Case(matching, per_record=True),
    "/opportunities/{opportunity_id:int}/edit": Case(for_record_of_owner, per_record=True),
    "/opportunities/{opportunity_id:int}/review": Case(for_record_of_owner, per_record=True),
    "/review": Case(for_staff),
    "/opportunities/new": Case(for_users),
    "/organisations/{organisation_id:int}": Case(for_everyone),
    "/organisations/new": Case(for_staff),
    "/organisations/{organisation_id:int}/edit": Case(for_the_organisation),
    "/organisations/{organisation_id:int}/delete": Case(for_staff),
    "/matches": Case(for_users),
    "/matches/{match_id:int}": Case(for_the_pair),
    "/account": Case(for_users),
    "/admin/users": Case(for_administrators),
    "/admin/audit": Case(for_administrators),
    "/admin/users/new": Case(for_administrators),
    "/admin/offices": Case(for_administrators),
    "/admin/mail": Case(for_administrators),
    "/admin/mail/{message_id:int}": Case(for_administrators),
    # The world's deal is opened from its match, so its parties are the match's two sides.
    "/deals": Case(for_users),
    "/deals/{deal_id:int}": Case(for_the_pair),
    "/results": Case(for_staff),
    "/results/deals": Case(for_staff, query="?key=deals"),
    "/results/report": Case(for_staff, query="?format=html"),
    "/confirm/{token}": Case(for_everyone),
    "/events": Case(for_everyone),
    "/appraisals/new": Case(for_users),
    "/appraisals/template.xlsx": Case(for_users),
    "/appraisals/{appraisal_id:int}": Case(for_the_project),
    "/appraisals/{appraisal_id:int}/report": Case(for_the_project, query="?format=html"),
    "/events/new": Case(for_staff),
    "/events/{event_id:int}": Case(for_everyone),
    "/events/{event_id:int}/schedule": Case(for_staff),
    "/events/{event_id:int}/schedule/progress": Case(for_staff),
    "/events/{event_id:int}/table-plan": Case(for_staff),
    "/event-participants/{participant_id:int}": Case(for_the_participant),
    "/event-participants/{participant_id:int}/agenda": Case(
        for_the_participant, query="?format=ics"
    ),
    "/imports": Case(for_staff),
    "/imports/template.xlsx": Case(for_staff),
    "/imports/{upload}": Case(for_the_uploader),
    "/imports/{upload}/progress": Case(for_the_uploader),
    "/exports/{name}": Case(for_staff),
    "/practices": Case(for_everyone),
    "/practices/new": Case(for_users),
    "/practices/{case_id:int}": Case(for_everyone),
    "/practices/{case_id:int}/edit": Case(for_staff),
    "/practices/{case_id:int}/history": Case(for_staff),
    "/practices/import": Case(for_staff),
    "/practices/template.xlsx": Case(for_staff),
    "/practices/export/{name}": Case(for_everyone),
    "/diagnostics": Case(for_users),
    "/diagnostics/new": Case(for_users),
    # The "own" organisation's diagnostic: its members and staff; to anyone else it does not
    # exist.
    "/diagnostics/{diagnostic_id:int}": Case(for_the_participant),
    "/diagnostics/{diagnostic_id:int}/report.html": Case(for_the_participant),
    "/diagnostics/{diagnostic_id:int}/report.pdf": Case(for_the_participant),
    "/login": Case(for_everyone),
    "/password-reset": Case(for_everyone),
}


def page_routes(_world: World) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for router in page_routers():
        for route in router.routes:
            if isinstance(route, APIRoute):
                found.update(
                    (method, route.path) for method in route.methods or () if method != "HEAD"
                )
    return found


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """The page matrix's own world, on each database (the other page tests share one)."""
    with world_on(request.param, tmp_path_factory.mktemp("pages")) as built:
        yield built


@pytest.fixture(scope="module")
def deal_records(world: World) -> dict[str, str]:
    """A deal opened from the world's introduced match, a party's confirmation link and a
    message in the outbox."""
    deal = deals.open_deal_from_match(
        uow=world.platform.uow(), by=OPERATOR, match_id=world.match_id, now=world.platform.clock
    )
    assert deal.id is not None
    issued = confirmations.request_confirmation(
        uow=world.platform.uow(),
        by=OPERATOR,
        deal_id=deal.id,
        organisation_id=world.organisations["own"],
        email="ops@meru.example",
        now=world.platform.clock,
    )
    with (uow := world.platform.uow()):
        written = outbox.queue(
            uow,
            kind=MailKind.CONFIRMATION,
            to="ops@meru.example",
            letter=Letter(subject="Please confirm", body="A link."),
            at=world.platform.clock(),
        )
        uow.commit()
    return {
        "{deal_id:int}": str(deal.id),
        "{token}": issued.token,
        "{message_id:int}": str(written),
        **event_records(world),
        "{appraisal_id:int}": str(appraisal_record(world)),
        "{upload}": checked_upload(world),
        "{name}": "export.json",
        # The office's published case: everyone reads it, officers write it.
        "{case_id:int}": str(world.cases["office"]),
        "{diagnostic_id:int}": str(
            draft_diagnostic(world.platform, OPERATOR, world.organisations["own"])
        ),
    }


def appraisal_record(world: World) -> int:
    """An appraisal kept with the world's investment project."""
    model = json.loads(
        (resources.files("itpo.appraisal") / "examples" / "solar_fruit_drying.json").read_text()
    )
    stored = appraisals.attach_appraisal(
        uow=world.platform.uow(), by=OPERATOR, opportunity_id=world.ids["project"], model_data=model
    )
    assert stored.id is not None
    return stored.id


def checked_upload(world: World) -> str:
    """An import file the officer checked and has not imported yet."""
    store = staged_imports(world.platform)
    staged = store.open(world.users["officer"], "matrix.csv", ".csv", None)
    staged.file.write_text("external_id,name,kind,country\n", encoding="utf-8")
    return store.keep(staged, ImportReport(dry_run=True)).token


def event_records(world: World) -> dict[str, str]:
    """An event where the "own" organisation asked the "other" for a meeting, accepted and
    in the published schedule."""
    uow, clock = world.platform.uow, world.platform.clock
    event = events.create_event(uow=uow(), by=OPERATOR, data=EVENT, now=clock)
    assert event.id is not None
    own, other = (
        events.register(
            uow=uow(),
            by=OPERATOR,
            event_id=event.id,
            organisation_id=world.organisations[key],
            attendees=[f"Delegate of {key}"],
            now=clock,
        )
        for key in ("own", "other")
    )
    assert own.id is not None and other.id is not None
    asked = events.request_meeting(uow=uow(), by=OPERATOR, from_id=own.id, to_id=other.id)
    assert asked.id is not None
    events.answer_request(uow=uow(), by=OPERATOR, request_id=asked.id, accept=True)
    events.run_scheduler(uow=uow(), by=OPERATOR, event_id=event.id, seconds=1, now=clock)
    events.publish_schedule(uow=uow(), by=OPERATOR, event_id=event.id, now=clock)
    return {"{event_id:int}": str(event.id), "{participant_id:int}": str(own.id)}


@pytest.fixture(scope="module")
def clients(world: World) -> Iterator[dict[str, TestClient]]:
    made = {asker: signed_in(world, asker) for asker in ASKERS}
    yield made
    for client in made.values():
        client.close()


def allowed_secrets(asker: str) -> set[str]:
    return {SECRET.format(KEYS[r]) for r, views in READS.items() if views[asker] == "restricted"}


def assert_no_leak(text: str, asker: str, where: str, *, owner_page: bool = False) -> None:
    for record, key in KEYS.items():
        secret = SECRET.format(key)
        if secret in text:
            assert secret in allowed_secrets(asker), (asker, where, record)
    if READS["introduced"][asker] != "restricted" and not owner_page:
        assert HIDDEN_OWNER not in text, (asker, where)


def check(answer_status: int, location: str | None, expected: str, where: tuple[str, ...]) -> None:
    if expected == SIGN_IN:
        assert answer_status == 303, where
        assert location is not None and location.startswith("/login?next="), where
    else:
        assert str(answer_status) == expected, where


def test_every_page_has_a_case(world: World) -> None:
    gets = {path for method, path in page_routes(world) if method == "GET"}
    assert gets == set(PAGES), (
        f"pages without a case: {gets - set(PAGES)}; stale: {set(PAGES) - gets}"
    )


@pytest.mark.parametrize("asker", ASKERS)
@pytest.mark.parametrize("path", sorted(PAGES))
def test_each_page_answers_each_visitor_as_the_rules_say(
    world: World,
    clients: dict[str, TestClient],
    deal_records: dict[str, str],
    asker: str,
    path: str,
) -> None:
    case = PAGES[path]
    client = clients[asker]
    if path == "/login" and asker != "public":
        answer = client.get("/login", follow_redirects=False)
        assert answer.status_code == 303  # signed in already: on to the start page
        return
    if case.per_record:
        for record in READS:
            url = path.replace("{opportunity_id:int}", str(world.ids[record])) + case.query
            answer = client.get(url, follow_redirects=False)
            check(
                answer.status_code,
                answer.headers.get("location"),
                case.expect(asker, record),
                (asker, url, record),
            )
            assert_no_leak(answer.text, asker, url)
        return
    if "{organisation_id:int}" in path:
        for key, organisation_id in world.organisations.items():
            url = path.replace("{organisation_id:int}", str(organisation_id))
            answer = client.get(url, follow_redirects=False)
            expected = case.expect(asker, key)
            check(answer.status_code, answer.headers.get("location"), expected, (asker, url))
            assert_no_leak(answer.text, asker, url, owner_page=key == "third")
        return
    url = path.replace("{match_id:int}", str(world.match_id))
    for placeholder, value in deal_records.items():
        url = url.replace(placeholder, value)
    url += case.query
    answer = client.get(url, follow_redirects=False)
    check(answer.status_code, answer.headers.get("location"), case.expect(asker, ""), (asker, path))
    assert_no_leak(answer.text, asker, path)


def test_missing_and_malformed_ids_are_missing_pages(clients: dict[str, TestClient]) -> None:
    client = clients["admin"]
    for path in sorted(PAGES):
        for bad in ("999999", "2147483648", "-1", "abc", "1.5"):
            url = re.sub(r"\{[a-z_]+_id:int\}", bad, path)
            if url == path:
                continue
            answer = client.get(url, follow_redirects=False)
            assert answer.status_code == 404, (url, answer.status_code)
            assert answer.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("asker", ASKERS)
def test_no_form_is_accepted_without_its_token(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    """Every page that takes a POST refuses one without the visitor's CSRF token, whatever
    the visitor may otherwise do there, and changes nothing."""
    client = clients[asker]
    before = client.get("/password-reset").text
    assert csrf_of(before)
    for method, path in sorted(page_routes(world)):
        if method != "POST":
            continue
        url = (
            path.replace("{opportunity_id:int}", str(world.ids["own"]))
            .replace("{organisation_id:int}", str(world.organisations["own"]))
            .replace("{match_id:int}", str(world.match_id))
        )
        url = _fill_other_ids(url, world)
        answer = client.post(url, data={"csrf_token": "forged"}, follow_redirects=False)
        assert answer.status_code == 403, (asker, url, answer.status_code)


def _fill_other_ids(url: str, world: World) -> str:
    """Ids the matrix does not vary (users, tokens, offices): a real one, the administrator's."""
    return re.sub(r"\{[a-z_]+_id:int\}", str(world.users["admin"]), url)
