"""SQLAlchemy Core repositories of offices, users, their credentials, sign-in attempts and the
locks per account and address."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from itpo.accounts.model import (
    ApiToken,
    LoginAttempt,
    Office,
    PasswordReset,
    Role,
    Scope,
    SessionRecord,
    SignInLock,
    User,
    UserQuery,
)
from itpo.adapters.storage.account_tables import (
    api_token,
    login_attempt,
    office,
    password_reset,
    sign_in_lock,
    user_account,
    user_session,
)
from itpo.registry.queries import Page


def _insert(connection: sa.Connection, table: sa.Table, values: dict[str, Any]) -> int:
    key = connection.execute(sa.insert(table).values(values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def _values(record: Any, table: sa.Table) -> dict[str, Any]:
    """The record's attributes named like the table's columns, without the id."""
    return {c.name: getattr(record, c.name) for c in table.c if c.name != "id"}


class SqlOfficeRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, record: Office) -> int:
        return _insert(self.connection, office, _values(record, office))

    def get(self, office_id: int) -> Office | None:
        return self._one(office.c.id == office_id)

    def by_name(self, name: str) -> Office | None:
        return self._one(office.c.name == name)

    def list(self) -> list[Office]:
        rows = self.connection.execute(sa.select(office).order_by(office.c.id))
        return [Office(**row._mapping) for row in rows]

    def _one(self, where: sa.ColumnElement[bool]) -> Office | None:
        row = self.connection.execute(sa.select(office).where(where)).first()
        return Office(**row._mapping) if row is not None else None


def _user(row: sa.Row[Any]) -> User:
    values = dict(row._mapping)
    values["role"] = Role(values["role"])
    return User(**values)


class SqlUserRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, user: User) -> int:
        values = _values(user, user_account) | {"role": user.role.value}
        return _insert(self.connection, user_account, values)

    def get(self, user_id: int) -> User | None:
        return self._one(user_account.c.id == user_id)

    def by_email(self, email: str) -> User | None:
        return self._one(user_account.c.email == email)

    def update(self, user: User) -> None:
        values = _values(user, user_account) | {"role": user.role.value}
        self.connection.execute(
            sa.update(user_account).where(user_account.c.id == user.id).values(values)
        )

    def count_failure(self, user_id: int, at: dt.datetime, since: dt.datetime) -> int:
        c = user_account.c
        # One statement, so concurrent failures on several workers are all counted.
        stale = sa.or_(c.last_failed_login_at.is_(None), c.last_failed_login_at < since)
        count = sa.case((stale, 1), else_=c.failed_logins + 1)
        statement = (
            sa.update(user_account)
            .where(c.id == user_id)
            .values(failed_logins=count, last_failed_login_at=at)
            .returning(c.failed_logins)
        )
        return int(self.connection.execute(statement).scalar_one())

    def back_off(self, user_id: int, until: dt.datetime) -> None:
        self._set(user_id, locked_until=until)

    def note_sign_in(self, user_id: int, at: dt.datetime) -> None:
        self._set(user_id, last_login_at=at, failed_logins=0, locked_until=None)

    def clear_failures(self, user_id: int) -> None:
        self._set(user_id, failed_logins=0, locked_until=None, last_failed_login_at=None)

    def set_password(self, user_id: int, password_hash: str, *, replacing: str | None) -> bool:
        c = user_account.c
        statement = sa.update(user_account).where(c.id == user_id)
        if replacing is not None:
            statement = statement.where(c.password_hash == replacing, c.active.is_(True))
        result = self.connection.execute(statement.values(password_hash=password_hash))
        return bool(result.rowcount)

    def _set(self, user_id: int, **values: Any) -> None:
        # Only the named columns, so a change another request made meanwhile stands.
        statement = sa.update(user_account).where(user_account.c.id == user_id).values(values)
        self.connection.execute(statement)

    def list(self, query: UserQuery) -> Page[User]:
        c = user_account.c
        conditions: list[sa.ColumnElement[bool]] = []
        if query.roles:
            conditions.append(c.role.in_([role.value for role in query.roles]))
        if query.office_id is not None:
            conditions.append(c.office_id == query.office_id)
        if query.organisation_id is not None:
            conditions.append(c.organisation_id == query.organisation_id)
        if query.active is not None:
            conditions.append(c.active == query.active)
        where = sa.and_(sa.true(), *conditions)
        total = self.connection.execute(
            sa.select(sa.func.count()).select_from(user_account).where(where)
        ).scalar_one()
        select = sa.select(user_account).where(where).order_by(c.id).offset(query.offset)
        if query.limit is not None:
            select = select.limit(query.limit)
        items = [_user(row) for row in self.connection.execute(select)]
        return Page(items=items, total=int(total), limit=query.limit, offset=query.offset)

    def count_active(self, role: Role) -> int:
        c = user_account.c
        query = sa.select(sa.func.count()).where(c.role == role.value, c.active.is_(True))
        return int(self.connection.execute(query).scalar_one())

    def _one(self, where: sa.ColumnElement[bool]) -> User | None:
        row = self.connection.execute(sa.select(user_account).where(where)).first()
        return _user(row) if row is not None else None


def _token(row: sa.Row[Any]) -> ApiToken:
    values = dict(row._mapping)
    values["scopes"] = tuple(Scope(s) for s in values["scopes"])
    return ApiToken(**values)


class SqlTokenRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, token: ApiToken) -> int:
        values = _values(token, api_token) | {"scopes": [s.value for s in token.scopes]}
        return _insert(self.connection, api_token, values)

    def get(self, token_id: int) -> ApiToken | None:
        return self._one(api_token.c.id == token_id)

    def by_hash(self, token_hash: str) -> ApiToken | None:
        return self._one(api_token.c.token_hash == token_hash)

    def for_user(self, user_id: int) -> list[ApiToken]:
        query = sa.select(api_token).where(api_token.c.user_id == user_id)
        return [_token(row) for row in self.connection.execute(query.order_by(api_token.c.id))]

    def update(self, token: ApiToken) -> None:
        # Only what changes after creation; the secret's digest and scopes never do.
        self.connection.execute(
            sa.update(api_token)
            .where(api_token.c.id == token.id)
            .values(last_used_at=token.last_used_at, revoked_at=token.revoked_at)
        )

    def revoke(self, token_ids: list[int], at: dt.datetime) -> None:
        c = api_token.c
        self.connection.execute(
            sa.update(api_token)
            .where(c.id.in_(token_ids), c.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    def open_children(self, token_ids: list[int]) -> list[ApiToken]:
        c = api_token.c
        query = sa.select(api_token).where(c.parent_id.in_(token_ids), c.revoked_at.is_(None))
        return [_token(row) for row in self.connection.execute(query.order_by(c.id))]

    def touch(self, token_id: int, at: dt.datetime) -> None:
        """Note a use; only that column, so a revocation made meanwhile is never undone."""
        self.connection.execute(
            sa.update(api_token).where(api_token.c.id == token_id).values(last_used_at=at)
        )

    def revoke_all(self, user_id: int, at: dt.datetime) -> int:
        c = api_token.c
        result = self.connection.execute(
            sa.update(api_token)
            .where(c.user_id == user_id, c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return int(result.rowcount)

    def _one(self, where: sa.ColumnElement[bool]) -> ApiToken | None:
        row = self.connection.execute(sa.select(api_token).where(where)).first()
        return _token(row) if row is not None else None


class SqlSessionRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, session: SessionRecord) -> int:
        return _insert(self.connection, user_session, _values(session, user_session))

    def by_hash(self, session_hash: str) -> SessionRecord | None:
        query = sa.select(user_session).where(user_session.c.session_hash == session_hash)
        row = self.connection.execute(query).first()
        return SessionRecord(**row._mapping) if row is not None else None

    def touch(self, session_id: int, at: dt.datetime) -> None:
        self.connection.execute(
            sa.update(user_session).where(user_session.c.id == session_id).values(last_seen_at=at)
        )

    def delete(self, session_id: int) -> bool:
        query = sa.delete(user_session).where(user_session.c.id == session_id)
        return bool(self.connection.execute(query).rowcount)

    def delete_for_user(self, user_id: int, keep: int | None = None) -> int:
        c = user_session.c
        query = sa.delete(user_session).where(c.user_id == user_id)
        if keep is not None:
            query = query.where(c.id != keep)
        return int(self.connection.execute(query).rowcount)


class SqlResetRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, reset: PasswordReset) -> int:
        return _insert(self.connection, password_reset, _values(reset, password_reset))

    def by_hash(self, token_hash: str) -> PasswordReset | None:
        query = sa.select(password_reset).where(password_reset.c.token_hash == token_hash)
        row = self.connection.execute(query).first()
        return PasswordReset(**row._mapping) if row is not None else None

    def use(self, reset_id: int, at: dt.datetime) -> bool:
        c = password_reset.c
        result = self.connection.execute(
            sa.update(password_reset)
            .where(c.id == reset_id, c.used_at.is_(None), c.expires_at > at)
            .values(used_at=at)
        )
        return bool(result.rowcount)

    def use_all(self, user_id: int, at: dt.datetime) -> int:
        c = password_reset.c
        result = self.connection.execute(
            sa.update(password_reset)
            .where(c.user_id == user_id, c.used_at.is_(None))
            .values(used_at=at)
        )
        return int(result.rowcount)


class SqlLoginAttemptRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, attempt: LoginAttempt) -> None:
        self.connection.execute(
            sa.insert(login_attempt).values(
                at=attempt.at, ip=attempt.ip, email=attempt.email, succeeded=attempt.succeeded
            )
        )

    def failures_since(self, ip: str, since: dt.datetime) -> list[dt.datetime]:
        c = login_attempt.c
        query = (
            sa.select(c.at).where(c.ip == ip, c.at > since, c.succeeded.is_(False)).order_by(c.at)
        )
        return list(self.connection.execute(query).scalars())

    def prune(self, before: dt.datetime) -> int:
        query = sa.delete(login_attempt).where(login_attempt.c.at < before)
        return int(self.connection.execute(query).rowcount)

    def lock_of(self, user_id: int, ip: str) -> SignInLock | None:
        c = sign_in_lock.c
        query = sa.select(sign_in_lock).where(c.user_id == user_id, c.ip == ip)
        row = self.connection.execute(query).first()
        return SignInLock(**row._mapping) if row is not None else None

    def count_failure(self, user_id: int, ip: str, at: dt.datetime) -> int:
        c = sign_in_lock.c
        # An upsert, so concurrent failures from one address all count, on either backend.
        dialect = postgresql if self.connection.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(sign_in_lock)
            .values(user_id=user_id, ip=ip, failures=1, updated_at=at)
            .on_conflict_do_update(
                index_elements=[c.user_id, c.ip],
                set_={"failures": c.failures + 1, "updated_at": at},
            )
            .returning(c.failures)
        )
        return int(self.connection.execute(statement).scalar_one())

    def lock(self, user_id: int, ip: str, until: dt.datetime) -> None:
        c = sign_in_lock.c
        self.connection.execute(
            sa.update(sign_in_lock)
            .where(c.user_id == user_id, c.ip == ip)
            .values(failures=0, locked_until=until)
        )

    def clear(self, user_id: int, ip: str) -> None:
        c = sign_in_lock.c
        self.connection.execute(sa.delete(sign_in_lock).where(c.user_id == user_id, c.ip == ip))

    def clear_user(self, user_id: int, at: dt.datetime) -> int:
        c = sign_in_lock.c
        # One write that also says what it removed: a transaction that starts with it takes
        # SQLite's write lock at once.
        query = sa.delete(sign_in_lock).where(c.user_id == user_id).returning(c.locked_until)
        ends = self.connection.execute(query).scalars()
        return sum(1 for end in ends if end is not None and end > at)

    def locks(self, user_ids: list[int], at: dt.datetime) -> list[SignInLock]:
        c = sign_in_lock.c
        query = sa.select(sign_in_lock).where(c.user_id.in_(user_ids), c.locked_until > at)
        rows = self.connection.execute(query.order_by(c.user_id, c.ip))
        return [SignInLock(**row._mapping) for row in rows]
