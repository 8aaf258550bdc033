"""A message in the outbox and the states it passes through."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class MailKind(StrEnum):
    CONFIRMATION = "confirmation"  # a party's link to confirm a deal's outcome
    PASSWORD_RESET = "password_reset"
    DEAL_REMINDER = "deal_reminder"  # a live deal without an interaction for too long
    RENEWAL_REMINDER = "renewal_reminder"  # an opportunity about to expire
    MATCH_DIGEST = "match_digest"  # new matches of an owner's opportunities
    REQUEST_EXPIRED = "request_expired"  # a meeting request at an event nobody answered
    REVIEW_DECISION = "review_decision"  # a profile published, or sent back with the reason


class MailState(StrEnum):
    WAITING = "waiting"  # to be sent at next_attempt_at (kept when no mail server is set)
    SENT = "sent"
    FAILED = "failed"  # refused for good, or every attempt used


@dataclass(frozen=True, slots=True)
class Message:
    kind: MailKind
    to: str
    subject: str
    body: str
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    # One message per key: a reminder or a digest queued twice for the same thing is one.
    key: str | None = None
    subject_type: str | None = None
    subject_id: int | None = None
    state: MailState = MailState.WAITING
    attempts: int = 0
    last_error: str = ""
    sent_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Letter:
    """What a message says, before it is addressed and queued."""

    subject: str
    body: str
