"""Choose a reader or writer by the file's extension."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from itpo.adapters.files.csv_files import FileProblem, read_csv, write_csv
from itpo.adapters.files.excel_files import read_excel, write_excel
from itpo.adapters.files.json_files import read_json, write_json
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportBatch

FORMATS = (".csv", ".xlsx", ".json")


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(f"{path.name}: unsupported file type; use one of {', '.join(FORMATS)}")
    return suffix


def read_batch(path: Path, section: str | None = None) -> ImportBatch:
    """All records in an import file."""
    suffix = _format(path)
    if not path.is_file():
        raise FileProblem(f"{path} does not exist")
    if suffix == ".csv":
        return read_csv(path, section)
    if suffix == ".xlsx":
        return read_excel(path)
    return read_json(path)


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
