"""Computed matches kept for reuse while nothing they depend on has changed.

Scoring and explaining the candidates is most of a match request's cost, and the answer is the
same until an opportunity changes (the index generation moves), new weights are learned, or
the day turns (freshness and validity). Owners are not in the index, so an entry remembers
when the owners it shows last changed, and is stale once one of them has changed since: looked
at once a minute at most, so a renamed owner shows within a minute, as when every entry lived
a minute, while the costly part is kept ten times longer. An entry also expires then, for
owners it does not show whose change could alter eligibility.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from itpo.matching.explanation import Reason
from itpo.matching.service import MatchResult


@dataclass(frozen=True, slots=True)
class MatchKey:
    opportunity_id: int
    depth: int  # how many results were computed
    weights_version: int
    generation: int  # of the index: any opportunity created, changed or expired moves it
    today: dt.date


@dataclass(frozen=True, slots=True)
class Computed:
    """Matches as computed, and the owners they show (the asking record's too) with the time
    each last changed then."""

    results: tuple[MatchResult, ...]
    owners: Mapping[int, dt.datetime | None] = field(default_factory=dict)
    near_misses: tuple[MatchResult, ...] = ()
    no_match: Mapping[str, Reason] = field(default_factory=dict)


class MatchCache:
    """A bounded, thread-safe LRU of computed matches with a time to live."""

    def __init__(
        self,
        *,
        capacity: int = 4096,
        ttl_seconds: float = 600.0,
        owners_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity, self.ttl, self._clock = capacity, ttl_seconds, clock
        self.owners_seconds = owners_seconds
        self._entries: OrderedDict[MatchKey, tuple[float, Computed]] = OrderedDict()
        self._owners_seen: dict[MatchKey, float] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: MatchKey) -> Computed | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None or self._clock() - found[0] > self.ttl:
                self.misses += 1
                if found is not None:
                    del self._entries[key]
                    self._owners_seen.pop(key, None)
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[1]

    def owners_due(self, key: MatchKey) -> bool:
        """Whether the entry's owners are due for a look (`owners_seconds` after the last);
        the caller that is told so takes the look."""
        with self._lock:
            at = self._clock()
            if at - self._owners_seen.get(key, -math.inf) < self.owners_seconds:
                return False
            self._owners_seen[key] = at
            return True

    def put(self, key: MatchKey, computed: Computed) -> None:
        with self._lock:
            at = self._clock()
            self._entries[key] = (at, computed)
            self._owners_seen[key] = at  # just read with the matches
            self._entries.move_to_end(key)
            while len(self._entries) > self.capacity:
                dropped, _ = self._entries.popitem(last=False)
                self._owners_seen.pop(dropped, None)

    def __len__(self) -> int:
        return len(self._entries)
