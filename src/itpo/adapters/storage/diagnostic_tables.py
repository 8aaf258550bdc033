"""Readiness diagnostics: one row per assessment (its bands as JSON), and the draft technology
needs its gaps became."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

diagnostic = sa.Table(
    "diagnostic",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisation.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("sector", sa.String(40), nullable=False),
    sa.Column("taken_on", sa.Date, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("answers", JsonList, nullable=False),
    # Who took it stays named after their account is gone.
    sa.Column("by_user_id", sa.Integer, nullable=True),
    sa.Column("by_label", sa.String(320), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("submitted_at", Timestamp, nullable=True),
    # An organisation's assessments in the order taken, from the index alone.
    sa.Index("ix_diagnostic_organisation", "organisation_id", "taken_on"),
)

diagnostic_need = sa.Table(
    "diagnostic_need",
    metadata,
    sa.Column(
        "diagnostic_id",
        sa.Integer,
        sa.ForeignKey("diagnostic.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("dimension", sa.String(64), primary_key=True),
    # A need its owner deletes leaves the diagnostic, not a dangling link.
    sa.Column(
        "opportunity_id",
        sa.Integer,
        sa.ForeignKey("opportunity.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("rank", sa.Integer, nullable=False),
)
