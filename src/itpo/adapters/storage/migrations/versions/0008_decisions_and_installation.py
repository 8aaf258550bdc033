"""who gave each match verdict, which records a bulk import made, and the installation's secret

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("match_decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decided_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("decided_by", sa.String(300), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            "fk_match_decision_decided_by_id_user_account",
            "user_account",
            ["decided_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Records stored before this revision count as not imported: an import asks before it
    # renames or moves one of them.
    for table in ("organisation", "opportunity"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("imported", sa.Boolean(), nullable=False, server_default=sa.false())
            )
    secret = op.create_table(
        "installation_secret",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
    )
    op.bulk_insert(secret, [{"name": "external_ids", "value": secrets.token_hex(32)}])


def downgrade() -> None:
    op.drop_table("installation_secret")
    for table in ("opportunity", "organisation"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("imported")
    with op.batch_alter_table("match_decision", schema=None) as batch_op:
        batch_op.drop_constraint("fk_match_decision_decided_by_id_user_account", type_="foreignkey")
        batch_op.drop_column("decided_by")
        batch_op.drop_column("decided_by_id")
