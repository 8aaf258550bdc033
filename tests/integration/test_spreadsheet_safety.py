"""Text that looks like a spreadsheet formula is written as text, and exports import back unchanged:
through the `itpo` command and through the API, in CSV, Excel and JSON, on both databases."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli

API = "/api/v1"

# Each starts as a formula would (=, +, -, @), genuinely starts with the apostrophe that marks
# text, or looks like a number or an error value. Leading tabs and carriage returns are trimmed
# by the registry before they are stored, so they are tested on the cell rules alone.
DANGEROUS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
    "'=already marked as text",
    "'apostrophe first",
    "''two apostrophes",
    "-5",
    "#N/A",
]
FORMULA_LIKE = tuple("=+-@'")


def dangerous_document() -> dict[str, list[dict[str, Any]]]:
    organisations = [
        organisation_data(external_id=f"org-{n}", name=value, city=value, description=value)
        for n, value in enumerate(DANGEROUS)
    ]
    opportunities = [
        opportunity_data(
            external_id=f"opp-{n}",
            organisation=f"org-{n}",
            title=value,
            teaser=value,
            details=value,
        )
        for n, value in enumerate(DANGEROUS)
    ]
    # An organisation's own id may look like a formula too; its opportunities name it.
    organisations.append(organisation_data(external_id="-org", name="Minus Ltd", city="-"))
    opportunities.append(opportunity_data(external_id="=opp", organisation="-org"))
    return {"organisations": organisations, "opportunities": opportunities}


def without_update_times(document: dict[str, Any]) -> dict[str, Any]:
    return {
        section: [{k: v for k, v in row.items() if k != "updated_at"} for row in rows]
        for section, rows in document.items()
    }


def assert_stored_as_given(document: dict[str, Any]) -> None:
    organisations = {o["external_id"]: o for o in document["organisations"]}
    opportunities = {o["external_id"]: o for o in document["opportunities"]}
    for n, value in enumerate(DANGEROUS):
        assert (organisations[f"org-{n}"]["name"], organisations[f"org-{n}"]["city"]) == (
            value,
            value,
        )
        assert (opportunities[f"opp-{n}"]["title"], opportunities[f"opp-{n}"]["teaser"]) == (
            value,
            value,
        )


def assert_csv_marks_text(path: Path, columns: tuple[str, ...]) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
        assert row["id"].isdigit()
    by_id = {row["external_id"]: row for row in rows}
    assert by_id["'-org" if "name" in columns else "'=opp"]
    for n, value in enumerate(DANGEROUS):
        row = by_id.get(f"org-{n}") or by_id[f"opp-{n}"]
        expected = "'" + value if value.startswith(FORMULA_LIKE) else value
        assert [row[c] for c in columns] == [expected] * len(columns), row
        if "amount_min" in row:
            assert (row["amount_min"], row["amount_max"]) == ("50000", "250000")


def assert_no_formula_cells(path: Path) -> None:
    workbook = load_workbook(path)
    texts = 0
    for name in ("organisations", "opportunities"):
        for row in workbook[name].iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value in DANGEROUS:
                    assert cell.data_type == "s", (name, cell.coordinate, cell.value)
                    texts += 1
    assert texts >= 4 * len(DANGEROUS)


# Through the `itpo` command ----------------------------------------------------------------------


def run(url: str, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def cli_export(url: str, path: Path) -> dict[str, Any]:
    run(url, "export", str(path))
    return without_update_times(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture
def seeded_database(sqlite_url: str, tmp_path: Path) -> str:
    # The command runs on SQLite here (as in test_cli); the API tests below run on both.
    run(sqlite_url, "init")
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(dangerous_document()), encoding="utf-8")
    run(sqlite_url, "import", str(seed))
    return sqlite_url


def test_formula_like_text_survives_a_csv_export_and_import_by_the_command(
    seeded_database: str, tmp_path: Path
) -> None:
    before = cli_export(seeded_database, tmp_path / "before.json")
    assert_stored_as_given(before)
    organisations, opportunities = tmp_path / "organisations.csv", tmp_path / "opportunities.csv"
    run(seeded_database, "export", str(organisations), "--type", "organisations")
    run(seeded_database, "export", str(opportunities), "--type", "opportunities")
    assert_csv_marks_text(organisations, ("name", "city", "description"))
    assert_csv_marks_text(opportunities, ("title", "teaser", "details"))
    run(seeded_database, "import", str(organisations))
    run(seeded_database, "import", str(opportunities))
    assert cli_export(seeded_database, tmp_path / "after.json") == before


def test_formula_like_text_survives_an_excel_export_and_import_by_the_command(
    seeded_database: str, tmp_path: Path
) -> None:
    before = cli_export(seeded_database, tmp_path / "before.json")
    workbook = tmp_path / "export.xlsx"
    run(seeded_database, "export", str(workbook))
    assert_no_formula_cells(workbook)
    run(seeded_database, "import", str(workbook))
    assert cli_export(seeded_database, tmp_path / "after.json") == before


def test_formula_like_text_survives_a_json_export_and_import_by_the_command(
    seeded_database: str, tmp_path: Path
) -> None:
    before = cli_export(seeded_database, tmp_path / "before.json")
    assert_stored_as_given(before)
    run(seeded_database, "export", str(tmp_path / "export.json"))
    run(seeded_database, "import", str(tmp_path / "export.json"))
    assert cli_export(seeded_database, tmp_path / "after.json") == before


# Through the API --------------------------------------------------------------------------------


def upload(client: TestClient, name: str, content: bytes) -> None:
    answer = client.post(f"{API}/imports", files={"file": (name, content)})
    assert answer.status_code == 200, answer.text


def api_export(client: TestClient) -> dict[str, Any]:
    answer = client.get(f"{API}/exports/export.json")
    assert answer.status_code == 200
    return without_update_times(answer.json())


@pytest.fixture
def seeded_client(client: TestClient) -> TestClient:
    upload(client, "seed.json", json.dumps(dangerous_document()).encode())
    return client


@pytest.mark.parametrize(
    "names",
    [("organisations.csv", "opportunities.csv"), ("export.xlsx",), ("export.json",)],
    ids=["csv", "xlsx", "json"],
)
def test_formula_like_text_survives_an_export_and_import_over_the_api(
    seeded_client: TestClient, tmp_path: Path, names: tuple[str, ...]
) -> None:
    before = api_export(seeded_client)
    assert_stored_as_given(before)
    for name in names:
        answer = seeded_client.get(f"{API}/exports/{name}")
        assert answer.status_code == 200
        (tmp_path / name).write_bytes(answer.content)
    if names == ("export.xlsx",):
        assert_no_formula_cells(tmp_path / "export.xlsx")
    if names[0].endswith(".csv"):
        assert_csv_marks_text(tmp_path / "organisations.csv", ("name", "city", "description"))
        assert_csv_marks_text(tmp_path / "opportunities.csv", ("title", "teaser", "details"))
    for name in names:
        upload(seeded_client, name, (tmp_path / name).read_bytes())
    assert api_export(seeded_client) == before
