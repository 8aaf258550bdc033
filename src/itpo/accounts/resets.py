"""Password resets: a single-use token that expires, issued by an administrator to hand over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itpo.accounts.audit import record
from itpo.accounts.credentials import digest, new_secret
from itpo.accounts.fields import Checks
from itpo.accounts.model import PasswordReset, User
from itpo.accounts.password_change import PasswordChanged, end_other_credentials
from itpo.accounts.passwords import password_problems
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, utc_now
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError

BAD_TOKEN = "is not valid, was used already or has expired; ask for a new one"


@dataclass(frozen=True, slots=True)
class IssuedReset:
    """The token to send to the user; storage keeps only its digest."""

    token: str
    user: User
    expires_at: dt.datetime


def issue_password_reset(
    *,
    uow: AccountsUnitOfWork,
    by: Principal,
    user_id: int,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> IssuedReset:
    """A reset token for a user, for an administrator to hand over (audited under their
    name); Conflict when the user is disabled."""
    require_administrator(by)
    with uow:
        user = uow.users.get(user_id)
    if user is None:
        raise NotFound("user", user_id)
    issued = start_password_reset(uow=uow, email=user.email, policy=policy, now=now, by=by)
    if issued is None:
        raise Conflict(f"user {user_id} is disabled; enable them first")
    return issued


def start_password_reset(
    *,
    uow: AccountsUnitOfWork,
    email: str,
    ip: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
    by: Principal | None = None,
) -> IssuedReset | None:
    """A reset token for the active user with this email, or None when there is none: the
    caller answers the asker the same way in both cases and hands the token over. `by` is
    who issued it, for the audit log; else the public at `ip` asked."""
    checks = Checks()
    address = checks.email(email)
    checks.done()
    at = now()
    with uow:
        user = uow.users.by_email(address)
    if user is None or user.id is None or not user.active:
        return None
    token = new_secret()
    reset = PasswordReset(
        user_id=user.id,
        token_hash=digest(token),
        created_at=at,
        expires_at=at + policy.reset_lifetime,
    )
    with uow:  # a transaction that starts with its write (see lockout.note_attempt)
        reset.id = uow.resets.add(reset)
        record(
            uow=uow,
            by=by if by is not None else Principal.anonymous(ip),
            action="user.password_reset_start",
            subject_type="user",
            subject_id=user.id,
            now=lambda: at,
        )
        uow.commit()
    assert reset.expires_at is not None
    return IssuedReset(token=token, user=user, expires_at=reset.expires_at)


def finish_password_reset(
    *,
    uow: AccountsUnitOfWork,
    token: str,
    password: str,
    ip: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> PasswordChanged:
    """Set a new password with a reset token: the token and any other outstanding ones are
    used up, every lock is lifted, every session of the user ends and every API token of
    theirs is revoked."""
    at = now()
    with uow:
        reset = uow.resets.by_hash(digest(token)) if isinstance(token, str) and token else None
        user = uow.users.get(reset.user_id) if reset is not None else None
    if reset is None or reset.id is None or user is None or not _open(reset, user, at):
        raise ValidationError([FieldError("token", BAD_TOKEN)])
    problems = password_problems(password, email=user.email)
    if problems:
        raise ValidationError(problems)
    new_hash = policy.passwords.hash(password)  # the slow part, outside any transaction
    with uow:
        if not uow.resets.use(reset.id, at):  # the write first; another use came meanwhile
            raise ValidationError([FieldError("token", BAD_TOKEN)])
        current = uow.users.get(reset.user_id)
        if current is None or not current.active:
            raise ValidationError([FieldError("token", BAD_TOKEN)])
        uow.users.set_password(reset.user_id, new_hash, replacing=None)
        uow.users.clear_failures(reset.user_id)
        uow.login_attempts.clear_user(reset.user_id, at)
        uow.resets.use_all(reset.user_id, at)
        changed = end_other_credentials(uow, current, at)
        detail = {
            "sessions_ended": changed.sessions_ended,
            "tokens_revoked": [t.id for t in changed.tokens_revoked],
        }
        record(
            uow=uow,
            by=Principal.of(current, ip=ip),
            action="user.password_reset",
            subject_type="user",
            subject_id=current.id,
            detail=detail,
            now=lambda: at,
        )
        uow.commit()
    return changed


def _open(reset: PasswordReset, user: User, at: dt.datetime) -> bool:
    assert reset.expires_at is not None
    return reset.used_at is None and at < reset.expires_at and user.active
