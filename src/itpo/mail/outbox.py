"""The outbox: a message is stored in the transaction of the work that writes it and sent
after, by whichever sender runs (the server's courier or `itpo mail send`). While the mail
server is down a message waits and is tried again later, each wait longer than the last; a
message the server refuses for good, or one that used every attempt, is kept as failed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from itpo.accounts.audit import record
from itpo.accounts.fields import Checks
from itpo.accounts.principal import Principal, require_administrator
from itpo.clock import Clock, utc_now
from itpo.mail.model import Letter, MailKind, MailState, Message
from itpo.mail.ports import (
    MailQuery,
    MailRefused,
    MailSender,
    MailUnavailable,
    MailUnitOfWork,
)
from itpo.registry.errors import NotFound
from itpo.registry.queries import Page

# 1, 2, 4 ... minutes, then every six hours: about four days of trying, as mail servers do.
MAX_ATTEMPTS = 24
FIRST_WAIT = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(hours=6)
# How long a sender holds a message it took: should it die mid-send, another tries after.
LEASE = dt.timedelta(minutes=5)
MAX_ERROR = 500


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one pass over the outbox did."""

    sent: int = 0
    waiting: int = 0  # tried and failed for now: tried again later
    failed: int = 0  # refused for good or out of attempts
    configured: bool = True  # False: no mail server, every message is kept to be read

    def as_dict(self) -> dict[str, int | bool]:
        return dataclasses.asdict(self)


def queue(
    uow: MailUnitOfWork,
    *,
    kind: MailKind,
    to: str,
    letter: Letter,
    at: dt.datetime,
    key: str | None = None,
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> int | None:
    """Put a message in the outbox inside the caller's transaction (it commits with the work
    it reports); the message's id, or None when one with the same key is there already."""
    message = Message(
        kind=kind,
        to=to,
        subject=letter.subject,
        body=letter.body,
        created_at=at,
        next_attempt_at=at,
        key=key,
        subject_type=subject_type,
        subject_id=subject_id,
    )
    with uow:
        return uow.outbox.add(message)


def list_messages(*, uow: MailUnitOfWork, by: Principal, query: MailQuery) -> Page[Message]:
    """The outbox, newest first (administrators): what went out, what waits and why."""
    require_administrator(by)
    checks = Checks()
    checks.paging(query.limit, query.offset)
    checks.done()
    with uow:
        return uow.outbox.find(query)


def get_message(
    *, uow: MailUnitOfWork, by: Principal, message_id: int, now: Clock = utc_now
) -> Message:
    """One message as it was written (administrators); each reading is audited, for a
    message may hold a live link."""
    require_administrator(by)
    with uow:
        message = uow.outbox.get(message_id)
        if message is None:
            raise NotFound("message", message_id)
        record(
            uow=uow, by=by, action="mail.view", subject_type="mail", subject_id=message_id, now=now
        )
        uow.commit()
    return message


def deliver(
    *,
    uow_factory: Callable[[], MailUnitOfWork],
    by: Principal,
    sender: MailSender | None,
    limit: int = 200,
    now: Clock = utc_now,
) -> Delivery:
    """Send the messages that are due, each in its own transaction so one slow or failing
    message holds back no other. Without a sender nothing is sent: messages are kept."""
    require_administrator(by)
    if sender is None:
        return Delivery(configured=False)
    with uow_factory() as uow:
        due = uow.outbox.due(now(), limit)
    counts = {MailState.SENT: 0, MailState.WAITING: 0, MailState.FAILED: 0}
    for message in due:
        outcome = _attempt(uow_factory(), sender, message, now)
        if outcome is not None:
            counts[outcome] += 1
    return Delivery(
        sent=counts[MailState.SENT],
        waiting=counts[MailState.WAITING],
        failed=counts[MailState.FAILED],
    )


def _attempt(
    uow: MailUnitOfWork, sender: MailSender, message: Message, now: Clock
) -> MailState | None:
    at = now()
    with uow:
        if not uow.outbox.claim(message, at + LEASE):
            return None  # another sender took it
        uow.commit()
    tried = dataclasses.replace(message, attempts=message.attempts + 1)
    try:
        sender.send(tried)
    except MailUnavailable as down:
        settled = _later(tried, str(down), now())
    except MailRefused as refused:
        settled = dataclasses.replace(tried, state=MailState.FAILED, last_error=_short(refused))
    else:
        settled = dataclasses.replace(tried, state=MailState.SENT, sent_at=now(), last_error="")
    with uow:
        uow.outbox.settle(settled)
        uow.commit()
    return settled.state


def _later(message: Message, error: str, at: dt.datetime) -> Message:
    """Wait longer after each failed attempt (1, 2, 4 ... minutes, at most six hours); fail
    once every attempt is used."""
    if message.attempts >= MAX_ATTEMPTS:
        return dataclasses.replace(message, state=MailState.FAILED, last_error=_short(error))
    wait = min(FIRST_WAIT * 2 ** (message.attempts - 1), LONGEST_WAIT)
    return dataclasses.replace(message, next_attempt_at=at + wait, last_error=_short(error))


def _short(error: object) -> str:
    return str(error)[:MAX_ERROR]
