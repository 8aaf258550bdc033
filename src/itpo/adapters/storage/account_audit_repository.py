"""The audit log's repository: it adds and reads entries, and has no way to change them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from itpo.accounts.model import AuditEntry, AuditQuery
from itpo.adapters.storage.account_tables import audit_entry
from itpo.registry.queries import Page


def _entry(row: sa.Row[Any]) -> AuditEntry:
    values = dict(row._mapping)
    values["detail"] = dict(values["detail"])
    return AuditEntry(**values)


def _values(entry: AuditEntry) -> dict[str, Any]:
    values = {c.name: getattr(entry, c.name) for c in audit_entry.c if c.name != "id"}
    values["detail"] = dict(entry.detail)
    return values


class SqlAuditRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, entry: AuditEntry) -> int:
        key = self.connection.execute(
            sa.insert(audit_entry).values(_values(entry))
        ).inserted_primary_key
        assert key is not None
        return int(key[0])

    def add_many(self, entries: Sequence[AuditEntry]) -> None:
        if entries:
            self.connection.execute(sa.insert(audit_entry), [_values(e) for e in entries])

    def list(self, query: AuditQuery) -> Page[AuditEntry]:
        where = sa.and_(sa.true(), *_conditions(query))
        total = self.connection.execute(
            sa.select(sa.func.count()).select_from(audit_entry).where(where)
        ).scalar_one()
        c = audit_entry.c
        select = sa.select(audit_entry).where(where).order_by(c.at.desc(), c.id.desc())
        if query.limit is not None:
            select = select.limit(query.limit)
        rows = self.connection.execute(select.offset(query.offset))
        items = [_entry(row) for row in rows]
        return Page(items=items, total=int(total), limit=query.limit, offset=query.offset)


def _conditions(query: AuditQuery) -> list[sa.ColumnElement[bool]]:
    c = audit_entry.c
    conditions: list[sa.ColumnElement[bool]] = []
    if query.actor_id is not None:
        conditions.append(c.actor_id == query.actor_id)
    if query.action:
        # A family ("user") holds every action under it ("user.create", "user.disable").
        family = query.action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(
            sa.or_(c.action == query.action, c.action.like(family + ".%", escape="\\"))
        )
    if query.subject_type:
        conditions.append(c.subject_type == query.subject_type)
    if query.subject_id is not None:
        conditions.append(c.subject_id == query.subject_id)
    if query.since is not None:
        conditions.append(c.at >= query.since)
    if query.until is not None:
        conditions.append(c.at < query.until)
    return conditions
