"""Failed sign-ins: a lock per account and address, a slower back-off per account across
every address, a limit per address, and the administrator's unlock.

A wrong password locks the account only for the address it came from, so an attacker's
guesses never keep the account's owner out from elsewhere; guesses from many addresses
together put the account under a back-off that grows with each one. Passwords are checked
outside any transaction (`read_standing` before, the `note_*` writes after), so a slow check
never holds the database's write lock.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from itpo.accounts.audit import MAX_IP, record
from itpo.accounts.errors import TooManyAttempts
from itpo.accounts.model import LoginAttempt, SignInLock, User
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, utc_now
from itpo.registry.errors import NotFound

# Attempts are kept this long at least, for a look at recent failures; older ones are pruned.
KEEP_ATTEMPTS = dt.timedelta(days=1)
UNKNOWN_ADDRESS = ""


def address_key(ip: str | None) -> str:
    """How an address is kept in the locks: cut like the audit log cuts it."""
    return ip[:MAX_IP] if ip else UNKNOWN_ADDRESS


@dataclass(frozen=True, slots=True)
class Standing:
    """What is known before a password is checked: the account and its lock at the address."""

    user: User | None
    lock: SignInLock | None

    def locked_until(self, at: dt.datetime) -> dt.datetime | None:
        """When the later of the address's lock and the account's back-off ends; None when
        neither holds."""
        ends = [e for e in (_lock_end(self.lock), _backoff_end(self.user)) if e and e > at]
        return max(ends, default=None)

    def refused(self, at: dt.datetime) -> bool:
        """Whatever the password: no such user, disabled, locked or backed off."""
        return self.user is None or not self.user.active or self.locked_until(at) is not None


def _lock_end(lock: SignInLock | None) -> dt.datetime | None:
    return lock.locked_until if lock is not None else None


def _backoff_end(user: User | None) -> dt.datetime | None:
    return user.locked_until if user is not None else None


def read_standing(
    uow: AccountsUnitOfWork,
    *,
    ip: str | None,
    at: dt.datetime,
    policy: AccountPolicy,
    email: str | None = None,
    user_id: int | None = None,
) -> Standing:
    """A short read: TooManyAttempts when the address failed too often, else the account (by
    email or id) and its lock at the address."""
    ip = ip[:MAX_IP] if ip else None
    with uow:
        if ip is not None:
            _refuse_busy_address(uow, ip, at, policy)
        if user_id is not None:
            user = uow.users.get(user_id)
        else:
            user = uow.users.by_email(email) if email else None
        if user is None or user.id is None:
            return Standing(None, None)
        return Standing(user, uow.login_attempts.lock_of(user.id, address_key(ip)))


def _refuse_busy_address(
    uow: AccountsUnitOfWork, ip: str, at: dt.datetime, policy: AccountPolicy
) -> None:
    failures = uow.login_attempts.failures_since(ip, at - policy.ip_window)
    if len(failures) >= policy.ip_max_failures:
        # The window slides: the address may try again once enough old failures left it.
        freed = failures[len(failures) - policy.ip_max_failures] + policy.ip_window
        raise TooManyAttempts(max(1, math.ceil((freed - at).total_seconds())))


def note_attempt(
    uow: AccountsUnitOfWork,
    *,
    ip: str | None,
    email: str,
    at: dt.datetime,
    succeeded: bool,
    policy: AccountPolicy,
) -> None:
    """Inside a write transaction, as its first statement: the attempt, for the limit per
    address. A first statement that writes takes SQLite's write lock (waiting for it if need
    be), where a transaction that read first would fail if another wrote in between."""
    ip = ip[:MAX_IP] if ip else None
    uow.login_attempts.add(LoginAttempt(at=at, ip=ip, email=email[:254], succeeded=succeeded))
    uow.login_attempts.prune(at - max(policy.ip_window, KEEP_ATTEMPTS))


def count_wrong_password(
    uow: AccountsUnitOfWork, *, by: Principal, user_id: int, at: dt.datetime, policy: AccountPolicy
) -> None:
    """Inside a write transaction: a wrong password from `by` (at its address) counts toward
    the lock at that address and toward the account's back-off; each lock that starts is
    audited."""
    key = address_key(by.ip)
    if uow.login_attempts.count_failure(user_id, key, at) >= policy.lockout_threshold:
        until = at + policy.lockout
        uow.login_attempts.lock(user_id, key, until)
        _audit(uow, by, "user.lock", user_id, at, until=until, failures=policy.lockout_threshold)
    failures = uow.users.count_failure(user_id, at, at - policy.backoff_window)
    wait = policy.backoff(failures)
    if wait is not None:
        uow.users.back_off(user_id, at + wait)
        _audit(uow, by, "user.backoff", user_id, at, until=at + wait, failures=failures)


def _audit(
    uow: AccountsUnitOfWork,
    by: Principal,
    action: str,
    user_id: int,
    at: dt.datetime,
    **detail: object,
) -> None:
    shown = {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in detail.items()}
    record(
        uow=uow,
        by=by,
        action=action,
        subject_type="user",
        subject_id=user_id,
        detail=shown,
        now=lambda: at,
    )


def note_right_password(uow: AccountsUnitOfWork, *, user_id: int, ip: str | None) -> None:
    """Inside a write transaction: the address's failures on the account are forgotten."""
    uow.login_attempts.clear(user_id, address_key(ip))


