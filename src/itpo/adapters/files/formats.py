"""Choose a reader or writer by the file's extension."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from itpo.adapters.files.csv_files import FileProblem, read_csv, write_csv
from itpo.adapters.files.excel_files import read_excel, write_excel
from itpo.adapters.files.json_files import read_json, write_json
from itpo.adapters.files.limits import MAX_ROWS, MAX_UNZIPPED_MB
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportBatch

FORMATS = (".csv", ".xlsx", ".json")


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(f"{path.name}: unsupported file type; use one of {', '.join(FORMATS)}")
    return suffix


def read_batch(
    path: Path,
    section: str | None = None,
    *,
    max_rows: int = MAX_ROWS,
    max_unzipped_mb: int = MAX_UNZIPPED_MB,
) -> ImportBatch:
    """All records in an import file, or a FileProblem that says why not.

    `max_rows` is the most records the file may hold (the setting ITPO_MAX_IMPORT_ROWS):
    reading stops at the first one past it. `max_unzipped_mb` is the largest a workbook may be
    once unzipped (ITPO_MAX_IMPORT_UNZIPPED_MB), checked before it is opened. Both default to
    the settings' defaults; callers pass the values of their settings.
    """
    suffix = _format(path)
    if not path.is_file():
        raise FileProblem(f"{path} does not exist")
    if suffix == ".csv":
        return read_csv(path, section, max_rows=max_rows)
    if suffix == ".xlsx":
        return read_excel(path, max_rows=max_rows, max_unzipped_mb=max_unzipped_mb)
    return read_json(path, max_rows=max_rows)


def write_records(
    path: Path,
    organisations: Sequence[Mapping[str, Any]],
    opportunities: Sequence[Mapping[str, Any]],
    section: str | None = None,
) -> int:
    """Write an export file; CSV holds one record type (opportunities unless told)."""
    suffix = _format(path)
    if suffix == ".csv":
        chosen = section or OPPORTUNITIES
        records = organisations if chosen == ORGANISATIONS else opportunities
        return write_csv(path, chosen, records)
    if suffix == ".xlsx":
        write_excel(path, organisations, opportunities)
    else:
        write_json(path, organisations, opportunities)
    return len(organisations) + len(opportunities)
