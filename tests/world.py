"""A small world for access tests, the API's and the pages': three organisations, opportunities
at every disclosure stage (each with its own secret in its restricted details), an introduced
match, and users of every role with passwords, so page tests sign in through the real form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from itpo.accounts.model import Role
from itpo.accounts.principal import Principal
from itpo.adapters.app import create_app
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.matching.encoders import default_encoders
from itpo.matching.tracking import give_feedback, match_and_record
from itpo.practice import services as practices
from itpo.registry import services
from tests.actors import OPERATOR
from tests.auth import ADMIN_EMAIL, PASSWORD, administrator, user
from tests.clock import TEST_CLOCK
from tests.postgres import database_on
from tests.practices import case_data
from tests.records import opportunity_data, organisation_data

SECRET = "SECRET-DETAIL-{} royalty floor 4.5 percent"  # one per record, to tell leaks apart
AMOUNT = 123456.0
# Who signs in as whom: the public signs in as nobody.
EMAILS = {
    "member": "member@meru.example",  # a member of the "own" organisation
    "other_member": "second@pudong.example",  # a member of the "other" organisation
    "officer": "officer@itpo.example",
    "admin": ADMIN_EMAIL,
}
ASKERS = ("public", "member", "other_member", "officer", "admin")
# What each asker may see of each record: "404" (does not exist for them), "teaser", "member"
# (amounts, no details), "restricted" (everything). "other_member" belongs to the owner of the
# "other" records.
READS: dict[str, dict[str, str]] = {
    "own":             {"public": "teaser", "member": "restricted", "other_member": "member",
                        "officer": "restricted", "admin": "restricted"},
    "other":           {"public": "teaser", "member": "member", "other_member": "restricted",
                        "officer": "restricted", "admin": "restricted"},
    "other_anonymous": {"public": "teaser", "member": "member", "other_member": "restricted",
                        "officer": "restricted", "admin": "restricted"},
    "other_members":   {"public": "404", "member": "member", "other_member": "restricted",
                        "officer": "restricted", "admin": "restricted"},
    "other_draft":     {"public": "404", "member": "404", "other_member": "restricted",
                        "officer": "restricted", "admin": "restricted"},
    "introduced":      {"public": "teaser", "member": "restricted", "other_member": "member",
                        "officer": "restricted", "admin": "restricted"},
    "project":         {"public": "teaser", "member": "member", "other_member": "restricted",
                        "officer": "restricted", "admin": "restricted"},
}  # fmt: skip
# Each record's external id, which its secret names.
KEYS = {"own": "own", "other": "other", "other_anonymous": "other-anon",
        "other_members": "other-members", "other_draft": "other-draft",
        "introduced": "introduced", "project": "project"}  # fmt: skip
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class World:
    platform: Platform
    ids: dict[str, int]  # opportunities by role in the world
    organisations: dict[str, int]
    users: dict[str, int]
    match_id: int
    people: dict[str, Principal]
    # Practice cases: the office's published one, and a draft the "other" organisation wrote.
    cases: dict[str, int] = field(default_factory=dict)


@contextmanager
def world_on(backend: str, folder: Path) -> Iterator[World]:
    """The world on SQLite or on a fresh PostgreSQL database, closed (and dropped) after."""
    with database_on(backend, folder) as url:
        built = build_world(folder, url)
        yield built
        built.platform.close()


def build_world(folder: Path, database_url: str | None = None) -> World:
    platform = bootstrap(
        Settings(
            database_url=database_url or f"sqlite:///{folder / 'itpo.sqlite3'}",
            data_dir=folder / "data",
        ),
        initialise=True,
        clock=TEST_CLOCK,
    )
    platform.encoders = [EncoderSpec.of(encoder) for encoder in default_encoders()]
    uow = platform.uow()
    orgs = {
        "own": services.create_organisation(
            by=OPERATOR,
            uow=uow,
            data=organisation_data(
                external_id="org-own", name="Meru Mango Growers", country="KEN", website=None
            ),
        ),
        "other": services.create_organisation(
            by=OPERATOR,
            uow=uow,
            data=organisation_data(external_id="org-other", name="Pudong Solar Agritech"),
        ),
        "third": services.create_organisation(
            by=OPERATOR,
            uow=uow,
            data=organisation_data(
                external_id="org-third", name="Kassel Dryers", country="DEU", website=None
            ),
        ),
    }
    org_ids = {k: o.id for k, o in orgs.items() if o.id is not None}

    def make(key: str, org: str, **changes: Any) -> int:
        data = opportunity_data(
            external_id=key,
            organisation=f"org-{org}",
            details=SECRET.format(key),
            amount_min=AMOUNT,
            amount_max=AMOUNT * 2,
            **changes,
        )
        created = services.create_opportunity(by=OPERATOR, uow=uow, data=data)
        assert created.id is not None
        return created.id

    need = {
        "kind": "technology_need",
        "trl": None,
        "min_trl": 6,
        "countries": ["KEN"],
        "title": "Solar dryer for mango exporters",
        "teaser": "A mango cooperative needs a solar dryer to cut losses.",
    }
    ids = {
        "own": make("own", "own", **need),
        "other": make(
            "other",
            "other",
            title="Solar tunnel dryer for mango",
            teaser="A solar tunnel dryer for mango cooperatives.",
        ),
        "other_anonymous": make(
            "other-anon",
            "other",
            disclosure="anonymous",
            title="Anonymous solar fruit dryer",
            teaser="A solar dryer.",
        ),
        "other_members": make(
            "other-members",
            "other",
            disclosure="members",
            title="Members-only mango dryer",
            teaser="A mango dryer.",
        ),
        "other_draft": make(
            "other-draft", "other", status="draft", title="Draft dryer", teaser="A draft."
        ),
        "introduced": make(
            "introduced",
            "third",
            disclosure="anonymous",
            title="Kassel solar mango dryer",
            teaser="A solar dryer for mango.",
        ),
        "project": make(
            "project",
            "other",
            kind="investment_project",
            trl=None,
            title="Mango processing plant",
            teaser="A plant to process mango.",
        ),
    }
    # The own need and the third organisation's dryer were introduced: both sides accepted.
    results = match_and_record(
        by=OPERATOR,
        uow=platform.uow(),
        index=platform.index(),
        opportunity_id=ids["own"],
        today=platform.today(),
        top=20,
    ).results
    match_id = next(r.match_id for r in results if r.opportunity_id == ids["introduced"])
    assert match_id is not None
    for side in (ids["own"], ids["introduced"]):
        give_feedback(
            by=OPERATOR, uow=platform.uow(), match_id=match_id, verdict="accept", side=side
        )
    people = {
        "admin": administrator(platform),
        "member": user(platform, EMAILS["member"], Role.MEMBER, organisation_id=org_ids["own"]),
        "other_member": user(
            platform, EMAILS["other_member"], Role.MEMBER, organisation_id=org_ids["other"]
        ),
        "officer": user(platform, EMAILS["officer"], Role.OFFICER),
    }
    user_ids = {k: p.user_id for k, p in people.items() if p.user_id is not None}
    return World(platform, ids, org_ids, user_ids, match_id, people, _cases(platform, org_ids))


def _cases(platform: Platform, organisations: dict[str, int]) -> dict[str, int]:
    office = practices.create_case(uow=platform.uow(), by=OPERATOR, data=case_data())
    assert office.id is not None
    practices.publish_case(uow=platform.uow(), by=OPERATOR, case_id=office.id)
    draft = practices.create_case(
        uow=platform.uow(),
        by=OPERATOR,
        data=case_data(
            external_id="case:test-other-draft",
            organisation=organisations["other"],
            texts={
                "en": {
                    "title": "A draft case of cold rooms",
                    "problem": "Fish spoil.",
                    "done": "Cold rooms were built.",
                    "results": "Less fish spoils.",
                }
            },
            figures=[],
        ),
    )
    assert draft.id is not None
    return {"office": office.id, "other_draft": draft.id}


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = CSRF_INPUT.search(html)
    assert found, "the page has no form token"
    return found.group(1)


def signed_in(world: World, asker: str) -> TestClient:
    """A browser-like client of the pages, signed in through the sign-in form (or not, for the
    public). Real cookies, real CSRF tokens."""
    client = TestClient(create_app(platform=world.platform), raise_server_exceptions=False)
    if asker == "public":
        return client
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={"email": EMAILS[asker], "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client