def refused_now(uow: AccountsUnitOfWork, user_id: int, ip: str | None, at: dt.datetime) -> bool:
    """Inside the write transaction: whether a lock, a back-off or a disabling came in while
    the password was being checked."""
    user = uow.users.get(user_id)
    return Standing(user, uow.login_attempts.lock_of(user_id, address_key(ip))).refused(at)


# ----------------------------------------------------------------------------------------
# For administrators


@dataclass(frozen=True, slots=True)
class LockState:
    """Why a user cannot sign in just now, short of being disabled."""

    until: dt.datetime  # when the last of their locks ends
    addresses: tuple[str, ...]  # the addresses they are locked for ("" for an unknown one)
    everywhere: bool  # under the back-off, for every address


def sign_in_locks(
    *, uow: AccountsUnitOfWork, by: Principal, users: Iterable[User], now: Clock = utc_now
) -> dict[int, LockState]:
    """Which of these users are locked now, for which addresses or everywhere; administrators
    only."""
    require_administrator(by)
    at, wanted = now(), {u.id: u for u in users if u.id is not None}
    with uow:
        locks = uow.login_attempts.locks(list(wanted), at) if wanted else []
    held: dict[int, list[SignInLock]] = {}
    for lock in locks:
        held.setdefault(lock.user_id, []).append(lock)
    states = {}
    for user_id, user in wanted.items():
        ends = [lock.locked_until for lock in held.get(user_id, []) if lock.locked_until]
        if user.is_locked(at) and user.locked_until is not None:
            ends.append(user.locked_until)
        if ends:
            addresses = tuple(lock.ip for lock in held.get(user_id, []))
            states[user_id] = LockState(max(ends), addresses, user.is_locked(at))
    return states


def unlock_user(
    *, uow: AccountsUnitOfWork, by: Principal, user_id: int, now: Clock = utc_now
) -> User:
    """Lift a user's locks at every address and their back-off, and forget their failures;
    administrators only, audited."""
    require_administrator(by)
    at = now()
    with uow:
        addresses = uow.login_attempts.clear_user(user_id, at)  # the write first (see above)
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("user", user_id)
        backoff = user.locked_until if user.is_locked(at) else None
        uow.users.clear_failures(user_id)
        _audit(uow, by, "user.unlock", user_id, at, addresses=addresses, backoff_until=backoff)
        uow.commit()
    user.failed_logins, user.locked_until, user.last_failed_login_at = 0, None, None
    return user
