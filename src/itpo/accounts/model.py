"""Offices, users, their credentials and the audit log: the records of who may do what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    OFFICER = "officer"
    MEMBER = "member"


STAFF_ROLES = frozenset({Role.ADMINISTRATOR, Role.OFFICER})


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"
    MATCH = "match"
    ADMIN = "admin"


SCOPE_HELP: Mapping[Scope, str] = {
    Scope.READ: "read what the user may see: organisations, opportunities, matches, appraisals",
    Scope.WRITE: "create, change and delete records, and import files",
    Scope.MATCH: "run matching and give verdicts on matches",
    Scope.ADMIN: "manage offices, users and tokens, and read the audit log (administrators)",
}


@dataclass(slots=True)
class Office:
    """An ITPO office; one installation may host several."""

    name: str
    country: str
    city: str | None = None
    id: int | None = None
    created_at: dt.datetime | None = None


@dataclass(slots=True)
class User:
    email: str
    display_name: str
    role: Role
    # Never shown: not in repr, and no presenter outside this package reads it.
    password_hash: str = field(default="", repr=False)
    office_id: int | None = None
    organisation_id: int | None = None
    active: bool = True
    # Failed sign-ins from every address since the last success (or the last quiet window),
    # and the back-off they put on the account for every address.
    failed_logins: int = 0
    locked_until: dt.datetime | None = None
    created_at: dt.datetime | None = None
    last_login_at: dt.datetime | None = None
    last_failed_login_at: dt.datetime | None = None
    id: int | None = None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def is_locked(self, now: dt.datetime) -> bool:
        """Backed off for every address (a lock for one address is a SignInLock)."""
        return self.locked_until is not None and self.locked_until > now


@dataclass(slots=True)
class SignInLock:
    """Failed sign-ins on one account from one address, and until when that address is
    refused for that account; other addresses are not held back by it."""

    user_id: int
    ip: str  # "" when the address is not known
    failures: int = 0
    locked_until: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    id: int | None = None

    def is_locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


@dataclass(slots=True)
class ApiToken:
    name: str
    user_id: int
    scopes: tuple[Scope, ...]
    prefix: str  # the first characters of the token, to tell tokens apart in a listing
    token_hash: str = field(repr=False)
    created_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None
    last_used_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    # The token this one was made with, if any: it never outlives it.
    parent_id: int | None = None
    id: int | None = None

    def usable(self, now: dt.datetime) -> bool:
        expired = self.expires_at is not None and self.expires_at <= now
        return self.revoked_at is None and not expired


@dataclass(slots=True)
class SessionRecord:
    user_id: int
    session_hash: str = field(repr=False)
    csrf_secret: str = field(repr=False)
    created_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None  # the absolute end, however active the session is
    last_seen_at: dt.datetime | None = None
    ip: str | None = None
    user_agent: str | None = None
    id: int | None = None


@dataclass(slots=True)
class PasswordReset:
    user_id: int
    token_hash: str = field(repr=False)
    created_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None
    used_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class LoginAttempt:
    at: dt.datetime
    ip: str | None
    email: str
    succeeded: bool


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: dt.datetime
    actor_id: int | None  # None: the public, or the command line
    actor_label: str
    action: str
    subject_type: str
    subject_id: str | None = None
    ip: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class UserQuery:
    roles: tuple[Role, ...] = ()
    office_id: int | None = None
    organisation_id: int | None = None
    active: bool | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Filters combine with AND; `until` is exclusive. Newest entries come first."""

    actor_id: int | None = None
    action: str | None = None  # an exact action, or a family: "user" matches "user.create"
    subject_type: str | None = None
    subject_id: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    limit: int | None = 100
    offset: int = 0
