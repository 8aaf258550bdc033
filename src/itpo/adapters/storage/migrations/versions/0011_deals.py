"""deals from introduction to verified outcome, their log, interactions, evidence,
submissions for verification and the parties' confirmations

Revision ID: 0011
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "deal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("first_organisation_id", sa.Integer(), nullable=True),
        sa.Column("second_organisation_id", sa.Integer(), nullable=True),
        sa.Column("first_opportunity_id", sa.Integer(), nullable=True),
        sa.Column("second_opportunity_id", sa.Integer(), nullable=True),
        sa.Column("match_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("dropped_on", sa.Date(), nullable=True),
        sa.Column("agreement_type", sa.String(length=32), nullable=True),
        sa.Column("expected_signing_on", sa.Date(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("operational_on", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("projected_investment_committed", sa.Float(precision=53), nullable=True),
        sa.Column("projected_investment_realised", sa.Float(precision=53), nullable=True),
        sa.Column("projected_technology", sa.String(length=300), nullable=True),
        sa.Column("projected_technology_trl", sa.Integer(), nullable=True),
        sa.Column("projected_jobs_new", sa.Integer(), nullable=True),
        sa.Column("projected_jobs_safeguarded", sa.Integer(), nullable=True),
        sa.Column("projected_tco2_per_year", sa.Float(precision=53), nullable=True),
        sa.Column("outcome_investment_committed", sa.Float(precision=53), nullable=True),
        sa.Column("outcome_investment_realised", sa.Float(precision=53), nullable=True),
        sa.Column("outcome_technology", sa.String(length=300), nullable=True),
        sa.Column("outcome_technology_trl", sa.Integer(), nullable=True),
        sa.Column("outcome_jobs_new", sa.Integer(), nullable=True),
        sa.Column("outcome_jobs_safeguarded", sa.Integer(), nullable=True),
        sa.Column("outcome_tco2_per_year", sa.Float(precision=53), nullable=True),
        sa.Column("verified_investment_committed", sa.Float(precision=53), nullable=True),
        sa.Column("verified_investment_realised", sa.Float(precision=53), nullable=True),
        sa.Column("verified_technology", sa.String(length=300), nullable=True),
        sa.Column("verified_technology_trl", sa.Integer(), nullable=True),
        sa.Column("verified_jobs_new", sa.Integer(), nullable=True),
        sa.Column("verified_jobs_safeguarded", sa.Integer(), nullable=True),
        sa.Column("verified_tco2_per_year", sa.Float(precision=53), nullable=True),
        sa.Column("verification", sa.String(length=16), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("sdgs", JSON_LIST, nullable=False),
        sa.Column("countries", JSON_LIST, nullable=False),
        sa.Column("isic_sections", JSON_LIST, nullable=False),
        sa.Column("technology_areas", JSON_LIST, nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("stage_since", sa.Date(), nullable=True),
        sa.Column("last_interaction_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_deal_first_opportunity_id_opportunity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["first_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_deal_first_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["opportunity_match.id"],
            name=op.f("fk_deal_match_id_opportunity_match"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_deal_office_id_office"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["user_account.id"],
            name=op.f("fk_deal_officer_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["second_opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_deal_second_opportunity_id_opportunity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["second_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_deal_second_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal")),
        sa.UniqueConstraint("match_id", name=op.f("uq_deal_match_id")),
    )
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deal_first_organisation_id"), ["first_organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deal_office_id"), ["office_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_deal_officer_id"), ["officer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_deal_opened_on"), ["opened_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_deal_second_organisation_id"), ["second_organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deal_stage"), ["stage"], unique=False)
        batch_op.create_index(batch_op.f("ix_deal_status"), ["status"], unique=False)

    op.create_table(
        "deal_confirmation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=True),
        sa.Column("additionality", sa.String(length=16), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_deal_confirmation_deal_id_deal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_deal_confirmation_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_confirmation")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_deal_confirmation_token_hash")),
    )
    with op.batch_alter_table("deal_confirmation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_confirmation_deal_id"), ["deal_id"], unique=False)

    op.create_table(
        "deal_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_value", sa.String(length=24), nullable=True),
        sa.Column("to_value", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("by_label", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_id"],
            ["user_account.id"],
            name=op.f("fk_deal_event_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_event_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_event")),
    )
    with op.batch_alter_table("deal_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_event_deal_id"), ["deal_id"], unique=False)

    op.create_table(
        "deal_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_by", sa.String(length=300), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_evidence_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["user_account.id"],
            name=op.f("fk_deal_evidence_uploaded_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_evidence")),
    )
    with op.batch_alter_table("deal_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_evidence_deal_id"), ["deal_id"], unique=False)

    op.create_table(
        "deal_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=24), nullable=False),
        sa.Column("outcome", JSON_LIST, nullable=False),
        sa.Column("checklist", JSON_LIST, nullable=False),
        sa.Column("evidence_ids", JSON_LIST, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column("submitted_by", sa.String(length=300), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=300), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_deal_submission_deal_id_deal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["user_account.id"],
            name=op.f("fk_deal_submission_reviewed_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_id"],
            ["user_account.id"],
            name=op.f("fk_deal_submission_submitted_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_submission")),
    )
    with op.batch_alter_table("deal_submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_submission_deal_id"), ["deal_id"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("with_whom", sa.String(length=300), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("logged_by", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_interaction_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"],
            ["user_account.id"],
            name=op.f("fk_interaction_logged_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_interaction_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interaction_deal_id"), ["deal_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interaction_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "deal_evidence_content",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["deal_evidence.id"],
            name=op.f("fk_deal_evidence_content_evidence_id_deal_evidence"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evidence_id", name=op.f("pk_deal_evidence_content")),
    )


def downgrade() -> None:
    op.drop_table("deal_evidence_content")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_deal_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_occurred_on"))

    op.drop_table("interaction")
    with op.batch_alter_table("deal_submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_submission_deal_id"))

    op.drop_table("deal_submission")
    with op.batch_alter_table("deal_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_evidence_deal_id"))

    op.drop_table("deal_evidence")
    with op.batch_alter_table("deal_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_event_deal_id"))

    op.drop_table("deal_event")
    with op.batch_alter_table("deal_confirmation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_confirmation_deal_id"))

    op.drop_table("deal_confirmation")
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_status"))
        batch_op.drop_index(batch_op.f("ix_deal_stage"))
        batch_op.drop_index(batch_op.f("ix_deal_second_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_deal_opened_on"))
        batch_op.drop_index(batch_op.f("ix_deal_officer_id"))
        batch_op.drop_index(batch_op.f("ix_deal_office_id"))
        batch_op.drop_index(batch_op.f("ix_deal_first_organisation_id"))

    op.drop_table("deal")
