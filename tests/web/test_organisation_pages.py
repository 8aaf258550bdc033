"""Organisations through the pages, over real HTTP with real sign-ins: an officer creates one
(every bad field named beside it in one round, nothing written), its own members and officers
change its profile, others are refused; its page shows its people and its records' status to
those who may see them, with the buttons each visitor may use; a deletion the registry refuses
says why and deletes nothing; in English and Chinese."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditQuery, Role
from itpo.adapters.app import create_app
from itpo.registry import services
from itpo.registry.errors import NotFound
from itpo.registry.queries import OpportunityQuery, OrganisationQuery
from tests.actors import OPERATOR
from tests.auth import PASSWORD, user
from tests.records import opportunity_data, organisation_data
from tests.world import EMAILS, World, csrf_of, signed_in

FORM = {
    "name": "Nakuru Cold Chain Cooperative",
    "kind": "company",
    "country": "KEN",
    "city": "Nakuru",
    "website": "https://nakuru-cold.example",
    "size": "small",
    "description": "Cold rooms for smallholders' produce.",
    "isic_classes": ["5210", "1030"],
    "languages": ["en", "sw"],
}
NUMBERS = itertools.count(1)


@pytest.fixture(scope="module")
def clients(world: World) -> dict[str, TestClient]:
    return {a: signed_in(world, a) for a in ("public", "member", "other_member", "officer")}


def post(client: TestClient, page: str, action: str, data: dict[str, Any]) -> Response:
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**data, "csrf_token": token}, follow_redirects=False)


def organisation_count(world: World) -> int:
    query = OrganisationQuery(limit=0)
    return services.list_organisations(uow=world.platform.uow(), by=OPERATOR, query=query).total


def fresh_organisation(world: World, **changes: Any) -> int:
    """An organisation of the test's own, with nothing under it."""
    number = next(NUMBERS)
    data = organisation_data(external_id=f"org-page-{number}", name=f"Page test {number}")
    created = services.create_organisation(
        uow=world.platform.uow(), by=OPERATOR, data=data | changes
    )
    assert created.id is not None
    return created.id


