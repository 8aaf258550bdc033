"""Text similarity on an absolute scale: against the collection's unrelated pairs, the same
whichever side asks, and lifted by shared rare words."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from itpo.matching.encoders import Vectors, normalise
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.fusion import FusionConfig, PairWeights
from itpo.matching.similarity import (
    MIN_PAIRS,
    SAMPLE,
    Background,
    Spread,
    background,
    sample_positions,
    settled,
    similarity,
)


class BagOfWords:
    """A tiny deterministic encoder: one hashed dimension per word."""

    name = "bag-of-words"
    dim = 64
    languages: frozenset[str] | None = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                rows[row, sum(map(ord, word)) % self.dim] += 1.0
        return normalise(rows + 1e-3)


TEXTS = {
    "dryer": "solar dryer for mango and pineapple growers",
    "mango": "mango growers need a solar dryer to cut losses",
    "cement": "cement grinding aids that cut clinker",
    "water": "water treatment for textile dye houses",
    "wind": "small wind turbines for island grids",
    "bus": "electric buses with battery swapping",
}


def engine() -> RetrievalEngine:
    found = RetrievalEngine([BagOfWords()])
    found.add(Document(key, text, "en") for key, text in TEXTS.items())
    return found


def test_a_pair_has_the_same_similarity_whichever_side_asks() -> None:
    index = engine()
    forward = {h.id: h.similarity for h in index.similar("dryer", top=10)}
    backward = {h.id: h.similarity for h in index.similar("mango", top=10)}
    assert forward["mango"] == pytest.approx(backward["dryer"])


def test_texts_on_one_subject_score_far_above_unrelated_ones() -> None:
    hits = {h.id: h.similarity for h in engine().similar("dryer", top=10)}
    assert hits["mango"] > 0.5
    assert max(hits[k] for k in ("cement", "water", "wind", "bus")) < 0.5
    assert all(0.0 <= value <= 1.0 for value in hits.values())


def test_the_background_is_measured_per_language_group_and_borrowed_when_thin() -> None:
    rows = normalise(np.random.default_rng(1).normal(size=(40, 8)).astype(np.float32))
    one_language = background(rows, np.zeros(40, np.int16))
    assert one_language.cross == one_language.same  # no cross pairs: borrowed
    codes = np.asarray([0] * 20 + [1] * 20, np.int16)
    two = background(rows, codes)
    assert MIN_PAIRS <= 20 * 20 and two.cross != two.same
    flat = background(rows[:1], codes[:1])
    assert flat.same == Spread(0.0, 0.0) and flat.same.z(0.7) == 0.0


def test_the_sample_is_bounded_and_the_same_for_the_same_collection() -> None:
    alive = np.ones(SAMPLE * 3, bool)
    alive[::2] = False
    first, second = sample_positions(alive), sample_positions(alive)
    assert len(first) == SAMPLE and (first == second).all() and alive[first].all()
    small = np.ones(10, bool)
    assert list(sample_positions(small)) == list(range(10))


def test_shared_rare_words_lift_the_similarity_of_a_pair() -> None:
    index = RetrievalEngine([BagOfWords()])
    texts = {
        "a": "ceramic membrane bioreactor for dye effluent",
        "b": "dye effluent treated by a ceramic membrane bioreactor",
        "c": "a pump for irrigation",
    }
    index.add(Document(key, text, "en") for key, text in texts.items())
    plain = RetrievalEngine([BagOfWords()], fusion=FusionConfig(lexical=PairWeights(0.0, 0.0)))
    plain.add(Document(key, text, "en") for key, text in texts.items())
    lifted = {h.id: h.similarity for h in index.similar("a", top=5)}
    unlifted = {h.id: h.similarity for h in plain.similar("a", top=5)}
    assert lifted["b"] > unlifted["b"]
    assert lifted["c"] == pytest.approx(unlifted["c"])  # nothing shared, nothing added


def test_similarity_grows_with_the_z_score_and_the_shared_words() -> None:
    assert similarity(0.0, 0.0) < 0.1 < similarity(2.5, 0.0) == pytest.approx(0.5)
    assert similarity(2.5, 0.1) > similarity(2.5, 0.0)
    assert similarity(6.0, 0.0) > 0.95


def test_a_small_collection_leans_on_the_prior_and_a_large_one_on_itself() -> None:
    measured = Background(Spread(0.6, 0.05), Spread(0.5, 0.05))
    prior = Background(Spread(0.2, 0.15), Spread(0.1, 0.1))
    small = settled(measured, prior, 20).same
    large = settled(measured, prior, 100_000).same
    assert small.mean == pytest.approx(0.2 + (0.6 - 0.2) * 20 / 220)
    assert large.mean == pytest.approx(0.6, abs=0.001)
    assert settled(measured, None, 20) is measured
    assert settled(Background(Spread(0, 0), Spread(0, 0)), prior, 20) == prior
