"""Each test run has a PostgreSQL server of its own, in a folder of its own, and ends only that
one: here a second run starts beside this one, as from another checkout, and ends by passing,
failing or an interrupt (Ctrl+C) while this run's server goes on serving. A run killed outright
cannot stop its server: the next run does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.postgres import admin_url, stop_abandoned_servers
from tests.postgres_probe import server_folder

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("postgres_probe.py")
# What would tie the second run to this one: pytest's, xdist's, coverage's and the test
# server's variables.
RUN_VARIABLES = ("PYTEST_", "ITPO_TEST_", "COV_CORE_", "COVERAGE_")
EXIT_CODES = {"passes": 0, "fails": 1, "is interrupted": 2, "is killed": -signal.SIGKILL}


def start_second_run(report: Path, ending: str) -> subprocess.Popen[str]:
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith(RUN_VARIABLES)
    }
    environment |= {"ITPO_TEST_PROBE_REPORT": str(report), "ITPO_TEST_PROBE_ENDING": ending}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PROBE)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_for_report(run: subprocess.Popen[str], report: Path) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while not report.exists():
        assert run.poll() is None, "the second run ended before it started its server"
        assert time.monotonic() < deadline, "the second run did not start its server"
        time.sleep(0.1)
    reported: dict[str, Any] = json.loads(report.read_text())
    return reported


def process_runs(pid: int) -> bool:
    """Whether `pid` is a live process; a stopped server waiting to be reaped (a zombie) is not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    state = stat.rsplit(")", 1)[1].split()[0]
    return state != "Z"


def serves(url: str) -> bool:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        answer = connection.exec_driver_sql("SELECT 1").scalar_one()
    engine.dispose()
    return bool(answer == 1)


@pytest.mark.parametrize("ending", list(EXIT_CODES))
def test_a_second_run_has_its_own_server_and_ends_only_that(tmp_path: Path, ending: str) -> None:
    ours = admin_url()
    report = tmp_path / "report.json"
    run = start_second_run(report, ending)
    try:
        theirs = wait_for_report(run, report)
        if ending == "is interrupted":
            # As Ctrl+C in a terminal does: the signal goes to the whole process group.
            os.killpg(run.pid, signal.SIGINT)
        if ending == "is killed":
            os.killpg(run.pid, signal.SIGKILL)
        output, _ = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert run.returncode == EXIT_CODES[ending], output
    assert theirs["folder"] != server_folder(ours)
    if ending == "is killed":
        assert process_runs(theirs["postmaster"])
        stop_abandoned_servers()
    assert not process_runs(theirs["postmaster"]), "the second run left its server running"
    assert not Path(theirs["folder"]).exists(), "the second run left its server's folder"
    assert serves(ours), "the second run stopped this run's server"
