"""Excel import and export, and the template officers fill in: one sheet per record type, a
sheet that explains every field, and sheets of allowed codes."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from itpo.adapters.files.archives import check_xlsx
from itpo.adapters.files.cells import COLUMNS, FIELDS, cell_text, json_value
from itpo.adapters.files.csv_files import FileProblem
from itpo.registry import reference
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportBatch, RawRecord

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
READ_ONLY = {"id", "created_at", "updated_at"}


def read_excel(path: Path) -> ImportBatch:
    """Rows of the 'organisations' and 'opportunities' sheets; other sheets are ignored."""
    check_xlsx(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None
    batch = ImportBatch()
    sheets = {name.strip().lower(): name for name in workbook.sheetnames}
    if ORGANISATIONS not in sheets and OPPORTUNITIES not in sheets:
        raise FileProblem(f"{path.name} has no 'organisations' or 'opportunities' sheet")
    for section, target in (
        (ORGANISATIONS, batch.organisations),
        (OPPORTUNITIES, batch.opportunities),
    ):
        if section in sheets:
            target.extend(_sheet_records(workbook[sheets[section]], section))
    workbook.close()
    return batch


def _sheet_records(sheet: Any, section: str) -> list[RawRecord]:
    rows = sheet.iter_rows(values_only=True)
    header_row = next(rows, None)
    if header_row is None:
        return []
    header = [str(c).strip() if c is not None else "" for c in header_row]
    records = []
    for number, cells in enumerate(rows, start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        data = {name: _cell(value) for name, value in zip(header, cells, strict=False) if name}
        records.append(RawRecord(section, number, data))
    return records


def _cell(value: Any) -> Any:
    # Spreadsheets store whole numbers as floats; ids and codes must not gain a ".0".
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_excel(
    path: Path,
    organisations: Iterable[Mapping[str, Any]],
    opportunities: Iterable[Mapping[str, Any]],
) -> None:
    """An export that is also a valid import file and a filled-in template."""
    workbook = _template_workbook()
    for section, records in ((ORGANISATIONS, organisations), (OPPORTUNITIES, opportunities)):
        sheet = workbook[section]
        for record in records:
            sheet.append([_excel_value(record.get(c)) for c in COLUMNS[section]])
    workbook.save(path)


def _excel_value(value: Any) -> Any:
    value = json_value(value)
    return cell_text(value) if isinstance(value, list) else value


def write_template(path: Path) -> None:
    """The empty import template, with help on every column and the allowed values."""
    _template_workbook().save(path)


def _template_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for section in (ORGANISATIONS, OPPORTUNITIES):
        _data_sheet(workbook.create_sheet(section), section)
    _fields_sheet(workbook.create_sheet("fields"))
    _lists_sheet(
        workbook.create_sheet("countries"),
        ["code", "name (English)", "名称 (中文)", "region", "sub-region"],
        [
            [c.code, c.name_en, c.name_zh, c.region_en, c.subregion_en]
            for c in reference.countries().values()
        ],
    )
    _lists_sheet(
        workbook.create_sheet("isic"),
        ["class", "title"],
        [[e.code, e.title_en] for e in reference.isic().values() if e.level == "class"],
    )
    _lists_sheet(
        workbook.create_sheet("technology_areas"),
        ["code", "name (English)", "名称 (中文)"],
        [[a.code, a.name_en, a.name_zh] for a in reference.technology_areas().values() if a.parent],
    )
    _lists_sheet(
        workbook.create_sheet("sdgs"),
        ["goal", "title", "标题"],
        [[s.number, s.title_en, s.title_zh] for s in reference.sdgs()],
    )
    _lists_sheet(
        workbook.create_sheet("currencies"),
        ["code", "name"],
        [[c.code, c.name] for c in reference.currencies().values()],
    )
    return workbook  # fmt: skip


def _data_sheet(sheet: Worksheet, section: str) -> None:
    specs = {spec.name: spec for spec in FIELDS[section]}
    sheet.append(list(COLUMNS[section]))
    for index, name in enumerate(COLUMNS[section], start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        spec = specs.get(name)
        note = spec.help if spec else "Set by the platform; leave empty in a new file."
        if spec and spec.required:
            note = "Required. " + note
        cell.comment = Comment(note, "ITPO Exchange")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(name) + 4))
        if spec and spec.allowed and not spec.is_list:
            rule = DataValidation(type="list", formula1='"' + ",".join(spec.allowed) + '"')
            rule.error = f"{name} must be one of: {', '.join(spec.allowed)}"
            rule.showErrorMessage = True
            sheet.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}100000")
    sheet.freeze_panes = "B2"


def _fields_sheet(sheet: Worksheet) -> None:
    _lists_sheet(sheet, ["record", "field", "required", "description", "allowed values"], [
        [section, spec.name, "yes" if spec.required else "", spec.help, ", ".join(spec.allowed)]
        for section in (ORGANISATIONS, OPPORTUNITIES) for spec in FIELDS[section]
    ])  # fmt: skip
    sheet.column_dimensions["D"].width = 90


def _lists_sheet(sheet: Worksheet, header: list[str], rows: list[list[Any]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row in rows:
        sheet.append(row)
    for letter, width in zip("ABCDE", (14, 50, 30, 20, 30), strict=False):
        sheet.column_dimensions[letter].width = width
