"""Match tables: scored pairs of opportunities, the decisions people take on them, and the
versions of the scoring weights. They join the registry's `metadata`, so migrations and schema
comparison see one schema."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

opportunity_match = sa.Table(
    "opportunity_match",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "first_id", sa.Integer, sa.ForeignKey("opportunity.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "second_id",
        sa.Integer,
        sa.ForeignKey("opportunity.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("score", sa.Float(53), nullable=False),
    sa.Column("components", JsonList, nullable=False),
    sa.Column("weights_version", sa.Integer, nullable=False),
    sa.Column("state", sa.String(16), nullable=False, index=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # One record per pair, whichever side asked: the lower id is always first.
    sa.UniqueConstraint("first_id", "second_id", name="uq_opportunity_match_pair"),
    sa.CheckConstraint("first_id < second_id", name="pair_order"),
)

match_decision = sa.Table(
    "match_decision",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "match_id",
        sa.Integer,
        sa.ForeignKey("opportunity_match.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # The opportunity whose owner decided; NULL: a promotion officer.
    sa.Column("side", sa.Integer, nullable=True),
    sa.Column("verdict", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("components", JsonList, nullable=False),
    sa.Column("weights_version", sa.Integer, nullable=False),
    sa.Column("decided_at", Timestamp, nullable=False),
    # Who decided: the user, kept when the account goes (NULL), and the name the audit log uses.
    sa.Column(
        "decided_by_id",
        sa.Integer,
        sa.ForeignKey("user_account.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("decided_by", sa.String(300), nullable=False, server_default=""),
)

scoring_weights = sa.Table(
    "scoring_weights",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("weights", JsonList, nullable=False),
    sa.Column("decisions", sa.Integer, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
)
