"""Embeddings kept as float32 rows by slot; full blocks of rows also packed to 4 bits for a fast
first pass (see `packed`). Exact scores always come from the float32 rows."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from itpo.matching import packed

FloatArray = NDArray[np.float32]
# Rows per packed block: packing one takes about 0.05 s, paid by the addition that fills it,
# and the float32 rows after the last full block (fewer than this) are scanned exactly. A store
# smaller than one block is always scanned exactly.
PACKED_BLOCK = 8_192


class VectorStore:
    """A growable matrix; a removed slot is zeroed so it scores 0 against any query.

    Rows stay float32: numpy converts float16 or int8 rows to float32 before a product, at ten
    times the cost of the product itself. The 4-bit blocks are scored by onnxruntime instead,
    which reads them as they are. A block, once packed, is never changed: a cleared row keeps
    its old packed values, so callers mask removed slots themselves (the engine does).
    """

    def __init__(
        self,
        dim: int,
        *,
        capacity: int = 1024,
        packed_block: int | None = PACKED_BLOCK,
        packing: bool = True,
    ) -> None:
        self.dim = dim
        self._rows = np.zeros((capacity, dim), np.float32)
        self._size = 0
        self._block = packed_block if packed_block and packed.available() else None
        self._packing = packing  # False: full blocks wait for `start_packing`
        self._packed: list[packed.PackedRows] = []  # block i holds rows i*block .. (i+1)*block

    def __len__(self) -> int:
        return self._size

    @property
    def nbytes(self) -> int:
        return int(self._rows.nbytes)

    @property
    def approximate(self) -> bool:
        """Whether `scores` answers some rows from packed blocks (approximate values)."""
        return bool(self._packed)

    def put(self, slot: int, vectors: FloatArray) -> None:
        """Write rows from `slot` on, growing the matrix by doubling when needed."""
        end = slot + len(vectors)
        if end > len(self._rows):
            grown = np.zeros((max(end, 2 * len(self._rows)), self.dim), np.float32)
            grown[: self._size] = self._rows[: self._size]
            self._rows = grown
        self._rows[slot:end] = vectors
        self._size = max(self._size, end)
        if self._block is not None:
            del self._packed[slot // self._block :]  # blocks these rows overwrite
            self._pack()

    def start_packing(self) -> None:
        """Pack the full blocks now, and each block as it fills from now on."""
        self._packing = True
        self._pack()

    def _pack(self) -> None:
        if self._block is None or not self._packing:
            return
        while (len(self._packed) + 1) * self._block <= self._size:
            start = len(self._packed) * self._block
            self._packed.append(packed.PackedRows(self._rows[start : start + self._block]))

    def clear(self, slot: int) -> None:
        self._rows[slot] = 0.0

    def scores(self, query: FloatArray, *, exact: bool = False) -> FloatArray:
        """Cosine similarity of the query with every slot (rows and query are unit length);
        approximate in packed blocks unless `exact`."""
        query = query.astype(np.float32)
        if exact or self._block is None:
            result: FloatArray = self._rows[: self._size] @ query
            return result
        out = np.empty(self._size, np.float32)
        for number, block in enumerate(self._packed):
            out[number * self._block : (number + 1) * self._block] = block.scores(query)
        done = len(self._packed) * self._block
        out[done:] = products(self._rows[done : self._size], query)  # fewer than a block
        return out

    def exact(self, slots: NDArray[np.intp], query: FloatArray) -> FloatArray:
        """Exact cosine similarity of the query with the given slots."""
        return products(self._rows[slots], query)

    def rows(self, slots: NDArray[np.intp]) -> FloatArray:
        picked: FloatArray = self._rows[slots]
        return picked

    def vector(self, slot: int) -> FloatArray:
        row: FloatArray = self._rows[slot].copy()
        return row


def products(rows: FloatArray, query: FloatArray) -> FloatArray:
    """Each row's dot product with the query. einsum, not BLAS: for a few thousand rows, BLAS
    threads that wait for a core on a busy machine cost more than the product itself."""
    result: FloatArray = np.einsum("ij,j->i", rows, query.astype(np.float32))
    return result
