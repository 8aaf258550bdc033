"""The one test of a second run that tests/test_postgres_runs.py starts beside its own: it
writes where its PostgreSQL server lives to ITPO_TEST_PROBE_REPORT, then passes, fails or waits
to be interrupted or killed, as ITPO_TEST_PROBE_ENDING says. Collected only when named."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.postgres import admin_url


def server_folder(url: str) -> str:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        folder = connection.exec_driver_sql("SHOW data_directory").scalar_one()
    engine.dispose()
    return str(folder)


def test_report_the_server_then_end_as_told() -> None:
    url = admin_url()
    folder = server_folder(url)
    postmaster = int((Path(folder) / "postmaster.pid").read_text().split()[0])
    report = {"url": url, "folder": folder, "postmaster": postmaster}
    destination = Path(os.environ["ITPO_TEST_PROBE_REPORT"])
    written = destination.with_suffix(".partial")
    written.write_text(json.dumps(report))
    written.replace(destination)
    ending = os.environ["ITPO_TEST_PROBE_ENDING"]
    if ending == "fails":
        pytest.fail("this run fails, as it was told to")
    if ending in ("is interrupted", "is killed"):
        time.sleep(120)
