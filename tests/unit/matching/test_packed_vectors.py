"""Vector stores packed to 4 bits: a fast first pass that exact float32 scores then correct."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from itpo.matching import packed
from itpo.matching.encoders import Vectors, normalise
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.vectors import VectorStore

pytestmark = pytest.mark.skipif(not packed.available(), reason="no MatMulNBits in onnxruntime")


def unit_rows(count: int, dim: int, seed: int = 3) -> Vectors:
    return normalise(np.random.default_rng(seed).standard_normal((count, dim), np.float32))


class WordEncoder:
    """Each word a fixed random direction, a text the sum of its words: related texts are near."""

    name = "words"
    dim = 48  # not a whole number of packing blocks, so the padding is exercised
    languages: frozenset[str] | None = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            for word in text.split():
                seed = int.from_bytes(hashlib.md5(word.encode()).digest()[:4], "little")
                rows[row] += np.random.default_rng(seed).standard_normal(self.dim)
        return normalise(rows)


def test_packed_scores_are_close_to_exact_ones() -> None:
    rows = unit_rows(300, 96)
    store = VectorStore(96, packed_block=128)
    store.put(0, rows)
    assert store.approximate
    approximate, exact = store.scores(rows[5]), store.scores(rows[5], exact=True)
    assert exact == pytest.approx(rows @ rows[5], abs=1e-5)
    assert np.abs(approximate - exact).max() < 0.05
    assert approximate[256:] == pytest.approx(exact[256:], abs=1e-5)  # the tail is float32
    assert store.exact(np.array([5, 7]), rows[5]) == pytest.approx(exact[[5, 7]], abs=1e-5)


def test_a_store_smaller_than_a_block_is_scanned_exactly() -> None:
    rows = unit_rows(100, 32)
    store = VectorStore(32, packed_block=128)
    store.put(0, rows)
    assert not store.approximate
    assert store.scores(rows[0]) == pytest.approx(rows @ rows[0], abs=1e-6)


def test_rows_written_over_a_packed_block_are_packed_again() -> None:
    store = VectorStore(32, packed_block=64)
    store.put(0, unit_rows(128, 32, seed=1))
    replacement = unit_rows(10, 32, seed=2)
    store.put(60, replacement)
    assert store.scores(replacement[0])[60] == pytest.approx(1.0, abs=0.05)


def test_the_packed_first_pass_ranks_as_an_exact_scan() -> None:
    words = [f"w{n}" for n in range(60)]
    generator = np.random.default_rng(5)
    texts = [" ".join(generator.choice(words, 8)) for _ in range(700)]
    engine = RetrievalEngine([WordEncoder()], packed_block=64, packed_from=0)
    engine.add(Document(str(n), text, "en", partition=str(n % 3)) for n, text in enumerate(texts))
    for asking in ["1", "50", "333"]:
        packed_hits = engine.similar(asking, top=50, partitions=["0", "1"])
        engine.exact = True
        exact_hits = engine.similar(asking, top=50, partitions=["0", "1"])
        engine.exact = False
        assert [h.id for h in packed_hits] == [h.id for h in exact_hits]
        assert [h.score for h in packed_hits] == pytest.approx([h.score for h in exact_hits])


def test_only_a_search_reading_many_rows_uses_the_packed_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans: list[int] = []
    scores = packed.PackedRows.scores

    def counted(self: packed.PackedRows, query: Vectors) -> Vectors:
        scans.append(self.count)
        return scores(self, query)

    monkeypatch.setattr(packed.PackedRows, "scores", counted)
    documents = [Document(str(n), f"w{n % 7} w{n % 11}", "en") for n in range(300)]
    few = RetrievalEngine([WordEncoder()], packed_block=64, packed_from=1000)
    few.add(documents)
    few.similar("5", top=20)
    assert scans == []
    many = RetrievalEngine([WordEncoder()], packed_block=64, packed_from=200)
    many.add(documents)
    many.similar("5", top=20)
    assert scans == [64] * 4


def test_a_store_told_to_wait_packs_its_full_blocks_when_told_to_start() -> None:
    store = VectorStore(32, packed_block=64, packing=False)
    store.put(0, unit_rows(150, 32))
    assert not store.approximate
    store.start_packing()
    assert store.approximate
    store.put(150, unit_rows(50, 32, seed=4))
    assert len(store.scores(unit_rows(1, 32)[0])) == 200
