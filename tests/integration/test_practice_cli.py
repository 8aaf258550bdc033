"""`itpo practices ...`: cases in and out of files, the review steps, the search, and a clear
line with a non-zero exit on every bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from tests.practices import case_data

from itpo.adapters.cli import cli


def run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


def test_cases_are_imported_reviewed_and_exported(sqlite_url: str, tmp_path: Path) -> None:
    assert run(sqlite_url, "init").exit_code == 0
    source = tmp_path / "cases.json"
    source.write_text(json.dumps({"cases": [case_data()]}), encoding="utf-8")
    checked = run(sqlite_url, "practices", "import", str(source), "--dry-run", "--json")
    assert json.loads(checked.output) == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "dry_run": True,
    }
    assert "1 cases were created" in run(sqlite_url, "practices", "import", str(source)).output
    listed = json.loads(run(sqlite_url, "practices", "list", "--json").output)
    assert [(c["status"], c["languages"]) for c in listed] == [("draft", "en,zh")]
    case_id = str(listed[0]["id"])
    assert "in_review" in run(sqlite_url, "practices", "submit", case_id).output
    refused = run(sqlite_url, "practices", "send-back", case_id, "--reason", "no")
    assert refused.exit_code == 1 and "reason" in refused.output
    published = json.loads(run(sqlite_url, "practices", "publish", case_id, "--json").output)
    assert published["status"] == "published"
    shown = run(sqlite_url, "practices", "show", case_id, "--lang", "zh")
    assert "太阳能干燥" in shown.output
    for suffix in (".csv", ".xlsx", ".json"):
        target = tmp_path / f"out{suffix}"
        assert run(sqlite_url, "practices", "export", str(target)).exit_code == 0
        again = run(sqlite_url, "practices", "import", str(target), "--dry-run", "--json")
        assert json.loads(again.output)["unchanged"] == 1, suffix
    assert run(sqlite_url, "practices", "template", str(tmp_path / "t.xlsx")).exit_code == 0


def test_a_bad_file_names_row_and_field_and_writes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    assert run(sqlite_url, "init").exit_code == 0
    source = tmp_path / "cases.json"
    bad = case_data(figures=[{"value": 5, "unit": " ", "source": 0, "label": {"en": "jobs"}}])
    source.write_text(json.dumps([bad]), encoding="utf-8")
    result = run(sqlite_url, "practices", "import", str(source))
    assert result.exit_code == 1
    assert "row 1" in result.output and "figures[0].unit" in result.output
    assert json.loads(run(sqlite_url, "practices", "list", "--json").output) == []
    missing = run(sqlite_url, "practices", "show", "99")
    assert missing.exit_code == 1 and "not found" in missing.output
