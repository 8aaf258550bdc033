"""Signing in over the API: the session cookie and its flags, CSRF on changes, tokens shown
once and revocable, one answer for every refused sign-in, and lockout."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.auth import ADMIN_EMAIL, PASSWORD, administrator, bearer
from tests.records import organisation_data

from itpo.adapters.app import create_app
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
        made = browser.post(f"{API}/tokens", json={"name": "script", "scopes": ["read", "write"]},
                            headers={"X-CSRF-Token": csrf})  # fmt: skip
        assert made.status_code == 201
        token = made.json()["token"]
        listed = browser.get(f"{API}/tokens").json()
        assert token not in str(listed) and listed[0]["prefix"] in token
        token_id = made.json()["id"]
    with TestClient(create_app(platform=platform)) as script:
        auth = {"Authorization": f"Bearer {token}"}
        assert script.get(f"{API}/auth/me", headers=auth).json()["scopes"] == ["read", "write"]
        body = organisation_data(external_id=None)
        assert script.post(f"{API}/organisations", json=body, headers=auth).status_code == 201
        assert script.delete(f"{API}/tokens/{token_id}", headers=auth).status_code == 200
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
        assert done.status_code == 204
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
            made = client.post(f"{API}/organisations",
                               json=organisation_data(external_id=f"org-{number}"))  # fmt: skip
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
    assert filters == [{"since": "2999-01-01T00:00:00"}, {"action": "organisation"}, {}]
