"""The index's vector cache: a rebuild encodes only new or changed texts, files are whole."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from itpo.adapters.index_store import CachingEncoder, EncoderSpec, document_text, text_hash
from itpo.matching.encoders import Vectors, normalise


class CountingEncoder:
    """A deterministic bag-of-words encoder that counts the texts it is asked to encode."""

    name = "counting"
    dim = 32
    languages: frozenset[str] | None = None

    def __init__(self) -> None:
        self.calls: list[str] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.extend(texts)
        rows = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                rows[row, hashlib.md5(word.encode()).digest()[0] % self.dim] += 1.0
        return normalise(rows + 1e-3)


TEXTS = [
    document_text("Solar tunnel dryer", "Halves mango losses."),
    document_text("Cement grinding aid", "Less clinker per tonne."),
]


@pytest.fixture
def counting() -> CountingEncoder:
    return CountingEncoder()


def cache(counting: CountingEncoder, folder: Path) -> CachingEncoder:
    return CachingEncoder(EncoderSpec.of(counting), folder / f"{counting.name}.npz")


def test_a_second_build_from_the_saved_cache_encodes_nothing(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    first = cache(counting, tmp_path)
    first.fill(TEXTS)
    vectors = first.encode(TEXTS)
    first.save({1: text_hash(TEXTS[0]), 2: text_hash(TEXTS[1])})
    counting.calls.clear()
    second = cache(counting, tmp_path)
    assert np.allclose(second.encode(TEXTS), vectors)
    assert counting.calls == []
    assert second.encoded == 0


def test_only_a_changed_text_is_encoded_again(counting: CountingEncoder, tmp_path: Path) -> None:
    first = cache(counting, tmp_path)
    first.fill(TEXTS)
    first.save({1: text_hash(TEXTS[0]), 2: text_hash(TEXTS[1])})
    counting.calls.clear()
    changed = document_text("Solar tunnel dryer", "Now for cassava too.")
    cache(counting, tmp_path).encode([TEXTS[0], changed])
    assert counting.calls == [changed]


def test_the_cache_file_keys_vectors_by_id_and_text_hash_and_drops_stale_entries(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    encoder = cache(counting, tmp_path)
    encoder.fill(TEXTS)
    encoder.save({7: text_hash(TEXTS[1])})
    with np.load(tmp_path / "counting.npz") as data:
        assert data["ids"].tolist() == [7]
        assert data["hashes"].tolist() == [text_hash(TEXTS[1])]
        assert data["vectors"].shape == (1, CountingEncoder.dim)
    assert [p.name for p in tmp_path.iterdir()] == ["counting.npz"]  # no temporary left


def test_a_damaged_cache_file_is_ignored_and_rebuilt(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    (tmp_path / "counting.npz").write_bytes(b"not a numpy file")
    assert cache(counting, tmp_path).encode(TEXTS).shape == (2, CountingEncoder.dim)
    assert len(counting.calls) == 2


def test_the_encoder_is_not_loaded_while_the_cache_answers(tmp_path: Path) -> None:
    loads: list[int] = []
    counting = CountingEncoder()

    def load() -> CountingEncoder:
        loads.append(1)
        return counting

    spec = EncoderSpec(counting.name, counting.dim, None, load)
    first = CachingEncoder(spec, tmp_path / "c.npz")
    first.fill(TEXTS)
    first.save({1: text_hash(TEXTS[0]), 2: text_hash(TEXTS[1])})
    CachingEncoder(spec, tmp_path / "c.npz").encode(TEXTS)
    assert loads == [1]


def test_append_writes_only_the_vectors_not_on_disk_yet(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    encoder = cache(counting, tmp_path)
    encoder.fill(TEXTS[:1])
    encoder.save({1: text_hash(TEXTS[0])})
    encoder.fill(TEXTS)
    segment = encoder.append({1: text_hash(TEXTS[0]), 2: text_hash(TEXTS[1])})
    assert segment is not None and segment.name.startswith("counting.part-")
    with np.load(segment) as data:
        assert data["ids"].tolist() == [2]
    assert encoder.append({2: text_hash(TEXTS[1])}) is None  # nothing new since
    counting.calls.clear()
    assert cache(counting, tmp_path).encode(TEXTS).shape == (2, CountingEncoder.dim)
    assert counting.calls == []


def test_saving_folds_the_segments_into_the_main_file(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    encoder = cache(counting, tmp_path)
    encoder.fill(TEXTS)
    encoder.append({1: text_hash(TEXTS[0]), 2: text_hash(TEXTS[1])})
    cache(counting, tmp_path).save({2: text_hash(TEXTS[1])})
    assert [p.name for p in tmp_path.iterdir()] == ["counting.npz"]
    with np.load(tmp_path / "counting.npz") as data:
        assert data["ids"].tolist() == [2]


def test_texts_encoded_without_filling_are_not_kept(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    encoder = cache(counting, tmp_path)
    encoder.encode(["a query"])
    encoder.encode(["a query"])
    assert counting.calls == ["a query", "a query"]
    assert encoder.append({1: text_hash("a query")}) is None


class QueryFormEncoder(CountingEncoder):
    """An encoder with a distinct form for search texts, as e5 has."""

    name = "query-form"

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        self.calls.extend(f"query: {text}" for text in texts)
        return self.encode([f"query: {text}" for text in texts])


def test_search_texts_reach_the_encoder_in_its_query_form_even_when_cached(
    tmp_path: Path,
) -> None:
    encoder = QueryFormEncoder()
    cached = CachingEncoder(EncoderSpec.of(encoder), tmp_path / "query-form.npz")
    cached.fill(TEXTS)
    encoder.calls.clear()
    vectors = cached.encode_queries(TEXTS[:1])
    assert encoder.calls[0] == f"query: {TEXTS[0]}"
    assert np.allclose(vectors, encoder.encode([f"query: {TEXTS[0]}"]))
    assert cached.encoded == len(TEXTS) + 1


def test_chunks_reach_the_encoder_shortest_first(counting: CountingEncoder, tmp_path: Path) -> None:
    texts = ["a much longer text about geothermal tea drying", "short", "mid length text"]
    cache(counting, tmp_path).fill(texts)
    assert counting.calls == sorted(texts, key=len)
