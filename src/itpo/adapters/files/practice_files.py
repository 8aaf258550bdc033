"""Practice cases as files: JSON (the whole case as the API holds it), CSV and Excel (one row
a case, see `itpo.practice.flat`), and the Excel template with help on every column."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from itpo.adapters.files.archives import check_xlsx
from itpo.adapters.files.cells import csv_cell, looks_like_formula, read_csv_cell
from itpo.adapters.files.excel_files import _text_cell
from itpo.adapters.files.limits import MAX_ROWS, MAX_UNZIPPED_MB
from itpo.adapters.files.problems import FileProblem
from itpo.practice.flat import FIGURES_HELP, SOURCES_HELP, columns_for, document_of_row, flat_row
from itpo.practice.model import CaseStatus, Theme

FORMATS = (".csv", ".xlsx", ".json")
SHEET = "cases"
LANGUAGES = ("en", "zh")
HELP = {
    "external_id": "Your stable id for the case (required to import; an import updates the case with the same id)",
    "theme": "One of: " + ", ".join(t.value for t in Theme),
    "status": "One of: " + ", ".join(s.value for s in CaseStatus) + " (empty: draft)",
    "country": "ISO 3166 alpha-3 code, e.g. ETH",
    "city": "City or place; empty when national",
    "year": "The year the work was done",
    "isic_classes": "ISIC Rev.4 classes separated by ';', e.g. 1410;3700",
    "technology_areas": "Technology areas separated by ';' (see itpo reference areas)",
    "sdgs": "SDGs 1-17 separated by ';'",
    "partners": "Partners separated by ';'",
    "illustrative": "true when the case is not from a source (an example)",
    "original_language": "The language the case was written in (en, zh, ...)",
    "sources": SOURCES_HELP,
    "figures": FIGURES_HELP,
}


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(f"{path.name}: unsupported file type; use one of {', '.join(FORMATS)}")
    return suffix


def read_case_file(
    path: Path, *, max_rows: int = MAX_ROWS, max_unzipped_mb: int = MAX_UNZIPPED_MB
) -> list[dict[str, Any]]:
    """The cases a file holds, as documents for the import (checked there, field by field)."""
    suffix = _suffix(path)
    if suffix == ".json":
        documents = _json_documents(path)
    elif suffix == ".csv":
        documents = [document_of_row(row) for row in _csv_rows(path)]
    else:
        documents = [document_of_row(row) for row in _excel_rows(path, max_unzipped_mb)]
    if len(documents) > max_rows:
        raise FileProblem(
            f"{path.name} holds {len(documents)} cases; one import reads at most {max_rows}"
        )
    return documents


def _json_documents(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FileProblem(f"{path.name} is not UTF-8 JSON: {error}") from None
    cases = data.get("cases") if isinstance(data, dict) else data
    if not isinstance(cases, list) or not all(isinstance(c, dict) for c in cases):
        raise FileProblem(
            f"{path.name} must hold a list of cases, or an object with one under 'cases'"
        )
    return cases


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(f"{path.name} is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "theme" not in reader.fieldnames:
        raise FileProblem(
            f"{path.name} has no header row with the case columns (theme, country, ...)"
        )
    return [{k: read_csv_cell(v or "") for k, v in row.items() if k} for row in reader]


def _excel_rows(path: Path, max_unzipped_mb: int) -> list[dict[str, Any]]:
    check_xlsx(path, max_unzipped_mb=max_unzipped_mb)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None
    try:
        if SHEET not in workbook.sheetnames:
            raise FileProblem(f"{path.name} has no sheet named {SHEET!r}")
        rows = workbook[SHEET].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        found = []
        for row in rows:
            if all(value is None or str(value).strip() == "" for value in row):
                continue
            found.append({name: value for name, value in zip(header, row, strict=False) if name})
        return found
    finally:
        workbook.close()


def _languages(documents: Sequence[Mapping[str, Any]]) -> list[str]:
    found = dict.fromkeys(LANGUAGES)
    for document in documents:
        found.update(dict.fromkeys(document.get("texts") or {}))
    return list(found)


def write_case_file(path: Path, documents: Sequence[Mapping[str, Any]]) -> None:
    """An export that is also an import file."""
    suffix = _suffix(path)
    if suffix == ".json":
        path.write_text(
            json.dumps({"cases": list(documents)}, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        return
    columns = columns_for(_languages(documents))
    rows = [flat_row(d) for d in documents]
    if suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([csv_cell(row.get(c)) for c in columns])
        return
    workbook = _workbook(columns)
    sheet = workbook[SHEET]
    for row in rows:
        sheet.append([_cell(sheet, row.get(c)) for c in columns])
    workbook.save(path)


def write_case_template(path: Path) -> None:
    """The empty Excel template: the cases sheet, and a sheet of help on every column."""
    _workbook(columns_for(list(LANGUAGES))).save(path)


def _workbook(columns: list[str]) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    helps = workbook.create_sheet("help")
    helps.append(["column", "what it holds"])
    for column in columns:
        part, _, language = column.rpartition("_")
        said = HELP.get(column) or f"The case's {part} in {language}"
        helps.append([column, said])
    for cell in helps["B"]:
        cell.alignment = Alignment(wrap_text=True)
    helps.column_dimensions["A"].width = 20
    helps.column_dimensions["B"].width = 100
    return workbook


def _cell(sheet: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return _text_cell(sheet, value) if value or looks_like_formula(value) else None
    return value
