"""Import files checked from the page and kept until the officer imports them: each in a folder
of its own under `data_dir/imports`, named by an unguessable token and bound to the user who
sent it, so the officer imports what was checked without sending it again. A checked file is
kept for an hour; one being imported is claimed, so it is imported once."""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itpo.bootstrap import Platform
from itpo.registry.importing import ImportChange, ImportReport

MAX_AGE = 3600.0  # seconds a checked file is kept
FOLDER = "imports"
CHECKED, CLAIMED = "checked.json", "claimed.json"
# A file is kept under the name it was sent with, in these characters and up to this length.
_SAFE_NAME = re.compile(r"[^\w.-]")
MAX_NAME = 100
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class Staged:
    """One sent file: where it is, who sent it, under which name, and what its check said."""

    token: str
    user_id: int
    name: str  # as it was sent
    record_type: str | None
    file: Path
    staged_at: float
    report: ImportReport | None = None

    @property
    def records(self) -> int:
        return self.organisations + self.opportunities

    @property
    def organisations(self) -> int:
        r = self.report
        if r is None:
            return 0
        return r.organisations_created + r.organisations_updated + r.organisations_unchanged

    @property
    def opportunities(self) -> int:
        r = self.report
        if r is None:
            return 0
        return r.opportunities_created + r.opportunities_updated + r.opportunities_unchanged


class StagedImports:
    def __init__(
        self, folder: Path, *, max_age: float = MAX_AGE, clock: Callable[[], float] = time.time
    ) -> None:
        self.folder = folder
        self.max_age = max_age
        self.clock = clock

    def open(self, user_id: int, name: str, suffix: str, record_type: str | None) -> Staged:
        """A new folder for a file about to be sent; it is found once `keep` says it passed."""
        self.sweep()
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        token = secrets.token_urlsafe(32)
        place = self.folder / token
        place.mkdir(mode=0o700)
        stem = _SAFE_NAME.sub("_", Path(name).stem)[:MAX_NAME] or "upload"
        return Staged(token, user_id, name, record_type, place / f"{stem}{suffix}", self.clock())

    def keep(self, staged: Staged, report: ImportReport) -> Staged:
        """The file passed its check: keep it, with the check's report, for its sender."""
        kept = dataclasses.replace(staged, report=report)
        meta = {
            "user_id": kept.user_id,
            "name": kept.name,
            "record_type": kept.record_type,
            "file": kept.file.name,
            "staged_at": kept.staged_at,
            "report": dataclasses.asdict(report),
        }
        written = kept.file.parent / f"{CHECKED}.part"
        written.write_text(json.dumps(meta), encoding="utf-8")
        written.replace(kept.file.parent / CHECKED)
        return kept

    def find(self, token: str, user_id: int) -> Staged | None:
        """The sender's checked file under this token; None for anyone else, or once it is
        imported, claimed or older than an hour."""
        return self._read(token, user_id, CHECKED)

    def claim(self, token: str, user_id: int) -> Staged | None:
        """Take the checked file to import it: only one request gets it."""
        staged = self.find(token, user_id)
        if staged is None:
            return None
        place = self.folder / token
        try:
            (place / CHECKED).rename(place / CLAIMED)
        except FileNotFoundError:
            return None  # another request claimed it first
        return staged

    def remove(self, token: str) -> None:
        if _TOKEN.fullmatch(token):
            shutil.rmtree(self.folder / token, ignore_errors=True)

    def sweep(self) -> None:
        """Remove the files kept longer than an hour, checked, claimed or half-sent."""
        if not self.folder.is_dir():
            return
        oldest = self.clock() - self.max_age
        for place in self.folder.iterdir():
            try:
                old = place.stat().st_mtime < oldest
            except FileNotFoundError:
                continue
            if old and place.is_dir() and _TOKEN.fullmatch(place.name):
                shutil.rmtree(place, ignore_errors=True)

    def _read(self, token: str, user_id: int, which: str) -> Staged | None:
        if not _TOKEN.fullmatch(token):
            return None
        place = self.folder / token
        try:
            meta = json.loads((place / which).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if meta.get("user_id") != user_id:
            return None
        if meta["staged_at"] < self.clock() - self.max_age:
            self.remove(token)
            return None
        return Staged(
            token,
            user_id,
            meta["name"],
            meta["record_type"],
            place / meta["file"],
            meta["staged_at"],
            _report(meta["report"]),
        )


def _report(data: dict[str, Any]) -> ImportReport:
    changes = [ImportChange(**change) for change in data.pop("changes", [])]
    return ImportReport(**data, changes=changes)


def staged_imports(platform: Platform) -> StagedImports:
    """The platform's kept import files, beside its other data."""
    return StagedImports(platform.settings.data_dir / FOLDER)
