"""The appraisal workbook: a template with one sheet per input block, help comments and lists
of allowed values; and a reader that turns a filled workbook into the model document, noting
where each value came from so that errors name the sheet, row and field."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from itpo.adapters.files.appraisal_sheets import SHEETS, Field, Sheet
from itpo.adapters.files.archives import check_xlsx
from itpo.adapters.files.csv_files import FileProblem

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
VALIDATED_ROWS = 200
TRUE_WORDS = {"yes", "true", "y", "1", "x"}
FALSE_WORDS = {"no", "false", "n", "0"}


@dataclass(frozen=True)
class Location:
    sheet: str
    row: int | None
    field: str | None

    def __str__(self) -> str:
        parts = [f"sheet '{self.sheet}'"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(self.field)
        return ", ".join(parts)


@dataclass
class WorkbookDocument:
    """The model document read from a workbook, where each value came from, and the cells
    that could not be read at all (as (document path, message))."""

    data: dict[str, Any] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def where(self, path: str) -> str:
        """The sheet, row and field behind a document path such as 'loans[0].tenor_years'."""
        if path in self.locations:
            return str(self.locations[path])
        # A record-level path ('loans[0]') or a missing optional cell: the nearest container.
        tail = path.rsplit(".", 1)[-1]
        for key in sorted(self.locations, key=len, reverse=True):
            if path.startswith(key + ".") or path.startswith(key + "["):
                found = self.locations[key]
                return str(Location(found.sheet, found.row, found.field or tail))
        for key, found in self.locations.items():
            if key.startswith(path + "."):  # a whole block: point at its first field
                return str(found)
        return path


# Template ---------------------------------------------------------------------------------


def write_template(path: Path, data: Mapping[str, Any] | None = None) -> None:
    """The workbook officers fill in; with `data`, filled with that model document."""
    workbook = Workbook()
    intro = workbook.active
    intro.title = "README"
    intro.append(["ITPO Exchange project appraisal workbook (COMFAR-style)"])
    intro.append(["Fill the yellow cells; hover a heading or a value cell for help."])
    intro.append(["Rates are fractions: 0.12 or 12% both mean twelve percent."])
    intro.append(["Amounts are in the model currency unless a row names another currency."])
    intro["A1"].font = Font(bold=True, size=14)
    for sheet in SHEETS:
        intro.append([f"{sheet.name}: {sheet.help}"])
        ws = workbook.create_sheet(sheet.name)
        if sheet.shape == "fields":
            _fields_sheet(ws, sheet, data or {})
        else:
            _rows_sheet(ws, sheet, _records(sheet, data or {}))
    intro.column_dimensions["A"].width = 100
    workbook.save(path)


def _header(ws: Any, headings: list[str]) -> None:
    ws.append(headings)
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    ws.freeze_panes = "A2"


def _validation(ws: Any, f: Field, cells: str) -> None:
    if not f.choices:
        return
    rule = DataValidation(type="list", formula1='"' + ",".join(f.choices) + '"', allow_blank=True)
    rule.error = f"Choose one of: {', '.join(f.choices)}"
    rule.prompt = f.help
    ws.add_data_validation(rule)
    rule.add(cells)


def _fields_sheet(ws: Any, sheet: Sheet, data: Mapping[str, Any]) -> None:
    _header(ws, ["field", "value", "help"])
    for number, f in enumerate(sheet.fields, start=2):
        value = _lookup(data, _join(sheet.target, f.key))
        ws.append([f.key, _cell_out(f, value), f.help])
        cell = ws.cell(number, 2)
        cell.fill = INPUT_FILL
        cell.comment = Comment(f.help, "ITPO Exchange")
        _validation(ws, f, cell.coordinate)
    for column, width in (("A", 34), ("B", 44), ("C", 70)):
        ws.column_dimensions[column].width = width


def _rows_sheet(ws: Any, sheet: Sheet, records: list[dict[str, Any]]) -> None:
    _header(ws, [f.key for f in sheet.fields])
    for index, f in enumerate(sheet.fields, start=1):
        letter = get_column_letter(index)
        ws.cell(1, index).comment = Comment(f.help, "ITPO Exchange")
        ws.column_dimensions[letter].width = max(14, len(f.key) + 4)
        _validation(ws, f, f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
    for record in records:
        ws.append([_cell_out(f, record.get(f.key)) for f in sheet.fields])
    for row in ws.iter_rows(min_row=2, max_row=max(len(records) + 1, 11)):
        for cell in row:
            cell.fill = INPUT_FILL
            cell.alignment = Alignment(vertical="top")


def _records(sheet: Sheet, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    value = _lookup(data, sheet.target)
    if sheet.shape == "keyed" and isinstance(value, Mapping):
        key, rest = sheet.fields[0].key, sheet.fields[1:]
        if len(rest) == 1:  # a mapping of plain values, like exchange rates
            return [{key: k, rest[0].key: v} for k, v in value.items()]
        return [{key: k, **v} for k, v in value.items() if isinstance(v, Mapping)]
    return [dict(v) for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _lookup(data: Mapping[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in filter(None, dotted.split(".")):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _join(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def _cell_out(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.kind == "bool" and isinstance(value, bool):
        return "yes" if value else "no"
    if f.kind == "years" and isinstance(value, Mapping):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if f.kind == "numbers" and isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


# Reader -----------------------------------------------------------------------------------


def read_workbook(path: Path) -> WorkbookDocument:
    """Every filled cell of the known sheets, placed in the model document."""
    check_xlsx(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None
    names = {n.strip().lower(): n for n in workbook.sheetnames}
    if "general" not in names:
        workbook.close()
        raise FileProblem(
            f"{path.name} has no 'general' sheet; start from `itpo appraise-template`"
        )
    doc = WorkbookDocument()
    for sheet in SHEETS:
        if sheet.name in names:
            rows = list(workbook[names[sheet.name]].iter_rows(values_only=True))
            _read_sheet(doc, sheet, rows)
    workbook.close()
    return doc


def _read_sheet(doc: WorkbookDocument, sheet: Sheet, rows: list[tuple[Any, ...]]) -> None:
    if sheet.shape == "fields":
        _read_fields(doc, sheet, rows)
        return
    header = [str(c).strip() if c is not None else "" for c in (rows[0] if rows else ())]
    known = {f.key: f for f in sheet.fields}
    records: list[dict[str, Any]] = []
    for number, cells in enumerate(rows[1:], start=2):
        raw = dict(zip(header, cells, strict=False))
        if all(_blank(v) for k, v in raw.items() if k in known):
            continue
        path = f"{sheet.target}[{len(records)}]"
        record: dict[str, Any] = {}
        doc.locations[path] = Location(sheet.name, number, None)
        for key, f in known.items():
            doc.locations[f"{path}.{key}"] = Location(sheet.name, number, key)
            if not _blank(raw.get(key)):
                record[key] = _convert(doc, f, raw[key], f"{path}.{key}")
        records.append(record)
    if not records:
        return
    doc.locations.setdefault(sheet.target, Location(sheet.name, None, None))
    if sheet.shape == "rows":
        _place(doc.data, sheet.target, records)
    else:
        _place(doc.data, sheet.target, _keyed(doc, sheet, records))


def _keyed(doc: WorkbookDocument, sheet: Sheet, records: list[dict[str, Any]]) -> dict[str, Any]:
    key, rest = sheet.fields[0].key, [f.key for f in sheet.fields[1:]]
    out: dict[str, Any] = {}
    for index, record in enumerate(records):
        where = doc.locations[f"{sheet.target}[{index}]"]
        name = str(record.pop(key, "") or "")
        if not name:
            doc.problems.append((f"{sheet.target}[{index}].{key}", "is required"))
            continue
        # A problem with the record as a whole is shown on its key column, unless the record
        # is one value (an exchange rate), which has a column of its own.
        column = rest[0] if len(rest) == 1 else key
        doc.locations[_join(sheet.target, name)] = Location(where.sheet, where.row, column)
        for field_name in rest:
            doc.locations[_join(sheet.target, name, field_name)] = Location(
                where.sheet, where.row, field_name
            )
        out[name] = record.get(rest[0]) if len(rest) == 1 else record
    return out


def _read_fields(doc: WorkbookDocument, sheet: Sheet, rows: list[tuple[Any, ...]]) -> None:
    known = {f.key: f for f in sheet.fields}
    for number, cells in enumerate(rows[1:], start=2):
        key = str(cells[0]).strip() if cells and cells[0] is not None else ""
        if key not in known:
            continue
        path = _join(sheet.target, key)
        doc.locations[path] = Location(sheet.name, number, key)
        value = cells[1] if len(cells) > 1 else None
        if not _blank(value):
            _place(doc.data, path, _convert(doc, known[key], value, path))


def _place(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _convert(doc: WorkbookDocument, f: Field, value: Any, path: str) -> Any:
    """A cell as the JSON value the model expects; text that is not a number is kept as it
    is, so that the model's own check names the field and the value."""
    if isinstance(value, str):
        value = value.strip()
    if f.kind in ("number", "int"):
        return _number(value)
    if f.kind == "bool":
        return _flag(value)
    if f.kind == "currency":
        return str(value).upper()
    if f.kind == "years":
        return _years(doc, value, path)
    if f.kind == "numbers":
        return _numbers(doc, value, path)
    return str(value)


