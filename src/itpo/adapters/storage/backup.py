"""Backups of the database taken while the app runs, and restores from them.

SQLite: the online backup API copies the whole database in one step inside a read
transaction, so the copy is the database as it stood when the step began (every write
committed before it, none after); writers go on meanwhile, as WAL lets them. PostgreSQL:
`pg_dump` in its custom format reads everything in one repeatable-read snapshot.

A restore replaces the database's content with the backup's (stop the server first), then
brings the schema up to date, so a backup of an older version restores too; a backup of a
newer version is refused. Nothing is changed when the file is not a backup this database can
take. The matching index is derived from the database and is rebuilt by the caller.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from itpo.adapters.storage.database import known_revision, migrate
from itpo.registry.errors import Conflict, FieldError, ValidationError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


@dataclass(frozen=True, slots=True)
class BackupMade:
    path: Path
    backend: str  # sqlite or postgresql
    bytes: int
    seconds: float
    revision: str | None  # the schema revision the backup holds


@dataclass(frozen=True, slots=True)
class RestoreDone:
    backend: str
    seconds: float
    revision_restored: str | None  # as in the backup
    revision_now: str | None  # after the upgrade to this version's schema


def _refused(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


def _backend(engine: sa.Engine) -> str:
    return "sqlite" if engine.url.get_backend_name() == "sqlite" else "postgresql"


def backup_database(
    engine: sa.Engine, target: Path, *, overwrite: bool = False, pg_bin: Path | None = None
) -> BackupMade:
    """Copy the database to `target` (written beside it first, then moved into place)."""
    if target.exists() and not overwrite:
        raise _refused("file", f"{target} exists already; choose another name or overwrite it")
    if not target.parent.is_dir():
        raise _refused("file", f"{target.parent} is not a folder")
    partial = target.with_name(target.name + ".partial")
    started = time.perf_counter()
    backend = _backend(engine)
    try:
        if backend == "sqlite":
            _sqlite_backup(_sqlite_path(engine), partial)
            revision = _sqlite_revision(partial)
        else:
            _run(
                _tool(pg_bin, "pg_dump"),
                ["--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"],
                engine,
            )
            with engine.connect() as connection:
                revision = _revision_of(connection)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return BackupMade(
        target, backend, target.stat().st_size, time.perf_counter() - started, revision
    )


def restore_database(engine: sa.Engine, source: Path, *, pg_bin: Path | None = None) -> RestoreDone:
    """Replace the database's content with the backup in `source`, then upgrade its schema."""
    if not source.is_file():
        raise _refused("file", f"{source} is not a file")
    started = time.perf_counter()
    backend = _backend(engine)
    with source.open("rb") as opened:
        magic = opened.read(len(SQLITE_MAGIC))
    if backend == "sqlite":
        if not magic.startswith(SQLITE_MAGIC):
            raise _refused("file", f"{source} is not an SQLite backup of this platform")
        revision = _checked_sqlite_backup(source, engine)
        with sqlite3.connect(source) as backup, sqlite3.connect(_sqlite_path(engine)) as live:
            backup.backup(live)
        engine.dispose()  # pooled connections saw the old content
    else:
        if not magic.startswith(PG_DUMP_MAGIC):
            raise _refused("file", f"{source} is not a pg_dump backup (custom format)")
        # One transaction: a backup that does not load leaves the database as it was.
        _run(
            _tool(pg_bin, "pg_restore"),
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                str(source),
            ],
            engine,
            database_flag="--dbname",
        )
        engine.dispose()
        with engine.connect() as connection:
            revision = _revision_of(connection)
        if revision is not None and not known_revision(engine, revision):
            raise _refused("file", f"the backup's schema {revision} is newer than this version")
    migrate(engine)
    with engine.connect() as connection:
        now = _revision_of(connection)
    return RestoreDone(backend, time.perf_counter() - started, revision, now)


def _sqlite_path(engine: sa.Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise _refused("database", "an in-memory database has nothing to back up")
    return Path(database)


def _sqlite_backup(database: Path, target: Path) -> None:
    if not database.is_file():
        raise _refused("database", f"{database} does not exist")
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        # pages=-1: the whole database in one step, one read transaction, one consistent state.
        source.backup(copy, pages=-1)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        result = copy.execute("PRAGMA integrity_check").fetchone()
        if result is None or result[0] != "ok":
            raise Conflict(f"the copy failed its integrity check: {result}")
    finally:
        copy.close()
        source.close()


def _checked_sqlite_backup(source: Path, engine: sa.Engine) -> str | None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as backup:
            result = backup.execute("PRAGMA integrity_check").fetchone()
            tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as broken:
        raise _refused("file", f"{source} is not a readable SQLite database: {broken}") from None
    if result is None or result[0] != "ok":
        raise _refused("file", f"{source} fails SQLite's integrity check: {result}")
    if "alembic_version" not in tables:
        raise _refused("file", f"{source} is not a backup of this platform (no schema version)")
    revision = _sqlite_revision(source)
    if revision is not None and not known_revision(engine, revision):
        raise _refused("file", f"the backup's schema {revision} is newer than this version")
    return revision


def _sqlite_revision(path: Path) -> str | None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _revision_of(connection: sa.Connection) -> str | None:
    try:
        row = connection.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    except sa.exc.DBAPIError:
        return None
    return str(row[0]) if row else None


def _tool(folder: Path | None, name: str) -> str:
    """The PostgreSQL client program: in `folder` when given, else on the PATH."""
    found = str(folder / name) if folder is not None else shutil.which(name)
    if found is None or not Path(found).is_file():
        where = folder if folder is not None else "the PATH"
        raise _refused("pg_bin", f"no {name} in {where}: install PostgreSQL's client programs")
    return found


def _run(
    program: str, arguments: list[str], engine: sa.Engine, *, database_flag: str = "--dbname"
) -> None:
    """A libpq program against the engine's database, the password in the environment (never
    on a command line others may read)."""
    url = engine.url.set(drivername="postgresql")
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    address = url.set(password=None).render_as_string(hide_password=False)
    done = subprocess.run(
        [program, f"{database_flag}={address}", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise Conflict(f"{Path(program).name} failed: {done.stderr.strip()[:2000]}")
