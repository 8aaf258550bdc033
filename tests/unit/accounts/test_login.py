"""Signing in over in-memory fakes: one answer for every refusal, a lock per account and
address, a back-off per account, limits per address, and the administrator's unlock."""

from __future__ import annotations

import dataclasses

import pytest
from argon2 import PasswordHasher
from tests.unit.accounts.fakes import PASSWORD, POLICY, World, world

from itpo.accounts import services
from itpo.accounts.errors import Forbidden, LoginRefused, NotAuthenticated, TooManyAttempts
from itpo.accounts.model import Scope, User
from itpo.accounts.passwords import Passwords
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.principal import ANONYMOUS, Principal
from itpo.registry.errors import NotFound

EMAIL = "wanjiru@meru.example"


def refusal(
    w: World,
    email: str,
    password: str,
    ip: str | None = "10.0.0.1",
    policy: AccountPolicy = POLICY,
) -> str:
    with pytest.raises(LoginRefused) as raised:
        services.authenticate(
            uow=w.uow, email=email, password=password, ip=ip, policy=policy, now=w.clock
        )
    return str(raised.value)


def test_the_right_password_signs_in_whatever_the_emails_case() -> None:
    w = world()
    user = services.authenticate(
        uow=w.uow,
        email=" Wanjiru@Meru.example ",
        password=PASSWORD,
        ip="10.0.0.1",
        policy=POLICY,
        now=w.clock,
    )
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
        services.authenticate(
            uow=w.uow,
            email="nobody@x.example",
            password="guess",
            ip=None,
            policy=policy,
            now=w.clock,
        )
    assert calls == ["guess"]


def sign_in(w: World, ip: str | None, policy: AccountPolicy = POLICY) -> User:
    return services.authenticate(
        uow=w.uow, email=EMAIL, password=PASSWORD, ip=ip, policy=policy, now=w.clock
    )


def test_five_failures_lock_the_account_for_fifteen_minutes_from_that_address_only() -> None:
    w = world()
    for _ in range(5):
        refusal(w, EMAIL, "not the password", ip="10.0.0.66")
    lock = w.uow.committed.locks[2, "10.0.0.66"]
    assert lock.locked_until == w.clock.now + POLICY.lockout
    refusal(w, EMAIL, PASSWORD, ip="10.0.0.66")  # locked: even the right password is refused
    assert sign_in(w, "10.0.0.1").id == w.member.id  # the owner elsewhere is not held back
    w.clock.advance(minutes=14, seconds=59)
    refusal(w, EMAIL, PASSWORD, ip="10.0.0.66")
    w.clock.advance(seconds=1)
    assert sign_in(w, "10.0.0.66").failed_logins == 0
    assert (2, "10.0.0.66") not in w.uow.committed.locks
    [locked] = [e for e in w.uow.committed.audit if e.action == "user.lock"]
    assert locked.ip == "10.0.0.66" and locked.subject_id == "2"


def test_an_unknown_address_has_a_lock_of_its_own() -> None:
    w = world()
    for _ in range(5):
        refusal(w, EMAIL, "not the password", ip=None)
    refusal(w, EMAIL, PASSWORD, ip=None)
    sign_in(w, "10.0.0.1")


def backing_off() -> AccountPolicy:
    return dataclasses.replace(
        POLICY, backoff_threshold=4, backoff_minutes=1, backoff_max_minutes=4
    )


def test_failures_from_many_addresses_start_a_back_off_for_every_address_that_grows() -> None:
    w, policy = world(), backing_off()
    for n in range(3):
        refusal(w, EMAIL, "not the password", ip=f"10.1.0.{n}", policy=policy)
    assert w.uow.committed.users[2].locked_until is None
    waits: list[float] = []
    for n in range(4):  # each failure past the threshold, once the last back-off has ended
        refusal(w, EMAIL, "not the password", ip=f"10.2.0.{n}", policy=policy)
        until = w.uow.committed.users[2].locked_until
        assert until is not None
        waits.append((until - w.clock.now).total_seconds() / 60)
        refusal(w, EMAIL, PASSWORD, ip="10.9.9.9", policy=policy)  # every address waits
        w.clock.advance(minutes=waits[-1])
    assert waits == [1, 2, 4, 4]  # doubling, up to the cap
    assert w.uow.committed.users[2].failed_logins == 7
    actions = [e.action for e in w.uow.committed.audit]
    assert actions.count("user.backoff") == 4 and "user.lock" not in actions
    assert sign_in(w, "10.9.9.9", policy).failed_logins == 0  # a success starts the count again


def test_a_back_off_waiting_is_refused_without_counting() -> None:
    w, policy = world(), backing_off()
    for n in range(4):
        refusal(w, EMAIL, "not the password", ip=f"10.1.0.{n}", policy=policy)
    for n in range(10):
        refusal(w, EMAIL, "still guessing", ip=f"10.3.0.{n}", policy=policy)
    assert w.uow.committed.users[2].failed_logins == 4


