"""Pipeline tables: deals with their figures as columns (results add them up without parsing
anything), the deals' log, interactions, evidence (content apart, so listings never load it),
submissions for verification and the parties' confirmations."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

FIGURE_SETS = ("projected", "outcome", "verified")


def _figure_columns(prefix: str) -> list[sa.Column[object]]:
    return [
        sa.Column(f"{prefix}_investment_committed", sa.Float(53)),
        sa.Column(f"{prefix}_investment_realised", sa.Float(53)),
        sa.Column(f"{prefix}_technology", sa.String(300)),
        sa.Column(f"{prefix}_technology_trl", sa.Integer),
        sa.Column(f"{prefix}_jobs_new", sa.Integer),
        sa.Column(f"{prefix}_jobs_safeguarded", sa.Integer),
        sa.Column(f"{prefix}_tco2_per_year", sa.Float(53)),
    ]


def _reference(table: str, *, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


deal = sa.Table(
    "deal",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("source", sa.String(16), nullable=False),
    # A deal outlives the records it started from: its figures are the office's results.
    sa.Column(
        "first_organisation_id",
        sa.Integer,
        _reference("organisation", ondelete="SET NULL"),
        index=True,
    ),
    sa.Column(
        "second_organisation_id",
        sa.Integer,
        _reference("organisation", ondelete="SET NULL"),
        index=True,
    ),
    sa.Column("first_opportunity_id", sa.Integer, _reference("opportunity", ondelete="SET NULL")),
    sa.Column("second_opportunity_id", sa.Integer, _reference("opportunity", ondelete="SET NULL")),
    sa.Column(
        "match_id",
        sa.Integer,
        _reference("opportunity_match", ondelete="SET NULL"),
        unique=True,
    ),
    sa.Column("meeting_id", sa.Integer),
    sa.Column("office_id", sa.Integer, _reference("office", ondelete="SET NULL"), index=True),
    sa.Column(
        "officer_id", sa.Integer, _reference("user_account", ondelete="SET NULL"), index=True
    ),
    sa.Column("stage", sa.String(24), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("status_reason", sa.Text, nullable=False),
    sa.Column("dropped_on", sa.Date),
    sa.Column("agreement_type", sa.String(32)),
    sa.Column("expected_signing_on", sa.Date),
    sa.Column("signed_on", sa.Date),
    sa.Column("operational_on", sa.Date),
    sa.Column("currency", sa.String(3), nullable=False),
    *_figure_columns("projected"),
    *_figure_columns("outcome"),
    *_figure_columns("verified"),
    sa.Column("verification", sa.String(16), nullable=False),
    sa.Column("verified_on", sa.Date),
    sa.Column("sdgs", JsonList, nullable=False),
    sa.Column("countries", JsonList, nullable=False),
    sa.Column("isic_sections", JsonList, nullable=False),
    sa.Column("technology_areas", JsonList, nullable=False),
    sa.Column("direction", sa.String(16)),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("illustrative", sa.Boolean, nullable=False),
    sa.Column("opened_on", sa.Date, nullable=False, index=True),
    sa.Column("stage_since", sa.Date),
    sa.Column("last_interaction_on", sa.Date),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

deal_event = sa.Table(
    "deal_event",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "deal_id", sa.Integer, _reference("deal", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("from_value", sa.String(24)),
    sa.Column("to_value", sa.String(24), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("by_id", sa.Integer, _reference("user_account", ondelete="SET NULL")),
    sa.Column("by_label", sa.String(300), nullable=False),
)

interaction = sa.Table(
    "interaction",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("with_whom", sa.String(300), nullable=False),
    sa.Column("deal_id", sa.Integer, _reference("deal", ondelete="CASCADE"), index=True),
    sa.Column(
        "organisation_id", sa.Integer, _reference("organisation", ondelete="CASCADE"), index=True
    ),
    sa.Column("logged_by_id", sa.Integer, _reference("user_account", ondelete="SET NULL")),
    sa.Column("logged_by", sa.String(300), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    # Covers the results' count of a period's interactions by kind (of one office's deals):
    # read from the index alone, never the rows, even over millions of interactions.
    sa.Index("ix_interaction_occurred_on_kind", "occurred_on", "kind", "deal_id"),
)

deal_evidence = sa.Table(
    "deal_evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "deal_id", sa.Integer, _reference("deal", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("filename", sa.String(200), nullable=False),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("description", sa.String(500), nullable=False),
    sa.Column("uploaded_by_id", sa.Integer, _reference("user_account", ondelete="SET NULL")),
    sa.Column("uploaded_by", sa.String(300), nullable=False),
    sa.Column("uploaded_at", Timestamp, nullable=False),
)

deal_evidence_content = sa.Table(
    "deal_evidence_content",
    metadata,
    sa.Column(
        "evidence_id",
        sa.Integer,
        _reference("deal_evidence", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

deal_submission = sa.Table(
    "deal_submission",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "deal_id", sa.Integer, _reference("deal", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("stage", sa.String(24), nullable=False),
    sa.Column("outcome", JsonList, nullable=False),
    sa.Column("checklist", JsonList, nullable=False),
    sa.Column("evidence_ids", JsonList, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("submitted_by_id", sa.Integer, _reference("user_account", ondelete="SET NULL")),
    sa.Column("submitted_by", sa.String(300), nullable=False),
    sa.Column("submitted_at", Timestamp, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("reviewed_by_id", sa.Integer, _reference("user_account", ondelete="SET NULL")),
    sa.Column("reviewed_by", sa.String(300), nullable=False),
    sa.Column("reviewed_at", Timestamp),
    sa.Column("review_reason", sa.Text, nullable=False),
)

deal_confirmation = sa.Table(
    "deal_confirmation",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "deal_id", sa.Integer, _reference("deal", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column(
        "organisation_id",
        sa.Integer,
        _reference("organisation", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("expires_at", Timestamp, nullable=False),
    sa.Column("used_at", Timestamp),
    sa.Column("confirmed", sa.Boolean),
    sa.Column("additionality", sa.String(16)),
    sa.Column("comment", sa.Text, nullable=False),
)
