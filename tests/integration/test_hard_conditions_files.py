"""Hard conditions in import and export files (CSV, Excel, JSON), on SQLite and PostgreSQL: read
from their column, a bad value reported on its row and field with nothing written, and every
export imports back with the conditions unchanged."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.adapters.files.excel_files import write_template
from itpo.adapters.files.formats import read_batch, write_records
from itpo.bootstrap import Platform
from itpo.registry.exporting import export_records
from itpo.registry.importing import ImportFailed, import_records

COLUMNS = [
    "external_id",
    "kind",
    "organisation",
    "title",
    "teaser",
    "language",
    "countries",
    "cooperation_types",
    "amount_min",
    "amount_max",
    "currency",
    "hard_conditions",
]


def project(number: int, **changes: str) -> dict[str, str]:
    return {
        "external_id": f"project-{number}",
        "kind": "investment_project",
        "organisation": "org-sh-1",
        "title": f"Cassava starch plant {number}",
        "teaser": "A starch plant seeking equity.",
        "language": "en",
        "countries": "NGA;GHA",
        "cooperation_types": "equity;joint_venture",
        "amount_min": "1000000",
        "amount_max": "4000000",
        "currency": "USD",
        "hard_conditions": "",
    } | changes


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_json(path: Path, opportunities: list[dict[str, Any]]) -> Path:
    document = {"organisations": [organisation_data()], "opportunities": opportunities}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def load(platform: Platform, path: Path) -> Any:
    return import_records(by=OPERATOR, uow=platform.uow(), batch=read_batch(path))


def conditions(platform: Platform) -> dict[str, list[str]]:
    _, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    return {o["external_id"]: [c.value for c in o["hard_conditions"]] for o in opportunities}


def snapshot(platform: Platform) -> str:
    return json.dumps(export_records(by=OPERATOR, uow=platform.uow()), default=str)


@pytest.fixture
def owner(platform: Platform, tmp_path: Path) -> None:
    load(platform, write_json(tmp_path / "owner.json", []))


def failures(platform: Platform, path: Path) -> list[tuple[int | None, str, str]]:
    before = snapshot(platform)
    with pytest.raises(ImportFailed) as caught:
        load(platform, path)
    assert snapshot(platform) == before
    return [(e.row, e.field, e.message) for e in caught.value.errors]


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.usefixtures("owner")
def test_a_csv_column_of_hard_conditions_is_imported(platform: Platform, tmp_path: Path) -> None:
    rows = [
        project(2, hard_conditions="markets; amount"),
        project(3),
        project(4, hard_conditions="cooperation"),
    ]
    report = load(platform, write_csv(tmp_path / "projects.csv", rows))
    assert report.opportunities_created == 3
    assert conditions(platform) == {
        "project-2": ["markets", "amount"],
        "project-3": [],
        "project-4": ["cooperation"],
    }


@pytest.mark.usefixtures("owner")
def test_bad_conditions_in_a_csv_are_reported_on_their_rows_and_nothing_is_written(
    platform: Platform, tmp_path: Path
) -> None:
    rows = [
        project(2, hard_conditions="markets"),
        project(3, hard_conditions="markets;region"),
        project(4, hard_conditions="cooperation", cooperation_types=""),
        project(5, hard_conditions="amount", amount_min="", amount_max="", currency=""),
        project(6, hard_conditions="markets", countries=""),
    ]
    found = failures(platform, write_csv(tmp_path / "projects.csv", rows))
    assert found == [
        (3, "hard_conditions", "'region' is not one of: markets, cooperation, amount"),
        (4, "hard_conditions", "cooperation needs at least one type in cooperation_types"),
        (5, "hard_conditions", "amount needs amount_min or amount_max"),
        (6, "hard_conditions", "markets needs at least one country in countries"),
    ]


# --- Excel ------------------------------------------------------------------------------------


def test_the_excel_template_explains_the_column_and_lists_its_values(tmp_path: Path) -> None:
    write_template(tmp_path / "template.xlsx")
    workbook = load_workbook(tmp_path / "template.xlsx")
    header = [c.value for c in workbook["opportunities"][1]]
    cell = workbook["opportunities"].cell(row=1, column=header.index("hard_conditions") + 1)
    assert cell.comment is not None and "separated by ';'" in cell.comment.text
    rows = {(r[0], r[1]): r for r in workbook["fields"].iter_rows(values_only=True)}
    assert rows[("opportunities", "hard_conditions")][4] == "markets, cooperation, amount"


def _filled_template(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    write_template(tmp_path / "t.xlsx")
    workbook = load_workbook(tmp_path / "t.xlsx")
    org_header = [c.value for c in workbook["organisations"][1]]
    org = organisation_data(isic_classes="2819", languages="zh")
    workbook["organisations"].append([org.get(str(name)) for name in org_header])
    header = [c.value for c in workbook["opportunities"][1]]
    for row in rows:
        workbook["opportunities"].append([row.get(str(name)) for name in header])
    workbook.save(tmp_path / "filled.xlsx")
    return tmp_path / "filled.xlsx"


def test_a_filled_in_template_with_conditions_imports(platform: Platform, tmp_path: Path) -> None:
    path = _filled_template(tmp_path, [project(2, hard_conditions="markets;cooperation")])
    assert load(platform, path).opportunities_created == 1
    assert conditions(platform) == {"project-2": ["markets", "cooperation"]}


def test_a_bad_condition_in_a_workbook_is_reported_on_its_row(
    platform: Platform, tmp_path: Path
) -> None:
    rows = [project(2), project(3, hard_conditions="everywhere")]
    found = failures(platform, _filled_template(tmp_path, rows))
    assert found == [
        (3, "hard_conditions", "'everywhere' is not one of: markets, cooperation, amount")
    ]


# --- JSON -------------------------------------------------------------------------------------


def test_a_json_list_of_conditions_is_imported(platform: Platform, tmp_path: Path) -> None:
    offer = opportunity_data(hard_conditions=["cooperation", "markets"])
    load(platform, write_json(tmp_path / "offers.json", [offer]))
    assert conditions(platform) == {"opp-1": ["cooperation", "markets"]}


def test_bad_conditions_in_json_are_reported_on_their_items(
    platform: Platform, tmp_path: Path
) -> None:
    items = [
        opportunity_data(hard_conditions=["markets"]),
        opportunity_data(external_id="opp-2", hard_conditions=["anywhere"]),
        opportunity_data(
            external_id="opp-3",
            hard_conditions="amount",
            amount_min=None,
            amount_max=None,
            currency=None,
        ),
        opportunity_data(external_id="opp-4", hard_conditions={"markets": True}),
    ]
    found = failures(platform, write_json(tmp_path / "offers.json", items))
    assert found == [
        (2, "hard_conditions", "'anywhere' is not one of: markets, cooperation, amount"),
        (3, "hard_conditions", "amount needs amount_min or amount_max"),
        (4, "hard_conditions", "must be a list, got dict"),
    ]


# --- Export -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".csv"])
def test_an_export_imports_back_with_its_conditions(
    platform: Platform, tmp_path: Path, suffix: str
) -> None:
    offers = [
        opportunity_data(hard_conditions=["markets", "amount"]),
        opportunity_data(external_id="opp-2", title="Second dryer", hard_conditions=[]),
        opportunity_data(external_id="opp-3", title="Third dryer", hard_conditions=["cooperation"]),
    ]
    load(platform, write_json(tmp_path / "offers.json", offers))
    organisations, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    path = tmp_path / f"export{suffix}"
    write_records(path, organisations, opportunities)
    report = load(platform, path)
    # Every record reads back as it was stored: the conditions too, so nothing is rewritten.
    assert (report.opportunities_created, report.opportunities_updated) == (0, 0)
    assert report.opportunities_unchanged == 3
    assert conditions(platform) == {
        "opp-1": ["markets", "amount"],
        "opp-2": [],
        "opp-3": ["cooperation"],
    }


def test_a_csv_export_writes_the_conditions_as_one_cell(platform: Platform, tmp_path: Path) -> None:
    load(
        platform,
        write_json(
            tmp_path / "offers.json", [opportunity_data(hard_conditions=["markets", "amount"])]
        ),
    )
    organisations, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    write_records(tmp_path / "export.csv", organisations, opportunities)
    with (tmp_path / "export.csv").open(newline="", encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["hard_conditions"] == "markets;amount"
