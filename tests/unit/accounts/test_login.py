"""Signing in over in-memory fakes: one answer for every refusal, lockout, limits per address."""

from __future__ import annotations

import dataclasses

import pytest
from argon2 import PasswordHasher
from tests.unit.accounts.fakes import PASSWORD, POLICY, World, world

from itpo.accounts import services
from itpo.accounts.errors import LoginRefused, TooManyAttempts
from itpo.accounts.passwords import Passwords
from itpo.accounts.principal import Principal

EMAIL = "wanjiru@meru.example"


def refusal(w: World, email: str, password: str, ip: str | None = "10.0.0.1") -> str:
    with pytest.raises(LoginRefused) as raised:
        services.authenticate(uow=w.uow, email=email, password=password, ip=ip, policy=POLICY,
                              now=w.clock)  # fmt: skip
    return str(raised.value)


def test_the_right_password_signs_in_whatever_the_emails_case() -> None:
    w = world()
    user = services.authenticate(uow=w.uow, email=" Wanjiru@Meru.example ", password=PASSWORD,
                                 ip="10.0.0.1", policy=POLICY, now=w.clock)  # fmt: skip
    assert user.id == w.member.id and user.last_login_at == w.clock.now
    assert [a.succeeded for a in w.uow.committed.attempts] == [True]


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer() -> None:
    w = world()
    assert refusal(w, EMAIL, "not the password") == refusal(w, "nobody@x.example", PASSWORD)
    assert refusal(w, "", "") == LoginRefused.MESSAGE


def test_an_unknown_email_still_costs_a_password_verification() -> None:
    calls: list[str] = []

    class Counting(Passwords):
        def verify(self, password_hash: str, password: str) -> bool:
            calls.append(password)
            return super().verify(password_hash, password)

    w = world()
    policy = dataclasses.replace(POLICY, passwords=Counting(POLICY.passwords.hasher))
    with pytest.raises(LoginRefused):
        services.authenticate(uow=w.uow, email="nobody@x.example", password="guess",
                              ip=None, policy=policy, now=w.clock)  # fmt: skip
    assert calls == ["guess"]


def test_five_failures_lock_the_account_for_fifteen_minutes() -> None:
    w = world()
    for _ in range(5):
        refusal(w, EMAIL, "not the password", ip=None)
    assert w.uow.committed.users[2].locked_until == w.clock.now + POLICY.lockout
    refusal(w, EMAIL, PASSWORD, ip=None)  # locked: even the right password is refused
    w.clock.advance(minutes=14, seconds=59)
    refusal(w, EMAIL, PASSWORD, ip=None)
    w.clock.advance(seconds=1)
    user = services.authenticate(uow=w.uow, email=EMAIL, password=PASSWORD, ip=None,
                                 policy=POLICY, now=w.clock)  # fmt: skip
    assert user.locked_until is None and user.failed_logins == 0
    assert "user.lock" in [e.action for e in w.uow.committed.audit]


def test_a_success_resets_the_count_of_failures() -> None:
    w = world()
    for _ in range(4):
        refusal(w, EMAIL, "not the password", ip=None)
    services.authenticate(uow=w.uow, email=EMAIL, password=PASSWORD, ip=None, policy=POLICY,
                          now=w.clock)  # fmt: skip
    for _ in range(4):
        refusal(w, EMAIL, "not the password", ip=None)
    assert w.uow.committed.users[2].locked_until is None


def test_an_address_that_failed_too_often_waits_for_the_window_to_slide() -> None:
    w = world()
    policy = dataclasses.replace(POLICY, ip_max_failures=3, ip_window_minutes=10)
    for minute in range(3):
        with pytest.raises(LoginRefused):
            services.authenticate(uow=w.uow, email=f"guess{minute}@x.example", password="x",
                                  ip="10.0.0.9", policy=policy, now=w.clock)  # fmt: skip
        w.clock.advance(minutes=1)
    with pytest.raises(TooManyAttempts) as raised:
        services.authenticate(uow=w.uow, email=EMAIL, password=PASSWORD, ip="10.0.0.9",
                              policy=policy, now=w.clock)  # fmt: skip
    assert raised.value.retry_after_seconds == 7 * 60  # the first failure leaves at 10:00
    services.authenticate(uow=w.uow, email=EMAIL, password=PASSWORD, ip="10.0.0.10",
                          policy=policy, now=w.clock)  # fmt: skip
    w.clock.advance(minutes=7)
    services.authenticate(uow=w.uow, email=EMAIL, password=PASSWORD, ip="10.0.0.9",
                          policy=policy, now=w.clock)  # fmt: skip


def test_a_disabled_user_cannot_sign_in() -> None:
    w = world()
    assert w.member.id is not None
    services.disable_user(uow=w.uow, by=Principal.system(), user_id=w.member.id, now=w.clock)
    refusal(w, EMAIL, PASSWORD)


def test_a_hash_with_old_parameters_is_replaced_at_sign_in() -> None:
    w = world()
    stronger = Passwords(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    old = w.uow.committed.users[2].password_hash
    services.authenticate(uow=w.uow, email=EMAIL, password=PASSWORD, ip=None,
                          policy=dataclasses.replace(POLICY, passwords=stronger), now=w.clock)  # fmt: skip
    new = w.uow.committed.users[2].password_hash
    assert new != old and "t=2" in new and stronger.verify(new, PASSWORD)
