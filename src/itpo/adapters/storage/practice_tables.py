"""Practice cases: the facts a list filters on as columns, the rest of the case (its texts in
each language, figures, sources) as one JSON document; every kept version beside it."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

practice_case = sa.Table(
    "practice_case",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("external_id", sa.String(120), nullable=True, unique=True),
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisation.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("theme", sa.String(40), nullable=False),
    sa.Column("country", sa.String(3), nullable=False),
    sa.Column("year", sa.Integer, nullable=True),
    sa.Column("original_language", sa.String(8), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("content", JsonList, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Column("published_at", Timestamp, nullable=True),
    sa.Index("ix_practice_case_status", "status", "updated_at"),
)

practice_version = sa.Table(
    "practice_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "case_id",
        sa.Integer,
        sa.ForeignKey("practice_case.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("step", sa.String(16), nullable=False),
    sa.Column("at", Timestamp, nullable=False),
    # The writer stays named in the history after their account is gone.
    sa.Column("by_user_id", sa.Integer, nullable=True),
    sa.Column("by_label", sa.String(320), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("content", JsonList, nullable=False),
    sa.UniqueConstraint("case_id", "version", name="uq_practice_version_case_version"),
)
