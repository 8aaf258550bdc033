"""registry: organisations, opportunities, facets

Revision ID: 0001
Revises:
Create Date: 2026-11-27 21:58:43.810056
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("size", sa.String(length=16), nullable=True),
        sa.Column("isic_classes", JSON_LIST, nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("languages", JSON_LIST, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("external_id", name=op.f("uq_organisation_external_id")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_country"), ["country"], unique=False)

    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("teaser", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("isic_classes", JSON_LIST, nullable=False),
        sa.Column("technology_areas", JSON_LIST, nullable=False),
        sa.Column("sdgs", JSON_LIST, nullable=False),
        sa.Column("countries", JSON_LIST, nullable=False),
        sa.Column("trl", sa.SmallInteger(), nullable=True),
        sa.Column("min_trl", sa.SmallInteger(), nullable=True),
        sa.Column("cooperation_types", JSON_LIST, nullable=False),
        sa.Column("amount_min", sa.Float(precision=53), nullable=True),
        sa.Column("amount_max", sa.Float(precision=53), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("energy_mwh_per_year", sa.Float(precision=53), nullable=True),
        sa.Column("co2_tonnes_per_year", sa.Float(precision=53), nullable=True),
        sa.Column("disclosure", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "amount_min IS NULL OR amount_max IS NULL OR amount_min <= amount_max",
            name=op.f("ck_opportunity_amount_order"),
        ),
        sa.CheckConstraint(
            "min_trl IS NULL OR min_trl BETWEEN 1 AND 9", name=op.f("ck_opportunity_min_trl_range")
        ),
        sa.CheckConstraint(
            "trl IS NULL OR trl BETWEEN 1 AND 9", name=op.f("ck_opportunity_trl_range")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_opportunity_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
        sa.UniqueConstraint("external_id", name=op.f("uq_opportunity_external_id")),
    )
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.create_index("ix_opportunity_kind_status", ["kind", "status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opportunity_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "opportunity_facet",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_facet_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "opportunity_id", "facet", "value", name=op.f("pk_opportunity_facet")
        ),
    )
    with op.batch_alter_table("opportunity_facet", schema=None) as batch_op:
        batch_op.create_index(
            "ix_opportunity_facet_lookup", ["facet", "value", "opportunity_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("opportunity_facet", schema=None) as batch_op:
        batch_op.drop_index("ix_opportunity_facet_lookup")

    op.drop_table("opportunity_facet")
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_organisation_id"))
        batch_op.drop_index("ix_opportunity_kind_status")

    op.drop_table("opportunity")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_country"))

    op.drop_table("organisation")
