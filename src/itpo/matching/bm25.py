"""BM25 over an inverted index that takes documents one at a time and forgets them as easily."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]


@dataclass
class _Postings:
    """Slots and term frequencies of one term; appends wait in lists until the next query."""

    slots: NDArray[np.int32] = field(default_factory=lambda: np.empty(0, np.int32))
    tfs: FloatArray = field(default_factory=lambda: np.empty(0, np.float32))
    new_slots: list[int] = field(default_factory=list)
    new_tfs: list[float] = field(default_factory=list)
    df: int = 0

    def add(self, slot: int, tf: int) -> None:
        self.new_slots.append(slot)
        self.new_tfs.append(float(tf))
        self.df += 1

    def arrays(self) -> tuple[NDArray[np.int32], FloatArray]:
        if self.new_slots:
            self.slots = np.concatenate([self.slots, np.asarray(self.new_slots, np.int32)])
            self.tfs = np.concatenate([self.tfs, np.asarray(self.new_tfs, np.float32)])
            self.new_slots, self.new_tfs = [], []
        return self.slots, self.tfs


class BM25Index:
    """Okapi BM25 (Lucene's idf, k1 and b) over term lists; slots are dense integers."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._postings: dict[str, _Postings] = {}
        # Grown by doubling, so adding a document never copies the whole collection.
        self._lengths = np.zeros(1024, np.float32)
        self._alive = np.zeros(1024, bool)
        self._size = 0
        # Each document's distinct terms and their counts, as tuples: a quarter of a Counter's
        # memory, and only read to remove a document or explain a match.
        self._terms: list[tuple[tuple[str, ...], tuple[int, ...]] | None] = []
        self._total_length = 0.0
        self._count = 0
        self._pending: set[str] = set()  # terms with postings not yet in arrays

    def __len__(self) -> int:
        return self._count

    @property
    def slots(self) -> int:
        """Slots ever given out, including those of removed documents."""
        return self._size

    def add(self, terms: Sequence[str]) -> int:
        """Index one document's terms; returns its slot."""
        slot = self._size
        if slot == len(self._lengths):
            self._lengths = np.concatenate([self._lengths, np.zeros_like(self._lengths)])
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        self._size += 1
        counts = Counter(terms)
        for term, tf in counts.items():
            self._postings.setdefault(term, _Postings()).add(slot, tf)
        self._pending.update(counts)
        self._lengths[slot] = len(terms)
        self._alive[slot] = True
        self._terms.append((tuple(counts), tuple(counts.values())))
        self._total_length += len(terms)
        self._count += 1
        return slot

    def freeze(self) -> None:
        """Move pending postings into arrays now, so the next query does not pay for it."""
        for term in self._pending:
            self._postings[term].arrays()
        self._pending.clear()

    def remove(self, slot: int) -> None:
        """Forget a document: it stops counting in document frequencies and lengths at once."""
        stored = self._terms[slot]
        if stored is None:
            return
        for term in stored[0]:
            self._postings[term].df -= 1
        self._alive[slot] = False
        self._terms[slot] = None
        self._total_length -= float(self._lengths[slot])
        self._count -= 1

    def idf(self, term: str) -> float:
        postings = self._postings.get(term)
        df = postings.df if postings else 0
        return float(np.log(1.0 + (self._count - df + 0.5) / (df + 0.5)))

    def scores(self, query_terms: Iterable[str]) -> FloatArray:
        """BM25 score of every slot (removed slots score 0)."""
        scores = np.zeros(self._size, np.float32)
        if self._count == 0:
            return scores
        lengths = self._lengths[: self._size]
        norm = self.k1 * (1 - self.b + self.b * lengths / (self._total_length / self._count))
        for term, weight in Counter(query_terms).items():
            postings = self._postings.get(term)
            if postings is None or postings.df == 0:
                continue
            slots, tfs = postings.arrays()
            gain = tfs * (self.k1 + 1) / (tfs + norm[slots])
            scores[slots] += weight * self.idf(term) * gain  # slots are unique per term
        scores[~self._alive[: self._size]] = 0.0
        return scores

    def salient_terms(self, slot: int, limit: int) -> list[str]:
        """A document's `limit` terms of highest tf-idf: a document used as a query stays cheap."""
        terms, counts = self._terms[slot] or ((), ())
        weights = {term: tf * self.idf(term) for term, tf in zip(terms, counts, strict=True)}
        return sorted(weights, key=weights.__getitem__, reverse=True)[:limit]

    def matched_terms(self, slot: int, query_terms: Iterable[str]) -> list[str]:
        """Query terms that the document contains, for explanations."""
        held = set((self._terms[slot] or ((), ()))[0])
        return [term for term in dict.fromkeys(query_terms) if term in held]
