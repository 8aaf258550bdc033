"""SQLite: a trigram full-text index over opportunity titles and teasers

Substring filters (`--q`) then read the index instead of every row, in any script: trigrams
need no word boundaries, so Chinese text is found as well as English. PostgreSQL keeps ILIKE.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Kept up to date by itpo.adapters.storage.text_index around each batch write.
STATEMENTS = [
    "CREATE VIRTUAL TABLE opportunity_text USING fts5(title, teaser, content='opportunity', "
    "content_rowid='id', tokenize='trigram')",
    "INSERT INTO opportunity_text(opportunity_text) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS opportunity_text")
