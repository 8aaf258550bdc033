"""The match cache: entries expire with time, the least recently used go first."""

from __future__ import annotations

import datetime as dt

from itpo.matching.cache import Computed, MatchCache, MatchKey

DAY = dt.date(2026, 11, 28)
NONE = Computed(())


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
    cache.put(key(1), NONE)
    clock.now = 59
    assert cache.get(key(1)) == NONE
    clock.now = 61
    assert cache.get(key(1)) is None and len(cache) == 0
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_new_generation_is_a_different_entry() -> None:
    cache = MatchCache()
    cache.put(key(1, generation=1), NONE)
    assert cache.get(key(1, generation=2)) is None


def test_the_least_recently_used_entry_goes_first() -> None:
    cache = MatchCache(capacity=2)
    cache.put(key(1), NONE)
    cache.put(key(2), NONE)
    assert cache.get(key(1)) == NONE  # 1 is now the most recent
    cache.put(key(3), NONE)
    assert cache.get(key(2)) is None
    assert cache.get(key(1)) == NONE and cache.get(key(3)) == NONE


def test_owners_are_looked_at_once_in_a_while_by_one_caller() -> None:
    clock = Clock()
    cache = MatchCache(owners_seconds=1, clock=clock)
    cache.put(key(1), NONE)
    assert not cache.owners_due(key(1))  # just read with the matches
    clock.now = 1.5
    assert cache.owners_due(key(1))
    assert not cache.owners_due(key(1))  # the first caller looks
    clock.now = 2.6
    assert cache.owners_due(key(1))
