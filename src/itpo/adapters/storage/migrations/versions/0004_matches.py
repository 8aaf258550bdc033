"""matches, decisions on them, and versions of the scoring weights

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "opportunity_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(precision=53), nullable=False),
        sa.Column("components", JSON, nullable=False),
        sa.Column("weights_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_opportunity_match_pair_order")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_match_first_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_match_second_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_match")),
        sa.UniqueConstraint("first_id", "second_id", name="uq_opportunity_match_pair"),
    )
    with op.batch_alter_table("opportunity_match", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_match_second_id"), ["second_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunity_match_state"), ["state"], unique=False)
    op.create_table(
        "match_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("components", JSON, nullable=False),
        sa.Column("weights_version", sa.Integer(), nullable=False),
        sa.Column("decided_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["opportunity_match.id"],
            name=op.f("fk_match_decision_match_id_opportunity_match"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_decision")),
    )
    with op.batch_alter_table("match_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_decision_match_id"), ["match_id"], unique=False)
    op.create_table(
        "scoring_weights",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("weights", JSON, nullable=False),
        sa.Column("decisions", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_scoring_weights")),
    )


def downgrade() -> None:
    op.drop_table("scoring_weights")
    with op.batch_alter_table("match_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_decision_match_id"))
    op.drop_table("match_decision")
    with op.batch_alter_table("opportunity_match", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_match_state"))
        batch_op.drop_index(batch_op.f("ix_opportunity_match_second_id"))
    op.drop_table("opportunity_match")
