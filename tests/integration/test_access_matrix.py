"""Role x endpoint x record: every API route answers each kind of asker as the rules say, and
no answer carries restricted detail to someone who may not see it.

Askers: the anonymous public, a member of the owning organisation ("own"), a member of
another organisation, that member with a read-only token, an officer and an administrator.
Records: an opportunity of the member's organisation, and another organisation's public,
anonymous, members-only, draft and introduced ones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.auth import administrator, bearer
from tests.deal_matrix import DEAL_CASES
from tests.diagnostic_matrix import DIAGNOSTIC_CASES, DiagnosticCase
from tests.diagnostics import draft_diagnostic
from tests.event_matrix import EVENT_CASES
from tests.postgres import BACKENDS
from tests.practice_matrix import PRACTICE_CASES, PracticeCase
from tests.records import opportunity_data, organisation_data
from tests.world import KEYS, SECRET, world_on
from tests.world import READS as WORLD_READS
from tests.world import World as BuiltWorld

from itpo.accounts.model import Scope
from itpo.adapters.app import create_app
from itpo.appraisal.services import attach_appraisal
from itpo.bootstrap import Platform
from itpo.mail import outbox
from itpo.mail.model import Letter, MailKind

API = "/api/v1"
ASKERS = ("public", "member", "other_member", "read_only", "officer", "admin")
APPRAISAL_MODEL = Path(__file__).parents[2] / "src/itpo/appraisal/examples/solar_fruit_drying.json"


@dataclass
class World:
    platform: Platform
    clients: dict[str, TestClient]
    ids: dict[str, int]
    organisations: dict[str, int]
    match_id: int
    appraisal_id: int
    message_id: int
    cases: dict[str, int]
    diagnostic_id: int = 0


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    with world_on(request.param, tmp_path_factory.mktemp("matrix")) as built:
        yield from _matrix_world(built)


def _matrix_world(built: BuiltWorld) -> Iterator[World]:
    platform, ids, people = built.platform, built.ids, built.people
    stored = attach_appraisal(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=ids["project"],
        model_data=json.loads(APPRAISAL_MODEL.read_text()),
    )
    assert stored.id is not None
    headers = {
        "public": {},
        "member": bearer(platform, people["member"]),
        "other_member": bearer(platform, people["other_member"]),
        "read_only": bearer(platform, people["member"], [Scope.READ]),
        "officer": bearer(platform, people["officer"]),
        "admin": bearer(platform, people["admin"]),
    }
    app = create_app(platform=platform)
    clients = {
        name: TestClient(app, raise_server_exceptions=False, headers=h)
        for name, h in headers.items()
    }
    with (uow := platform.uow()):
        message_id = outbox.queue(
            uow,
            kind=MailKind.CONFIRMATION,
            to="ops@meru.example",
            letter=Letter(subject="Please confirm", body="A link."),
            at=platform.clock(),
        )
        uow.commit()
    assert message_id is not None
    yield World(
        platform,
        clients,
        ids,
        built.organisations,
        built.match_id,
        stored.id,
        message_id,
        built.cases,
        draft_diagnostic(platform, OPERATOR, built.organisations["own"]),
    )


# --------------------------------------------------------------------------------------------
# Reading opportunities: which records each asker gets, and which fields
# --------------------------------------------------------------------------------------------

# Per record, what each asker gets (tests.world.READS); a member's read-only token sees what
# the member sees.
READS: dict[str, dict[str, str]] = {
    record: {**views, "read_only": views["member"]} for record, views in WORLD_READS.items()
}


def check_view(body: dict[str, Any], view: str, record: str) -> None:
    anonymous = record in ("other_anonymous", "introduced")
    assert body["title"] and body["teaser"]
    assert ("details" in body) is (view == "restricted"), (record, view)
    assert ("amount_min" in body) is (view != "teaser"), (record, view)
    named = view == "restricted" or not anonymous
    assert ("organisation_name" in body) is named, (record, view)
    if not named:
        assert "direction" not in body, (record, view)  # it hints at where the owner is
    if view != "restricted":
        assert "SECRET-DETAIL" not in json.dumps(body)


@pytest.mark.parametrize("asker", ASKERS)
def test_reading_one_opportunity(world: World, asker: str) -> None:
    for record, views in READS.items():
        answer = world.clients[asker].get(f"{API}/opportunities/{world.ids[record]}")
        if views[asker] == "404":
            assert answer.status_code == 404, (asker, record)
            assert "SECRET-DETAIL" not in answer.text
            continue
        assert answer.status_code == 200, (asker, record, answer.text)
        check_view(answer.json(), views[asker], record)


@pytest.mark.parametrize("asker", ASKERS)
def test_listing_shows_what_reading_shows(world: World, asker: str) -> None:
    answer = world.clients[asker].get(f"{API}/opportunities", params={"limit": 100})
    assert answer.status_code == 200
    body = answer.json()
    by_id = {item["id"]: item for item in body["items"]}
    for record, views in READS.items():
        shown = world.ids[record] in by_id
        assert shown is (views[asker] != "404"), (asker, record)
        if shown:
            check_view(by_id[world.ids[record]], views[asker], record)
    assert body["total"] == len(by_id)


@pytest.mark.parametrize("asker", ASKERS)
def test_listing_by_owner_never_unmasks_an_anonymous_record(world: World, asker: str) -> None:
    """Filtering by organisation would name the owner of every record it lists: anonymous
    records are listed under their owner only for those who may know it."""
    for organisation, records in (
        ("other", ("other", "other_anonymous")),
        ("third", ("introduced",)),
    ):
        answer = world.clients[asker].get(
            f"{API}/opportunities",
            params={"organisation_id": world.organisations[organisation], "limit": 100},
        )
        assert answer.status_code == 200
        listed = {item["id"] for item in answer.json()["items"]}
        for record in records:
            anonymous = record in ("other_anonymous", "introduced")
            expected = READS[record][asker] == "restricted" if anonymous else True
            assert (world.ids[record] in listed) is expected, (asker, record)


@pytest.mark.parametrize("asker", ASKERS)
def test_search_hides_what_the_asker_may_not_see(world: World, asker: str) -> None:
    answer = world.clients[asker].get(f"{API}/search", params={"q": "mango dryer", "top": 50})
    assert answer.status_code == 200
    assert_no_leak(answer.text, asker)
    found = {hit["opportunity_id"]: hit for hit in answer.json()}
    for record in ("other_members",):
        assert (world.ids[record] in found) is (READS[record][asker] != "404"), asker
    anonymous = found.get(world.ids["other_anonymous"])
    if anonymous is not None and READS["other_anonymous"][asker] != "restricted":
        assert anonymous["organisation"] == "(not disclosed)"


# --------------------------------------------------------------------------------------------
# Every other route: the status each asker gets
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    method: str
    path: str  # with {own}, {other}, ... for record ids, {match}, {appraisal}, {org_own} ...
    expected: dict[str, int]
    body: Callable[[World], Any] | None = None
    params: dict[str, Any] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ASKERS, status)


def by(**statuses: int) -> dict[str, int]:
    return {asker: statuses.get(asker, statuses.get("rest", 0)) for asker in ASKERS}


def new_opportunity(organisation: str) -> Callable[[World], Any]:
    def body(world: World) -> dict[str, Any]:
        # A member's new record is a draft: only the office publishes (see the review).
        data = opportunity_data(
            external_id=None, organisation_id=world.organisations[organisation], status="draft"
        )
        del data["organisation"], data["external_id"]
        return data

    return body


MODEL = json.loads(APPRAISAL_MODEL.read_text())
CASES: list[Case | PracticeCase | DiagnosticCase] = [
    Case("GET", "/health", everyone(200)),
    Case("GET", "/reference/countries", everyone(200)),
    Case("GET", "/reference/regions", everyone(200)),
    Case("GET", "/reference/isic", everyone(200)),
    Case("GET", "/reference/sdgs", everyone(200)),
    Case("GET", "/reference/trl", everyone(200)),
    Case("GET", "/reference/currencies", everyone(200)),
    Case("GET", "/reference/technology-areas", everyone(200)),
    Case("GET", "/organisations", everyone(200)),
    Case("GET", "/organisations/{org_other}", everyone(200)),
    Case(
        "POST",
        "/organisations",
        by(public=403, member=403, other_member=403, read_only=403, officer=201, admin=201),
        body=lambda w: organisation_data(external_id=None, name="New Co"),
    ),
    Case(
        "PATCH",
        "/organisations/{org_own}",
        by(public=403, member=200, other_member=403, read_only=403, officer=200, admin=200),
        body=lambda w: {"city": "Meru"},
    ),
    Case(
        "DELETE",
        "/organisations/{org_own}",
        by(public=403, member=403, other_member=403, read_only=403, officer=409, admin=409),
    ),
    Case(
        "POST",
        "/opportunities",
        by(public=403, member=201, other_member=403, read_only=403, officer=201, admin=201),
        body=new_opportunity("own"),
    ),
    Case(
        "PATCH",
        "/opportunities/{own}",
        by(public=403, member=200, other_member=403, read_only=403, officer=200, admin=200),
        body=lambda w: {"teaser": "A mango cooperative needs a solar dryer, urgently."},
    ),
    Case(
        "PATCH",
        "/opportunities/{other_draft}",
        by(public=404, member=404, other_member=200, read_only=404, officer=200, admin=200),
        body=lambda w: {"teaser": "Still a draft."},
    ),
    Case(
        "DELETE",
        "/opportunities/{other}",
        by(public=403, member=403, read_only=403, other_member=0, officer=0, admin=0),
    ),
    Case(
        "GET",
        "/opportunities/{own}/matches",
        by(public=403, member=200, other_member=403, read_only=403, officer=200, admin=200),
    ),
    Case(
        "GET",
        "/opportunities/{other_draft}/matches",
        by(public=404, member=404, read_only=404, other_member=409, officer=409, admin=409),
    ),
    Case(
        "GET",
        "/opportunities/{own}/near-misses",
        by(public=403, member=200, other_member=403, read_only=403, officer=200, admin=200),
    ),
    Case(
        "GET",
        "/opportunities/{other_draft}/near-misses",
        by(public=404, member=404, read_only=404, other_member=409, officer=409, admin=409),
    ),
    Case(
        "GET",
        "/matches",
        by(public=403, member=200, other_member=200, read_only=403, officer=200, admin=200),
    ),
    Case(
        "GET",
        "/matches/{match}",
        by(public=403, member=200, other_member=404, read_only=403, officer=200, admin=200),
    ),
    Case(
        "POST",
        "/matches/{match}/feedback",
        by(public=403, member=200, other_member=404, read_only=403, officer=200, admin=200),
        body=lambda w: {"verdict": "accept", "side": w.ids["own"]},
    ),
    Case("GET", "/search", everyone(200), params={"q": "dryer"}),
    Case(
        "POST",
        "/sdg/suggestions",
        everyone(200),
        body=lambda w: {"text": "Solar mini-grids bring electricity to villages."},
    ),
    Case(
        "POST",
        "/imports",
        by(public=403, member=403, other_member=403, read_only=403, officer=200, admin=200),
        files={
            "file": ("none.json", b'{"organisations": [], "opportunities": []}', "application/json")
        },
    ),
    Case(
        "GET",
        "/exports/{export}",
        by(public=403, member=403, other_member=403, read_only=403, officer=200, admin=200),
    ),
    Case("GET", "/imports/template.xlsx", everyone(200)),
    Case("POST", "/appraisals", by(public=403, rest=200), body=lambda w: MODEL),
    Case(
        "POST",
        "/opportunities/{project}/appraisals",
        by(public=403, member=403, read_only=403, other_member=201, officer=201, admin=201),
        body=lambda w: {"model": MODEL},
    ),
    Case(
        "GET",
        "/opportunities/{project}/appraisals",
        by(public=404, member=404, read_only=404, other_member=200, officer=200, admin=200),
    ),
    Case(
        "GET",
        "/appraisals/{appraisal}",
        by(public=404, member=404, read_only=404, other_member=200, officer=200, admin=200),
    ),
    Case(
        "GET",
        "/appraisals/{appraisal}/report.html",
        by(public=404, member=404, read_only=404, other_member=200, officer=200, admin=200),
    ),
    Case(
        "POST",
        "/auth/login",
        everyone(401),
        body=lambda w: {"email": "nobody@example.org", "password": "not the one"},
    ),
    Case("GET", "/auth/me", by(public=401, rest=200)),
    Case(
        "POST",
        "/auth/password",
        by(public=401, admin=422, rest=403),  # a session, or a token with the admin scope
        body=lambda w: {"current_password": "wrong", "new_password": "x"},
    ),
    Case("GET", "/tokens", by(public=401, admin=200, rest=403)),
    Case(
        "POST",
        "/tokens",
        by(public=401, admin=201, rest=403),
        body=lambda w: {"name": "script", "scopes": ["read"]},
    ),
    Case("DELETE", "/tokens/{missing}", by(public=401, admin=404, rest=403)),
    Case("GET", "/users", by(admin=200, public=401, rest=403)),
    Case(
        "POST",
        "/users",
        by(admin=201, officer=201, public=401, rest=403),
        body=lambda w: {
            "email": f"new{len(w.ids)}-{dt.datetime.now().timestamp()}@x.example",
            "display_name": "New",
            "role": "member",
            "password": "a long enough passphrase 9",
            "organisation_id": w.organisations["own"],
        },
    ),
    Case("POST", "/users/{admin_user}/disable", by(admin=409, public=401, rest=403)),
    Case("POST", "/users/{admin_user}/enable", by(admin=200, public=401, rest=403)),
    Case("POST", "/users/{admin_user}/unlock", by(admin=200, public=401, rest=403)),
    Case("GET", "/offices", by(public=401, rest=200)),
    Case(
        "POST",
        "/offices",
        by(admin=201, public=401, rest=403),
        body=lambda w: {"name": f"Office {dt.datetime.now().timestamp()}", "country": "KEN"},
    ),
    Case(
        "POST",
        "/auth/password-reset",
        everyone(422),
        body=lambda w: {"token": "not-a-token", "password": "a long enough passphrase 9"},
    ),
    Case("POST", "/users/{admin_user}/password-reset", by(admin=201, public=401, rest=403)),
    Case("GET", "/audit", by(admin=200, public=401, rest=403)),
    Case("GET", "/audit.csv", by(admin=200, public=401, rest=403)),
    Case("GET", "/mail", by(admin=200, public=401, rest=403)),
    Case("GET", "/mail/{message}", by(admin=200, public=401, rest=403)),
    # Review: the owner's members and officers read it; officers decide; nothing here moves a
    # record the other cases read, but the submission of the draft its owner makes.
    Case(
        "GET",
        "/opportunities/{own}/review",
        by(public=403, member=200, other_member=403, read_only=200, officer=200, admin=200),
    ),
    Case(
        "GET",
        "/opportunities/{other_draft}/review",
        by(public=404, member=404, other_member=200, read_only=404, officer=200, admin=200),
    ),
    Case(
        "POST",
        "/opportunities/{other_draft}/review/submit",
        by(public=404, member=404, other_member=200, read_only=404, officer=409, admin=409),
    ),
    Case(
        "POST",
        "/opportunities/{own}/review/publish",
        by(public=403, member=403, other_member=403, read_only=403, officer=409, admin=409),
        body=lambda w: {"confirmed": ["clear", "complete", "specific", "genuine"]},
    ),
    Case(
        "POST",
        "/opportunities/{other_anonymous}/review/send-back",
        by(public=403, member=403, other_member=403, read_only=403, officer=422, admin=422),
        body=lambda w: {"wanting": ["clear"], "reason": ""},
    ),
    Case(
        "POST",
        "/opportunities/{own}/review/renew",
        by(public=403, member=200, other_member=403, read_only=403, officer=200, admin=200),
        body=lambda w: {"valid_until": "2028-06-30"},
    ),
    Case("GET", "/review-desk", by(officer=200, admin=200, rest=403)),
    *PRACTICE_CASES,
    *DIAGNOSTIC_CASES,
    Case("POST", "/auth/logout", everyone(204)),
]


def fill(path: str, world: World) -> str:
    admin_id = administrator(world.platform).user_id
    values: dict[str, Any] = {
        **world.ids,
        "match": world.match_id,
        "appraisal": world.appraisal_id,
        "message": world.message_id,
        "missing": 999999,
        "export": "export.json",
        "admin_user": admin_id,
        **{f"org_{k}": v for k, v in world.organisations.items()},
        **{f"case_{k}": v for k, v in world.cases.items()},
        "first_version": 1,
        "diagnostic": world.diagnostic_id,
    }
    return API + path.format(**values)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method} {c.path}")
def test_each_route_answers_each_asker_as_the_rules_say(world: World, case: Case) -> None:
    for asker in ASKERS:
        expected = case.expected[asker]
        if expected == 0:
            continue  # a successful delete is checked once, below
        answer = world.clients[asker].request(
            case.method,
            fill(case.path, world),
            json=case.body(world) if case.body else None,
            params=case.params,
            files=case.files,
        )
        assert answer.status_code == expected, (asker, case.method, case.path, answer.text[:300])
        assert_no_leak(answer.text, asker)


def assert_no_leak(text: str, asker: str) -> None:
    """No restricted detail of a record the asker may not see in full, anywhere in an answer."""
    for record, views in READS.items():
        if views[asker] != "restricted":
            assert SECRET.format(KEYS[record]) not in text, (asker, record)


def test_the_owner_deletes_and_the_deletion_is_audited(world: World) -> None:
    extra = world.clients["other_member"].post(
        f"{API}/opportunities", json=new_opportunity("other")(world)
    )
    assert extra.status_code == 201
    gone = world.clients["other_member"].delete(f"{API}/opportunities/{extra.json()['id']}")
    assert gone.status_code == 204
    log = world.clients["admin"].get(f"{API}/audit", params={"action": "opportunity.delete"}).json()
    assert any(e["subject_id"] == str(extra.json()["id"]) for e in log["items"])


def test_restricted_views_by_others_are_audited(world: World) -> None:
    before = (
        world.clients["admin"]
        .get(f"{API}/audit", params={"action": "opportunity.view_restricted"})
        .json()["total"]
    )
    assert (
        world.clients["officer"].get(f"{API}/opportunities/{world.ids['other']}").status_code == 200
    )
    assert world.clients["member"].get(f"{API}/opportunities/{world.ids['own']}").status_code == 200
    after = (
        world.clients["admin"]
        .get(f"{API}/audit", params={"action": "opportunity.view_restricted"})
        .json()
    )
    assert after["total"] == before + 1  # the officer's view; the owner's own is not a disclosure
    assert "officer@itpo.example" in after["items"][0]["actor"]


def test_every_route_is_in_the_matrix(world: World) -> None:
    schema = world.clients["admin"].get("/openapi.json").json()
    routes = {
        (method.upper(), path.removeprefix(API))
        for path, operations in schema["paths"].items()
        if path.startswith(API)
        for method in operations
    }
    assert len(routes) >= 40  # the check looks at the real list
    covered = {(case.method, case.path) for case in CASES}
    covered |= {(case.method, case.path) for case in DEAL_CASES}
    covered |= {(case.method, case.path) for case in EVENT_CASES}
    covered |= {(case.method, case.path) for case in PRACTICE_CASES}
    covered |= {(case.method, case.path) for case in DIAGNOSTIC_CASES}
    covered |= {("GET", "/opportunities"), ("GET", "/opportunities/{opportunity_id}")}
    normalised = {(m, _normal(p)) for m, p in covered}
    missing = {(m, p) for m, p in routes if (m, _normal(p)) not in normalised}
    assert not missing, sorted(missing)


def _normal(path: str) -> str:
    """Every {placeholder} alike, so the matrix's record names match the routes' parameters."""
    return re.sub(r"\{[^}]+\}", "{}", path)
