"""The account page: who I am, my password and my API tokens, for every asker; tokens shown
once and working against the API until revoked; every bad value answered next to its field."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from fastapi.testclient import TestClient

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditQuery, Role
from itpo.accounts.principal import Principal
from itpo.adapters.app import create_app
from tests.auth import PASSWORD, bearer, user
from tests.world import EMAILS, World, csrf_of, signed_in

TOKEN = re.compile(r'value="(itpo_[A-Za-z0-9_-]+)"')
HTMX = {"HX-Request": "true"}


def fresh_member(world: World) -> tuple[Principal, str]:
    """A member of the own organisation that only this test uses."""
    email = f"m-{uuid.uuid4().hex[:10]}@meru.example"
    made = user(world.platform, email, Role.MEMBER, organisation_id=world.organisations["own"])
    return made, email


def sign_in(
    world: World, email: str, password: str = PASSWORD, address: str = "testclient"
) -> TestClient:
    """A client signed in through the form (from `address`, for tests of failures that are
    counted per address)."""
    client = TestClient(
        create_app(platform=world.platform),
        raise_server_exceptions=False,
        client=(address, 50000),
    )
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client


def tokens_of(world: World, principal: Principal) -> int:
    return len(accounts.list_tokens(uow=world.platform.uow(), by=principal))


def test_the_public_is_sent_to_sign_in_from_every_account_page(world: World) -> None:
    client = signed_in(world, "public")
    answer = client.get("/account", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/account"
    # A form sent without a session has no session token: refused before anything is done.
    for path in ("/account/password", "/account/tokens", "/account/tokens/1/revoke"):
        assert client.post(path, data={"csrf_token": "x"}).status_code == 403, path


def test_a_member_sees_who_they_are_and_their_organisation(world: World) -> None:
    page = signed_in(world, "member").get("/account")
    assert page.status_code == 200
    assert EMAILS["member"] in page.text
    assert f'href="/organisations/{world.organisations["own"]}"' in page.text
    assert "Meru Mango Growers" in page.text
    assert "Member" in page.text
    # The scopes offered are those the role allows: no Administer for a member.
    assert 'value="read"' in page.text and 'value="write"' in page.text
    assert 'value="admin"' not in page.text
    assert "You have no API tokens yet." in page.text or "<tbody>" in page.text


def test_staff_see_their_office_and_an_administrator_may_give_the_admin_scope(
    world: World,
) -> None:
    officer = signed_in(world, "officer").get("/account")
    assert "ITPO Test Office" in officer.text
    assert "Officer" in officer.text
    assert 'value="admin"' not in officer.text
    admin = signed_in(world, "admin").get("/account")
    assert 'value="admin"' in admin.text
    assert 'href="/admin/users"' in admin.text


def test_a_new_token_is_shown_once_works_on_the_api_and_stops_when_revoked(
    world: World,
) -> None:
    principal, email = fresh_member(world)
    client = sign_in(world, email)
    token = csrf_of(client.get("/account").text)
    made = client.post(
        "/account/tokens",
        data={"csrf_token": token, "name": "CRM sync", "scopes": ["read", "write"]},
    )
    assert made.status_code == 201
    assert "shown this once" in made.text
    secret = TOKEN.search(made.text)
    assert secret is not None
    issued = secret.group(1)
    api = TestClient(create_app(platform=world.platform))
    me = api.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {issued}"})
    assert me.status_code == 200
    assert me.json()["user"]["email"] == email
    assert me.json()["scopes"] == ["read", "write"]
    # Never again: the account page lists the token by name and prefix only.
    page = client.get("/account")
    assert issued not in page.text
    assert "CRM sync" in page.text
    assert issued[:8] in page.text
    token_id = accounts.list_tokens(uow=world.platform.uow(), by=principal)[-1].id
    # With HTMX the answer is the token's row, now revoked.
    revoked = client.post(
        f"/account/tokens/{token_id}/revoke", headers=HTMX, data={"csrf_token": token}
    )
    assert revoked.status_code == 200
    assert revoked.text.lstrip().startswith(f'<tr id="token-{token_id}"')
    assert "Revoked" in revoked.text
    refused = api.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {issued}"})
    assert refused.status_code == 401


def test_revoking_without_javascript_returns_to_the_account_page(world: World) -> None:
    principal, email = fresh_member(world)
    bearer(world.platform, principal, None)
    client = sign_in(world, email)
    token_id = accounts.list_tokens(uow=world.platform.uow(), by=principal)[0].id
    csrf = csrf_of(client.get("/account").text)
    answer = client.post(
        f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/account?notice=revoked"
    assert "Programs that used it are refused" in client.get(answer.headers["location"]).text


def test_nobody_revokes_another_users_token_and_bad_ids_name_no_page(world: World) -> None:
    owner, _ = fresh_member(world)
    bearer(world.platform, owner, None)
    token_id = accounts.list_tokens(uow=world.platform.uow(), by=owner)[0].id
    client = signed_in(world, "other_member")
    csrf = csrf_of(client.get("/account").text)
    assert (
        client.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf}).status_code
        == 403
    )
    assert accounts.list_tokens(uow=world.platform.uow(), by=owner)[0].revoked_at is None
    for bad in ("999999", "0", "99999999999", "abc"):
        answer = client.post(f"/account/tokens/{bad}/revoke", data={"csrf_token": csrf})
        assert answer.status_code in (404, 405), bad
        assert "text/html" in answer.headers["content-type"]


def test_bad_token_forms_get_messages_by_their_fields_and_write_nothing(world: World) -> None:
    principal, email = fresh_member(world)
    client = sign_in(world, email)
    csrf = csrf_of(client.get("/account").text)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"name": "", "scopes": ["read"]}, "This field is required."),
        ({"name": "x" * 101, "scopes": ["read"]}, "at most 100 fit"),
        ({"name": "No scope"}, "Choose at least one scope."),
        ({"name": "Admin", "scopes": ["admin"]}, "The Administer scope is for administrators"),
        ({"name": "Bogus", "scopes": ["root"]}, "Choose one of the options."),
        ({"name": "Past", "scopes": ["read"], "expires_on": "2001-01-01"}, "in the future"),
        ({"name": "Far", "scopes": ["read"], "expires_on": "9999-12-31"}, "within ten years"),
        ({"name": "Odd", "scopes": ["read"], "expires_on": "soon"}, "YYYY-MM-DD"),
    ]
    for values, message in cases:
        answer = client.post("/account/tokens", data={"csrf_token": csrf, **values})
        assert answer.status_code == 422, values
        assert message in answer.text, values
        assert "The token was not created" in answer.text
        assert 'aria-invalid="true"' in answer.text
        if values.get("name") and len(values["name"]) < 100:
            assert f'value="{values["name"]}"' in answer.text  # what was typed is kept
    assert tokens_of(world, principal) == 0


def test_a_token_with_an_end_date_works_until_that_day(world: World) -> None:
    principal, email = fresh_member(world)
    client = sign_in(world, email)
    csrf = csrf_of(client.get("/account").text)
    day = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=30)
    made = client.post(
        "/account/tokens",
        data={
            "csrf_token": csrf,
            "name": "Trial",
            "scopes": ["read"],
            "expires_on": day.isoformat(),
        },
    )
    assert made.status_code == 201
    stored = accounts.list_tokens(uow=world.platform.uow(), by=principal)[0]
    assert stored.expires_at is not None
    end = (day + dt.timedelta(days=1)).isoformat()
    assert stored.expires_at.isoformat().startswith(f"{end}T00:00:00")


def test_every_account_form_refuses_a_missing_or_forged_token(world: World) -> None:
    principal, email = fresh_member(world)
    bearer(world.platform, principal, None)
    token_id = accounts.list_tokens(uow=world.platform.uow(), by=principal)[0].id
    client = sign_in(world, email)
    forms: list[tuple[str, dict[str, Any]]] = [
        ("/account/tokens", {"name": "Forged", "scopes": ["read"]}),
        (
            "/account/password",
            {
                "current_password": PASSWORD,
                "new_password": "a new long one 77",
                "repeated": "a new long one 77",
            },
        ),
        (f"/account/tokens/{token_id}/revoke", {}),
    ]
    for path, values in forms:
        for token in (None, "forged"):
            data = values if token is None else {**values, "csrf_token": token}
            answer = client.post(path, data=data)
            assert answer.status_code == 403, (path, token)
            assert "This form has expired" in answer.text
    assert tokens_of(world, principal) == 1
    assert accounts.list_tokens(uow=world.platform.uow(), by=principal)[0].revoked_at is None
    sign_in(world, email)  # the password is unchanged


def test_changing_the_password_ends_the_other_sessions_and_tokens_and_says_so(
    world: World,
) -> None:
    principal, email = fresh_member(world)
    headers = bearer(world.platform, principal, None)
    [token] = accounts.list_tokens(uow=world.platform.uow(), by=principal)
    here = sign_in(world, email)
    elsewhere = sign_in(world, email)
    csrf = csrf_of(here.get("/account").text)
    new = "mango season is long 2031"
    answer = here.post(
        "/account/password",
        follow_redirects=False,
        data={
            "csrf_token": csrf,
            "current_password": PASSWORD,
            "new_password": new,
            "repeated": new,
        },
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/account?notice=password&ended=1&revoked={token.id}"
    shown = here.get(answer.headers["location"])
    notice = shown.text[shown.text.index('id="password-changed"') :].split("</div>")[0]
    assert "Your password is changed." in notice and "Your 1 other session has ended." in notice
    assert "These API tokens are revoked" in notice and token.prefix in notice
    assert elsewhere.get("/account", follow_redirects=False).status_code == 303
    api = TestClient(create_app(platform=world.platform))
    assert api.get("/api/v1/auth/me", headers=headers).status_code == 401
    sign_in(world, email, new)
    entries = accounts.list_audit(
        uow=world.platform.uow(),
        by=Principal.system(),
        query=AuditQuery(action="user.password_change", limit=100),
    )
    assert any(e.actor_label == email for e in entries.items)


def test_the_notice_names_only_ones_own_tokens(world: World) -> None:
    owner, _ = fresh_member(world)
    bearer(world.platform, owner, None)
    [theirs] = accounts.list_tokens(uow=world.platform.uow(), by=owner)
    _, email = fresh_member(world)
    client = sign_in(world, email)
    page = client.get(f"/account?notice=password&ended=0&revoked={theirs.id},abc,99999999999999")
    assert page.status_code == 200
    assert "You had no other sessions." in page.text
    assert theirs.prefix not in page.text


def test_wrong_current_passwords_lock_the_form_for_this_address(world: World) -> None:
    _, email = fresh_member(world)
    client = sign_in(world, email, address="198.51.100.21")
    csrf = csrf_of(client.get("/account").text)
    good = "a sound passphrase 42"
    guess = {
        "csrf_token": csrf,
        "current_password": "a guess",
        "new_password": good,
        "repeated": good,
    }
    for _ in range(5):
        assert client.post("/account/password", data=guess).status_code == 422
    locked = client.post("/account/password", data={**guess, "current_password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many wrong passwords for this account." in locked.text
    refused = accounts.list_audit(
        uow=world.platform.uow(),
        by=Principal.system(),
        query=AuditQuery(action="user.password_change_refused", limit=100),
    )
    assert sum(e.actor_label == email for e in refused.items) == 5


def test_bad_password_changes_get_messages_by_their_fields(world: World) -> None:
    _, email = fresh_member(world)
    client = sign_in(world, email)
    csrf = csrf_of(client.get("/account").text)
    good = "a sound passphrase 42"
    cases = [
        (
            {"current_password": PASSWORD, "new_password": good, "repeated": good + "!"},
            "repeated",
            "The two new passwords are not the same.",
        ),
        (
            {"current_password": "not it at all", "new_password": good, "repeated": good},
            "current_password",
            "This is not your current password.",
        ),
        (
            {"current_password": PASSWORD, "new_password": "short", "repeated": "short"},
            "new_password",
            "Use at least 12 characters.",
        ),
        (
            {
                "current_password": PASSWORD,
                "new_password": "password1234",
                "repeated": "password1234",
            },
            "new_password",
            "one of the most common passwords",
        ),
        (
            {"current_password": PASSWORD, "new_password": "", "repeated": ""},
            "new_password",
            "This field is required.",
        ),
    ]
    for values, field, message in cases:
        answer = client.post("/account/password", data={"csrf_token": csrf, **values})
        assert answer.status_code == 422, values
        assert f'id="{field}-problem">{message}' in answer.text or (
            f'id="{field}-problem"' in answer.text and message in answer.text
        ), values
        assert PASSWORD not in answer.text  # a password is never written back into a page
    sign_in(world, email)  # still the old password


def test_the_account_page_speaks_chinese(world: World) -> None:
    page = signed_in(world, "member").get("/account?lang=zh")
    assert page.status_code == 200
    for text in ("我的账户", "修改密码", "API 令牌", "创建令牌", "会员", "读取"):
        assert text in page.text, text
    client = signed_in(world, "member")
    csrf = csrf_of(client.get("/account?lang=zh").text)
    answer = client.post("/account/tokens", data={"csrf_token": csrf, "name": ""})
    assert "此项为必填项。" in answer.text
    assert "请至少选择一项权限。" in answer.text
