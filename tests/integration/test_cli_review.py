"""The review of profiles from the command line: submit, publish with every criterion,
send back with a reason, renew, and the desk; bad input named, nothing changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli

# The command line runs on the real clock: dates ahead of today, whenever the tests run.
SOON = (dt.date.today() + dt.timedelta(days=200)).isoformat()
LATER = (dt.date.today() + dt.timedelta(days=400)).isoformat()


def run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


@pytest.fixture
def ready(sqlite_url: str, tmp_path: Path) -> str:
    assert run(sqlite_url, "init").exit_code == 0
    document = {
        "organisations": [organisation_data()],
        "opportunities": [
            opportunity_data(status="draft"),
            opportunity_data(external_id="opp-2", title="Biogas for abattoirs", status="published"),
        ],
    }
    (tmp_path / "base.json").write_text(json.dumps(document))
    assert run(sqlite_url, "import", str(tmp_path / "base.json")).exit_code == 0
    return sqlite_url


def status(url: str, opportunity_id: int) -> str:
    shown = json.loads(run(url, "opportunities", "show", str(opportunity_id), "--json").output)
    return str(shown["status"])


def test_submit_then_publish_with_every_criterion(ready: str) -> None:
    submitted = run(ready, "opportunities", "submit", "1", "--json")
    assert submitted.exit_code == 0 and json.loads(submitted.output)["status"] == "in_review"
    desk = json.loads(run(ready, "review", "desk", "--json").output)
    assert [r["id"] for r in desk["in_review"]] == [1]
    assert any("details is shorter than" in f for f in desk["in_review"][0]["findings"])
    partial = run(ready, "opportunities", "publish", "1", "--confirm", "clear")
    assert partial.exit_code == 1
    assert "confirmed" in partial.output and "complete, specific, genuine" in partial.output
    assert status(ready, 1) == "in_review"
    done = run(ready, "opportunities", "publish", "1", "--all-criteria", "--valid-until", SOON)
    assert done.exit_code == 0, done.output
    assert f"now published, valid until {SOON}" in done.output
    assert status(ready, 1) == "published"


def test_send_back_needs_criteria_and_a_reason(ready: str) -> None:
    refused = run(ready, "opportunities", "send-back", "2")
    assert refused.exit_code == 1
    assert "wanting" in refused.output and "reason" in refused.output
    assert status(ready, 2) == "published"
    back = run(
        ready,
        "opportunities",
        "send-back",
        "2",
        "--wanting",
        "specific",
        "--reason",
        "Name the animals and the tonnes of waste a day.",
    )
    assert back.exit_code == 0 and status(ready, 2) == "draft"


def test_renew_and_steps_out_of_turn(ready: str) -> None:
    early = run(ready, "opportunities", "renew", "1", "--valid-until", SOON)
    assert early.exit_code == 1 and "is not renewed" in early.output
    unknown = run(ready, "opportunities", "publish", "1", "--confirm", "pretty")
    assert unknown.exit_code == 2 and "pretty" in unknown.output
    missing = run(ready, "opportunities", "submit", "99")
    assert missing.exit_code == 1
    renewed = run(ready, "opportunities", "renew", "2", "--valid-until", LATER, "--json")
    assert renewed.exit_code == 0 and json.loads(renewed.output)["valid_until"] == LATER
    table = run(ready, "review", "desk")
    assert table.exit_code == 0 and "Submitted for review (0)" in table.output
