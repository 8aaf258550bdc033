"""Upkeep of SQLite's trigram index of opportunity titles and teasers (migration 0002).

The index is kept by set-based statements around each batch write rather than by row
triggers: per-row trigger upkeep made bulk imports several times slower. PostgreSQL has no
such index here, so every call is a no-op there.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

CHUNK = 500


def _applies(connection: sa.Connection) -> bool:
    return connection.dialect.name == "sqlite"


def _each_chunk(connection: sa.Connection, sql: str, ids: Sequence[int | None]) -> None:
    for start in range(0, len(ids), CHUNK):
        part = [i for i in ids[start : start + CHUNK] if i is not None]
        marks = ", ".join("?" * len(part))
        connection.exec_driver_sql(sql.format(marks=marks), tuple(part))


def add(connection: sa.Connection, ids: Sequence[int | None]) -> None:
    """Index the current title and teaser of these rows."""
    if _applies(connection):
        _each_chunk(
            connection,
            "INSERT INTO opportunity_text (rowid, title, teaser) "
            "SELECT id, title, teaser FROM opportunity WHERE id IN ({marks})",
            ids,
        )


def remove(connection: sa.Connection, ids: Sequence[int | None]) -> None:
    """Forget these rows; call before they change or go, while the old text is still there."""
    if _applies(connection):
        _each_chunk(
            connection,
            "INSERT INTO opportunity_text (opportunity_text, rowid, title, teaser) "
            "SELECT 'delete', id, title, teaser FROM opportunity WHERE id IN ({marks})",
            ids,
        )


def rebuild(connection: sa.Connection) -> None:
    """Index every row again from the table, the source of truth."""
    if _applies(connection):
        connection.exec_driver_sql(
            "INSERT INTO opportunity_text (opportunity_text) VALUES ('rebuild')"
        )


def is_consistent(connection: sa.Connection) -> bool:
    """FTS5's own check that the index matches the table."""
    if not _applies(connection):
        return True
    try:
        connection.exec_driver_sql(
            "INSERT INTO opportunity_text (opportunity_text, rank) VALUES ('integrity-check', 1)"
        )
    except sa.exc.DatabaseError:
        return False
    return True
