"""CSV import and export: one record type per file, told by its columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from itpo.adapters.files.cells import COLUMNS, csv_cell, read_csv_cell, section_for_header
from itpo.adapters.files.limits import MAX_ROWS, RowCount
from itpo.adapters.files.problems import FileProblem
from itpo.registry.importing import OPPORTUNITIES, ImportBatch, RawRecord

__all__ = ["FileProblem", "read_csv", "write_csv"]

# A row with every field at its longest is under 30,000 characters; a far longer line is no row.
MAX_LINE = 1_000_000


def read_csv(path: Path, section: str | None = None, *, max_rows: int = MAX_ROWS) -> ImportBatch:
    """Every non-empty row of a CSV file, numbered as a spreadsheet numbers it; reading stops
    at the first row past `max_rows`."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return _read_rows(
                path.name,
                csv.reader(_lines(path.name, handle)),
                section,
                RowCount(path.name, max_rows),
            )
    except UnicodeDecodeError as error:
        raise FileProblem(f"{path.name} is not UTF-8 text: {error.reason}") from None


def _read_rows(
    name: str, reader: Iterator[list[str]], section: str | None, count: RowCount
) -> ImportBatch:
    rows = _numbered(name, reader)
    _, first = next(rows, (1, []))
    if not any(cell.strip() for cell in first):
        raise FileProblem(f"{name} has no header row")
    header = [cell.strip() for cell in first]
    section = section or section_for_header(header)
    batch = ImportBatch()
    target = batch.opportunities if section == OPPORTUNITIES else batch.organisations
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise FileProblem(f"{name} row {number} has more cells than the header")
        count.add(section, f"row {number}")
        data = {h: read_csv_cell(value) for h, value in zip(header, cells, strict=False) if h}
        target.append(RawRecord(section, number, data))
    return batch


def _numbered(name: str, reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    number = 1
    try:
        for cells in reader:
            yield number, cells
            number += 1
    except csv.Error as error:
        raise FileProblem(f"{name} row {number} cannot be read as CSV: {error}") from None


def _lines(name: str, handle: Iterable[str]) -> Iterator[str]:
    # One line of millions of cells would become millions of strings before any check ran.
    for number, line in enumerate(handle, start=1):
        if len(line) > MAX_LINE:
            raise FileProblem(
                f"{name} line {number} is {len(line)} characters long; at most {MAX_LINE} are read"
            )
        yield line


def write_csv(path: Path, section: str, records: Iterable[Mapping[str, Any]]) -> int:
    """Write records of one type; returns how many."""
    columns = COLUMNS[section]
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            writer.writerow([csv_cell(record.get(c)) for c in columns])
            count += 1
    return count
