"""Partitions of the retrieval index, and the scope of one search: the partitions it reads,
side by side as one range of positions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from itpo.matching.bm25 import BM25Index, CorpusStatistics
from itpo.matching.encoders import Encoder
from itpo.matching.vectors import VectorStore

FloatArray = NDArray[np.float32]
Positions = NDArray[np.intp]
T = TypeVar("T", bound=np.generic)


class Partition:
    """One partition's documents by local slot: postings, vectors, ids and languages."""

    def __init__(
        self,
        encoders: Sequence[Encoder],
        statistics: CorpusStatistics,
        packed_block: int | None,
        packing: bool,
    ) -> None:
        self.lexical = BM25Index(statistics=statistics)
        self.vectors = [
            VectorStore(e.dim, packed_block=packed_block, packing=packing) for e in encoders
        ]
        self.ids: list[str] = []
        self.languages: list[str] = []
        self._codes = np.zeros(1024, np.int16)

    @property
    def size(self) -> int:
        return self.lexical.slots

    @property
    def codes(self) -> NDArray[np.int16]:
        return self._codes[: self.size]

    def add(self, document_id: str, terms: list[str], language: str, code: int) -> int:
        slot = self.lexical.add(terms)
        if slot == len(self._codes):
            self._codes = np.concatenate([self._codes, np.zeros_like(self._codes)])
        self._codes[slot] = code
        self.ids.append(document_id)
        self.languages.append(language)
        return slot


class Scope:
    """The partitions a search reads, side by side: their slots as one range of positions."""

    def __init__(self, partitions: list[Partition]) -> None:
        self.partitions = partitions
        self.starts = np.cumsum([0, *(p.size for p in partitions)])

    def join(self, arrays: Iterable[NDArray[T]]) -> NDArray[T]:
        """One array from each partition's (fresh arrays: a single one is not copied)."""
        parts = list(arrays)
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def position(self, partition: Partition, slot: int) -> int | None:
        for number, candidate in enumerate(self.partitions):
            if candidate is partition:
                return int(self.starts[number]) + slot
        return None

    def locate(self, positions: Positions) -> list[tuple[Partition, int]]:
        """The partition and slot at each position."""
        numbers = np.searchsorted(self.starts, positions, side="right") - 1
        slots = positions - self.starts[numbers]
        return [
            (self.partitions[number], slot)
            for number, slot in zip(numbers.tolist(), slots.tolist(), strict=True)
        ]

    def _split(
        self, positions: Positions
    ) -> Iterator[tuple[Partition, NDArray[np.bool_], Positions]]:
        which = np.searchsorted(self.starts, positions, side="right") - 1
        for number, partition in enumerate(self.partitions):
            chosen = which == number
            if chosen.any():
                yield partition, chosen, positions[chosen] - self.starts[number]

    def exact(self, encoder: int, positions: Positions, vector: FloatArray) -> FloatArray:
        """Exact (float32) scores of one encoder's rows at these positions."""
        out = np.empty(len(positions), np.float32)
        for partition, chosen, slots in self._split(positions):
            out[chosen] = partition.vectors[encoder].exact(slots, vector)
        return out

    def rows(self, encoder: int, positions: Positions) -> FloatArray:
        out = np.empty((len(positions), self.partitions[0].vectors[encoder].dim), np.float32)
        for partition, chosen, slots in self._split(positions):
            out[chosen] = partition.vectors[encoder].rows(slots)
        return out
