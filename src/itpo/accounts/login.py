"""Signing in: password checks with lockout per account and a failure limit per address."""

from __future__ import annotations

import datetime as dt
import math
from typing import NoReturn

from itpo.accounts.audit import MAX_IP, record
from itpo.accounts.errors import LoginRefused, TooManyAttempts
from itpo.accounts.fields import normalise_email
from itpo.accounts.model import LoginAttempt, User
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal
from itpo.registry.services import Clock, utc_now

# Attempts are kept this long at least, for a look at recent failures; older ones are pruned.
KEEP_ATTEMPTS = dt.timedelta(days=1)


def authenticate(
    *,
    uow: AccountsUnitOfWork,
    email: str,
    password: str,
    ip: str | None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> User:
    """The user with this email and password. Every refusal is the same LoginRefused, known
    email or not, and takes as long; TooManyAttempts when the address failed too often."""
    at = now()
    ip = ip[:MAX_IP] if ip else None
    address = normalise_email(email) if isinstance(email, str) else ""
    password = password if isinstance(password, str) else ""
    with uow:
        if ip is not None:
            _refuse_busy_address(uow, ip, at, policy)
        user = uow.users.by_email(address) if address else None
        if user is None or user.id is None:
            policy.passwords.verify_nothing(password)
            _refuse(uow, ip, address, at, policy)
        right = policy.passwords.verify(user.password_hash, password)
        if not right or not user.active or user.is_locked(at):
            if not right and user.active and not user.is_locked(at):
                _count_failure(uow, user, ip, at, policy)
            _refuse(uow, ip, address, at, policy)
        _welcome(uow, user, password, ip, at, policy)
        uow.commit()
    return user


def _refuse_busy_address(
    uow: AccountsUnitOfWork, ip: str, at: dt.datetime, policy: AccountPolicy
) -> None:
    failures = uow.login_attempts.failures_since(ip, at - policy.ip_window)
    if len(failures) >= policy.ip_max_failures:
        # The window slides: the address may try again once enough old failures left it.
        freed = failures[len(failures) - policy.ip_max_failures] + policy.ip_window
        raise TooManyAttempts(max(1, math.ceil((freed - at).total_seconds())))


def _count_failure(
    uow: AccountsUnitOfWork, user: User, ip: str | None, at: dt.datetime, policy: AccountPolicy
) -> None:
    assert user.id is not None
    if uow.users.count_failure(user.id) < policy.lockout_threshold:
        return
    user.failed_logins, user.locked_until = 0, at + policy.lockout
    uow.users.update(user)
    detail = {"until": user.locked_until.isoformat(), "failures": policy.lockout_threshold}
    record(uow=uow, by=Principal.anonymous(ip), action="user.lock", subject_type="user",
           subject_id=user.id, detail=detail, now=lambda: at)  # fmt: skip


def _refuse(
    uow: AccountsUnitOfWork, ip: str | None, address: str, at: dt.datetime, policy: AccountPolicy
) -> NoReturn:
    uow.login_attempts.add(LoginAttempt(at=at, ip=ip, email=address[:254], succeeded=False))
    uow.login_attempts.prune(at - max(policy.ip_window, KEEP_ATTEMPTS))
    uow.commit()  # the failure counts even though the caller sees an error
    raise LoginRefused()


def _welcome(
    uow: AccountsUnitOfWork,
    user: User,
    password: str,
    ip: str | None,
    at: dt.datetime,
    policy: AccountPolicy,
) -> None:
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, at
    if policy.passwords.needs_rehash(user.password_hash):
        user.password_hash = policy.passwords.hash(password)
    uow.users.update(user)
    uow.login_attempts.add(LoginAttempt(at=at, ip=ip, email=user.email, succeeded=True))