def test_the_back_off_count_starts_again_after_a_quiet_window() -> None:
    w, policy = world(), backing_off()
    for n in range(3):
        refusal(w, EMAIL, "not the password", ip=f"10.1.0.{n}", policy=policy)
    w.clock.advance(hours=24, seconds=1)
    refusal(w, EMAIL, "not the password", ip="10.1.0.9", policy=policy)
    assert w.uow.committed.users[2].failed_logins == 1
    assert w.uow.committed.users[2].locked_until is None


def test_an_administrator_lifts_every_lock_and_the_back_off_and_it_is_audited() -> None:
    w, policy = world(), dataclasses.replace(backing_off(), backoff_threshold=6)
    for _ in range(5):
        refusal(w, EMAIL, "not the password", ip="10.0.0.66", policy=policy)
    refusal(w, EMAIL, "not the password", ip="10.0.0.1", policy=policy)  # the sixth
    assert w.uow.committed.users[2].locked_until is not None
    refusal(w, EMAIL, PASSWORD, ip="10.0.0.1", policy=policy)
    assert w.member.id is not None
    locks = services.sign_in_locks(
        uow=w.uow, by=Principal.of(w.admin), users=[w.uow.committed.users[2]], now=w.clock
    )
    assert locks[2].everywhere and locks[2].addresses == ("10.0.0.66",)
    unlocked = services.unlock_user(
        uow=w.uow, by=Principal.of(w.admin, ip="10.8.8.8"), user_id=w.member.id, now=w.clock
    )
    assert unlocked.locked_until is None and unlocked.failed_logins == 0
    sign_in(w, "10.0.0.66", policy)
    [unlock] = [e for e in w.uow.committed.audit if e.action == "user.unlock"]
    assert unlock.actor_id == w.admin.id and unlock.ip == "10.8.8.8"
    assert unlock.detail["addresses"] == 1 and unlock.detail["backoff_until"] is not None


def test_only_an_administrator_unlocks() -> None:
    w = world()
    assert w.member.id is not None and w.admin.id is not None
    before = len(w.uow.committed.audit)
    for by in (
        Principal.of(w.member),
        Principal.of(w.admin, scopes=frozenset({Scope.READ, Scope.WRITE})),
    ):
        with pytest.raises(Forbidden):
            services.unlock_user(uow=w.uow, by=by, user_id=w.member.id, now=w.clock)
    with pytest.raises(NotAuthenticated):
        services.unlock_user(uow=w.uow, by=ANONYMOUS, user_id=w.member.id, now=w.clock)
    with pytest.raises(Forbidden):
        services.sign_in_locks(uow=w.uow, by=Principal.of(w.member), users=[], now=w.clock)
    with pytest.raises(NotFound):
        services.unlock_user(uow=w.uow, by=Principal.of(w.admin), user_id=99, now=w.clock)
    assert len(w.uow.committed.audit) == before


def test_a_success_resets_the_count_of_failures() -> None:
    w = world()
    for _ in range(4):
        refusal(w, EMAIL, "not the password", ip=None)
    services.authenticate(
        uow=w.uow, email=EMAIL, password=PASSWORD, ip=None, policy=POLICY, now=w.clock
    )
    for _ in range(4):
        refusal(w, EMAIL, "not the password", ip=None)
    assert w.uow.committed.users[2].locked_until is None


def test_an_address_that_failed_too_often_waits_for_the_window_to_slide() -> None:
    w = world()
    policy = dataclasses.replace(POLICY, ip_max_failures=3, ip_window_minutes=10)
    for minute in range(3):
        with pytest.raises(LoginRefused):
            services.authenticate(
                uow=w.uow,
                email=f"guess{minute}@x.example",
                password="x",
                ip="10.0.0.9",
                policy=policy,
                now=w.clock,
            )
        w.clock.advance(minutes=1)
    with pytest.raises(TooManyAttempts) as raised:
        services.authenticate(
            uow=w.uow, email=EMAIL, password=PASSWORD, ip="10.0.0.9", policy=policy, now=w.clock
        )
    assert raised.value.retry_after_seconds == 7 * 60  # the first failure leaves at 10:00
    services.authenticate(
        uow=w.uow, email=EMAIL, password=PASSWORD, ip="10.0.0.10", policy=policy, now=w.clock
    )
    w.clock.advance(minutes=7)
    services.authenticate(
        uow=w.uow, email=EMAIL, password=PASSWORD, ip="10.0.0.9", policy=policy, now=w.clock
    )


def test_a_disabled_user_cannot_sign_in() -> None:
    w = world()
    assert w.member.id is not None
    services.disable_user(uow=w.uow, by=Principal.system(), user_id=w.member.id, now=w.clock)
    refusal(w, EMAIL, PASSWORD)


def test_a_hash_with_old_parameters_is_replaced_at_sign_in() -> None:
    w = world()
    stronger = Passwords(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    old = w.uow.committed.users[2].password_hash
    services.authenticate(
        uow=w.uow,
        email=EMAIL,
        password=PASSWORD,
        ip=None,
        policy=dataclasses.replace(POLICY, passwords=stronger),
        now=w.clock,
    )
    new = w.uow.committed.users[2].password_hash
    assert new != old and "t=2" in new and stronger.verify(new, PASSWORD)