def member_of(world: World, organisation_id: int) -> TestClient:
    """A new member of the organisation, signed in through the sign-in form."""
    email = f"member{next(NUMBERS)}@org{organisation_id}.example"
    user(world.platform, email, Role.MEMBER, organisation_id=organisation_id)
    client = TestClient(create_app(platform=world.platform), raise_server_exceptions=False)
    answer = client.post(
        "/login",
        data={
            "email": email,
            "password": PASSWORD,
            "csrf_token": csrf_of(client.get("/login").text),
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client


def stored(world: World, organisation_id: int) -> dict[str, Any]:
    found = services.get_organisation(
        uow=world.platform.uow(), by=OPERATOR, organisation_id=organisation_id
    )
    return {"name": found.name, "city": found.city, "description": found.description}


def created_id(answer: Response) -> int:
    assert answer.status_code == 303, answer.text
    found = re.fullmatch(r"/organisations/(\d+)\?done=created", answer.headers["location"])
    assert found is not None, answer.headers["location"]
    return int(found.group(1))


# --------------------------------------------------------------------------------------------
# Creating
# --------------------------------------------------------------------------------------------


def test_an_officer_creates_an_organisation_and_the_office_knows_who(
    world: World, clients: dict[str, TestClient]
) -> None:
    officer = clients["officer"]
    form = officer.get("/organisations/new")
    assert form.status_code == 200
    for name in ("name", "kind", "country", "city", "website", "size", "description"):
        assert f'id="f-{name}"' in form.text, name
    answer = post(officer, "/organisations/new", "/organisations/new", FORM)
    organisation_id = created_id(answer)
    page = officer.get(answer.headers["location"])
    assert "The organisation is created." in page.text
    assert "Nakuru Cold Chain Cooperative" in page.text and "Nakuru" in page.text
    found = services.get_organisation(
        uow=world.platform.uow(), by=OPERATOR, organisation_id=organisation_id
    )
    assert found.isic_classes == ["5210", "1030"] and found.languages == ["en", "sw"]
    assert found.external_id is not None  # assigned, so an export imports back
    entries = accounts.list_audit(
        uow=world.platform.uow(),
        by=world.people["admin"],
        query=AuditQuery(action="organisation.create", subject_id=str(organisation_id)),
    ).items
    assert [e.actor_id for e in entries] == [world.users["officer"]]


def test_a_bad_form_names_every_field_at_once_beside_it_and_creates_nothing(
    world: World, clients: dict[str, TestClient]
) -> None:
    before = organisation_count(world)
    bad = {
        "name": "",
        "kind": "bank",
        "country": "XYZ",
        "city": "C" * 101,
        "website": "ftp://files.example",
        "size": "huge",
        "description": "D" * 5001,
        "isic_classes": ["99"],
        "languages": ["english"],
    }
    answer = post(clients["officer"], "/organisations/new", "/organisations/new", bad)
    assert answer.status_code == 422
    html = answer.text
    assert "Nothing was saved: 9 fields need another look." in html
    for field in bad:
        assert f'id="f-{field}-problem"' in html, field
        assert re.search(rf'aria-describedby="[^"]*f-{field}-problem"', html), field
        assert f'href="#f-{field}"' in html, field  # the summary links to the field
    assert 'value="ftp://files.example"' in html  # what was typed stays
    assert organisation_count(world) == before


BAD_VALUES = [
    ("name", "", "Required."),
    ("name", "N" * 201, "Too long: 201 characters, at most 200."),
    ("name", "Bell\x07 Ltd", "Holds a character no text may hold: type it again."),
    ("kind", "", "Required."),
    ("kind", "bank", "Choose one of the options."),
    ("country", "", "Required."),
    ("country", "XYZ", "Unknown country: XYZ."),
    ("city", "C" * 101, "Too long: 101 characters, at most 100."),
    ("website", "ftp://files.example", "Not a web address: it starts with https:// or http://."),
    ("website", "solar dryers", "Not a web address: it starts with https:// or http://."),
    ("size", "huge", "Choose one of the options."),
    ("description", "D" * 5001, "Too long: 5001 characters, at most 5000."),
    ("isic_classes", ["99"], "Unknown ISIC class: 99."),
    ("languages", ["english"], "Not a language code: two letters, such as en or zh."),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_VALUES)
def test_each_bad_value_is_named_beside_its_field(
    world: World, clients: dict[str, TestClient], field: str, value: Any, message: str
) -> None:
    before = organisation_count(world)
    answer = post(
        clients["officer"], "/organisations/new", "/organisations/new", {**FORM, field: value}
    )
    assert answer.status_code == 422
    problem = re.search(rf'<p class="problem" id="f-{field}-problem">([^<]*)</p>', answer.text)
    assert problem is not None, answer.text
    assert problem.group(1).replace("&#39;", "'") == message
    assert "Nothing was saved: 1 field needs another look." in answer.text
    assert organisation_count(world) == before


def test_the_refusals_are_in_chinese(world: World, clients: dict[str, TestClient]) -> None:
    client = signed_in(world, "officer")
    page = client.get("/organisations/new?lang=zh")
    assert "新建机构" in page.text and "创建机构" in page.text
    bad = {**FORM, "name": "", "website": "ftp://files.example", "country": "XYZ"}
    answer = post(client, "/organisations/new", "/organisations/new", bad)
    assert answer.status_code == 422
    assert "必填。" in answer.text
    assert "不是有效网址：应以 https:// 或 http:// 开头。" in answer.text
    assert "未保存任何内容：有 3 项需要修改。" in answer.text


def test_only_officers_create_organisations(world: World, clients: dict[str, TestClient]) -> None:
    before = organisation_count(world)
    assert clients["member"].get("/organisations/new").status_code == 403
    asked = clients["public"].get("/organisations/new", follow_redirects=False)
    assert asked.status_code == 303 and asked.headers["location"].startswith("/login")
    token = csrf_of(clients["member"].get("/").text)
    refused = clients["member"].post(
        "/organisations/new", data={**FORM, "csrf_token": token}, follow_redirects=False
    )
    assert refused.status_code == 403
    public = clients["public"].post("/organisations/new", data=FORM, follow_redirects=False)
    assert public.status_code == 403  # no form token, and nobody signed in
    assert organisation_count(world) == before


# --------------------------------------------------------------------------------------------
# Changing
# --------------------------------------------------------------------------------------------


def test_its_own_members_change_the_profile(world: World) -> None:
    organisation_id = fresh_organisation(world)
    member = member_of(world, organisation_id)
    page = f"/organisations/{organisation_id}/edit"
    form = member.get(page)
    assert form.status_code == 200
    assert 'value="Shanghai"' in form.text  # filled in from the record
    assert "Delete this organisation" not in form.text  # officers delete
    changed = {**FORM, "name": "Pudong Dryers Ltd", "city": "", "description": "Dryers."}
    answer = post(member, page, page, changed)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/organisations/{organisation_id}?done=saved"
    assert "The organisation&#39;s profile is saved." in member.get(answer.headers["location"]).text
    assert stored(world, organisation_id) == {
        "name": "Pudong Dryers Ltd",
        "city": None,
        "description": "Dryers.",
    }


def test_a_bad_change_names_every_field_and_changes_nothing(world: World) -> None:
    organisation_id = fresh_organisation(world)
    officer = signed_in(world, "officer")
    page = f"/organisations/{organisation_id}/edit"
    before = stored(world, organisation_id)
    bad = {**FORM, "name": "", "country": "XYZ", "website": "nowhere"}
    answer = post(officer, page, page, bad)
    assert answer.status_code == 422
    for field in ("name", "country", "website"):
        assert f'id="f-{field}-problem"' in answer.text, field
    assert "Delete this organisation" in answer.text  # officers may still delete from here
    assert stored(world, organisation_id) == before


def test_members_of_another_organisation_may_not_change_it(
    world: World, clients: dict[str, TestClient]
) -> None:
    organisation_id = fresh_organisation(world)
    before = stored(world, organisation_id)
    page = f"/organisations/{organisation_id}/edit"
    assert clients["member"].get(page).status_code == 403
    token = csrf_of(clients["member"].get("/").text)
    refused = clients["member"].post(
        page, data={**FORM, "csrf_token": token}, follow_redirects=False
    )
    assert refused.status_code == 403
    assert stored(world, organisation_id) == before
    missing = clients["officer"].get("/organisations/999999/edit")
    assert missing.status_code == 404


# --------------------------------------------------------------------------------------------
# The organisation's page
# --------------------------------------------------------------------------------------------


ACTIONS = {
    "public": set(),
    "other_member": set(),
    "member": {"edit", "new"},
    "officer": {"edit", "new", "delete"},
}


@pytest.mark.parametrize("asker", sorted(ACTIONS))
def test_the_page_offers_each_visitor_what_it_may_do(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    organisation_id = world.organisations["own"]
    html = clients[asker].get(f"/organisations/{organisation_id}").text
    links = {
        "edit": f'href="/organisations/{organisation_id}/edit"',
        "new": f'href="/opportunities/new?organisation_id={organisation_id}"',
        "delete": f'href="/organisations/{organisation_id}/delete"',
    }
    assert {name for name, link in links.items() if link in html} == ACTIONS[asker]


@pytest.mark.parametrize(
    ("asker", "sees"),
    [("public", False), ("other_member", False), ("member", True), ("officer", True)],
)
def test_its_people_are_shown_to_its_members_and_officers_only(
    world: World, clients: dict[str, TestClient], asker: str, sees: bool
) -> None:
    html = clients[asker].get(f"/organisations/{world.organisations['own']}").text
    people = re.search(
        r'<section aria-labelledby="people-heading" id="people">.*?</section>', html, re.S
    )
    assert (people is not None) is sees
    if people is None:
        assert EMAILS["member"] not in html
        return
    assert EMAILS["member"] in people.group() and EMAILS["other_member"] not in people.group()


def test_an_organisation_without_people_says_so(world: World) -> None:
    organisation_id = fresh_organisation(world)
    html = signed_in(world, "officer").get(f"/organisations/{organisation_id}").text
    assert "No user accounts belong to this organisation yet." in html


def test_officers_see_its_records_with_their_status(
    world: World, clients: dict[str, TestClient]
) -> None:
    page = f"/organisations/{world.organisations['other']}"
    officer = clients["officer"].get(page).text
    assert "Draft dryer" in officer and 'class="badge draft"' in officer
    member = clients["member"].get(page).text
    assert "Draft dryer" not in member


def test_a_new_opportunity_starts_with_the_organisation_chosen(
    world: World, clients: dict[str, TestClient]
) -> None:
    organisation_id = world.organisations["third"]
    html = clients["officer"].get(f"/opportunities/new?organisation_id={organisation_id}").text
    assert f'<option value="{organisation_id}" selected>' in html


def test_the_page_speaks_chinese(world: World) -> None:
    client = signed_in(world, "officer")
    html = client.get(f"/organisations/{world.organisations['own']}?lang=zh").text
    assert "编辑机构概况" in html and "删除机构" in html and "人员" in html


# --------------------------------------------------------------------------------------------
# Deleting
# --------------------------------------------------------------------------------------------


def test_an_officer_deletes_an_empty_organisation_after_confirming(world: World) -> None:
    organisation_id = fresh_organisation(world)
    officer = signed_in(world, "officer")
    page = f"/organisations/{organisation_id}/delete"
    confirm = officer.get(page)
    assert confirm.status_code == 200
    assert f'action="/organisations/{organisation_id}/delete"' in confirm.text
    answer = post(officer, page, page, {})
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert officer.get(f"/organisations/{organisation_id}").status_code == 404
    with pytest.raises(NotFound):
        services.get_organisation(
            uow=world.platform.uow(), by=OPERATOR, organisation_id=organisation_id
        )


def test_an_organisation_with_opportunities_is_kept_and_the_page_says_why(world: World) -> None:
    organisation_id = fresh_organisation(world)
    data = opportunity_data(external_id=f"opp-page-{next(NUMBERS)}")
    del data["organisation"]
    services.create_opportunity(
        uow=world.platform.uow(), by=OPERATOR, data={**data, "organisation_id": organisation_id}
    )
    officer = signed_in(world, "officer")
    page = f"/organisations/{organisation_id}/delete"
    confirm = officer.get(page)
    assert 'id="held-by-opportunities"' in confirm.text
    assert f'action="/organisations/{organisation_id}/delete"' not in confirm.text
    token = csrf_of(confirm.text)
    answer = officer.post(page, data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 409
    assert "Nothing was deleted: the organisation is kept." in answer.text
    assert "Opportunities of this organisation: 1." in answer.text
    assert officer.get(f"/organisations/{organisation_id}").status_code == 200
    listed = services.list_opportunities(
        uow=world.platform.uow(),
        by=OPERATOR,
        query=OpportunityQuery(organisation_id=organisation_id),
    )
    assert listed.total == 1


def test_an_organisation_with_user_accounts_is_kept_in_english_and_chinese(world: World) -> None:
    organisation_id = fresh_organisation(world)
    member_of(world, organisation_id)
    officer = signed_in(world, "officer")
    page = f"/organisations/{organisation_id}/delete"
    token = csrf_of(officer.get(page).text)
    answer = officer.post(page, data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 409
    assert 'id="held-by-people"' in answer.text
    assert "User accounts of this organisation: 1." in answer.text
    chinese = officer.get(f"{page}?lang=zh").text
    assert "该机构的用户账户：1 个。" in chinese and "该机构目前无法删除。" in chinese
    assert stored(world, organisation_id)["name"].startswith("Page test")


def test_members_may_not_delete_their_organisation(world: World) -> None:
    organisation_id = fresh_organisation(world)
    member = member_of(world, organisation_id)
    page = f"/organisations/{organisation_id}/delete"
    assert member.get(page).status_code == 403
    token = csrf_of(member.get(f"/organisations/{organisation_id}").text)
    refused = member.post(page, data={"csrf_token": token}, follow_redirects=False)
    assert refused.status_code == 403
    assert stored(world, organisation_id)["name"].startswith("Page test")
