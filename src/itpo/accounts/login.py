"""Signing in: one answer for every refusal, the password checked outside any transaction, and
the outcome counted toward the locks of `lockout`."""

from __future__ import annotations

import datetime as dt
from typing import NoReturn

from itpo.accounts.audit import MAX_IP
from itpo.accounts.errors import LoginRefused
from itpo.accounts.fields import normalise_email
from itpo.accounts.lockout import (
    count_wrong_password,
    note_attempt,
    note_right_password,
    read_standing,
    refused_now,
)
from itpo.accounts.model import User
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.registry.fields import control_problem


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
    # No address holds a control character (and PostgreSQL stores no NUL): such a sign-in is
    # refused as one of an unknown address.
    usable = isinstance(email, str) and control_problem(email) is None
    address = normalise_email(email) if usable else ""
    password = password if isinstance(password, str) else ""
    standing = read_standing(uow, ip=ip, at=at, policy=policy, email=address)
    user = standing.user
    if user is None or user.id is None:
        policy.passwords.verify_nothing(password)
        _refuse(uow, ip, address, at, policy)
    # The slow part, between two short transactions: a write lock held meanwhile would make
    # every other sign-in wait, and on SQLite fail.
    right = policy.passwords.verify(user.password_hash, password)
    if standing.refused(at):
        _refuse(uow, ip, address, at, policy)
    if not right:
        _refuse(uow, ip, address, at, policy, counted=user.id)
    rehashed = None
    if policy.passwords.needs_rehash(user.password_hash):
        rehashed = policy.passwords.hash(password)
    return _welcome(uow, user, user.id, rehashed, ip, at, policy)


def _refuse(
    uow: AccountsUnitOfWork,
    ip: str | None,
    address: str,
    at: dt.datetime,
    policy: AccountPolicy,
    counted: int | None = None,
) -> NoReturn:
    with uow:
        note_attempt(uow, ip=ip, email=address, at=at, succeeded=False, policy=policy)
        if counted is not None:
            by = Principal.anonymous(ip)
            count_wrong_password(uow, by=by, user_id=counted, at=at, policy=policy)
        uow.commit()  # the failure counts even though the caller sees an error
    raise LoginRefused()


def _welcome(
    uow: AccountsUnitOfWork,
    user: User,
    user_id: int,
    rehashed: str | None,
    ip: str | None,
    at: dt.datetime,
    policy: AccountPolicy,
) -> User:
    signed_in = None
    with uow:
        note_attempt(uow, ip=ip, email=user.email, at=at, succeeded=True, policy=policy)
        refused = refused_now(uow, user_id, ip, at)
        if not refused:
            uow.users.note_sign_in(user_id, at)
            if rehashed is not None:
                uow.users.set_password(user_id, rehashed, replacing=user.password_hash)
            note_right_password(uow, user_id=user_id, ip=ip)
            signed_in = uow.users.get(user_id)
            uow.commit()
    if signed_in is None:
        _refuse(uow, ip, user.email, at, policy)
    return signed_in
