"""Browser sessions: a random id in a cookie, stored as a digest, with a CSRF secret."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itpo.accounts.audit import MAX_IP, record
from itpo.accounts.credentials import digest, new_secret, same_secret
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.model import SessionRecord, User
from itpo.accounts.policy import DEFAULT_POLICY, AccountPolicy
from itpo.accounts.ports import AccountsUnitOfWork
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.registry.errors import NotFound

# A session's last use is written at most this often, so reading pages costs no write each;
# the idle limit is exact to within this much.
TOUCH_INTERVAL = dt.timedelta(minutes=1)
MAX_USER_AGENT = 300


@dataclass(frozen=True, slots=True)
class StartedSession:
    """The cookie value is given once, here: storage keeps only its digest. The CSRF token
    is kept as it is, since every page of the session puts it in its forms."""

    session_id: str
    csrf_token: str
    record: SessionRecord


@dataclass(frozen=True, slots=True)
class ActiveSession:
    principal: Principal
    user: User
    record: SessionRecord

    @property
    def csrf_token(self) -> str:
        """The token forms of this session carry (in a hidden field or a header)."""
        return self.record.csrf_secret

    def csrf_matches(self, token: str | None) -> bool:
        return same_secret(token, self.record.csrf_secret)


def start_session(
    *,
    uow: AccountsUnitOfWork,
    user_id: int,
    ip: str | None = None,
    user_agent: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> StartedSession:
    """A new session for a user who has just authenticated."""
    at = now()
    session_id, csrf = new_secret(), new_secret()
    with uow:
        _active_user(uow, user_id)
    session = SessionRecord(
        user_id=user_id,
        session_hash=digest(session_id),
        csrf_secret=csrf,
        created_at=at,
        expires_at=at + policy.session_max,
        last_seen_at=at,
        ip=_cut(ip, MAX_IP),
        user_agent=_cut(user_agent, MAX_USER_AGENT),
    )
    # A transaction that starts with its write: on SQLite one that read first fails when
    # another writer committed in between. The user is checked again inside it.
    with uow:
        session.id = uow.sessions.add(session)
        user = _active_user(uow, user_id)
        record(
            uow=uow,
            by=Principal.of(user, ip=session.ip),
            action="session.start",
            subject_type="user",
            subject_id=user_id,
            detail={"user_agent": session.user_agent},
            now=lambda: at,
        )
        uow.commit()
    return StartedSession(session_id=session_id, csrf_token=csrf, record=session)


def _active_user(uow: AccountsUnitOfWork, user_id: int) -> User:
    user = uow.users.get(user_id)
    if user is None:
        raise NotFound("user", user_id)
    if not user.active:
        raise Forbidden("the account is disabled")
    return user


def resolve_session(
    *,
    uow: AccountsUnitOfWork,
    session_id: str | None,
    ip: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    now: Clock = utc_now,
) -> ActiveSession:
    """The session behind a cookie value, kept alive; NotAuthenticated when it is unknown,
    idle too long, past its absolute end, or its user is disabled."""
    at = now()
    if not session_id or not isinstance(session_id, str):
        raise NotAuthenticated("not signed in")
    with uow:
        session = uow.sessions.by_hash(digest(session_id))
        if session is None or session.id is None:
            raise NotAuthenticated("the session is not known; sign in again")
        user = uow.users.get(session.user_id)
    # The writes below run in transactions of their own that start with the write: on SQLite
    # a read transaction that later writes fails when another writer committed in between.
    if user is None or not user.active or _expired(session, at, policy):
        with uow:
            uow.sessions.delete(session.id)
            uow.commit()
        raise NotAuthenticated("the session has ended; sign in again")
    assert session.last_seen_at is not None
    if at - session.last_seen_at >= TOUCH_INTERVAL:
        session.last_seen_at = at
        with uow:
            uow.sessions.touch(session.id, at)
            uow.commit()
    return ActiveSession(principal=Principal.of(user, ip=ip), user=user, record=session)


def end_session(
    *,
    uow: AccountsUnitOfWork,
    session_id: str | None,
    ip: str | None = None,
    now: Clock = utc_now,
) -> None:
    """Sign out: the session is removed; an unknown one is already gone."""
    if not session_id or not isinstance(session_id, str):
        return
    with uow:
        session = uow.sessions.by_hash(digest(session_id))
        if session is None or session.id is None:
            return
        user = uow.users.get(session.user_id)
    by = Principal.of(user, ip=ip) if user is not None else Principal.anonymous(ip)
    with uow:  # starts with its write, as in start_session
        if not uow.sessions.delete(session.id):
            return
        record(
            uow=uow,
            by=by,
            action="session.end",
            subject_type="user",
            subject_id=session.user_id,
            now=now,
        )
        uow.commit()


def _expired(session: SessionRecord, at: dt.datetime, policy: AccountPolicy) -> bool:
    assert session.expires_at is not None and session.last_seen_at is not None
    return at >= session.expires_at or at >= session.last_seen_at + policy.session_idle


def _cut(value: str | None, length: int) -> str | None:
    return value[:length] if value else None
