"""Administration pages: users, offices and the audit log, for administrators only; every
change through the same services and audit as the API, every bad value answered by its field
with nothing written, every form refused without its token."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from itpo.accounts import services as accounts
from itpo.accounts.model import Role, UserQuery
from itpo.accounts.principal import Principal
from itpo.adapters.app import create_app
from tests.auth import PASSWORD, bearer, user
from tests.clock import TEST_DAY
from tests.web.test_account_pages import sign_in
from tests.world import EMAILS, World, csrf_of, signed_in

ADMIN_PAGES = ("/admin/users", "/admin/users/new", "/admin/offices", "/admin/audit")
HTMX = {"HX-Request": "true"}
LINK = re.compile(r'value="(http://testserver/password-reset\?token=([^"]+))"')
SYSTEM = Principal.system()


def user_count(world: World) -> int:
    return accounts.list_users(uow=world.platform.uow(), by=SYSTEM, query=UserQuery(limit=0)).total


def code(action: str) -> str:
    """An action as an entry of the log shows it (not as an option of the filter)."""
    return f"<code>{action}</code>"


def fresh_email() -> str:
    return f"u-{uuid.uuid4().hex[:10]}@pudong.example"


def fresh_officer(world: World) -> tuple[Principal, str]:
    email = fresh_email()
    return user(world.platform, email, Role.OFFICER), email


@pytest.fixture
def admin(world: World) -> tuple[object, str]:
    client = signed_in(world, "admin")
    return client, csrf_of(client.get("/admin/users").text)


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_administration_pages_are_for_administrators_only(world: World, path: str) -> None:
    public = signed_in(world, "public").get(path, follow_redirects=False)
    assert public.status_code == 303
    assert public.headers["location"] == f"/login?next={path}"
    for asker in ("member", "other_member", "officer"):
        refused = signed_in(world, asker).get(path)
        assert refused.status_code == 403, asker
        assert "Not allowed" in refused.text
    assert signed_in(world, "admin").get(path).status_code == 200


def test_only_administrators_change_users_and_offices(world: World) -> None:
    target, _ = fresh_officer(world)
    before = user_count(world)
    client = signed_in(world, "officer")
    csrf = csrf_of(client.get("/account").text)
    posts = [
        (f"/admin/users/{target.user_id}/disable", {}),
        (f"/admin/users/{target.user_id}/unlock", {}),
        (f"/admin/users/{target.user_id}/password-reset", {}),
        (
            "/admin/users",
            {
                "email": fresh_email(),
                "display_name": "X",
                "role": "member",
                "organisation_id": str(world.organisations["own"]),
            },
        ),
        ("/admin/offices", {"name": "Officer's office", "country": "KEN"}),
    ]
    for path, values in posts:
        assert client.post(path, data={"csrf_token": csrf, **values}).status_code == 403, path
    assert user_count(world) == before
    assert accounts.get_user(
        uow=world.platform.uow(), by=SYSTEM, user_id=target.user_id or 0
    ).active
    assert "Officer's office" not in signed_in(world, "admin").get("/admin/offices").text


def test_the_user_list_shows_everyone_and_its_filters_narrow_it(world: World) -> None:
    client = signed_in(world, "admin")
    every = client.get("/admin/users")
    for email in EMAILS.values():
        assert email in every.text
    assert "Meru Mango Growers" in every.text  # a member's organisation, linked
    members = client.get("/admin/users?role=member")
    assert EMAILS["member"] in members.text and EMAILS["officer"] not in members.text
    office = accounts.list_offices(uow=world.platform.uow(), by=SYSTEM)[0].id
    staff = client.get(f"/admin/users?office={office}")
    assert EMAILS["officer"] in staff.text and EMAILS["member"] not in staff.text
    disabled = client.get("/admin/users?state=disabled")
    assert EMAILS["member"] not in disabled.text
    fragment = client.get("/admin/users?role=officer", headers=HTMX)
    assert fragment.text.lstrip().startswith('<div id="user-results"')
    assert "<html" not in fragment.text
    past = client.get("/admin/users?page=999")
    assert "This page is past the last one." in past.text


@pytest.mark.parametrize(
    "query", ["role=king", "office=999999", "office=abc", "state=asleep", "page=0", "page=x"]
)
def test_a_user_list_address_with_nonsense_is_a_clear_400(world: World, query: str) -> None:
    answer = signed_in(world, "admin").get(f"/admin/users?{query}")
    assert answer.status_code == 400
    assert "text/html" in answer.headers["content-type"]


def test_an_administrator_adds_a_member_and_the_log_shows_it(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    email = fresh_email()
    answer = client.post(
        "/admin/users",
        follow_redirects=False,
        data={
            "csrf_token": csrf,
            "email": email,
            "display_name": "Li Wei",
            "role": "member",
            "organisation_id": str(world.organisations["other"]),
            "password": PASSWORD,
        },
    )
    assert answer.status_code == 303
    listed = client.get(answer.headers["location"])
    assert "Li Wei" in listed.text and "can now sign in" in listed.text
    sign_in(world, email)
    log = client.get("/admin/audit?action=user.create")
    assert email in log.text
    assert "User created" in log.text


def test_bad_new_users_get_messages_by_their_fields_and_nothing_is_written(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    own = str(world.organisations["own"])
    good = {
        "email": fresh_email(),
        "display_name": "Amina",
        "role": "member",
        "organisation_id": own,
        "password": PASSWORD,
    }
    cases = [
        ({"email": EMAILS["member"]}, "email", "A user with this email exists already."),
        ({"email": "not an address"}, "email", "This is not an email address."),
        ({"email": ""}, "email", "This field is required."),
        ({"display_name": ""}, "display_name", "This field is required."),
        ({"organisation_id": ""}, "organisation_id", "This field is required."),
        ({"organisation_id": "999999"}, "organisation_id", "There is no such organisation."),
        ({"organisation_id": "abc"}, "organisation_id", "Choose one from the list."),
        ({"password": "short"}, "password", "Use at least 12 characters."),
        ({"password": "password1234"}, "password", "one of the most common passwords"),
        ({"role": "king"}, "role", "Choose one of the options."),
        ({"role": "officer", "organisation_id": ""}, "office_id", "This field is required."),
        ({"role": "officer"}, "organisation_id", "leave this empty"),
    ]
    before = user_count(world)
    for change, field, message in cases:
        answer = client.post("/admin/users", data={"csrf_token": csrf, **good, **change})
        assert answer.status_code == 422, change
        found = re.search(rf'id="{field}-problem">([^<]*)<', answer.text)
        assert found and message in unescape(found.group(1)), (change, answer.text[-3000:])
        assert "The user was not created" in answer.text
        typed = change.get("email", good["email"])
        assert f'value="{typed}"' in answer.text  # what was typed stays
        assert PASSWORD not in answer.text
    assert user_count(world) == before


def test_a_user_added_without_a_password_gets_a_one_time_link(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    email = fresh_email()
    made = client.post(
        "/admin/users",
        data={
            "csrf_token": csrf,
            "email": email,
            "display_name": "Chen Jing",
            "role": "officer",
            "office_id": "1",
        },
    )
    assert made.status_code == 201
    assert (
        "is added" in made.text
        and "shown here this once" in made.text
        and "in the outbox" in made.text
    )
    link = LINK.search(made.text)
    assert link is not None
    reset_token = unescape(link.group(2))
    visitor = signed_in(world, "public")
    form = visitor.get(f"/password-reset?token={reset_token}")
    assert f'value="{reset_token}"' in form.text
    new = "tea gardens in spring 2030"
    data = {
        "csrf_token": csrf_of(form.text),
        "token": reset_token,
        "password": new,
        "repeated": new,
    }
    assert "Your new password is set" in visitor.post("/password-reset", data=data).text
    again = visitor.post("/password-reset", data=data)
    assert again.status_code == 422
    assert "ask for a new one" in again.text
    sign_in(world, email, new)


def test_a_reset_link_for_a_user_works_once_and_a_disabled_user_gets_none(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    target, email = fresh_officer(world)
    issued = client.post(f"/admin/users/{target.user_id}/password-reset", data={"csrf_token": csrf})
    assert issued.status_code == 201
    assert email in issued.text and "UTC" in issued.text
    link = LINK.search(issued.text)
    assert link is not None
    assert client.get("/admin/users").text.count(link.group(2)) == 0  # shown once only
    accounts.disable_user(uow=world.platform.uow(), by=SYSTEM, user_id=target.user_id or 0)
    refused = client.post(
        f"/admin/users/{target.user_id}/password-reset", data={"csrf_token": csrf}
    )
    assert refused.status_code == 409
    missing = client.post("/admin/users/999999/password-reset", data={"csrf_token": csrf})
    assert missing.status_code == 404


def test_disabling_with_htmx_swaps_the_row_and_locks_the_user_out(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    target, email = fresh_officer(world)
    headers = bearer(world.platform, target)
    theirs = sign_in(world, email)
    row = client.post(
        f"/admin/users/{target.user_id}/disable", headers=HTMX, data={"csrf_token": csrf}
    )
    assert row.status_code == 200
    assert row.text.lstrip().startswith(f'<tr id="user-{target.user_id}"')
    assert "Disabled" in row.text and f"/admin/users/{target.user_id}/enable" in row.text
    assert theirs.get("/account", follow_redirects=False).status_code == 303
    api = signed_in(world, "public")
    assert api.get("/api/v1/auth/me", headers=headers).status_code == 401
    assert email in client.get("/admin/users?state=disabled").text
    back = client.post(
        f"/admin/users/{target.user_id}/enable",
        follow_redirects=False,
        data={"csrf_token": csrf, "back": "/admin/users?state=disabled"},
    )
    assert back.status_code == 303
    assert back.headers["location"] == "/admin/users?state=disabled"
    sign_in(world, email)
    elsewhere = client.post(
        f"/admin/users/{target.user_id}/disable",
        follow_redirects=False,
        data={"csrf_token": csrf, "back": "https://evil.example/"},
    )
    assert elsewhere.headers["location"] == "/admin/users"
    log = client.get(f"/admin/audit?subject_type=user&subject_id={target.user_id}")
    for action in ("user.disable", "user.enable"):
        assert code(action) in log.text


def row_of(page: str, user_id: int | None) -> str:
    start = page.index(f'<tr id="user-{user_id}"')
    return page[start : page.index("</tr>", start)]


def test_a_locked_user_shows_as_locked_and_an_administrator_unlocks_them_in_place(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    target, email = fresh_officer(world)
    attacker = TestClient(create_app(platform=world.platform), client=("198.51.100.77", 40000))
    for _ in range(5):
        guess = attacker.post("/api/v1/auth/login", json={"email": email, "password": "a guess"})
        assert guess.status_code == 401
    row = row_of(client.get("/admin/users?role=officer").text, target.user_id)
    assert "Locked" in row and "198.51.100.77" in row
    assert f'hx-post="/admin/users/{target.user_id}/unlock"' in row
    assert 'name="csrf_token"' in row
    others = row_of(client.get("/admin/users").text, world.users["officer"])
    assert "/unlock" not in others  # nobody else is locked
    unlocked = client.post(
        f"/admin/users/{target.user_id}/unlock", headers=HTMX, data={"csrf_token": csrf}
    )
    assert unlocked.status_code == 200
    assert unlocked.text.lstrip().startswith(f'<tr id="user-{target.user_id}"')
    assert "is unlocked and may sign in again" in unlocked.text and "/unlock" not in unlocked.text
    sign_in(world, email, address="198.51.100.77")
    log = client.get(f"/admin/audit?subject_type=user&subject_id={target.user_id}")
    assert code("user.unlock") in log.text and code("user.lock") in log.text
    back = client.post(
        f"/admin/users/{target.user_id}/unlock",
        follow_redirects=False,
        data={"csrf_token": csrf, "back": "/admin/users?role=officer"},
    )
    assert back.status_code == 303 and back.headers["location"] == "/admin/users?role=officer"
    missing = client.post("/admin/users/999999/unlock", data={"csrf_token": csrf})
    assert missing.status_code == 404


PAGES = Path(__file__).parents[2] / "src/itpo/adapters/web/pages"
# Checks of their own (`require_*`, `administrator(...)`), the access rules, and writing the
# audit log, by call or by import.
RULES = re.compile(
    r"require_\w+|\badministrator\(|accounts\.access|accounts\.audit|\brecord\(|import record\b"
)


@pytest.mark.parametrize("module", ["admin.py", "audit.py", "account.py"])
def test_the_pages_leave_who_may_do_what_to_the_services(module: str) -> None:
    source = (PAGES / module).read_text(encoding="utf-8")
    assert RULES.findall(source) == []


def test_the_last_administrator_cannot_be_disabled(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, csrf = admin
    me = world.users["admin"]
    assert client.post(f"/admin/users/{me}/disable", data={"csrf_token": csrf}).status_code == 409
    row = client.post(f"/admin/users/{me}/disable", headers=HTMX, data={"csrf_token": csrf})
    assert "the last active administrator cannot be disabled" in row.text
    assert accounts.get_user(uow=world.platform.uow(), by=SYSTEM, user_id=me).active


def test_every_admin_form_refuses_a_missing_or_forged_token(world: World) -> None:
    target, _ = fresh_officer(world)
    client = signed_in(world, "admin")
    before = user_count(world)
    forms = [
        f"/admin/users/{target.user_id}/disable",
        f"/admin/users/{target.user_id}/enable",
        f"/admin/users/{target.user_id}/unlock",
        f"/admin/users/{target.user_id}/password-reset",
        "/admin/users",
        "/admin/offices",
    ]
    values = {
        "email": fresh_email(),
        "display_name": "Forged",
        "role": "member",
        "organisation_id": "1",
        "name": "Forged office",
        "country": "KEN",
    }
    for path in forms:
        for token in (None, "forged"):
            data = values if token is None else {**values, "csrf_token": token}
            answer = client.post(path, data=data)
            assert answer.status_code == 403, (path, token)
            assert "This form has expired" in answer.text
    assert user_count(world) == before
    assert accounts.get_user(
        uow=world.platform.uow(), by=SYSTEM, user_id=target.user_id or 0
    ).active
    assert "Forged office" not in client.get("/admin/offices").text


def test_offices_are_listed_added_and_checked(world: World, admin: tuple[TestClient, str]) -> None:
    client, csrf = admin
    page = client.get("/admin/offices")
    assert "ITPO Test Office" in page.text and "China" in page.text
    name = f"ITPO Nairobi {uuid.uuid4().hex[:6]}"
    made = client.post(
        "/admin/offices",
        follow_redirects=False,
        data={"csrf_token": csrf, "name": name, "country": "KEN", "city": "Nairobi"},
    )
    assert made.status_code == 303
    shown = client.get(made.headers["location"])
    assert f"The office {name} is added." in shown.text and "Kenya" in shown.text
    before = len(accounts.list_offices(uow=world.platform.uow(), by=SYSTEM))
    cases = [
        ({"name": name, "country": "KEN"}, "name", "An office with this name exists already."),
        ({"name": "", "country": "KEN"}, "name", "This field is required."),
        ({"name": "Atlantis", "country": "ATL"}, "country", "Choose a country from the list."),
        ({"name": "Nowhere", "country": ""}, "country", "This field is required."),
    ]
    for values, field, message in cases:
        answer = client.post("/admin/offices", data={"csrf_token": csrf, **values})
        assert answer.status_code == 422, values
        assert f'id="{field}-problem">{message}' in answer.text, values
    assert len(accounts.list_offices(uow=world.platform.uow(), by=SYSTEM)) == before
    assert "办公室" in client.get("/admin/offices?lang=zh").text


def test_the_audit_log_shows_what_happened_and_its_filters_narrow_it(
    world: World, admin: tuple[TestClient, str]
) -> None:
    client, _ = admin
    _, email = fresh_officer(world)
    theirs = sign_in(world, email)
    token_csrf = csrf_of(theirs.get("/account").text)
    theirs.post(
        "/account/tokens", data={"csrf_token": token_csrf, "name": "Audit me", "scopes": ["read"]}
    )
    everything = client.get("/admin/audit")
    assert "API token created" in everything.text and "Signed in" in everything.text
    by_them = client.get(f"/admin/audit?actor={email}")
    assert "Audit me" in by_them.text
    assert code("user.create") not in by_them.text  # the administrator made them, not they
    tokens = client.get("/admin/audit?action=token")
    assert code("token.create") in tokens.text and code("session.start") not in tokens.text
    sessions = client.get(f"/admin/audit?action=session.start&actor={email}")
    assert code("session.start") in sessions.text and code("token.create") not in sessions.text
    today = TEST_DAY  # the platform clock stamps the log
    within = client.get(f"/admin/audit?actor={email}&since={today}&until={today}")
    assert "Audit me" in within.text
    before = client.get(f"/admin/audit?actor={email}&until={today - dt.timedelta(days=1)}")
    assert "Audit me" not in before.text and "No entry passes these filters." in before.text
    fragment = client.get("/admin/audit?action=token", headers=HTMX)
    assert fragment.text.lstrip().startswith('<div id="audit-results"')


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("actor=nobody@nowhere.example", "No user has this email."),
        ("actor=not-an-email", "This is not an email address."),
        ("since=yesterday", "Give a date as YYYY-MM-DD."),
        ("until=2024-13-01", "Give a date as YYYY-MM-DD."),
        ("since=2024-05-02&until=2024-05-01", "The last day comes before the first."),
    ],
)
def test_bad_audit_filters_are_answered_by_their_fields(
    world: World, query: str, message: str
) -> None:
    answer = signed_in(world, "admin").get(f"/admin/audit?{query}")
    assert answer.status_code == 422
    assert message in answer.text
    assert 'aria-invalid="true"' in answer.text
    assert "<tbody>" not in answer.text


def test_the_audit_csv_link_works_with_the_session_for_administrators_only(
    world: World,
) -> None:
    client = signed_in(world, "admin")
    page = client.get("/admin/audit?action=user")
    link = re.search(r'href="(/api/v1/audit\.csv[^"]*)"', page.text)
    assert link is not None
    assert "action=user" in unescape(link.group(1))
    export = client.get(unescape(link.group(1)))
    assert export.status_code == 200
    assert export.headers["content-type"].startswith("text/csv")
    assert export.text.startswith("id,at,actor_id,actor,action")
    assert signed_in(world, "member").get("/api/v1/audit.csv").status_code == 403
    assert signed_in(world, "public").get("/api/v1/audit.csv").status_code in (401, 403)


def test_the_administration_pages_speak_chinese(world: World) -> None:
    client = signed_in(world, "admin")
    users = client.get("/admin/users?lang=zh")
    for text in ("用户", "添加用户", "筛选", "有效", "管理员"):
        assert text in users.text, text
    log = client.get("/admin/audit")  # the language is remembered
    for text in ("审计日志", "操作人", "下载 CSV", "创建用户"):
        assert text in log.text, text
    bad = client.get("/admin/audit?since=nonsense")
    assert "请按 YYYY-MM-DD 格式填写日期。" in bad.text
