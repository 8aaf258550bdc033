"""Computed matches kept for reuse while nothing they depend on has changed.

Scoring and explaining the candidates is most of a match request's cost, and the answer is the
same until an opportunity changes (the index generation moves), new weights are learned, or
the day turns (freshness and validity). Owners' names are not versioned, so an entry also
expires after a short time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from itpo.matching.service import MatchResult


@dataclass(frozen=True, slots=True)
class MatchKey:
    opportunity_id: int
    depth: int  # how many results were computed
    weights_version: int
    generation: int  # of the index: any opportunity created, changed or expired moves it
    today: dt.date


class MatchCache:
    """A bounded, thread-safe LRU of computed matches with a time to live."""

    def __init__(
        self,
        *,
        capacity: int = 4096,
        ttl_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity, self.ttl, self._clock = capacity, ttl_seconds, clock
        self._entries: OrderedDict[MatchKey, tuple[float, tuple[MatchResult, ...]]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: MatchKey) -> tuple[MatchResult, ...] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None or self._clock() - found[0] > self.ttl:
                self.misses += 1
                if found is not None:
                    del self._entries[key]
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: MatchKey, results: tuple[MatchResult, ...]) -> None:
        with self._lock:
            self._entries[key] = (self._clock(), results)
            self._entries.move_to_end(key)
            while len(self._entries) > self.capacity:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
