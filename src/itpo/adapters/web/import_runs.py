"""Imports started from a page: each in a thread of the serving process, so the officer's page
shows the rows done while a large file is written, and the report when it is done. The outcome
of each run is kept for an hour (the records themselves are in the database)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from itpo.accounts.errors import Forbidden
from itpo.adapters.files.problems import FileProblem
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError
from itpo.registry.importing import ImportChange, ImportReport, MovesNotAllowed

KEEP_SECONDS = 3600.0
Job = Callable[[Callable[[int], None]], ImportReport]


@dataclass
class ImportRun:
    token: str
    user_id: int
    name: str  # the file, as it was sent
    records: int  # rows in the file, as its check counted them
    opportunities: int  # of which opportunities: the rows the import writes with progress
    done: int = 0  # steps told by the import: every row checked, then every opportunity written
    report: ImportReport | None = None
    errors: list[FieldError] = field(default_factory=list)  # bad rows found at the import
    changes: list[ImportChange] = field(default_factory=list)  # moves it was not let make
    refusal: str | None = None  # why the import wrote nothing
    failed: bool = False  # it stopped with an unexpected error (and wrote nothing)
    ended: float | None = None

    @property
    def finished(self) -> bool:
        return self.ended is not None

    @property
    def checked(self) -> int:
        return min(self.done, self.records)

    @property
    def written(self) -> int:
        return min(max(self.done - self.records, 0), self.opportunities)


class ImportRuns:
    def __init__(self, keep_seconds: float = KEEP_SECONDS) -> None:
        self._lock = threading.Lock()
        self._runs: dict[str, ImportRun] = {}
        self.keep_seconds = keep_seconds

    def start(self, run: ImportRun, job: Job) -> ImportRun:
        """Run `job` (which tells its progress) in the background; Conflict if the file is
        being imported, or was, already."""
        with self._lock:
            self._forget_old()
            if run.token in self._runs:
                raise Conflict("this file is being imported already")
            self._runs[run.token] = run
        threading.Thread(target=self._work, args=(run, job), daemon=True).start()
        return run

    def get(self, token: str, user_id: int) -> ImportRun | None:
        """The run of this file, for the user who started it."""
        with self._lock:
            run = self._runs.get(token)
        return run if run is not None and run.user_id == user_id else None

    def _forget_old(self) -> None:
        oldest = time.monotonic() - self.keep_seconds
        for token, run in list(self._runs.items()):
            if run.ended is not None and run.ended < oldest:
                del self._runs[token]

    def _work(self, run: ImportRun, job: Job) -> None:
        def heard(rows: int) -> None:
            run.done += rows

        try:
            run.report = job(heard)
        except MovesNotAllowed as refused:
            run.changes = refused.changes
            run.refusal = str(refused)
        except ValidationError as invalid:
            run.errors = list(invalid.errors)
            run.refusal = str(invalid)
        except (FileProblem, Conflict, NotFound, Forbidden) as refused:
            run.refusal = str(refused)
        except Exception:  # the page must learn that the run ended
            logging.getLogger(__name__).exception("an import started from a page failed")
            run.failed = True
        finally:
            run.ended = time.monotonic()
