"""interactions counted by period and kind from an index alone

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_interaction_occurred_on_kind", "interaction", ["occurred_on", "kind", "deal_id"]
    )
    op.drop_index("ix_interaction_occurred_on", table_name="interaction")


def downgrade() -> None:
    op.create_index("ix_interaction_occurred_on", "interaction", ["occurred_on"])
    op.drop_index("ix_interaction_occurred_on_kind", table_name="interaction")
