"""`itpo events solve`: a plain scheduling problem in, a schedule out, with the solver's own
bound; bad files refused in one line naming the field."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from itpo.adapters.cli import cli
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
