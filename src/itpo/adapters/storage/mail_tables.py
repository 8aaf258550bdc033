"""The outbox: every message the platform writes, kept after it is sent."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import Timestamp, metadata

mail_message = sa.Table(
    "mail_message",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("recipient", sa.String(320), nullable=False, index=True),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    # A reminder or digest queued twice for the same thing is stored once.
    sa.Column("dedupe_key", sa.String(200), nullable=True, unique=True),
    sa.Column("subject_type", sa.String(32), nullable=True),
    sa.Column("subject_id", sa.Integer, nullable=True),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_error", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("next_attempt_at", Timestamp, nullable=False),
    sa.Column("sent_at", Timestamp, nullable=True),
    # What a sender reads first: waiting messages in the order they fall due.
    sa.Index("ix_mail_message_due", "state", "next_attempt_at"),
)
