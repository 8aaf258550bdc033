"""Changing one's password: the current one is checked like a sign-in (counted toward the
locks, outside any transaction), and a new one ends every other way into the account."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from itpo.accounts.api_tokens import revoke_with_children
from itpo.accounts.audit import record
from itpo.accounts.credentials import digest
from itpo.accounts.errors import TooManyAttempts
from itpo.accounts.lockout import (
    Standing,
    count_wrong_password,
    note_attempt,
    note_right_password,
    read_standing,
)
from itpo.accounts.model import User
from itpo.accounts.passwords import password_problems
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal, require_account_access
from itpo.clock import Clock, utc_now
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError

WRONG_CURRENT = "is not the current password"


@dataclass(frozen=True, slots=True)
class RevokedToken:
    id: int
    prefix: str


@dataclass(frozen=True, slots=True)
class PasswordChanged:
    """What a new password ended: the user's other sessions and every API token of theirs."""

    user: User
    sessions_ended: int
    tokens_revoked: tuple[RevokedToken, ...]


def change_password(
    *,
    uow: AccountsUnitOfWork,
    by: Principal,
    current_password: str,
    new_password: str,
    keep_session: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> PasswordChanged:
    """Change one's own password, through a session or a token with the admin scope. A wrong
    current password counts as a failed sign-in and is audited; a change ends every other
    session of the user (`keep_session`, the cookie of the one making it, stays) and revokes
    every API token of theirs."""
    user_id = require_account_access(by)
    at = now()
    standing = read_standing(uow, ip=by.ip, at=at, policy=policy, user_id=user_id)
    user = _unlocked(standing, at)
    current = current_password if isinstance(current_password, str) else ""
    right = policy.passwords.verify(user.password_hash, current)
    problems = password_problems(new_password, email=user.email, field="new_password")
    if not right:
        _count_wrong(uow, by, user, at, policy)
        raise ValidationError([FieldError("current_password", WRONG_CURRENT), *problems])
    if problems:
        raise ValidationError(problems)
    new_hash = policy.passwords.hash(new_password)
    with uow:
        # The write first (see lockout.note_attempt); it only lands on the hash just checked.
        if not uow.users.set_password(user_id, new_hash, replacing=user.password_hash):
            raise Conflict("the password was changed meanwhile, or the account disabled")
        kept = uow.sessions.by_hash(digest(keep_session)) if keep_session else None
        keep = kept.id if kept is not None and kept.user_id == user_id else None
        changed = end_other_credentials(uow, user, at, keep_session_id=keep)
        note_right_password(uow, user_id=user_id, ip=by.ip)
        _audit(uow, by, "user.password_change", changed, at)
        uow.commit()
    return changed


def _unlocked(standing: Standing, at: dt.datetime) -> User:
    user = standing.user
    if user is None or user.id is None:
        raise NotFound("user", "signed in")
    until = standing.locked_until(at)
    if until is not None:
        wait = max(1, math.ceil((until - at).total_seconds()))
        raise TooManyAttempts(wait, "wrong passwords for this account")
    return user


def _count_wrong(
    uow: AccountsUnitOfWork, by: Principal, user: User, at: dt.datetime, policy: AccountPolicy
) -> None:
    assert user.id is not None
    with uow:
        note_attempt(uow, ip=by.ip, email=user.email, at=at, succeeded=False, policy=policy)
        count_wrong_password(uow, by=by, user_id=user.id, at=at, policy=policy)
        record(
            uow=uow,
            by=by,
            action="user.password_change_refused",
            subject_type="user",
            subject_id=user.id,
            detail={"reason": "the current password was wrong"},
            now=lambda: at,
        )
        uow.commit()  # counted and audited although the caller sees an error


def end_other_credentials(
    uow: AccountsUnitOfWork, user: User, at: dt.datetime, *, keep_session_id: int | None = None
) -> PasswordChanged:
    """Inside a write transaction: end the user's sessions but one, and revoke their tokens
    (and the tokens made with them)."""
    assert user.id is not None
    ended = uow.sessions.delete_for_user(user.id, keep=keep_session_id)
    open_tokens = [t for t in uow.tokens.for_user(user.id) if t.revoked_at is None]
    revoke_with_children(uow, open_tokens, at)
    revoked = tuple(RevokedToken(t.id, t.prefix) for t in open_tokens if t.id is not None)
    return PasswordChanged(user=user, sessions_ended=ended, tokens_revoked=revoked)


def _audit(
    uow: AccountsUnitOfWork,
    by: Principal,
    action: str,
    changed: PasswordChanged,
    at: dt.datetime,
) -> None:
    detail = {
        "sessions_ended": changed.sessions_ended,
        "tokens_revoked": [t.id for t in changed.tokens_revoked],
    }
    record(
        uow=uow,
        by=by,
        action=action,
        subject_type="user",
        subject_id=changed.user.id,
        detail=detail,
        now=lambda: at,
    )
