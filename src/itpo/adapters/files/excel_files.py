"""Excel import and export, and the template officers fill in: one sheet per record type, a
sheet that explains every field, and sheets of allowed codes."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from itpo.adapters.files.archives import check_xlsx
from itpo.adapters.files.cells import COLUMNS, FIELDS, cell_text, json_value, looks_like_formula
from itpo.adapters.files.limits import MAX_ROWS, MAX_UNZIPPED_MB, UNZIPPED_SETTING, RowCount
from itpo.adapters.files.problems import FileProblem
from itpo.registry import reference
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportBatch, RawRecord

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
READ_ONLY = {"id", "created_at", "updated_at"}
MAX_SHEET_ROW = 1_048_576  # the last row Excel has
MAX_COLUMNS = 200  # an import sheet has some 30; a sheet thousands wide is not one


def read_excel(
    path: Path, *, max_rows: int = MAX_ROWS, max_unzipped_mb: int = MAX_UNZIPPED_MB
) -> ImportBatch:
    """Rows of the 'organisations' and 'opportunities' sheets; other sheets are ignored. The
    archive is checked before it is opened, and reading stops at the first row past `max_rows`."""
    check_xlsx(path, max_unzipped_mb=max_unzipped_mb, setting=UNZIPPED_SETTING)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None
    try:
        return _workbook_records(path.name, workbook, RowCount(path.name, max_rows))
    finally:
        workbook.close()


def _workbook_records(name: str, workbook: Any, count: RowCount) -> ImportBatch:
    batch = ImportBatch()
    sheets = {title.strip().lower(): title for title in workbook.sheetnames}
    if ORGANISATIONS not in sheets and OPPORTUNITIES not in sheets:
        raise FileProblem(f"{name} has no 'organisations' or 'opportunities' sheet")
    for section, target in (
        (ORGANISATIONS, batch.organisations),
        (OPPORTUNITIES, batch.opportunities),
    ):
        if section not in sheets:
            continue
        where = f"{name}: the sheet {sheets[section]!r}"
        try:
            target.extend(_sheet_records(workbook[sheets[section]], section, count, where))
        except FileProblem:
            raise
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, SyntaxError) as error:
            # A sheet is parsed as it is read; XML that breaks off fails only here.
            raise FileProblem(f"{where} is damaged: {error}") from None
    return batch


def _sheet_records(sheet: Any, section: str, count: RowCount, where: str) -> Iterator[RawRecord]:
    # The size a sheet declares may be wrong: rows past it would be dropped without a word.
    sheet.reset_dimensions()
    header = _header(sheet, where)
    # Rows are padded to the header's width and no further, so a stray cell far to the right
    # or a jump to a distant row number costs nothing per row.
    rows = sheet.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True)
    # Closed at once when reading stops early, so the workbook's file is not left open.
    with closing(rows):
        for number, cells in enumerate(rows, start=2):
            if number > MAX_SHEET_ROW:
                raise FileProblem(f"{where} goes past row {MAX_SHEET_ROW}, the last row of a sheet")
            if cells.count(None) == len(cells) or all(_blank(c) for c in cells):
                continue
            count.add(section, f"row {number}")
            data = {h: _cell(v) for h, v in zip(header, cells, strict=False) if h}
            yield RawRecord(section, number, data)


def _header(sheet: Any, where: str) -> list[str]:
    with closing(sheet.iter_rows(max_row=1, values_only=True)) as rows:
        cells = next(rows, ())
    header = [str(c).strip() if c is not None else "" for c in cells]
    while header and not header[-1]:
        header.pop()
    if len(header) > MAX_COLUMNS:
        raise FileProblem(
            f"{where} has {len(header)} columns; an import sheet has at most {MAX_COLUMNS}"
        )
    return header


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


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
    """An export that is also a valid import file and a filled-in template; text is written as
    text, never as a formula."""
    workbook = _template_workbook()
    for section, records in ((ORGANISATIONS, organisations), (OPPORTUNITIES, opportunities)):
        sheet = workbook[section]
        for record in records:
            sheet.append([_excel_cell(sheet, record.get(c)) for c in COLUMNS[section]])
    workbook.save(path)


def _excel_cell(sheet: Worksheet, value: Any) -> Any:
    value = json_value(value)
    if isinstance(value, list):
        value = cell_text(value)
    return _text_cell(sheet, value) if isinstance(value, str) else value


def _text_cell(sheet: Worksheet, text: str) -> Cell:
    # openpyxl turns text that starts with "=" into a formula and "#N/A" into an error value;
    # typed as a string it stays text. The quote prefix keeps it text when someone edits it.
    cell = Cell(sheet, value=text)
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell


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
    return workbook


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
    _lists_sheet(
        sheet,
        ["record", "field", "required", "description", "allowed values"],
        [
            [section, spec.name, "yes" if spec.required else "", spec.help, ", ".join(spec.allowed)]
            for section in (ORGANISATIONS, OPPORTUNITIES)
            for spec in FIELDS[section]
        ],
    )
    sheet.column_dimensions["D"].width = 90


def _lists_sheet(sheet: Worksheet, header: list[str], rows: list[list[Any]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row in rows:
        sheet.append(row)
    for letter, width in zip("ABCDE", (14, 50, 30, 20, 30), strict=False):
        sheet.column_dimensions[letter].width = width
