"""What mail needs from storage and from a mail server, as protocols."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from itpo.accounts.ports import AccountsUnitOfWork
from itpo.mail.model import MailKind, MailState, Message
from itpo.registry.queries import Page


@dataclass(frozen=True, slots=True)
class MailQuery:
    states: Collection[MailState] = ()
    kinds: Collection[MailKind] = ()
    to: str | None = None
    limit: int | None = 50
    offset: int = 0


class OutboxRepository(Protocol):
    def add(self, message: Message) -> int | None:
        """Store the message; None (nothing stored) when one with its key is there already."""
        ...

    def get(self, message_id: int) -> Message | None: ...
    def find(self, query: MailQuery) -> Page[Message]: ...
    def due(self, at: dt.datetime, limit: int) -> list[Message]:
        """Waiting messages whose next attempt is due, the oldest first."""
        ...

    def claim(self, message: Message, until: dt.datetime) -> bool:
        """Put the next attempt at `until` and count the attempt, only if nobody else has
        claimed the message since it was read: one sender per message."""
        ...

    def settle(self, message: Message) -> None:
        """Store the outcome of an attempt: state, error, when it was sent, the next try."""
        ...

    def latest(self, kind: MailKind) -> dt.datetime | None:
        """When the newest message of this kind was queued."""
        ...


class MailUnitOfWork(AccountsUnitOfWork, Protocol):
    @property
    def outbox(self) -> OutboxRepository: ...


class MailUnavailable(Exception):
    """The mail server could not be reached or answered 'try later': the message waits."""


class MailRefused(Exception):
    """The mail server refused the message for good (a bad address, say)."""


class MailSender(Protocol):
    def send(self, message: Message) -> None:
        """Hand the message to the mail server; MailUnavailable or MailRefused when not."""
        ...
