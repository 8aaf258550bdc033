"""Embeddings kept as float32 rows by slot, scored by brute force: exact, and fast enough to 1M."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]


class VectorStore:
    """A growable matrix; a removed slot is zeroed so it scores 0 against any query.

    Rows are float32 although float16 would halve memory: on this class of CPU numpy converts
    float16 (or int8) to float32 at about 0.2 s per 100k rows, ten times the cost of the BLAS
    product itself, so the smaller store would miss the latency target.
    """

    def __init__(self, dim: int, *, capacity: int = 1024) -> None:
        self.dim = dim
        self._rows = np.zeros((capacity, dim), np.float32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    @property
    def nbytes(self) -> int:
        return int(self._rows.nbytes)

    def put(self, slot: int, vectors: FloatArray) -> None:
        """Write rows from `slot` on, growing the matrix by doubling when needed."""
        end = slot + len(vectors)
        if end > len(self._rows):
            grown = np.zeros((max(end, 2 * len(self._rows)), self.dim), np.float32)
            grown[: self._size] = self._rows[: self._size]
            self._rows = grown
        self._rows[slot:end] = vectors
        self._size = max(self._size, end)

    def clear(self, slot: int) -> None:
        self._rows[slot] = 0.0

    def scores(self, query: FloatArray) -> FloatArray:
        """Cosine similarity of the query with every slot (rows and query are unit length)."""
        result: FloatArray = self._rows[: self._size] @ query.astype(np.float32)
        return result

    def rows(self, slots: NDArray[np.intp]) -> FloatArray:
        picked: FloatArray = self._rows[slots]
        return picked

    def vector(self, slot: int) -> FloatArray:
        row: FloatArray = self._rows[slot].copy()
        return row
