"""A server killed with SIGKILL mid-import or mid-edit loses nothing it acknowledged and leaves
nothing half-written: a real server process, real HTTP, a real database, a real kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import sqlalchemy as sa
from tests.auth import administrator, bearer
from tests.serving import free_port, wait_until_serving

from itpo.adapters.storage.tables import opportunity, organisation
from itpo.bootstrap import bootstrap
from itpo.config import Settings

ITPO = [sys.executable, "-m", "itpo"]
IMPORT_ROWS = 6000


@pytest.fixture
def env(database_url: str, tmp_path: Path) -> dict[str, str]:
    env = os.environ | {"ITPO_DATABASE_URL": database_url, "ITPO_DATA_DIR": str(tmp_path)}
    done = subprocess.run([*ITPO, "init"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return env


@pytest.fixture
def officer(env: dict[str, str]) -> dict[str, str]:
    """Headers with an administrator's token: the writes below need one."""
    platform = bootstrap(Settings(database_url=env["ITPO_DATABASE_URL"]))
    try:
        return bearer(platform, administrator(platform))
    finally:
        platform.close()


@contextmanager
def server(env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = free_port()
    process = subprocess.Popen(
        [*ITPO, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process)
        yield process, base
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def kill(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def rows(env: dict[str, str], table: sa.Table) -> list[dict[str, Any]]:
    engine = sa.create_engine(env["ITPO_DATABASE_URL"])
    try:
        with engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(sa.select(table))]
    finally:
        engine.dispose()


def test_acknowledged_edits_survive_a_kill(env: dict[str, str], officer: dict[str, str]) -> None:
    acknowledged: dict[str, str] = {}
    with server(env) as (process, base):

        def create_many() -> None:
            with httpx.Client(base_url=base, timeout=10, headers=officer) as client:
                for number in range(100_000):
                    name = f"Cooperative {number}"
                    body = {
                        "name": name,
                        "kind": "company",
                        "country": "KEN",
                        "external_id": f"edit-{number}",
                    }
                    try:
                        answer = client.post("/api/v1/organisations", json=body)
                    except httpx.TransportError:
                        return  # the server is gone: this request was never acknowledged
                    if answer.status_code == 201:
                        acknowledged[f"edit-{number}"] = name

        writer = threading.Thread(target=create_many)
        writer.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        kill(process)  # while the writer is in the middle of its next request
        writer.join(timeout=30)
    assert len(acknowledged) >= 40
    stored = {row["external_id"]: row for row in rows(env, organisation)}
    for external_id, name in acknowledged.items():
        assert stored[external_id]["name"] == name, external_id
        assert stored[external_id]["country"] == "KEN"
    # At most the one request in flight may have landed unacknowledged, and whole.
    assert len(stored) - len(acknowledged) <= 1
    with server(env) as (_process, base):  # the database opens cleanly after the kill
        answer = httpx.get(f"{base}/api/v1/organisations", params={"limit": 1})
        assert answer.json()["total"] == len(stored)


def import_file() -> bytes:
    owner = {"external_id": "imp-org", "name": "Importing Org", "kind": "company", "country": "KEN"}
    needs = [
        {
            "external_id": f"imp-{n}",
            "kind": "technology_need",
            "organisation": "imp-org",
            "title": f"Need {n}",
            "teaser": f"A need for solar drying, number {n}.",
            "language": "en",
            "status": "published",
        }
        for n in range(IMPORT_ROWS)
    ]
    return json.dumps({"organisations": [owner], "opportunities": needs}).encode()


def wait_until_writing(env: dict[str, str], timeout: float = 60) -> None:
    """Return once the import is writing rows, so the kill lands inside its transaction: on
    SQLite the write-ahead log grows, on PostgreSQL an INSERT into opportunity is running."""
    url = env["ITPO_DATABASE_URL"]
    deadline = time.monotonic() + timeout
    if url.startswith("sqlite"):
        wal = Path(sa.make_url(url).database or "").with_name("itpo.sqlite3-wal")
        start = wal.stat().st_size if wal.exists() else 0
        while time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > start + 256 * 1024:
                return
            time.sleep(0.01)
        raise AssertionError("the import never started writing")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            while time.monotonic() < deadline:
                running = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                    "AND query ILIKE 'INSERT INTO opportunity%%'"
                ).scalar()
                if running:
                    return
                connection.rollback()
                time.sleep(0.01)
    finally:
        engine.dispose()
    raise AssertionError("the import never started writing")


def test_an_import_killed_midway_leaves_all_or_nothing(
    env: dict[str, str], officer: dict[str, str]
) -> None:
    payload = import_file()
    outcome: dict[str, Any] = {}
    with server(env) as (process, base):

        def upload() -> None:
            try:
                outcome["answer"] = httpx.post(
                    f"{base}/api/v1/imports",
                    files={"file": ("many.json", payload, "application/json")},
                    headers=officer,
                    timeout=300,
                )
            except httpx.TransportError as error:
                outcome["error"] = error

        uploader = threading.Thread(target=upload)
        uploader.start()
        wait_until_writing(env)
        kill(process)
        uploader.join(timeout=60)
    imported = [r for r in rows(env, opportunity) if str(r["external_id"]).startswith("imp-")]
    owners = [r for r in rows(env, organisation) if r["external_id"] == "imp-org"]
    answer = outcome.get("answer")
    if answer is not None and answer.status_code == 200:
        assert len(imported) == IMPORT_ROWS and len(owners) == 1  # acknowledged: all of it
    else:
        assert len(imported) in (0, IMPORT_ROWS) and len(owners) == (1 if imported else 0)
    if env["ITPO_DATABASE_URL"].startswith("sqlite"):
        engine = sa.create_engine(env["ITPO_DATABASE_URL"])
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            # The text index is written in the same transaction; FTS5 checks it against the
            # table and raises if they differ.
            connection.exec_driver_sql(
                "INSERT INTO opportunity_text(opportunity_text) VALUES ('integrity-check')"
            )
        engine.dispose()
    with server(env) as (_process, base):
        again = httpx.post(
            f"{base}/api/v1/imports",
            files={"file": ("many.json", payload, "application/json")},
            headers=officer,
            timeout=300,
        )
        assert again.status_code == 200, again.text
        total = httpx.get(f"{base}/api/v1/opportunities", params={"limit": 1}).json()["total"]
        assert total == IMPORT_ROWS
