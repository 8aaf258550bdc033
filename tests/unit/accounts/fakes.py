"""In-memory account repositories and a unit of work with the real one's contract: re-entrant,
everything inside the outermost `with` commits together or not at all."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from argon2 import PasswordHasher
from tests.fakes import FakeAuditLog, FakeIntroductions, FakeOpportunities, FakeOrganisations
from tests.records import organisation_data

from itpo.accounts import services
from itpo.accounts.model import (
    ApiToken,
    AuditEntry,
    LoginAttempt,
    Office,
    PasswordReset,
    Role,
    SessionRecord,
    SignInLock,
    User,
    UserQuery,
)
from itpo.accounts.passwords import Passwords
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.principal import Principal
from itpo.registry import services as registry
from itpo.registry.model import Opportunity, Organisation
from itpo.registry.queries import Page

# argon2id with the smallest cost argon2 allows: the same code path, a thousandth of the time.
CHEAP = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
POLICY = AccountPolicy(passwords=CHEAP)
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class Stores:
    organisations: dict[int, Organisation] = field(default_factory=dict)
    opportunities: dict[int, Opportunity] = field(default_factory=dict)
    offices: dict[int, Office] = field(default_factory=dict)
    users: dict[int, User] = field(default_factory=dict)
    tokens: dict[int, ApiToken] = field(default_factory=dict)
    sessions: dict[int, SessionRecord] = field(default_factory=dict)
    resets: dict[int, PasswordReset] = field(default_factory=dict)
    attempts: list[LoginAttempt] = field(default_factory=list)
    locks: dict[tuple[int, str], SignInLock] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)


def _add(store: dict[int, Any], record: Any) -> int:
    key = max(store, default=0) + 1
    store[key] = dataclasses.replace(record, id=key)
    return key


class FakeOffices:
    def __init__(self, store: dict[int, Office]) -> None:
        self.store = store

    def add(self, office: Office) -> int:
        return _add(self.store, office)

    def get(self, office_id: int) -> Office | None:
        return copy.deepcopy(self.store.get(office_id))

    def by_name(self, name: str) -> Office | None:
        return next((copy.deepcopy(o) for o in self.store.values() if o.name == name), None)

    def list(self) -> list[Office]:
        return [copy.deepcopy(o) for _, o in sorted(self.store.items())]


class FakeUsers:
    def __init__(self, store: dict[int, User]) -> None:
        self.store = store

    def add(self, user: User) -> int:
        return _add(self.store, user)

    def get(self, user_id: int) -> User | None:
        return copy.deepcopy(self.store.get(user_id))

    def by_email(self, email: str) -> User | None:
        return next((copy.deepcopy(u) for u in self.store.values() if u.email == email), None)

    def update(self, user: User) -> None:
        assert user.id in self.store
        self.store[user.id] = copy.deepcopy(user)

    def count_failure(self, user_id: int, at: dt.datetime, since: dt.datetime) -> int:
        user = self.store[user_id]
        last = user.last_failed_login_at
        user.failed_logins = 1 if last is None or last < since else user.failed_logins + 1
        user.last_failed_login_at = at
        return user.failed_logins

    def back_off(self, user_id: int, until: dt.datetime) -> None:
        self.store[user_id].locked_until = until

    def note_sign_in(self, user_id: int, at: dt.datetime) -> None:
        user = self.store[user_id]
        user.last_login_at, user.failed_logins, user.locked_until = at, 0, None

    def clear_failures(self, user_id: int) -> None:
        user = self.store[user_id]
        user.failed_logins, user.locked_until, user.last_failed_login_at = 0, None, None

    def set_password(self, user_id: int, password_hash: str, *, replacing: str | None) -> bool:
        user = self.store[user_id]
        if replacing is not None and (user.password_hash != replacing or not user.active):
            return False
        user.password_hash = password_hash
        return True

    def list(self, query: UserQuery) -> Page[User]:
        users = [
            copy.deepcopy(u)
            for _, u in sorted(self.store.items())
            if (not query.roles or u.role in query.roles)
            and (query.active is None or u.active == query.active)
            and (query.organisation_id is None or u.organisation_id == query.organisation_id)
            and (query.office_id is None or u.office_id == query.office_id)
        ]
        end = None if query.limit is None else query.offset + query.limit
        return Page(users[query.offset : end], len(users), query.limit, query.offset)

    def count_active(self, role: Role) -> int:
        return sum(u.role is role and u.active for u in self.store.values())


class FakeTokens:
    def __init__(self, store: dict[int, ApiToken]) -> None:
        self.store = store

    def add(self, token: ApiToken) -> int:
        return _add(self.store, token)

    def get(self, token_id: int) -> ApiToken | None:
        return copy.deepcopy(self.store.get(token_id))

    def by_hash(self, token_hash: str) -> ApiToken | None:
        found = (t for t in self.store.values() if t.token_hash == token_hash)
        return copy.deepcopy(next(found, None))

    def for_user(self, user_id: int) -> list[ApiToken]:
        return [copy.deepcopy(t) for t in self.store.values() if t.user_id == user_id]

    def update(self, token: ApiToken) -> None:
        assert token.id is not None
        stored = self.store[token.id]
        stored.last_used_at, stored.revoked_at = token.last_used_at, token.revoked_at

    def touch(self, token_id: int, at: dt.datetime) -> None:
        self.store[token_id].last_used_at = at

    def revoke_all(self, user_id: int, at: dt.datetime) -> int:
        open_ = [t for t in self.store.values() if t.user_id == user_id and t.revoked_at is None]
        for token in open_:
            token.revoked_at = at
        return len(open_)

    def revoke(self, token_ids: list[int], at: dt.datetime) -> None:
        for token_id in token_ids:
            token = self.store[token_id]
            token.revoked_at = token.revoked_at or at

    def open_children(self, token_ids: list[int]) -> list[ApiToken]:
        return [
            copy.deepcopy(t)
            for _, t in sorted(self.store.items())
            if t.parent_id in token_ids and t.revoked_at is None
        ]


class FakeSessions:
    def __init__(self, store: dict[int, SessionRecord]) -> None:
        self.store = store

    def add(self, session: SessionRecord) -> int:
        return _add(self.store, session)

    def by_hash(self, session_hash: str) -> SessionRecord | None:
        found = (s for s in self.store.values() if s.session_hash == session_hash)
        return copy.deepcopy(next(found, None))

    def touch(self, session_id: int, at: dt.datetime) -> None:
        self.store[session_id].last_seen_at = at

    def delete(self, session_id: int) -> bool:
        return self.store.pop(session_id, None) is not None

    def delete_for_user(self, user_id: int, keep: int | None = None) -> int:
        gone = [k for k, s in self.store.items() if s.user_id == user_id and k != keep]
        for key in gone:
            del self.store[key]
        return len(gone)


class FakeResets:
    def __init__(self, store: dict[int, PasswordReset]) -> None:
        self.store = store

    def add(self, reset: PasswordReset) -> int:
        return _add(self.store, reset)

    def by_hash(self, token_hash: str) -> PasswordReset | None:
        found = (r for r in self.store.values() if r.token_hash == token_hash)
        return copy.deepcopy(next(found, None))

    def use(self, reset_id: int, at: dt.datetime) -> bool:
        reset = self.store[reset_id]
        assert reset.expires_at is not None
        if reset.used_at is not None or reset.expires_at <= at:
            return False
        reset.used_at = at
        return True

    def use_all(self, user_id: int, at: dt.datetime) -> int:
        open_ = [r for r in self.store.values() if r.user_id == user_id and r.used_at is None]
        for reset in open_:
            reset.used_at = at
        return len(open_)


class FakeAttempts:
    def __init__(self, store: list[LoginAttempt], locks: dict[tuple[int, str], SignInLock]) -> None:
        self.store = store
        self.locks_store = locks

    def add(self, attempt: LoginAttempt) -> None:
        self.store.append(attempt)

    def failures_since(self, ip: str, since: dt.datetime) -> list[dt.datetime]:
        return sorted(a.at for a in self.store if a.ip == ip and a.at > since and not a.succeeded)

    def prune(self, before: dt.datetime) -> int:
        kept = [a for a in self.store if a.at >= before]
        gone = len(self.store) - len(kept)
        self.store[:] = kept
        return gone

    def lock_of(self, user_id: int, ip: str) -> SignInLock | None:
        return copy.deepcopy(self.locks_store.get((user_id, ip)))

    def count_failure(self, user_id: int, ip: str, at: dt.datetime) -> int:
        lock = self.locks_store.setdefault((user_id, ip), SignInLock(user_id, ip, 0))
        lock.failures, lock.updated_at = lock.failures + 1, at
        return lock.failures

    def lock(self, user_id: int, ip: str, until: dt.datetime) -> None:
        lock = self.locks_store[user_id, ip]
        lock.failures, lock.locked_until = 0, until

    def clear(self, user_id: int, ip: str) -> None:
        self.locks_store.pop((user_id, ip), None)

    def clear_user(self, user_id: int, at: dt.datetime) -> int:
        mine = [key for key in self.locks_store if key[0] == user_id]
        locked = sum(self.locks_store[key].is_locked(at) for key in mine)
        for key in mine:
            del self.locks_store[key]
        return locked

    def locks(self, user_ids: list[int], at: dt.datetime) -> list[SignInLock]:
        found = [
            copy.deepcopy(lock)
            for lock in self.locks_store.values()
            if lock.user_id in user_ids and lock.is_locked(at)
        ]
        return sorted(found, key=lambda lock: (lock.user_id, lock.ip))


class FakeAccountsUnitOfWork:
    def __init__(self) -> None:
        self.committed = Stores()
        self.commits = 0
        self._depth = 0
        self._open(self.committed)

    def _open(self, stores: Stores) -> None:
        self.working = copy.deepcopy(stores)
        w = self.working
        self.organisations = FakeOrganisations(w.organisations, w.opportunities)
        self.opportunities = FakeOpportunities(w.opportunities)
        self.offices, self.users = FakeOffices(w.offices), FakeUsers(w.users)
        self.tokens, self.sessions = FakeTokens(w.tokens), FakeSessions(w.sessions)
        self.resets = FakeResets(w.resets)
        self.login_attempts = FakeAttempts(w.attempts, w.locks)
        self.audit = FakeAuditLog(w.audit)
        self.matches = FakeIntroductions({})

    def __enter__(self) -> Self:
        self._depth += 1
        if self._depth == 1:
            self._open(self.committed)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.rollback()

    def commit(self) -> None:
        if self._depth == 1:
            self.committed = copy.deepcopy(self.working)
            self.commits += 1

    def rollback(self) -> None:
        self._open(self.committed)


@dataclass
class World:
    """A unit of work with one office, one organisation, an administrator and a member."""

    uow: FakeAccountsUnitOfWork
    clock: Clock
    admin: User
    member: User


PASSWORD = "mango dryers in Meru"


def world(policy: AccountPolicy = POLICY, uow: FakeAccountsUnitOfWork | None = None) -> World:
    uow, clock = uow or FakeAccountsUnitOfWork(), Clock()
    registry.create_organisation(
        uow=uow, by=Principal.system(), data=organisation_data(), now=clock
    )
    admin = services.bootstrap_administrator(
        uow=uow,
        email="Chief@ITPO.example",
        display_name="Chief",
        password=PASSWORD,
        office_name="ITPO Shanghai",
        office_country="CHN",
        policy=policy,
        now=clock,
    )
    member = services.create_user(
        uow=uow,
        by=Principal.of(admin),
        email="wanjiru@meru.example",
        display_name="Wanjiru",
        role="member",
        password=PASSWORD,
        organisation_id=1,
        policy=policy,
        now=clock,
    )
    return World(uow, clock, admin, member)
