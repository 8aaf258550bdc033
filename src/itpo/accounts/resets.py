"""Password resets: a single-use token that expires, sent to the user's address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itpo.accounts.audit import record
from itpo.accounts.credentials import digest, new_secret
from itpo.accounts.fields import Checks
from itpo.accounts.model import PasswordReset, User
from itpo.accounts.passwords import password_problems
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.services import Clock, utc_now

BAD_TOKEN = "is not valid, was used already or has expired; ask for a new one"


@dataclass(frozen=True, slots=True)
class IssuedReset:
    """The token to send to the user; storage keeps only its digest."""

    token: str
    user: User
    expires_at: dt.datetime


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
    who issued it (an administrator), for the audit log; else the public at `ip` asked."""
    checks = Checks()
    address = checks.email(email)
    checks.done()
    at = now()
    with uow:
        user = uow.users.by_email(address)
        if user is None or user.id is None or not user.active:
            return None
        token = new_secret()
        reset = PasswordReset(user_id=user.id, token_hash=digest(token), created_at=at,
                              expires_at=at + policy.reset_lifetime)  # fmt: skip
        reset.id = uow.resets.add(reset)
        assert reset.expires_at is not None
        issuer = by if by is not None else Principal.anonymous(ip)
        record(uow=uow, by=issuer, action="user.password_reset_start",
               subject_type="user", subject_id=user.id, now=lambda: at)  # fmt: skip
        uow.commit()
    return IssuedReset(token=token, user=user, expires_at=reset.expires_at)


def finish_password_reset(
    *,
    uow: AccountsUnitOfWork,
    token: str,
    password: str,
    ip: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> User:
    """Set a new password with a reset token; the token and any other outstanding ones are
    used up, the lockout is lifted and every session of the user ends."""
    at = now()
    with uow:
        reset = uow.resets.by_hash(digest(token)) if isinstance(token, str) and token else None
        user = uow.users.get(reset.user_id) if reset is not None else None
        if reset is None or user is None or not _open(reset, user, at):
            raise ValidationError([FieldError("token", BAD_TOKEN)])
        problems = password_problems(password, email=user.email)
        if problems:
            raise ValidationError(problems)
        user.password_hash = policy.passwords.hash(password)
        user.failed_logins, user.locked_until = 0, None
        uow.users.update(user)
        uow.resets.use_all(reset.user_id, at)
        ended = uow.sessions.delete_for_user(reset.user_id)
        record(uow=uow, by=Principal.of(user, ip=ip), action="user.password_reset",
               subject_type="user", subject_id=user.id, detail={"sessions_ended": ended},
               now=lambda: at)  # fmt: skip
        uow.commit()
    return user


def _open(reset: PasswordReset, user: User, at: dt.datetime) -> bool:
    assert reset.expires_at is not None
    return reset.used_at is None and at < reset.expires_at and user.active
