"""Engines for SQLite (the embedded default) and PostgreSQL, and the schema's migrations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError


class DatabaseNotReady(RuntimeError):
    """The database is missing or its schema is behind the code."""


def create_engine(url: str) -> sa.Engine:
    """An engine with the settings each backend needs to be safe under concurrent use."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> sa.Engine:
    database = sa.make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, open transactions, so BEGIN covers the reads too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Listings read the facet index over and over: keep it in memory rather than in 2 MB.
        cursor.execute("PRAGMA cache_size=-32768")
        cursor.execute("PRAGMA mmap_size=268435456")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.get_execution_options().get("itpo_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _alembic_config(engine: sa.Engine) -> Config:
    config = Config()
    location = resources.files("itpo.adapters.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["engine"] = engine
    return config


def migrate(engine: sa.Engine) -> None:
    """Bring the schema up to the latest migration (creating it on a new database)."""
    command.upgrade(_alembic_config(engine), "head")


def schema_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: sa.Engine) -> str | None:
    return ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()


def known_revision(engine: sa.Engine, revision: str) -> bool:
    """Whether this version's migrations know the revision (a newer version's are unknown)."""
    try:
        found = ScriptDirectory.from_config(_alembic_config(engine)).get_revision(revision)
    except CommandError:
        return False
    return found is not None


def require_current_schema(engine: sa.Engine) -> None:
    """Refuse to work on a database that `itpo init` has not prepared."""
    current, head = schema_revision(engine), head_revision(engine)
    if current is None:
        raise DatabaseNotReady(
            f"no ITPO Exchange database at {engine.url.render_as_string(hide_password=True)}; "
            "run `itpo init` (or `itpo demo`) first"
        )
    if current != head:
        raise DatabaseNotReady(
            f"the database schema is at revision {current}, the code expects {head}; "
            "run `itpo init` to upgrade it"
        )