def _flag(value: Any) -> Any:
    # Excel's TRUE/FALSE arrive as bools; typed answers as words. Others stay for the model
    # to refuse with the value in its message.
    if isinstance(value, bool):
        return value
    word = str(value).lower()
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else value


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        # Spreadsheets store whole numbers as floats; years and counts must stay whole.
        return int(value) if isinstance(value, float) and value.is_integer() else value
    text = str(value).replace(",", "").replace(" ", "")
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return value
    return int(number) if number.is_integer() else number


def _years(doc: WorkbookDocument, value: Any, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in str(value).replace(",", ";").split(";"):
        if not part.strip():
            continue
        year, sep, fraction = part.partition(":")
        number = _number(fraction.strip())
        if not sep or not _year_digits(year) or isinstance(number, str):
            doc.problems.append(
                (
                    path,
                    f"write year: fraction pairs separated by ';' (e.g. '2: 0.4'), got {value!r}",
                )
            )
            return {}
        out[year.strip()] = number
    return out


def _numbers(doc: WorkbookDocument, value: Any, path: str) -> list[Any]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [_number(value)]
    parts = [part.strip() for part in str(value).split(";")]
    numbers = [_number(part) for part in parts if part]
    if not numbers or any(isinstance(n, str) for n in numbers):
        doc.problems.append(
            (path, f"write numbers separated by ';' (e.g. '20%; 32%; 48%'), got {value!r}")
        )
        return []
    return numbers


def _year_digits(text: str) -> bool:
    # ASCII only: str.isdigit also takes "²", which int() refuses.
    value = text.strip()
    return value.isascii() and value.isdigit()
