"""The account and administration pages in Chromium: a token made and seen once, then revoked
in place; an administrator disabling, enabling and unlocking a user in place with HTMX; the
Chinese account page."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from itpo.accounts import services as accounts
from itpo.accounts.errors import LoginRefused
from itpo.accounts.model import Role
from itpo.accounts.principal import Principal
from tests.auth import CHEAP_POLICY, PASSWORD, user
from tests.world import World


def test_a_member_creates_a_token_sees_it_once_and_revokes_it_in_place(page_as: Any) -> None:
    page = page_as("member")
    page.goto("/account")
    name = f"Browser {uuid.uuid4().hex[:6]}"
    page.fill("#token-name", name)
    page.check("input[name=scopes][value=write]")
    page.click("form[action='/account/tokens'] button[type=submit]")
    page.wait_for_load_state()
    shown = page.locator("#issued-token")
    token = shown.input_value()
    assert token.startswith("itpo_")
    assert "shown this once" in page.content()
    page.click("text=Done: back to your account")
    page.wait_for_load_state()
    assert token not in page.content()
    row = page.locator("tr", has_text=name)
    assert "active" in row.inner_text().lower()  # badges are set in capitals
    address = page.url
    page.once("dialog", lambda dialog: dialog.accept())
    row.locator("button", has_text="Revoke").click()
    page.locator("tr", has_text=name).locator(".badge", has_text="Revoked").wait_for()
    assert page.url == address  # swapped in place, no new page
    assert page.locator("tr", has_text=name).locator("button").count() == 0


def test_an_administrator_disables_and_enables_a_user_in_place(page_as: Any, world: World) -> None:
    email = f"b-{uuid.uuid4().hex[:8]}@itpo.example"
    target = user(world.platform, email, Role.OFFICER)
    page = page_as("admin")
    page.goto("/admin/users?role=officer&state=active")
    row = page.locator(f"#user-{target.user_id}")
    assert "active" in row.inner_text().lower()
    page.once("dialog", lambda dialog: dialog.accept())
    row.locator("button", has_text="Disable").click()
    page.locator(f"#user-{target.user_id} .badge", has_text="Disabled").wait_for()
    assert page.url.endswith("/admin/users?role=officer&state=active")
    stored = accounts.get_user(
        uow=world.platform.uow(), by=Principal.system(), user_id=target.user_id or 0
    )
    assert not stored.active
    page.locator(f"#user-{target.user_id}").locator("button", has_text="Enable").click()
    page.locator(f"#user-{target.user_id}").locator("button", has_text="Disable").wait_for()
    stored = accounts.get_user(
        uow=world.platform.uow(), by=Principal.system(), user_id=target.user_id or 0
    )
    assert stored.active


def test_an_administrator_unlocks_a_locked_user_in_place(page_as: Any, world: World) -> None:
    email = f"l-{uuid.uuid4().hex[:8]}@itpo.example"
    target = user(world.platform, email, Role.OFFICER)
    for _ in range(5):
        with pytest.raises(LoginRefused):
            accounts.authenticate(
                uow=world.platform.uow(),
                email=email,
                password="a guess",
                ip="198.51.100.88",
                policy=CHEAP_POLICY,
            )
    page = page_as("admin")
    page.goto("/admin/users?role=officer")
    row = page.locator(f"#user-{target.user_id}")
    assert "198.51.100.88" in row.inner_text()
    address = page.url
    row.locator("button", has_text="Unlock").click()
    # The row is swapped for one without the button: wait for that, not for a button both have.
    page.locator(f"#user-{target.user_id}").locator("button", has_text="Unlock").wait_for(
        state="detached"
    )
    assert page.locator(f"#user-{target.user_id}").locator("button", has_text="Disable").count()
    assert page.url == address  # swapped in place
    signed_in = accounts.authenticate(
        uow=world.platform.uow(),
        email=email,
        password=PASSWORD,
        ip="198.51.100.88",
        policy=CHEAP_POLICY,
    )
    assert signed_in.id == target.user_id


def test_the_user_filters_update_the_list_with_htmx(page_as: Any) -> None:
    page = page_as("admin")
    page.goto("/admin/users")
    page.select_option("#filter-role", "member")
    page.wait_for_url("**/admin/users?role=member**")
    results = page.locator("#user-results")
    results.locator("th", has_text="member@meru.example").wait_for()
    assert "officer@itpo.example" not in results.inner_text()
    assert page.locator("#filter-role").input_value() == "member"


def test_the_account_page_in_chinese(page_as: Any) -> None:
    page = page_as("officer", language="zh-CN")
    page.goto("/account")
    assert page.locator("h1").inner_text() == "我的账户"
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.fill("#token-name", "")
    page.click("form[action='/account/tokens'] button[type=submit]")
    page.wait_for_load_state()
    assert "此项为必填项。" in page.locator("#name-problem").inner_text()
