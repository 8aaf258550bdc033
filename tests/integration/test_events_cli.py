"""`itpo events solve`: a plain scheduling problem in, a schedule out, with the solver's own
bound; bad files refused in one line naming the field."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from pypdf import PdfReader
from tests.deals import introduced_world

from itpo.adapters.cli import cli
from itpo.bootstrap import Platform
from itpo.events.checker import violations
from itpo.events.problem import Meeting, problem_from_dict

PROBLEM = {
    "slots": 4,
    "tables": 2,
    "participants": [
        {"id": "p1", "available": [0, 1, 3]},
        {"id": "p2", "available": [1, 2, 3]},
        {"id": "p3", "available": [0, 1, 2, 3]},
        {"id": "p4", "available": [3]},
    ],
    "requests": [
        {"a": "p1", "b": "p2", "weight": 2},
        {"a": "p1", "b": "p3", "weight": 1},
        {"a": "p4", "b": "p3", "weight": 3},
        {"a": "p2", "b": "p3", "weight": 1},
    ],
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_problem_is_solved_to_its_optimum_and_written_out(tmp_path: Path) -> None:
    problem_file = tmp_path / "problem.json"
    problem_file.write_text(json.dumps(PROBLEM))
    output = tmp_path / "schedule.json"
    answered = run(
        "events", "solve", str(problem_file), "--seconds", "5", "--json", "--output", str(output)
    )
    assert answered.exit_code == 0, answered.output
    summary = json.loads(answered.output)
    assert summary["status"] == "optimal"
    assert summary["objective"] == summary["bound"] == 7
    assert summary["meetings"] == 4 and summary["seconds"] < 5
    written = json.loads(output.read_text())["meetings"]
    meetings = [Meeting(**m) for m in written]
    assert violations(problem_from_dict(PROBLEM), meetings) == []
    assert {"a", "b", "slot", "table"} == set(written[0])
    shown = run("events", "solve", str(problem_file), "--seconds", "2")
    assert shown.exit_code == 0 and "optimal: 4 meetings of weight 7.00" in shown.output


def test_a_bad_problem_file_is_refused_naming_the_field(tmp_path: Path) -> None:
    problem_file = tmp_path / "problem.json"
    bad = dict(PROBLEM, requests=[{"a": "p1", "b": "p9", "weight": 1}])
    problem_file.write_text(json.dumps(bad))
    refused = run("events", "solve", str(problem_file))
    assert refused.exit_code == 1 and "requests[0].b" in refused.output
    assert "Traceback" not in refused.output
    problem_file.write_text("{not json")
    broken = run("events", "solve", str(problem_file))
    assert broken.exit_code == 1 and "problem" in broken.output and "JSON" in broken.output


def test_an_event_is_run_from_the_command_line(platform: Platform, tmp_path: Path) -> None:
    world = introduced_world(platform)
    database = platform.settings.database_url
    assert database is not None

    def itpo(*args: str) -> Result:
        environment = {"ITPO_DATA_DIR": str(platform.settings.data_dir)}
        return CliRunner(env=environment).invoke(
            cli, ["--db", database, *args], catch_exceptions=False
        )

    event_file = tmp_path / "forum.json"
    event_file.write_text(json.dumps(FORUM))
    made = itpo("events", "create", str(event_file), "--json")
    assert made.exit_code == 0, made.output
    created = json.loads(made.output)
    assert created["slots"] == 6
    event_id = str(created["id"])
    for organisation in (world.kenya, world.china):
        registered = itpo(
            "events",
            "register",
            event_id,
            "--organisation",
            str(organisation),
            "--attendee",
            "A person",
        )
        assert registered.exit_code == 0, registered.output
    asked = itpo("events", "request", "--from", "1", "--to", "2", "--priority", "3")
    assert "Request 1: pending." in asked.output
    refused = itpo("events", "answer", "1", "--decline")
    assert refused.exit_code == 1 and "reason" in refused.output  # a decline says why
    assert "accepted" in itpo("events", "answer", "1", "--accept").output
    assert "0 requests expired" in itpo("events", "expire", event_id).output
    closed = itpo("events", "registration", event_id, "--close")
    assert closed.exit_code == 0 and "closed" in closed.output
    shown = json.loads(itpo("events", "show", event_id, "--json").output)
    assert shown["registration_open"] is False
    scheduled = itpo("events", "schedule", event_id, "--seconds", "2", "--publish", "--json")
    assert json.loads(scheduled.output)["meetings"] == 1
    calendar_file = tmp_path / "agenda.ics"
    pdf_file = tmp_path / "agenda.pdf"
    agenda = itpo("events", "agenda", "1", "--ics", str(calendar_file), "--pdf", str(pdf_file))
    assert agenda.exit_code == 0 and "Pudong Solar Agritech" in agenda.output
    assert calendar_file.read_bytes().count(b"BEGIN:VEVENT") == 1
    assert "Pudong Solar Agritech" in PdfReader(pdf_file).pages[0].extract_text()
    bad = dict(FORUM, time_zone="Moon/Tranquility")
    event_file.write_text(json.dumps(bad))
    wrong = itpo("events", "create", str(event_file))
    assert wrong.exit_code == 1 and "time_zone" in wrong.output


FORUM = {
    "name": "Kenyan agro-processing delegation in Shanghai",
    "place": "ITPO Shanghai",
    "time_zone": "Asia/Shanghai",
    "sessions": [{"day": "2027-05-11", "start": "14:00", "end": "17:00"}],
    "slot_minutes": 30,
    "tables": 4,
}
