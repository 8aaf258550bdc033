"""A large import over the API, as an officer runs one against `itpo serve`: a client that asks
for progress sees each step as it happens, the report last; and the import reads and checks on a
worker thread, so every other request keeps its answer meanwhile."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import uvicorn
from tests.actors import OPERATOR
from tests.auth import administrator, bearer
from tests.records import organisation_data
from tests.serving import free_port, wait_until_serving

from itpo.adapters.api.routers import files
from itpo.adapters.app import create_app
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


def test_a_large_file_streams_its_progress_and_its_report_last(
    served: tuple[str, dict[str, str], Path],
) -> None:
    base, headers, rows = served
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
        first, *progress, last = [json.loads(line) for line in stream.iter_lines()]
    assert first == {"stage": "reading"}
    assert last["stage"] == "done" and last["status"] == 200
    assert last["result"]["opportunities_created"] == ROWS and last["result"]["dry_run"]
    counted = [step["rows"] for step in progress]
    assert counted == sorted(counted) and counted[-1] >= ROWS


def test_other_requests_are_answered_while_an_import_is_under_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import is held at its start until another request has had its answer: were the
    import on the event loop, that answer could never come and the request would time out."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'itpo.sqlite3'}", data_dir=tmp_path)
    platform = bootstrap(settings, initialise=True)
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    headers = bearer(platform, administrator(platform))
    answered = threading.Event()
    held_until_answered: list[bool] = []
    run_import = files._run_import

    def held(*args: Any) -> Any:
        held_until_answered.append(answered.wait(timeout=60))
        return run_import(*args)

    monkeypatch.setattr(files, "_run_import", held)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(platform=platform), host="127.0.0.1", port=port)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    row = "technology_need,org-sh-1,Cold store,A cold store for fish.,en,KEN,published"
    try:
        while not server.started:
            time.sleep(0.05)
        with (
            httpx.Client(base_url=base, headers=headers, timeout=120) as client,
            client.stream(
                "POST",
                "/api/v1/imports",
                params={"dry_run": "true", "progress": "true"},
                files={"file": ("needs.csv", ",".join(COLUMNS) + "\n" + row + "\n", "text/csv")},
            ) as stream,
        ):
            lines = stream.iter_lines()
            assert json.loads(next(lines)) == {"stage": "reading"}
            health = httpx.get(f"{base}/api/v1/health", timeout=30)
            listing = httpx.get(f"{base}/api/v1/organisations", timeout=30)
            answered.set()
            *_, last = [json.loads(line) for line in lines]
    finally:
        answered.set()
        server.should_exit = True
        thread.join(timeout=30)
        platform.close()
    assert (health.status_code, listing.status_code) == (200, 200)
    assert held_until_answered == [True]
    assert last["stage"] == "done" and last["result"]["opportunities_created"] == 1


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
