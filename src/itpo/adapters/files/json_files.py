"""JSON import and export: one object with `organisations` and `opportunities` lists."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from itpo.adapters.files.cells import json_value
from itpo.adapters.files.limits import MAX_ROWS, RowCount
from itpo.adapters.files.problems import FileProblem
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, ImportBatch, RawRecord

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def read_json(path: Path, *, max_rows: int = MAX_ROWS) -> ImportBatch:
    """Records from a JSON file; a bare list is read as opportunities. The records are decoded
    one at a time, and reading stops at the first one past `max_rows`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(f"{path.name} is not valid JSON: {error}") from None
    try:
        document = _Document(text, RowCount(path.name, max_rows))
        return batch_from_document(document.read())
    except json.JSONDecodeError as error:
        raise FileProblem(f"{path.name} is not valid JSON: {error}") from None


class _Document:
    """Reads the top of an import document by hand and its records with the standard decoder,
    so a file of millions of records is refused after the first one too many, not decoded whole."""

    def __init__(self, text: str, count: RowCount) -> None:
        self.text, self.count, self.at = text, count, 0

    def read(self) -> Any:
        first = self._peek()
        if first == "[":
            document: Any = {OPPORTUNITIES: self._list(OPPORTUNITIES)}
        elif first == "{":
            document = self._object()
        else:
            document = self._value()
        if self._peek() != "":
            raise self._error("Extra data")
        return document

    def _object(self) -> dict[str, Any]:
        self._expect("{")
        document: dict[str, Any] = {}
        if self._peek() == "}":
            self.at += 1
            return document
        while True:
            if self._peek() != '"':
                raise self._error("Expecting property name enclosed in double quotes")
            key = self._value()
            self._expect(":")
            # Every list is read item by item: any of them could hold millions.
            if self._peek() == "[":
                document[key] = self._list(str(key))
            else:
                document[key] = self._value()
            if self._peek() == "}":
                self.at += 1
                return document
            self._expect(",")

    def _list(self, section: str) -> list[Any]:
        self._expect("[")
        items: list[Any] = []
        if self._peek() == "]":
            self.at += 1
            return items
        while True:
            self._peek()
            self.count.add(section, f"item {len(items) + 1}")
            items.append(self._value())
            if self._peek() == "]":
                self.at += 1
                return items
            self._expect(",")

    def _value(self) -> Any:
        self._peek()
        value, self.at = _DECODER.raw_decode(self.text, self.at)
        return value

    def _peek(self) -> str:
        space = _SPACE.match(self.text, self.at)
        self.at = space.end() if space else self.at
        return self.text[self.at : self.at + 1]

    def _expect(self, mark: str) -> None:
        if self._peek() != mark:
            raise self._error(f"Expecting {mark!r} delimiter")
        self.at += 1

    def _error(self, message: str) -> json.JSONDecodeError:
        return json.JSONDecodeError(message, self.text, self.at)


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
