"""Event tables: events (their sessions as JSON: a handful each), participants, meeting
requests and the meetings of the current schedule."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

event = sa.Table(
    "event",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("name_zh", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("place", sa.String(300), nullable=False),
    sa.Column("time_zone", sa.String(64), nullable=False),
    sa.Column("sessions", JsonList, nullable=False),
    sa.Column("slot_minutes", sa.Integer, nullable=False),
    sa.Column("tables", sa.Integer, nullable=False),
    sa.Column("cap", sa.Integer),
    sa.Column("office_id", sa.Integer, sa.ForeignKey("office.id", ondelete="SET NULL"), index=True),
    sa.Column("registration_open", sa.Boolean, nullable=False),
    sa.Column("request_days", sa.Integer, nullable=False),
    sa.Column("schedule_version", sa.Integer, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
)

event_participant = sa.Table(
    "event_participant",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisation.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("attendees", JsonList, nullable=False),
    sa.Column("blocked", JsonList, nullable=False),
    sa.Column("registered_by", sa.String(300), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    # An organisation takes part in an event once (its people are its attendees).
    sa.UniqueConstraint("event_id", "organisation_id", name="uq_event_participant_organisation"),
)

meeting_request = sa.Table(
    "meeting_request",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id",
        sa.Integer,
        sa.ForeignKey("event.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "from_id",
        sa.Integer,
        sa.ForeignKey("event_participant.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "to_id",
        sa.Integer,
        sa.ForeignKey("event_participant.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("priority", sa.Integer, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("by_office", sa.Boolean, nullable=False),
    sa.Column("match_score", sa.Float(53)),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("expires_at", Timestamp, nullable=False),
    sa.Column("decided_at", Timestamp),
)

event_meeting = sa.Table(
    "event_meeting",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id",
        sa.Integer,
        sa.ForeignKey("event.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "request_id",
        sa.Integer,
        sa.ForeignKey("meeting_request.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    sa.Column("first_id", sa.Integer, nullable=False),
    sa.Column("second_id", sa.Integer, nullable=False),
    sa.Column("slot", sa.Integer, nullable=False),
    sa.Column("table_number", sa.Integer, nullable=False),
    sa.Column("locked", sa.Boolean, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("feedback", JsonList, nullable=False),
)
