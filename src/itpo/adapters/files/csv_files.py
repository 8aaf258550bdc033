"""CSV import and export: one record type per file, told by its columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from itpo.adapters.files.cells import COLUMNS, cell_text, section_for_header
from itpo.registry.importing import OPPORTUNITIES, ImportBatch, RawRecord


class FileProblem(ValueError):
    """The file cannot be read as an import file at all."""


def read_csv(path: Path, section: str | None = None) -> ImportBatch:
    """Every non-empty row of a CSV file, numbered as a spreadsheet numbers it."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as error:
        raise FileProblem(f"{path.name} is not UTF-8 text: {error.reason}") from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise FileProblem(f"{path.name} has no header row")
    header = [cell.strip() for cell in rows[0]]
    section = section or section_for_header(header)
    batch = ImportBatch()
    target = batch.opportunities if section == OPPORTUNITIES else batch.organisations
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise FileProblem(f"{path.name} row {number} has more cells than the header")
        data = {name: value for name, value in zip(header, cells, strict=False) if name}
        target.append(RawRecord(section, number, data))
    return batch


def write_csv(path: Path, section: str, records: Iterable[Mapping[str, Any]]) -> int:
    """Write records of one type; returns how many."""
    columns = COLUMNS[section]
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            writer.writerow([cell_text(record.get(c)) for c in columns])
            count += 1
    return count
