"""The match cache: entries expire with time, the least recently used go first."""

from __future__ import annotations

import datetime as dt

from itpo.matching.cache import MatchCache, MatchKey

DAY = dt.date(2026, 11, 28)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def key(opportunity: int, generation: int = 1) -> MatchKey:
    return MatchKey(opportunity, 10, 1, generation, DAY)


def test_an_entry_lives_until_its_time_is_up() -> None:
    clock = Clock()
    cache = MatchCache(ttl_seconds=60, clock=clock)
    cache.put(key(1), ())
    clock.now = 59
    assert cache.get(key(1)) == ()
    clock.now = 61
    assert cache.get(key(1)) is None and len(cache) == 0
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_new_generation_is_a_different_entry() -> None:
    cache = MatchCache()
    cache.put(key(1, generation=1), ())
    assert cache.get(key(1, generation=2)) is None


def test_the_least_recently_used_entry_goes_first() -> None:
    cache = MatchCache(capacity=2)
    cache.put(key(1), ())
    cache.put(key(2), ())
    assert cache.get(key(1)) == ()  # 1 is now the most recent
    cache.put(key(3), ())
    assert cache.get(key(2)) is None
    assert cache.get(key(1)) == () and cache.get(key(3)) == ()
