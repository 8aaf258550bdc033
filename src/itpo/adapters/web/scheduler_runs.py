"""Runs of the scheduler started from a page: each in a thread of the serving process, so the
officer's page can show the best schedule found so far while the solver works, and the answer
when it is done. One run per event at a time; the last answer of each event is kept until the
next run starts (the draft itself is in the database)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from itpo.accounts.errors import Forbidden
from itpo.events.scheduler import Progress, Schedule
from itpo.registry.errors import Conflict, NotFound, ValidationError

Job = Callable[[Callable[[Progress], None]], Schedule]


@dataclass
class Run:
    event_id: int
    seconds: float  # the time limit the officer gave
    started: float = field(default_factory=time.monotonic)
    best: Progress | None = None
    schedule: Schedule | None = None
    refusal: str | None = None  # why the run gave no schedule

    @property
    def finished(self) -> bool:
        return self.schedule is not None or self.refusal is not None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


class SchedulerRuns:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[int, Run] = {}

    def start(self, event_id: int, seconds: float, job: Job) -> Run:
        """Start `job` (which reports its progress) for the event; Conflict while one runs."""
        with self._lock:
            current = self._runs.get(event_id)
            if current is not None and not current.finished:
                raise Conflict("the scheduler is running for this event already")
            run = Run(event_id, seconds)
            self._runs[event_id] = run
        threading.Thread(target=self._work, args=(run, job), daemon=True).start()
        return run

    def get(self, event_id: int) -> Run | None:
        with self._lock:
            return self._runs.get(event_id)

    def _work(self, run: Run, job: Job) -> None:
        def heard(progress: Progress) -> None:
            run.best = progress

        try:
            run.schedule = job(heard)
        except (Conflict, ValidationError, NotFound, Forbidden) as refused:
            run.refusal = str(refused)
        except Exception as failure:  # the page must learn that the run ended
            logging.getLogger(__name__).exception("a run of the scheduler failed")
            run.refusal = f"the scheduler stopped: {failure}"
