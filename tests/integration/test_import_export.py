"""Import and export through real files and real databases: all or nothing, no duplicates."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.files.excel_files import write_template
from itpo.adapters.files.formats import read_batch, write_records
from itpo.bootstrap import Platform
from itpo.registry.exporting import export_records
from itpo.registry.importing import ImportFailed, import_records

NEED_COLUMNS = ["external_id", "kind", "organisation", "title", "teaser", "language",
                "countries", "isic_classes", "sdgs", "min_trl", "amount_min", "amount_max",
                "currency", "status"]  # fmt: skip


def write_json_file(path: Path, **extra: Any) -> Path:
    document = {"organisations": [organisation_data()], "opportunities": [opportunity_data()]}
    path.write_text(json.dumps(document | extra), encoding="utf-8")
    return path


def need(row: int, **changes: str) -> list[str]:
    values = {
        "external_id": f"need-{row}",
        "kind": "technology_need",
        "organisation": "org-sh-1",
        "title": f"Cold storage for fish landing site {row}",
        "teaser": "Solar cold room.",
        "language": "en",
        "countries": "KEN;UGA",
        "isic_classes": "1020",
        "sdgs": "2;14",
        "min_trl": "7",
        "amount_min": "20000",
        "amount_max": "80000",
        "currency": "USD",
        "status": "published",
    } | changes
    return [values[c] for c in NEED_COLUMNS]


def write_needs_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(NEED_COLUMNS)
        writer.writerows(rows)
    return path


def load(platform: Platform, path: Path, dry_run: bool = False) -> Any:
    return import_records(by=OPERATOR, uow=platform.uow(), batch=read_batch(path), dry_run=dry_run)


def snapshot(platform: Platform) -> Any:
    organisations, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    return json.dumps([organisations, opportunities], default=str, sort_keys=True)


def test_a_csv_with_one_bad_row_changes_nothing_and_names_row_and_field(
    platform: Platform, tmp_path: Path
) -> None:
    load(platform, write_json_file(tmp_path / "base.json"))
    before = snapshot(platform)
    rows = [need(2), need(3), need(4, countries="KEN;Kenya-ish"), need(5)]
    with pytest.raises(ImportFailed) as caught:
        load(platform, write_needs_csv(tmp_path / "needs.csv", rows))
    [error] = caught.value.errors
    assert (error.row, error.field) == (4, "countries")
    assert "row 4, countries: 'Kenya-ish' is not an ISO 3166 country code" in str(error)
    assert snapshot(platform) == before


def test_a_failure_while_writing_rolls_back_everything(platform: Platform, tmp_path: Path) -> None:
    load(platform, write_json_file(tmp_path / "base.json"))
    before = snapshot(platform)
    batch = read_batch(write_needs_csv(tmp_path / "needs.csv", [need(2), need(3)]))
    calls = 0

    def crash_after_validation(_count: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:  # validation ticks twice; the third tick is the first written chunk
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_records(
            by=OPERATOR, uow=platform.uow(), batch=batch, progress=crash_after_validation
        )
    assert snapshot(platform) == before


def test_reimporting_the_same_csv_does_not_duplicate(platform: Platform, tmp_path: Path) -> None:
    load(platform, write_json_file(tmp_path / "base.json"))
    path = write_needs_csv(tmp_path / "needs.csv", [need(2), need(3, external_id="")])
    first, second = load(platform, path), load(platform, path)
    assert first.opportunities_created == 2
    # The same file again says nothing new: nothing is written, nothing counted as updated.
    assert (second.opportunities_created, second.opportunities_updated) == (0, 0)
    assert second.opportunities_unchanged == 2
    _, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    assert len(opportunities) == 3
    changed = write_needs_csv(
        tmp_path / "changed.csv", [need(2, title="A new title"), need(3, external_id="")]
    )
    third = load(platform, changed)
    assert (third.opportunities_updated, third.opportunities_unchanged) == (1, 1)
    _, after = export_records(by=OPERATOR, uow=platform.uow())
    stamps = {o["external_id"]: o["updated_at"] for o in opportunities}
    kept = [o for o in after if o["title"] != "A new title"]
    assert all(o["updated_at"] == stamps[o["external_id"]] for o in kept)


def test_a_dry_run_validates_and_writes_nothing(platform: Platform, tmp_path: Path) -> None:
    before = snapshot(platform)
    report = load(platform, write_json_file(tmp_path / "base.json"), dry_run=True)
    assert report.dry_run and report.opportunities_created == 1
    assert snapshot(platform) == before


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_an_export_imports_back_unchanged(platform: Platform, tmp_path: Path, suffix: str) -> None:
    load(platform, write_json_file(tmp_path / "base.json"))
    load(platform, write_needs_csv(tmp_path / "needs.csv", [need(2), need(3)]))
    organisations, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    path = tmp_path / f"export{suffix}"
    write_records(path, organisations, opportunities)
    report = load(platform, path)
    assert (report.opportunities_created, report.opportunities_updated) == (0, 0)
    assert (report.opportunities_unchanged, report.organisations_unchanged) == (3, 1)
    again_orgs, again_opps = export_records(by=OPERATOR, uow=platform.uow())
    assert strip(again_opps) == strip(opportunities)
    assert strip(again_orgs) == strip(organisations)


def strip(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "updated_at"} for r in rows]


def test_a_csv_export_of_opportunities_imports_back(platform: Platform, tmp_path: Path) -> None:
    load(platform, write_json_file(tmp_path / "base.json"))
    organisations, opportunities = export_records(by=OPERATOR, uow=platform.uow())
    write_records(tmp_path / "o.csv", organisations, opportunities)
    report = load(platform, tmp_path / "o.csv")
    assert (report.opportunities_updated, report.opportunities_unchanged) == (0, 1)


def test_the_excel_template_explains_every_field_and_lists_allowed_values(tmp_path: Path) -> None:
    write_template(tmp_path / "template.xlsx")
    workbook = load_workbook(tmp_path / "template.xlsx")
    assert {"organisations", "opportunities", "fields", "countries", "isic"} <= set(
        workbook.sheetnames
    )
    header = [c.value for c in workbook["opportunities"][1]]
    assert {"kind", "title", "countries", "valid_until"} <= set(header)
    kind_cell = workbook["opportunities"].cell(row=1, column=header.index("kind") + 1)
    assert "Required" in kind_cell.comment.text
    rules = [v.formula1 for v in workbook["opportunities"].data_validations.dataValidation]
    assert any("technology_offer" in rule for rule in rules)
    fields = list(workbook["fields"].iter_rows(values_only=True))
    assert ("opportunities", "sdgs") in {(r[0], r[1]) for r in fields}


def test_a_filled_in_template_imports(platform: Platform, tmp_path: Path) -> None:
    write_template(tmp_path / "t.xlsx")
    workbook = load_workbook(tmp_path / "t.xlsx")
    org_header = [c.value for c in workbook["organisations"][1]]
    org = organisation_data(isic_classes="2819", languages="zh")
    workbook["organisations"].append([org.get(str(name)) for name in org_header])
    header = [c.value for c in workbook["opportunities"][1]]
    row = dict(zip(NEED_COLUMNS, need(2), strict=True))
    workbook["opportunities"].append([row.get(str(name)) for name in header])
    workbook.save(tmp_path / "filled.xlsx")
    report = load(platform, tmp_path / "filled.xlsx")
    assert (report.organisations_created, report.opportunities_created) == (1, 1)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("x.txt", b"hello", "unsupported file type"),
        ("x.json", b"{not json", "not valid JSON"),
        ("x.json", b'{"opportunities": {}}', "must be a list"),
        ("x.xlsx", b"PK not really a zip", "not an Excel workbook"),
        ("x.csv", b"\xff\xfe\x00bad", "not UTF-8"),
        ("x.csv", b"", "no header row"),
        ("x.csv", b"title\n" + b"a" * 200_000 + b"\n", r"x.csv row 2 cannot be read as CSV: field"),
        ("x.csv", b"title\n" + b"a," * 600_000, r"x.csv line 2 is 1200000 characters long"),
    ],
)
def test_an_unreadable_file_is_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=reason):
        read_batch(path)
