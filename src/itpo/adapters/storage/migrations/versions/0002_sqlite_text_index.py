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

STATEMENTS = [
    "CREATE VIRTUAL TABLE opportunity_text USING fts5(title, teaser, content='opportunity', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER opportunity_text_ai AFTER INSERT ON opportunity BEGIN "
    "INSERT INTO opportunity_text(rowid, title, teaser) VALUES (new.id, new.title, new.teaser); END",
    "CREATE TRIGGER opportunity_text_ad AFTER DELETE ON opportunity BEGIN "
    "INSERT INTO opportunity_text(opportunity_text, rowid, title, teaser) "
    "VALUES ('delete', old.id, old.title, old.teaser); END",
    "CREATE TRIGGER opportunity_text_au AFTER UPDATE OF title, teaser ON opportunity BEGIN "
    "INSERT INTO opportunity_text(opportunity_text, rowid, title, teaser) "
    "VALUES ('delete', old.id, old.title, old.teaser); "
    "INSERT INTO opportunity_text(rowid, title, teaser) VALUES (new.id, new.title, new.teaser); END",
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
    for trigger in ("opportunity_text_ai", "opportunity_text_ad", "opportunity_text_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS opportunity_text")
