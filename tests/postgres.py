"""A PostgreSQL server for the tests: ITPO_TEST_POSTGRES_URL when set, else the run's own server.

A run (one pytest command) owns a fresh temporary folder named after its process; the first
test that needs PostgreSQL starts a server there from the `pgserver` package (PostgreSQL 16, no
root needed), and the run stops it and removes the folder when it ends, whether it passed,
failed or was interrupted. Under pytest-xdist the workers share the controller's folder and so
one server. Runs from other checkouts have folders and servers of their own and never stop
them; a run killed outright leaves its server running, and the next run, seeing the process
named in the folder gone, stops it and removes the folder. Each test gets a database of its
own."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

RUN_FOLDER_PREFIX = "itpo-test-pg-"

# A server thrown away at the end of the run need not survive a crash of the machine; without
# these, each test's DROP DATABASE waits on a checkpoint's disk flushes.
THROWAWAY_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


@dataclass
class _Run:
    folder: Path
    owner: bool
    server: Any = None


_run: _Run | None = None


def start_run() -> Path:
    """Make this process a run of its own, with a new folder for its server; returns the folder."""
    global _run
    if _run is None:
        stop_abandoned_servers()
        # Resolved, as pgserver names the folder so to the server it starts there.
        folder = Path(tempfile.mkdtemp(prefix=f"{RUN_FOLDER_PREFIX}{os.getpid()}-")).resolve()
        (folder / "pgdata").mkdir()
        _run = _Run(folder, owner=True)
        atexit.register(end_run)
    return _run.folder


def join_run(folder: Path) -> None:
    """Share the server of the run that owns `folder` (an xdist worker joins its controller)."""
    global _run
    if _run is None:
        _run = _Run(folder, owner=False)
        atexit.register(end_run)


def end_run() -> None:
    """Let go of the server; the run's owner stops whatever is left and removes the folder."""
    global _run
    run, _run = _run, None
    if run is None:
        return
    if run.server is not None:
        # pgserver counts the processes holding the server: the last one stops it.
        run.server.cleanup()
    if run.owner:
        _stop_server(run.folder / "pgdata")
        shutil.rmtree(run.folder, ignore_errors=True)


def admin_url() -> str:
    """An URL with the right to create databases."""
    configured = os.environ.get("ITPO_TEST_POSTGRES_URL")
    if configured:
        return configured
    if _run is None:
        start_run()
    assert _run is not None
    if _run.server is None:
        import pgserver  # type: ignore[attr-defined,unused-ignore]

        _run.server = pgserver.get_server(  # type: ignore[attr-defined,unused-ignore]
            _run.folder / "pgdata", cleanup_mode="delete"
        )
        _throw_away_durability(_server_url(_run.server))
    return _server_url(_run.server)


def _server_url(server: Any) -> str:
    uri: str = server.get_uri()
    return uri.replace("postgresql://", "postgresql+psycopg://", 1)


def _throw_away_durability(url: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for name, value in THROWAWAY_SETTINGS.items():
            connection.exec_driver_sql(f"ALTER SYSTEM SET {name} = {value}")
        connection.exec_driver_sql("SELECT pg_reload_conf()")
    engine.dispose()


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


def stop_abandoned_servers() -> None:
    """Stop the servers of runs whose process is gone, and remove their folders."""
    for folder in Path(tempfile.gettempdir()).resolve().glob(f"{RUN_FOLDER_PREFIX}*"):
        owner = _owner_pid(folder)
        if owner is None or _process_exists(owner):
            continue
        _stop_server(folder / "pgdata")
        shutil.rmtree(folder, ignore_errors=True)


def _owner_pid(folder: Path) -> int | None:
    pid, _, _ = folder.name.removeprefix(RUN_FOLDER_PREFIX).partition("-")
    return int(pid) if pid.isdigit() else None


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop_server(pgdata: Path) -> None:
    """Stop the server serving `pgdata`, if one runs."""
    postmaster = _running_postmaster(pgdata)
    if postmaster is None:
        return
    import pgserver  # type: ignore[attr-defined,unused-ignore]

    # As pgserver does: as root, the server runs as the system user it created for it.
    user = "pgserver" if os.geteuid() == 0 else None
    try:
        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)  # type: ignore[attr-defined,unused-ignore]
    except Exception:
        postmaster.kill()


def _running_postmaster(pgdata: Path) -> Any:
    """The postmaster process serving `pgdata`, or None."""
    if not (pgdata / "postmaster.pid").exists():
        return None
    from pgserver.utils import PostmasterInfo

    try:
        info = PostmasterInfo.read_from_pgdata(pgdata)
    except (AssertionError, ValueError, OSError):
        return None  # a server starting or stopping: not (yet) anyone's to stop
    process: Any = info.process if info is not None else None
    with contextlib.suppress(Exception):
        if process is not None and str(pgdata) in process.cmdline():
            return process
    return None


# Tests that ask for a database run once on each.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def database_on(backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database: a SQLite file in the folder, or a PostgreSQL database
    of the run's server, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'itpo.sqlite3'}"
        return
    with fresh_database() as url:
        yield url
