"""`itpo deals ...`, `itpo interactions ...` and `itpo results`: a deal moved from the command
line, refusals as one line naming the fields, and the results as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from tests.deals import DealWorld, introduced_world

from itpo.adapters.cli import cli
from itpo.adapters.cli.deal_commands import INTERACTION_KINDS, STAGES, STATUSES, parse_assignments
from itpo.bootstrap import Platform
from itpo.pipeline.model import DealStatus, InteractionKind, Stage

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def run(platform: Platform, *args: str) -> Result:
    database = platform.settings.database_url
    assert database is not None
    environment = {"ITPO_DATA_DIR": str(platform.settings.data_dir)}
    return CliRunner(env=environment).invoke(cli, ["--db", database, *args], catch_exceptions=False)


def opened(platform: Platform, world: DealWorld) -> int:
    result = run(platform, "deals", "open", "--match", str(world.match), "--json")
    assert result.exit_code == 0, result.output
    deal_id: int = json.loads(result.output)["id"]
    return deal_id


def test_the_choices_are_the_pipelines_own() -> None:
    assert tuple(s.value for s in Stage) == STAGES
    assert tuple(s.value for s in DealStatus) == STATUSES
    assert tuple(k.value for k in InteractionKind) == INTERACTION_KINDS


def test_a_deal_moves_from_the_command_line(platform: Platform) -> None:
    world = introduced_world(platform)
    deal_id = opened(platform, world)

    refused = run(platform, "deals", "move", str(deal_id), "negotiating")
    assert refused.exit_code == 1
    assert "agreement_type" in refused.output and "expected_signing_on" in refused.output
    assert "Traceback" not in refused.output

    moved = run(
        platform,
        "deals",
        "move",
        str(deal_id),
        "negotiating",
        "--set",
        "agreement_type=licence",
        "--set",
        "expected_signing_on=2026-12-20",
    )
    assert moved.exit_code == 0, moved.output
    assert "negotiating" in moved.output
    signed = run(
        platform,
        "deals",
        "move",
        str(deal_id),
        "agreement_signed",
        "--set",
        "signed_on=2026-10-20",
        "--set",
        "outcome.investment_committed=250000",
        "--set",
        "outcome.technology=Solar tunnel dryer",
        "--json",
    )
    assert signed.exit_code == 0, signed.output
    assert json.loads(signed.output)["outcome"]["investment_committed_usd"] == 250000

    listed = run(platform, "deals", "list", "--stage", "agreement_signed", "--json")
    assert [d["id"] for d in json.loads(listed.output)["items"]] == [deal_id]

    held = run(platform, "deals", "status", str(deal_id), "on_hold")
    assert held.exit_code == 1 and "reason" in held.output
    held = run(platform, "deals", "status", str(deal_id), "on_hold", "--reason", "Awaiting permits")
    assert held.exit_code == 0, held.output
    shown = json.loads(run(platform, "deals", "show", str(deal_id), "--json").output)
    assert shown["status"] == "on_hold" and shown["stage"] == "agreement_signed"
    assert [e["to"] for e in shown["events"]][-1] == "on_hold"


def test_interactions_evidence_and_results(platform: Platform, tmp_path: Path) -> None:
    world = introduced_world(platform)
    deal_id = opened(platform, world)
    logged = run(
        platform,
        "interactions",
        "log",
        "--deal",
        str(deal_id),
        "--kind",
        "call",
        "--on",
        "2026-10-25",
        "--subject",
        "Installation schedule",
    )
    assert logged.exit_code == 0, logged.output
    listed = json.loads(
        run(platform, "interactions", "list", "--deal", str(deal_id), "--json").output
    )
    assert [i["subject"] for i in listed["items"]] == ["Installation schedule"]
    bad = run(
        platform, "interactions", "log", "--deal", str(deal_id), "--kind", "call", "--subject", " "
    )
    assert bad.exit_code == 1 and "subject" in bad.output

    document = tmp_path / "licence.pdf"
    document.write_bytes(PDF)
    filed = run(
        platform, "deals", "evidence", str(deal_id), str(document), "--kind", "signed_agreement"
    )
    assert filed.exit_code == 0 and "Filed evidence" in filed.output
    fake = tmp_path / "licence2.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf")
    refused = run(
        platform, "deals", "evidence", str(deal_id), str(fake), "--kind", "signed_agreement"
    )
    assert refused.exit_code == 1 and "file" in refused.output

    year = str(platform.today().year)
    table = run(platform, "results", "--year", year)
    assert table.exit_code == 0, table.output
    assert "investment_committed" in table.output and "introduced" in table.output
    figures = json.loads(run(platform, "results", "--year", year, "--json").output)
    assert figures["deals"] == 1 and figures["deals_by_stage"]["introduced"] == 1
    both = run(platform, "results", "--year", year, "--start", "2026-01-01")
    assert both.exit_code == 1 and "year" in both.output


def test_assignments_read_json_values_and_name_a_bad_one() -> None:
    assert parse_assignments(["jobs=3", "title=Dryers = good", "sdgs=[7, 9]"]) == {
        "jobs": 3,
        "title": "Dryers = good",
        "sdgs": [7, 9],
    }
    with pytest.raises(click.BadParameter, match="FIELD=VALUE"):
        parse_assignments(["no-equals"])
