"""JSON import and export: one object with `organisations` and `opportunities` lists."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from itpo.adapters.files.cells import json_value
from itpo.adapters.files.csv_files import FileProblem
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportBatch, RawRecord


def read_json(path: Path) -> ImportBatch:
    """Records from a JSON file; a bare list is read as opportunities."""
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise FileProblem(f"{path.name} is not valid JSON: {error}") from None
    return batch_from_document(document)


def batch_from_document(document: Any) -> ImportBatch:
    if isinstance(document, list):
        document = {OPPORTUNITIES: document}
    if not isinstance(document, dict):
        raise FileProblem("a JSON import is an object with 'organisations' and 'opportunities'")
    batch = ImportBatch()
    for section, target in (
        (ORGANISATIONS, batch.organisations),
        (OPPORTUNITIES, batch.opportunities),
    ):
        items = document.get(section, [])
        if not isinstance(items, list):
            raise FileProblem(f"'{section}' must be a list")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise FileProblem(f"{section} item {number} is not an object")
            target.append(RawRecord(section, number, item))
    return batch


def write_json(
    path: Path,
    organisations: Sequence[Mapping[str, Any]],
    opportunities: Sequence[Mapping[str, Any]],
) -> None:
    document = {
        ORGANISATIONS: [{k: json_value(v) for k, v in o.items()} for o in organisations],
        OPPORTUNITIES: [{k: json_value(v) for k, v in o.items()} for o in opportunities],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
