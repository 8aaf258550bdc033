"""`itpo diagnostics` on a real database: the questionnaire, a diagnostic taken from a file and
shown, listed and written as PDF and HTML; bad files named by field, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader
from tests.diagnostics import answers
from tests.records import organisation_data

from itpo.adapters.cli import cli


def run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


@pytest.fixture
def ready(sqlite_url: str, tmp_path: Path) -> str:
    assert run(sqlite_url, "init").exit_code == 0
    firm = organisation_data(
        name="Hai Phong Precision Garment", country="VNM", isic_classes=["1410"]
    )
    (tmp_path / "firm.json").write_text(json.dumps({"organisations": [firm]}))
    assert run(sqlite_url, "import", str(tmp_path / "firm.json")).exit_code == 0
    return sqlite_url


def test_the_questionnaire_is_printed_in_either_language(ready: str) -> None:
    english = run(ready, "diagnostics", "questionnaire")
    assert english.exit_code == 0 and "connectivity_shop_floor" in english.output
    chinese = run(ready, "diagnostics", "questionnaire", "--lang", "zh")
    assert "互联互通：车间" in chinese.output
    whole = json.loads(run(ready, "diagnostics", "questionnaire", "--json").output)
    assert len(whole["dimensions"]) == 16


def test_a_diagnostic_is_taken_from_a_file_shown_listed_and_reported(
    ready: str, tmp_path: Path
) -> None:
    sheet = tmp_path / "diagnostic.json"
    sheet.write_text(
        json.dumps({"organisation_id": 1, "taken_on": "2026-09-01", "answers": answers(2)})
    )
    taken = run(ready, "diagnostics", "take", str(sheet))
    assert taken.exit_code == 0, taken.output
    assert "Diagnostic 1 of Hai Phong Precision Garment is submitted" in taken.output
    assert "draft need 1: Supply chain visibility and demand forecasting" in taken.output
    shown = json.loads(run(ready, "diagnostics", "show", "1", "--json").output)
    assert shown["sector"] == "textiles_apparel" and len(shown["needs"]) == 3
    assert "Why it matters" in run(ready, "diagnostics", "show", "1").output
    listed = json.loads(run(ready, "diagnostics", "list", "--json").output)
    assert [(d["id"], d["overall"]) for d in listed] == [(1, 2.0)]
    pdf, html = tmp_path / "report.pdf", tmp_path / "report.html"
    written = run(ready, "diagnostics", "report", "1", "--pdf", str(pdf), "--html", str(html))
    assert written.exit_code == 0, written.output
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Hai Phong Precision Garment" in text and "Automation: shop floor" in text
    assert "<svg" in html.read_text(encoding="utf-8")
    assert run(ready, "diagnostics", "report", "1").exit_code != 0  # no file asked for


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (
            json.dumps({"organisation_id": 1, "answers": answers(2, operations=6)}),
            "answers.operations",
        ),
        (json.dumps({"organisation_id": 1, "answers": answers(2, smell=1)}), "answers.smell"),
        (json.dumps({"organisation_id": "one", "answers": answers(2)}), "organisation_id"),
        (json.dumps({"organisation_id": 1, "answers": answers(2), "taken_on": "soon"}), "taken_on"),
        ("not json", "file"),
        ("[1, 2]", "file"),
    ],
)
def test_a_bad_file_is_named_and_nothing_is_written(
    ready: str, tmp_path: Path, content: str, named: str
) -> None:
    sheet = tmp_path / "bad.json"
    sheet.write_text(content)
    refused = run(ready, "diagnostics", "take", str(sheet))
    assert refused.exit_code == 1 and named in refused.output
    assert json.loads(run(ready, "diagnostics", "list", "--json").output) == []
