"""The outbox in SQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.mail_tables import mail_message
from itpo.adapters.storage.tables import inserted_id
from itpo.mail.model import MailKind, MailState, Message
from itpo.mail.ports import MailQuery
from itpo.registry.queries import Page

c = mail_message.c


def _message(row: sa.Row[Any]) -> Message:
    m = row._mapping
    return Message(
        kind=MailKind(m["kind"]),
        to=m["recipient"],
        subject=m["subject"],
        body=m["body"],
        created_at=m["created_at"],
        next_attempt_at=m["next_attempt_at"],
        key=m["dedupe_key"],
        subject_type=m["subject_type"],
        subject_id=m["subject_id"],
        state=MailState(m["state"]),
        attempts=m["attempts"],
        last_error=m["last_error"],
        sent_at=m["sent_at"],
        id=m["id"],
    )


class SqlOutboxRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, message: Message) -> int | None:
        if message.key is not None:
            taken = sa.select(c.id).where(c.dedupe_key == message.key)
            if self.connection.execute(taken).first() is not None:
                return None
        values = {
            "kind": message.kind.value,
            "recipient": message.to,
            "subject": message.subject,
            "body": message.body,
            "dedupe_key": message.key,
            "subject_type": message.subject_type,
            "subject_id": message.subject_id,
            "state": message.state.value,
            "attempts": message.attempts,
            "last_error": message.last_error,
            "created_at": message.created_at,
            "next_attempt_at": message.next_attempt_at,
            "sent_at": message.sent_at,
        }
        statement = sa.insert(mail_message).values(values)
        if message.key is None:
            result = self.connection.execute(statement)
        else:
            try:  # another process may queue the same key between the check and the insert
                with self.connection.begin_nested():
                    result = self.connection.execute(statement)
            except sa.exc.IntegrityError:
                return None
        return inserted_id(result)

    def get(self, message_id: int) -> Message | None:
        row = self.connection.execute(sa.select(mail_message).where(c.id == message_id)).first()
        return _message(row) if row is not None else None

    def find(self, query: MailQuery) -> Page[Message]:
        conditions: list[sa.ColumnElement[bool]] = []
        if query.states:
            conditions.append(c.state.in_([s.value for s in query.states]))
        if query.kinds:
            conditions.append(c.kind.in_([k.value for k in query.kinds]))
        if query.to:
            conditions.append(c.recipient == query.to.strip().lower())
        where = sa.and_(sa.true(), *conditions)
        total = self.connection.execute(
            sa.select(sa.func.count()).select_from(mail_message).where(where)
        ).scalar_one()
        select = (
            sa.select(mail_message)
            .where(where)
            .order_by(c.created_at.desc(), c.id.desc())
            .offset(query.offset)
        )
        if query.limit is not None:
            select = select.limit(query.limit)
        items = [_message(row) for row in self.connection.execute(select)]
        return Page(items=items, total=int(total), limit=query.limit, offset=query.offset)

    def due(self, at: dt.datetime, limit: int) -> list[Message]:
        select = (
            sa.select(mail_message)
            .where(c.state == MailState.WAITING.value, c.next_attempt_at <= at)
            .order_by(c.next_attempt_at, c.id)
            .limit(limit)
        )
        return [_message(row) for row in self.connection.execute(select)]

    def claim(self, message: Message, until: dt.datetime) -> bool:
        claimed = self.connection.execute(
            sa.update(mail_message)
            .where(
                c.id == message.id,
                c.state == MailState.WAITING.value,
                c.attempts == message.attempts,
            )
            .values(next_attempt_at=until, attempts=message.attempts + 1)
        )
        return claimed.rowcount == 1

    def settle(self, message: Message) -> None:
        self.connection.execute(
            sa.update(mail_message)
            .where(c.id == message.id)
            .values(
                state=message.state.value,
                attempts=message.attempts,
                last_error=message.last_error,
                next_attempt_at=message.next_attempt_at,
                sent_at=message.sent_at,
            )
        )

    def latest(self, kind: MailKind) -> dt.datetime | None:
        newest = sa.select(sa.func.max(c.created_at)).where(c.kind == kind.value)
        value = self.connection.execute(newest).scalar_one_or_none()
        return value if isinstance(value, dt.datetime) else None
