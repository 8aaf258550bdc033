"""A large import over the API, as an officer runs one against `itpo serve`: it reads and checks
on a worker thread, so every other request keeps its answer meanwhile, and a client that asks
for progress sees each step as it happens, the report last."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from tests.actors import OPERATOR
from tests.auth import administrator, bearer
from tests.records import organisation_data
from tests.serving import free_port, wait_until_serving

from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services

pytestmark = pytest.mark.slow
ROWS = 30_000
COLUMNS = ("kind", "organisation", "title", "teaser", "language", "countries", "status")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str], Path]]:
    """`itpo serve` over a database with one organisation, and an import file of many rows."""
    folder = tmp_path_factory.mktemp("import")
    settings = Settings(database_url=f"sqlite:///{folder / 'itpo.sqlite3'}", data_dir=folder)
    platform = bootstrap(settings, initialise=True)
    try:
        services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
        headers = bearer(platform, administrator(platform))
    finally:
        platform.close()
    rows = folder / "needs.csv"
    with rows.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for n in range(ROWS):
            writer.writerow(
                [
                    "technology_need",
                    "org-sh-1",
                    f"Cold store number {n}",
                    "A cold store for fish landed at the lake.",
                    "en",
                    "KEN",
                    "published",
                ]
            )
    env = os.environ | {
        "ITPO_DATABASE_URL": settings.resolved_database_url,
        "ITPO_DATA_DIR": str(folder),
    }
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "itpo", "serve", "--port", str(port)], env=env
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process)
        yield base, headers, rows
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_other_requests_are_answered_while_a_large_file_is_checked(
    served: tuple[str, dict[str, str], Path],
) -> None:
    base, headers, rows = served
    answered_meanwhile, waits = [], []
    started = time.monotonic()
    with (
        httpx.Client(base_url=base, headers=headers, timeout=300) as client,
        rows.open("rb") as upload,
        client.stream(
            "POST",
            "/api/v1/imports",
            params={"dry_run": "true", "progress": "true"},
            files={"file": ("needs.csv", upload, "text/csv")},
        ) as stream,
    ):
        assert stream.status_code == 200
        lines = stream.iter_lines()
        assert json.loads(next(lines)) == {"stage": "reading"}
        # The import is under way and its answer still open: others are answered all the same.
        for _ in range(3):
            asked = time.monotonic()
            health = httpx.get(f"{base}/api/v1/health", timeout=60)
            listing = httpx.get(f"{base}/api/v1/organisations", timeout=60)
            waits.append(time.monotonic() - asked)
            answered_meanwhile.append((health.status_code, listing.status_code))
        steps = [json.loads(line) for line in lines]
    took = time.monotonic() - started
    assert answered_meanwhile == [(200, 200)] * 3
    # Were the import on the event loop, the first request would wait for most of it.
    assert waits[0] < took / 4, (waits, took)
    *progress, last = steps
    assert last["stage"] == "done" and last["status"] == 200
    assert last["result"]["opportunities_created"] == ROWS and last["result"]["dry_run"]
    counted = [step["rows"] for step in progress]
    assert counted == sorted(counted) and counted[-1] >= ROWS


def test_a_refused_file_ends_its_progress_with_the_refusal(
    served: tuple[str, dict[str, str], Path], tmp_path: Path
) -> None:
    base, headers, _ = served
    bad = tmp_path / "bad.csv"
    bad.write_text(
        ",".join(COLUMNS) + "\ntechnology_need,org-nobody,Title,Teaser,en,KEN,published\n"
    )
    with bad.open("rb") as upload:
        answer = httpx.post(
            f"{base}/api/v1/imports",
            params={"progress": "true"},
            headers=headers,
            files={"file": ("bad.csv", upload, "text/csv")},
            timeout=60,
        )
    *_, last = [json.loads(line) for line in answer.text.splitlines()]
    assert last["stage"] == "refused" and last["status"] == 422
    assert last["detail"][0]["loc"][-1] == "organisation"
