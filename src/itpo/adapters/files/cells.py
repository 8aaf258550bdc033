"""How record values become spreadsheet cells and JSON values, the same way in every format.

Text is written as text. A spreadsheet computes a CSV cell that starts with `=`, `+`, `-` or `@`
(and some read a leading tab or carriage return the same way), so such text gets a leading
apostrophe, the mark spreadsheets themselves use for "this is text"; text that genuinely starts
with an apostrophe gets one more. Reading a CSV cell takes exactly that apostrophe away again.
Numbers are never marked: a negative amount is a number.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from itpo.registry.fields import LIST_SEPARATOR, OPPORTUNITY_FIELDS, ORGANISATION_FIELDS
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS

ORGANISATION_COLUMNS = ("id", *(f.name for f in ORGANISATION_FIELDS), "created_at", "updated_at")
OPPORTUNITY_COLUMNS = ("id", *(f.name for f in OPPORTUNITY_FIELDS), "created_at", "updated_at")
COLUMNS = {ORGANISATIONS: ORGANISATION_COLUMNS, OPPORTUNITIES: OPPORTUNITY_COLUMNS}
FIELDS = {ORGANISATIONS: ORGANISATION_FIELDS, OPPORTUNITIES: OPPORTUNITY_FIELDS}


def json_value(value: Any) -> Any:
    """A value JSON can hold: enums by value, dates in ISO 8601, lists item by item."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def cell_text(value: Any) -> str:
    """A value as the text of one CSV cell; lists joined with ';'."""
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
_MARKED = (*FORMULA_STARTS, TEXT_MARK)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would compute this text rather than show it."""
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> str:
    """A value as the text of one CSV cell, text a spreadsheet would compute marked as text."""
    plain = json_value(value)
    cell = cell_text(plain)
    if isinstance(plain, str | list) and cell.startswith(_MARKED):
        return TEXT_MARK + cell
    return cell


def read_csv_cell(cell: str) -> str:
    """The value a CSV cell holds: the text mark that `csv_cell` adds is taken away."""
    if cell.startswith(TEXT_MARK) and cell[1:].startswith(_MARKED):
        return cell[1:]
    return cell


def section_for_header(header: list[str]) -> str:
    """Which record type a table holds, told by its columns."""
    return OPPORTUNITIES if "title" in header or "teaser" in header else ORGANISATIONS
