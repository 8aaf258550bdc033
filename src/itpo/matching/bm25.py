"""BM25 over an inverted index that takes documents one at a time and forgets them as easily."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]
BoolArray = NDArray[np.bool_]
# Pending postings wait in Python lists, at about 70 bytes each: past this many they move into
# arrays, so a bulk load of a million documents does not hold gigabytes of lists.
FREEZE_AFTER = 2_000_000


@dataclass(slots=True)
class CorpusStatistics:
    """Document count, total length and document frequencies: what idf and the average length
    need. Several indexes can share one, so a collection split into parts scores as one."""

    count: int = 0
    total_length: float = 0.0
    df: dict[str, int] = field(default_factory=dict)

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        return float(np.log(1.0 + (self.count - df + 0.5) / (df + 0.5)))


@dataclass(slots=True)
class _Postings:
    """Slots and term frequencies of one term; appends wait in lists until the next query."""

    slots: NDArray[np.int32] = field(default_factory=lambda: np.empty(0, np.int32))
    tfs: FloatArray = field(default_factory=lambda: np.empty(0, np.float32))
    new_slots: list[int] = field(default_factory=list)
    new_tfs: list[float] = field(default_factory=list)

    def add(self, slot: int, tf: int) -> None:
        self.new_slots.append(slot)
        self.new_tfs.append(float(tf))

    def arrays(self) -> tuple[NDArray[np.int32], FloatArray]:
        if self.new_slots:
            self.slots = np.concatenate([self.slots, np.asarray(self.new_slots, np.int32)])
            self.tfs = np.concatenate([self.tfs, np.asarray(self.new_tfs, np.float32)])
            self.new_slots, self.new_tfs = [], []
        return self.slots, self.tfs


class BM25Index:
    """Okapi BM25 (Lucene's idf, k1 and b) over term lists; slots are dense integers.

    With `statistics` shared between indexes, each holds a part of one collection: its own
    postings and slots, the collection's document frequencies and average length.
    """

    def __init__(
        self, *, k1: float = 1.2, b: float = 0.75, statistics: CorpusStatistics | None = None
    ) -> None:
        self.k1, self.b = k1, b
        self.statistics = statistics if statistics is not None else CorpusStatistics()
        self._postings: dict[str, _Postings] = {}
        # Grown by doubling, so adding a document never copies the whole collection.
        self._lengths = np.zeros(1024, np.float32)
        self._alive = np.zeros(1024, bool)
        self._size = 0
        # Each document's distinct terms and their counts, as tuples: a quarter of a Counter's
        # memory, and only read to remove a document or explain a match.
        self._terms: list[tuple[tuple[str, ...], tuple[int, ...]] | None] = []
        self._count = 0
        self._pending: set[str] = set()  # terms with postings not yet in arrays
        self._pending_postings = 0

    def __len__(self) -> int:
        return self._count

    @property
    def slots(self) -> int:
        """Slots ever given out, including those of removed documents."""
        return self._size

    @property
    def alive(self) -> BoolArray:
        """Whether each slot holds a document (a view: copy it before changing it)."""
        return self._alive[: self._size]

    def add(self, terms: Sequence[str]) -> int:
        """Index one document's terms; returns its slot."""
        slot = self._size
        if slot == len(self._lengths):
            self._lengths = np.concatenate([self._lengths, np.zeros_like(self._lengths)])
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        self._size += 1
        counts = Counter(terms)
        df = self.statistics.df
        for term, tf in counts.items():
            self._postings.setdefault(term, _Postings()).add(slot, tf)
            df[term] = df.get(term, 0) + 1
        self._pending.update(counts)
        self._pending_postings += len(counts)
        self._lengths[slot] = len(terms)
        self._alive[slot] = True
        self._terms.append((tuple(counts), tuple(counts.values())))
        self.statistics.total_length += len(terms)
        self.statistics.count += 1
        self._count += 1
        if self._pending_postings > FREEZE_AFTER:
            self.freeze()
        return slot

    def freeze(self) -> None:
        """Move pending postings into arrays now, so the next query does not pay for it."""
        for term in self._pending:
            self._postings[term].arrays()
        self._pending.clear()
        self._pending_postings = 0

    def remove(self, slot: int) -> None:
        """Forget a document: it stops counting in document frequencies and lengths at once."""
        stored = self._terms[slot]
        if stored is None:
            return
        df = self.statistics.df
        for term in stored[0]:
            df[term] -= 1
        self._alive[slot] = False
        self._terms[slot] = None
        self.statistics.total_length -= float(self._lengths[slot])
        self.statistics.count -= 1
        self._count -= 1

    def idf(self, term: str) -> float:
        return self.statistics.idf(term)

    def scores(self, query_terms: Iterable[str]) -> FloatArray:
        """BM25 score of every slot (removed slots score 0)."""
        scores = np.zeros(self._size, np.float32)
        statistics = self.statistics
        if self._count == 0 or statistics.count == 0:
            return scores
        average = statistics.total_length / statistics.count
        for term, weight in Counter(query_terms).items():
            postings = self._postings.get(term)
            if postings is None or statistics.df.get(term, 0) == 0:
                continue
            slots, tfs = postings.arrays()
            # The length norm only where the term occurs: a pass over every slot would cost
            # more than the postings of a rare term.
            norm = self.k1 * (1 - self.b + self.b * self._lengths[slots] / average)
            gain = tfs * (self.k1 + 1) / (tfs + norm)
            scores[slots] += weight * self.idf(term) * gain  # slots are unique per term
        scores[~self.alive] = 0.0
        return scores

    def salient_terms(self, slot: int, limit: int) -> list[str]:
        """A document's `limit` terms of highest tf-idf: a document used as a query stays cheap."""
        terms, counts = self._terms[slot] or ((), ())
        weights = {term: tf * self.idf(term) for term, tf in zip(terms, counts, strict=True)}
        return sorted(weights, key=weights.__getitem__, reverse=True)[:limit]

    def terms_of(self, slot: int) -> tuple[str, ...]:
        """The distinct terms of a document."""
        return tuple((self._terms[slot] or ((), ()))[0])

    def matched_terms(self, slot: int, query_terms: Iterable[str]) -> list[str]:
        """Query terms that the document contains, for explanations."""
        held = set((self._terms[slot] or ((), ()))[0])
        return [term for term in dict.fromkeys(query_terms) if term in held]
