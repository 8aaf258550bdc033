"""A PostgreSQL server for the tests: ITPO_TEST_POSTGRES_URL when set, else one started from the
`pgserver` package (PostgreSQL 16, no root needed). Each test gets a database of its own."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

_server: Any = None


def admin_url() -> str:
    """An URL with the right to create databases."""
    configured = os.environ.get("ITPO_TEST_POSTGRES_URL")
    if configured:
        return configured
    global _server
    if _server is None:
        import pgserver  # type: ignore[attr-defined,unused-ignore]

        folder = os.path.join(tempfile.gettempdir(), "itpo-test-pgdata")
        _server = pgserver.get_server(  # type: ignore[attr-defined,unused-ignore]
            folder, cleanup_mode="stop"
        )
    uri: str = _server.get_uri()
    return uri.replace("postgresql://", "postgresql+psycopg://", 1)


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    admin = sa.make_url(admin_url())
    name = f"itpo_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()
