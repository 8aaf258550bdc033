"""Signing in and out through the pages: the form, its CSRF token, where it returns to, and
the refusals (a wrong password, a form from elsewhere, a page that needs a user)."""

from __future__ import annotations

from typing import Any

from tests.auth import PASSWORD
from tests.world import EMAILS, World, csrf_of, signed_in


def test_a_page_for_users_sends_the_public_to_sign_in_and_back(world: World) -> None:
    client = signed_in(world, "public")
    answer = client.get("/account", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/account"
    form = client.get(answer.headers["location"])
    assert 'name="next" value="/account"' in form.text
    back = client.post(
        "/login",
        data={
            "email": EMAILS["member"],
            "password": PASSWORD,
            "csrf_token": csrf_of(form.text),
            "next": "/account",
        },
        follow_redirects=False,
    )
    assert back.status_code == 303
    assert back.headers["location"] == "/account"


def test_a_wrong_password_shows_one_message_and_sets_no_session(world: World) -> None:
    client = signed_in(world, "public")
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={
            "email": EMAILS["officer"],
            "password": "wrong password",
            "csrf_token": csrf_of(form.text),
        },
    )
    assert answer.status_code == 401
    assert "The email or the password is not right." in answer.text
    assert "itpo_session" not in client.cookies


def test_a_sign_in_form_without_its_token_is_refused(world: World) -> None:
    client = signed_in(world, "public")
    client.get("/login")
    answer = client.post(
        "/login", data={"email": EMAILS["officer"], "password": PASSWORD, "csrf_token": "forged"}
    )
    assert answer.status_code == 403
    assert "This form has expired" in answer.text
    assert "itpo_session" not in client.cookies


def test_sign_in_never_sends_anyone_to_another_site(world: World) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"):
        client = signed_in(world, "public")
        form = client.get("/login")
        answer = client.post(
            "/login",
            data={
                "email": EMAILS["officer"],
                "password": PASSWORD,
                "csrf_token": csrf_of(form.text),
                "next": target,
            },
            follow_redirects=False,
        )
        assert answer.headers["location"] == "/", target


def test_signing_out_needs_the_token_and_ends_the_session(world: World) -> None:
    client = signed_in(world, "officer")
    page = client.get("/login", follow_redirects=False)
    assert page.status_code == 303  # already signed in
    refused = client.post("/logout", data={"csrf_token": "forged"})
    assert refused.status_code == 403
    token = csrf_of(client.get("/password-reset").text)
    session = client.cookies["itpo_session"]
    out = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    client.cookies.set("itpo_session", session)
    assert client.get("/account", follow_redirects=False).status_code == 303  # session is gone


def test_pages_answer_in_chinese_when_asked(world: World) -> None:
    client = signed_in(world, "public")
    chinese = client.get("/login?lang=zh")
    assert "登录" in chinese.text
    assert client.cookies.get("itpo_lang") == "zh"
    assert "登录" in client.get("/login").text  # remembered
    browser: dict[str, Any] = {"headers": {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}}
    assert "登录" in signed_in(world, "public").get("/login", **browser).text


def test_pages_carry_a_strict_content_security_policy(world: World) -> None:
    answer = signed_in(world, "public").get("/login")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"


def test_an_unknown_page_is_a_page_and_the_api_stays_json(world: World) -> None:
    client = signed_in(world, "public")
    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/no-such-route")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/json")
