"""Signing in over the API: the session cookie and its flags, CSRF on changes, tokens shown
once and revocable (and only through a session or an admin token), one answer for every
refused sign-in, locks per address that an administrator lifts, and sign-ins at once on a
real server."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx2 as httpx
import sqlalchemy as sa
import uvicorn
from fastapi.testclient import TestClient
from tests.auth import ADMIN_EMAIL, PASSWORD, administrator, bearer, user
from tests.records import organisation_data
from tests.serving import free_port

from itpo.accounts import services as accounts
from itpo.accounts.model import Role, Scope
from itpo.adapters.app import create_app
from itpo.adapters.storage.account_tables import login_attempt, user_account
from itpo.bootstrap import Platform

API = "/api/v1"


def sign_in(client: TestClient, email: str = ADMIN_EMAIL, password: str = PASSWORD) -> str:
    answer = client.post(f"{API}/auth/login", json={"email": email, "password": password})
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["csrf_token"]
    return token


def test_a_session_cookie_is_httponly_samesite_and_secure_over_tls(platform: Platform) -> None:
    administrator(platform)
    app = create_app(platform=platform)
    with TestClient(app) as plain:
        answer = plain.post(f"{API}/auth/login", json={"email": ADMIN_EMAIL, "password": PASSWORD})
        cookie = answer.headers["set-cookie"]
        assert "itpo_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "Secure" not in cookie
        assert PASSWORD not in answer.text and "$argon2" not in answer.text
    with TestClient(app, base_url="https://testserver") as tls:
        answer = tls.post(f"{API}/auth/login", json={"email": ADMIN_EMAIL, "password": PASSWORD})
        assert "Secure" in answer.headers["set-cookie"]


def test_changes_through_a_session_need_the_csrf_header(platform: Platform) -> None:
    administrator(platform)
    with TestClient(create_app(platform=platform)) as browser:
        csrf = sign_in(browser)
        assert browser.get(f"{API}/auth/me").json()["user"]["email"] == ADMIN_EMAIL
        body = organisation_data(external_id=None)
        forged = browser.post(f"{API}/organisations", json=body)
        assert forged.status_code == 403 and "X-CSRF-Token" in forged.json()["detail"]
        wrong = browser.post(f"{API}/organisations", json=body, headers={"X-CSRF-Token": "x"})
        assert wrong.status_code == 403
        assert browser.get(f"{API}/organisations").json()["total"] == 0  # nothing written
        made = browser.post(f"{API}/organisations", json=body, headers={"X-CSRF-Token": csrf})
        assert made.status_code == 201
        out = browser.post(f"{API}/auth/logout", headers={"X-CSRF-Token": csrf})
        assert out.status_code == 204
        assert browser.get(f"{API}/auth/me").status_code == 401  # the session is gone


def test_every_refused_sign_in_says_the_same_and_repeated_failures_lock(
    platform: Platform,
) -> None:
    administrator(platform)
    with TestClient(create_app(platform=platform)) as client:
        unknown = client.post(f"{API}/auth/login", json={"email": "no@x.example", "password": "p"})
        wrong = client.post(f"{API}/auth/login", json={"email": ADMIN_EMAIL, "password": "p"})
        assert unknown.status_code == wrong.status_code == 401
        assert unknown.json() == wrong.json()
        for _ in range(5):
            client.post(f"{API}/auth/login", json={"email": ADMIN_EMAIL, "password": "p"})
        locked = client.post(f"{API}/auth/login", json={"email": ADMIN_EMAIL, "password": PASSWORD})
        assert locked.status_code == 401  # the right password, but the account is locked
        for _ in range(20):
            client.post(f"{API}/auth/login", json={"email": "no@x.example", "password": "p"})
        busy = client.post(f"{API}/auth/login", json={"email": "no@x.example", "password": "p"})
        assert busy.status_code == 429 and int(busy.headers["retry-after"]) > 0


def test_a_token_is_shown_once_works_and_stops_when_revoked(platform: Platform) -> None:
    administrator(platform)
    with TestClient(create_app(platform=platform)) as browser:
        csrf = sign_in(browser)
        made = browser.post(
            f"{API}/tokens",
            json={"name": "script", "scopes": ["read", "write"]},
            headers={"X-CSRF-Token": csrf},
        )
        assert made.status_code == 201
        token = made.json()["token"]
        listed = browser.get(f"{API}/tokens").json()
        assert token not in str(listed) and listed[0]["prefix"] in token
        token_id = made.json()["id"]
        script = TestClient(create_app(platform=platform))
        auth = {"Authorization": f"Bearer {token}"}
        assert script.get(f"{API}/auth/me", headers=auth).json()["scopes"] == ["read", "write"]
        body = organisation_data(external_id=None)
        assert script.post(f"{API}/organisations", json=body, headers=auth).status_code == 201
        # Without the admin scope a token manages no tokens, not even itself.
        assert script.delete(f"{API}/tokens/{token_id}", headers=auth).status_code == 403
        assert (
            browser.delete(f"{API}/tokens/{token_id}", headers={"X-CSRF-Token": csrf}).status_code
            == 200
        )
        refused = script.get(f"{API}/organisations", headers=auth)
        assert refused.status_code == 401 and "revoked" in refused.json()["detail"]
        assert refused.headers["www-authenticate"].startswith("Bearer")
        garbled = script.get(f"{API}/organisations", headers={"Authorization": "Basic abc"})
        assert garbled.status_code == 401


def test_an_issued_reset_token_sets_a_new_password_once(platform: Platform) -> None:
    admin = administrator(platform)
    headers = bearer(platform, admin)
    with TestClient(create_app(platform=platform)) as client:
        issued = client.post(f"{API}/users/{admin.user_id}/password-reset", headers=headers)
        assert issued.status_code == 201
        token, new = issued.json()["token"], "a brand new passphrase 2026"
        weak = client.post(f"{API}/auth/password-reset", json={"token": token, "password": "x"})
        assert weak.status_code == 422  # too weak: refused, and the token still works
        done = client.post(f"{API}/auth/password-reset", json={"token": token, "password": new})
        assert done.status_code == 200
        [revoked] = done.json()["tokens_revoked"]  # the administrator's token of `headers`
        assert done.json()["sessions_ended"] == 0 and revoked["prefix"] in headers["Authorization"]
        assert client.get(f"{API}/auth/me", headers=headers).status_code == 401
        again = client.post(f"{API}/auth/password-reset", json={"token": token, "password": new})
        assert again.status_code == 422 and again.json()["detail"][0]["loc"][-1] == "token"
        assert sign_in(client, ADMIN_EMAIL, new)
        client.cookies.clear()  # as a new visitor: a signed-in one would need the CSRF header
        old = client.post(f"{API}/auth/login", json={"email": ADMIN_EMAIL, "password": PASSWORD})
        assert old.status_code == 401


def test_a_reset_an_administrator_issues_is_logged_under_their_name(platform: Platform) -> None:
    admin = administrator(platform)
    headers = bearer(platform, admin)
    with TestClient(create_app(platform=platform), headers=headers) as client:
        assert client.post(f"{API}/users/{admin.user_id}/password-reset").status_code == 201
        log = client.get(f"{API}/audit", params={"action": "user.password_reset_start"}).json()
    [entry] = log["items"]
    assert entry["actor_id"] == admin.user_id
    assert entry["actor"].startswith(f"{ADMIN_EMAIL} (token itpo_")


def test_the_audit_export_filters_as_the_list_does(platform: Platform) -> None:
    admin = administrator(platform)
    with TestClient(create_app(platform=platform), headers=bearer(platform, admin)) as client:
        for number in range(3):
            made = client.post(
                f"{API}/organisations", json=organisation_data(external_id=f"org-{number}")
            )
            assert made.status_code == 201
        listed = client.get(f"{API}/audit", params={"action": "organisation"}).json()
        assert listed["total"] == 3
        csv_all = client.get(f"{API}/audit.csv").text.splitlines()
        csv_some = client.get(f"{API}/audit.csv", params={"action": "organisation"})
        rows = csv_some.text.splitlines()[1:]
        assert len(rows) == 3 and all(",organisation.create," in row for row in rows)
        assert len(csv_all) > len(rows) + 1
        later = client.get(f"{API}/audit.csv", params={"since": "2999-01-01T00:00:00"})
        assert later.text.splitlines()[1:] == []
        bad = client.get(f"{API}/audit.csv", params={"since": "yesterday"})
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["loc"][-1] == "since"
        exported = client.get(f"{API}/audit", params={"action": "audit.export"}).json()
    filters = [e["detail"]["filters"] for e in exported["items"]]
    # A moment without a zone is read as UTC, and recorded so.
    assert filters == [{"since": "2999-01-01T00:00:00+00:00"}, {"action": "organisation"}, {}]


@contextmanager
def served(platform: Platform) -> Iterator[str]:
    """The app on a real uvicorn server on loopback, in a thread of the test process."""
    port = free_port()
    config = uvicorn.Config(
        create_app(platform=platform), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def staff_with_a_real_hash(platform: Platform, email: str) -> None:
    """An officer whose password hash has the production cost, so each check takes time."""
    admin = administrator(platform)
    accounts.create_user(
        uow=platform.uow(),
        by=admin,
        email=email,
        display_name=email,
        role=Role.OFFICER,
        password=PASSWORD,
        office_id=admin.office_id,
    )


def test_sixteen_sign_ins_at_once_are_all_answered_and_every_failure_counts(
    platform: Platform,
) -> None:
    staff_with_a_real_hash(platform, "guessed@itpo.example")
    staff_with_a_real_hash(platform, "regular@itpo.example")
    wrong = {n for n in range(16) if n % 2 == 0}
    start = threading.Barrier(16)

    def sign_in_at_once(n: int) -> int:
        email, password = (
            ("guessed@itpo.example", f"guess {n}")
            if n in wrong
            else ("regular@itpo.example", PASSWORD)
        )
        start.wait()
        answer = httpx.post(
            f"{base}/api/v1/auth/login", timeout=300, json={"email": email, "password": password}
        )
        return answer.status_code

    with served(platform) as base, ThreadPoolExecutor(16) as pool:
        codes = dict(zip(range(16), pool.map(sign_in_at_once, range(16)), strict=True))
    assert {n: c for n, c in codes.items() if n in wrong} == dict.fromkeys(wrong, 401)
    assert {n: c for n, c in codes.items() if n not in wrong} == {
        n: 200 for n in range(16) if n not in wrong
    }
    with platform.engine.connect() as connection:
        attempts = connection.execute(
            sa.select(login_attempt.c.email, login_attempt.c.succeeded)
        ).all()
        failed = connection.execute(
            sa.select(user_account.c.failed_logins).where(
                user_account.c.email == "guessed@itpo.example"
            )
        ).scalar_one()
    assert sorted(attempts) == sorted(
        [("guessed@itpo.example", False)] * 8 + [("regular@itpo.example", True)] * 8
    )
    assert failed == 8


NEW_PASSWORD = "a brand new passphrase 2026"


def test_a_password_change_says_which_sessions_ended_and_which_tokens_were_revoked(
    platform: Platform,
) -> None:
    administrator(platform)
    app = create_app(platform=platform)
    with TestClient(app) as here, TestClient(app) as elsewhere:
        csrf = sign_in(here)
        sign_in(elsewhere)
        changing = {"X-CSRF-Token": csrf}
        made = here.post(
            f"{API}/tokens", json={"name": "script", "scopes": ["read"]}, headers=changing
        ).json()
        changed = here.post(
            f"{API}/auth/password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers=changing,
        )
        assert changed.status_code == 200, changed.text
        assert changed.json() == {
            "sessions_ended": 1,
            "tokens_revoked": [{"id": made["id"], "prefix": made["prefix"]}],
        }
        assert here.get(f"{API}/auth/me").status_code == 200  # the session that changed it
        assert elsewhere.get(f"{API}/auth/me").status_code == 401
        script = {"Authorization": f"Bearer {made['token']}"}
        assert here.get(f"{API}/auth/me", headers=script).status_code == 401


def test_a_token_without_the_admin_scope_cannot_take_the_account_over(
    platform: Platform,
) -> None:
    admin = administrator(platform)
    program = bearer(platform, admin, [Scope.READ, Scope.WRITE, Scope.MATCH])
    with TestClient(create_app(platform=platform), headers=program) as script:
        guess = {"current_password": "a guess", "new_password": NEW_PASSWORD}
        assert script.post(f"{API}/auth/password", json=guess).status_code == 403
        more = {"name": "more", "scopes": ["read"]}
        assert script.post(f"{API}/tokens", json=more).status_code == 403
        assert script.get(f"{API}/tokens").status_code == 403
        assert script.delete(f"{API}/tokens/1").status_code == 403
    with platform.engine.connect() as connection:
        assert connection.execute(sa.select(login_attempt)).all() == []  # no guess was checked


def test_a_token_made_with_a_token_ends_with_it(platform: Platform) -> None:
    admin = administrator(platform)
    with TestClient(create_app(platform=platform), headers=bearer(platform, admin)) as client:
        soon = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).isoformat()
        later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
        parent = client.post(
            f"{API}/tokens",
            json={"name": "parent", "scopes": ["read", "admin"], "expires_at": soon},
        ).json()
        child = client.post(
            f"{API}/tokens",
            json={"name": "child", "scopes": ["read"], "expires_at": later},
            headers={"Authorization": f"Bearer {parent['token']}"},
        )
        assert child.status_code == 201, child.text
        assert child.json()["expires_at"] == parent["expires_at"]  # capped at its parent's
        as_child = {"Authorization": f"Bearer {child.json()['token']}"}
        assert client.get(f"{API}/auth/me", headers=as_child).status_code == 200
        assert client.delete(f"{API}/tokens/{parent['id']}").status_code == 200
        refused = client.get(f"{API}/auth/me", headers=as_child)
        assert refused.status_code == 401 and "revoked" in refused.json()["detail"]


def test_an_attackers_failures_from_one_address_leave_the_owner_in_from_another(
    platform: Platform,
) -> None:
    administrator(platform)
    app = create_app(platform=platform)
    wrong = {"email": ADMIN_EMAIL, "password": "a guess"}
    right = {"email": ADMIN_EMAIL, "password": PASSWORD}
    with (
        TestClient(app, client=("203.0.113.66", 40000)) as attacker,
        TestClient(app, client=("192.0.2.10", 40000)) as owner,
    ):
        for _ in range(5):
            assert attacker.post(f"{API}/auth/login", json=wrong).status_code == 401
        assert attacker.post(f"{API}/auth/login", json=right).status_code == 401
        assert owner.post(f"{API}/auth/login", json=right).status_code == 200


def test_an_administrator_unlocks_a_user_over_the_api_and_nobody_else_may(
    platform: Platform,
) -> None:
    admin = administrator(platform)
    officer = user(platform, "officer@itpo.example", Role.OFFICER)
    app = create_app(platform=platform)
    wrong = {"email": "officer@itpo.example", "password": "a guess"}
    unlock = f"{API}/users/{officer.user_id}/unlock"
    with TestClient(app, client=("203.0.113.66", 40000)) as attacker:
        for _ in range(5):
            attacker.post(f"{API}/auth/login", json=wrong)
        assert attacker.post(unlock).status_code == 401
        assert attacker.post(unlock, headers=bearer(platform, officer)).status_code == 403
        programs = bearer(platform, admin, [Scope.READ, Scope.WRITE])
        assert attacker.post(unlock, headers=programs).status_code == 403
        answer = attacker.post(unlock, headers=bearer(platform, admin))
        assert answer.status_code == 200 and answer.json()["email"] == "officer@itpo.example"
        right = {"email": "officer@itpo.example", "password": PASSWORD}
        assert attacker.post(f"{API}/auth/login", json=right).status_code == 200
        missing = attacker.post(f"{API}/users/999999/unlock", headers=bearer(platform, admin))
        assert missing.status_code == 404
        log = attacker.get(
            f"{API}/audit", params={"action": "user.unlock"}, headers=bearer(platform, admin)
        ).json()
    assert [(e["actor_id"], e["subject_id"]) for e in log["items"]] == [
        (admin.user_id, str(officer.user_id))
    ]
