"""The review history of opportunity profiles: one row per step (submitted, published, sent
back, renewed), kept with the reviewer's reason and the criteria."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

review_entry = sa.Table(
    "review_entry",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "opportunity_id",
        sa.Integer,
        sa.ForeignKey("opportunity.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("step", sa.String(16), nullable=False),
    sa.Column("at", Timestamp, nullable=False),
    # The reviewer stays named in the history after their account is gone.
    sa.Column("by_user_id", sa.Integer, nullable=True),
    sa.Column("by_label", sa.String(320), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("criteria", JsonList, nullable=False),
    sa.Column("valid_until", sa.Date, nullable=True),
    # A profile's history in order, and its latest step of a kind, from the index alone.
    sa.Index("ix_review_entry_opportunity", "opportunity_id", "step", "at"),
)
