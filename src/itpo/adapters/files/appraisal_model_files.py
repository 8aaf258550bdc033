"""Model documents in files: JSON, YAML and the Excel workbook, read the same way, with every
problem reported against the file's own coordinates (a path, or a sheet, row and field)."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from itpo.adapters.files.appraisal_workbook import read_workbook, write_template
from itpo.adapters.files.archives import check_xlsx
from itpo.adapters.files.csv_files import FileProblem
from itpo.appraisal.errors import ModelError

SUFFIXES = (".json", ".yaml", ".yml", ".xlsx")
# An appraisal workbook is some 40 KB, a few hundred KB unzipped: a sent model file far
# bigger than that is not one, and is refused before it is opened.
MAX_SENT_KB = 2048
MAX_SENT_UNZIPPED_MB = 20


class ModelFileError(FileProblem):
    """A model file has problems; `problems` holds one located message each."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{name}: {len(problems)} problem(s): " + "; ".join(problems))


@dataclass(frozen=True)
class ModelSource:
    """A model document read from a file, and how to name the place of a document path."""

    name: str
    data: dict[str, Any]
    where: Callable[[str], str]
    problems: tuple[tuple[str, str], ...] = ()

    def located(self, errors: list[tuple[str, str]]) -> list[str]:
        lines: list[str] = []
        for path, message in errors:
            # A block left out entirely reads as None; say what the officer must do.
            message = message.replace("must be an object, got NoneType", "is required")
            line = f"{self.where(path)}: {message}"
            if line not in lines:  # a block and its first field can point at the same cell
                lines.append(line)
        return lines

    def refuse(self, error: ModelError) -> ModelFileError:
        """The model's errors (and any unreadable cells) as one error naming this file."""
        return ModelFileError(self.name, self.located([*self.problems, *error.errors]))


def _path_as_is(path: str) -> str:
    return path


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileProblem(
            f"{path.name}: a model file must end in {', '.join(SUFFIXES)}, not {suffix or 'nothing'}"
        )
    return suffix


def read_model_source(path: Path) -> ModelSource:
    """Read a model file; an unreadable file or cell raises a FileProblem naming the place."""
    suffix = _suffix(path)
    if not path.is_file():
        raise FileProblem(f"{path}: no such file")
    if suffix == ".xlsx":
        doc = read_workbook(path)
        source = ModelSource(path.name, doc.data, doc.where, tuple(doc.problems))
        if doc.problems:
            raise source.refuse(ModelError([]))
        return source
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError:
        raise FileProblem(f"{path.name} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise FileProblem(
            f"{path.name}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise FileProblem(f"{path.name}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise FileProblem(f"{path.name}: the model must be an object (a mapping) at the top")
    return ModelSource(path.name, data, _path_as_is)


def write_model_file(path: Path, data: Mapping[str, Any]) -> None:
    """Write a model document as JSON, YAML or a filled workbook, by the file's suffix."""
    suffix = _suffix(path)
    if suffix == ".xlsx":
        write_template(path, data)
    elif suffix == ".json":
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True))


def read_sent_model(name: str, content: bytes) -> ModelSource:
    """A model file sent from a page (its name gives its kind), read as `read_model_source`
    reads one from disk, except that a workbook's unreadable cells are kept in `problems`, to
    be named with the model's own in one answer. A file over MAX_SENT_KB, or a workbook that
    unzips past MAX_SENT_UNZIPPED_MB, is refused unread."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Only the name's plain characters reach the disk and the messages.
    safe = re.sub(r"[^\w.\- ]", "_", base).strip(" .")[-100:] or "model"
    if len(content) > MAX_SENT_KB * 1024:
        raise FileProblem(f"{safe} is larger than {MAX_SENT_KB} KB, the most a model file may be")
    suffix = _suffix(Path(safe))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / safe
        path.write_bytes(content)
        if suffix != ".xlsx":
            return read_model_source(path)
        check_xlsx(path, max_unzipped_mb=MAX_SENT_UNZIPPED_MB)
        doc = read_workbook(path)
        return ModelSource(safe, doc.data, doc.where, tuple(doc.problems))


def template_bytes(data: Mapping[str, Any] | None = None) -> bytes:
    """The appraisal workbook as bytes: blank, or filled with a model document."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "appraisal.xlsx"
        write_template(path, data)
        return path.read_bytes()
