"""Review of profiles through the pages: a member submits a draft, the officer finds it on the
review desk with what a machine sees wanting, publishes it only with every criterion
confirmed, sends another back with the criteria and a reason (both named when missing,
nothing changed), the owner reads the reason and renews a live profile; members never
publish; in English and Chinese."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from itpo.mail.model import MailKind
from itpo.mail.ports import MailQuery
from itpo.registry import services as registry
from itpo.registry.model import Status
from tests.records import opportunity_data
from tests.world import World, csrf_of, signed_in


@pytest.fixture(scope="module")
def clients(world: World) -> dict[str, TestClient]:
    return {a: signed_in(world, a) for a in ("public", "member", "other_member", "officer")}


def post(client: TestClient, page: str, action: str, data: dict[str, Any]) -> Response:
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**data, "csrf_token": token}, follow_redirects=False)


def member_draft(world: World, title: str, **changes: Any) -> int:
    made = registry.create_opportunity(
        uow=world.platform.uow(),
        by=world.people["member"],
        data=opportunity_data(
            external_id=None,
            organisation="org-own",
            title=title,
            status="draft",
            **changes,
        ),
        now=world.platform.clock,
    )
    assert made.id is not None
    return made.id


def status_of(world: World, opportunity_id: int) -> Status:
    with world.platform.uow() as uow:
        found = uow.opportunities.get(opportunity_id)
    assert found is not None
    return found.status


def review_mail(world: World) -> list[str]:
    with world.platform.uow() as uow:
        page = uow.outbox.find(MailQuery(kinds=(MailKind.REVIEW_DECISION,), limit=None))
    return [m.body for m in page.items]


def test_submitted_published_with_every_criterion_and_the_owner_told(
    world: World, clients: dict[str, TestClient]
) -> None:
    oid = member_draft(world, "Solar cold room for mango cooperatives")
    sheet = clients["member"].get(f"/opportunities/{oid}/review")
    assert sheet.status_code == 200
    assert "Submit for review" in sheet.text and "is shorter than 300 characters" in sheet.text
    assert 'name="confirmed"' not in sheet.text  # the owner does not decide
    page = f"/opportunities/{oid}/review"
    answer = post(clients["member"], page, f"{page}/submit", {})
    assert answer.status_code == 303 and answer.headers["location"].endswith("done=submitted")
    assert status_of(world, oid) is Status.IN_REVIEW

    desk = clients["officer"].get("/review")
    assert desk.status_code == 200
    assert f'href="/opportunities/{oid}/review"' in desk.text
    assert "Solar cold room for mango cooperatives" in desk.text

    part = post(clients["officer"], page, f"{page}/publish", {"confirmed": ["clear", "complete"]})
    assert part.status_code == 422
    assert "not confirmed: specific, genuine" in part.text
    assert 'aria-invalid="true"' in part.text and status_of(world, oid) is Status.IN_REVIEW
    before = len(review_mail(world))
    done = post(
        clients["officer"],
        page,
        f"{page}/publish",
        {"confirmed": ["clear", "complete", "specific", "genuine"], "valid_until": "2027-06-30"},
    )
    assert done.status_code == 303, done.text
    assert status_of(world, oid) is Status.PUBLISHED
    told = review_mail(world)[before:]
    assert told and all(f"/opportunities/{oid}/matches" in body for body in told)
    history = clients["member"].get(page).text
    assert "Published" in history and "2027" in history


def test_sent_back_with_criteria_and_reason_and_the_owner_reads_why(
    world: World, clients: dict[str, TestClient]
) -> None:
    oid = member_draft(world, "Biogas digester for fish processors")
    page = f"/opportunities/{oid}/review"
    assert post(clients["member"], page, f"{page}/submit", {}).status_code == 303
    empty = post(clients["officer"], page, f"{page}/send-back", {"reason": ""})
    assert empty.status_code == 422
    assert 'id="send_back-wanting-problem"' in empty.text
    assert 'id="send_back-reason-problem"' in empty.text
    assert status_of(world, oid) is Status.IN_REVIEW
    reason = "Say how many tonnes of fish waste a day the digester takes."
    back = post(
        clients["officer"],
        page,
        f"{page}/send-back",
        {"wanting": ["specific"], "reason": reason},
    )
    assert back.status_code == 303
    assert status_of(world, oid) is Status.DRAFT
    assert any(reason in body for body in review_mail(world))
    seen = clients["member"].get(page).text
    assert reason in seen and "Sent back" in seen and "Submit for review" in seen


def test_steps_out_of_turn_and_bad_dates_are_refused_beside_their_field(
    world: World, clients: dict[str, TestClient]
) -> None:
    oid = member_draft(world, "Heat pump dryer for tea")
    page = f"/opportunities/{oid}/review"
    early = post(
        clients["officer"],
        page,
        f"{page}/send-back",
        {"wanting": ["clear"], "reason": "Too early to say."},
    )
    assert early.status_code == 409 and "is not sent back" in early.text
    bad = post(
        clients["officer"],
        page,
        f"{page}/publish",
        {"confirmed": ["clear", "complete", "specific", "genuine"], "valid_until": "30/06/2027"},
    )
    assert bad.status_code == 422 and 'id="publish-valid_until-problem"' in bad.text
    assert status_of(world, oid) is Status.DRAFT
    renew = post(clients["member"], page, f"{page}/renew", {"valid_until": "2027-01-01"})
    assert renew.status_code == 409  # a draft is not renewed


def test_members_do_not_publish_and_outsiders_do_not_see_the_review(
    world: World, clients: dict[str, TestClient]
) -> None:
    oid = member_draft(world, "Rice husk gasifier")
    page = f"/opportunities/{oid}/review"
    refused = post(
        clients["member"],
        page,
        f"{page}/publish",
        {"confirmed": ["clear", "complete", "specific", "genuine"]},
    )
    assert refused.status_code == 403 and status_of(world, oid) is Status.DRAFT
    form = clients["member"].get(f"/opportunities/{oid}/edit").text
    assert 'value="in_review"' in form and 'name="status" value="published"' not in form
    assert clients["other_member"].get(page).status_code == 404  # a draft is hidden
    assert clients["other_member"].get("/review").status_code == 403
    assert clients["public"].get("/review", follow_redirects=False).status_code == 303
    published = world.ids["other"]
    assert clients["member"].get(f"/opportunities/{published}/review").status_code == 403


def test_the_owner_renews_a_live_profile(world: World, clients: dict[str, TestClient]) -> None:
    own = world.ids["own"]
    page = f"/opportunities/{own}/review"
    far = post(clients["member"], page, f"{page}/renew", {"valid_until": "2031-01-01"})
    assert far.status_code == 422 and "within two years" in far.text
    done = post(clients["member"], page, f"{page}/renew", {"valid_until": "2028-03-31"})
    assert done.status_code == 303
    assert status_of(world, own) is Status.PUBLISHED
    with world.platform.uow() as uow:
        found = uow.opportunities.get(own)
    assert found is not None and str(found.valid_until) == "2028-03-31"


def test_the_desk_and_the_sheet_in_chinese(world: World, clients: dict[str, TestClient]) -> None:
    oid = member_draft(world, "Solar milk chiller")
    desk = clients["officer"].get("/review?lang=zh")
    assert "审核台" in desk.text and "已提交审核" in desk.text
    sheet = clients["officer"].get(f"/opportunities/{oid}/review?lang=zh")
    assert "对照审核标准" in sheet.text and "少于 300 个字符" in sheet.text
    clients["officer"].get("/review?lang=en")
