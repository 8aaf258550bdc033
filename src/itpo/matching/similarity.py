"""How alike two texts are, on an absolute scale in [0, 1], the same whichever side asks.

Retrieval ranks by z-scores against each query's own best hundred, which orders one list well
but says nothing across lists: every record's first candidate looks excellent, even when
nothing in the collection is about the same thing. A match's score must mean the same on both
records' pages and be comparable between records, so the text part of it is measured here
instead: each encoder's cosine against the cosine of unrelated pairs of the same collection
(its background), and the idf-weighted overlap of the two texts' index terms.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]

# Documents sampled to measure a background: 400 give 80,000 pairs, enough for a mean and a
# spread to two digits, in a few milliseconds.
SAMPLE = 400
# Fewer pairs than this in one language group (say cross-language pairs in an English-only
# collection) and the group borrows the whole sample's figures.
MIN_PAIRS = 200
# The logistic that turns a weighted z-score above the background into a similarity: a pair
# CENTRE spreads above unrelated ones scores 0.5. Unrelated pairs sit near z = 0 (about 0.1),
# paraphrases and records on one subject at z = 4 or more (0.9 and up).
CENTRE = 2.5
WIDTH = 0.8
# Shared vocabulary counts on top of the encoders, in spreads: two records on one subject in
# one language share an idf-weighted cosine of about 0.1 (a few rare words), unrelated ones
# under 0.03, so 0.1 adds a little more than one spread.
LEXICAL_GAIN = 12.0


@dataclass(frozen=True, slots=True)
class Spread:
    """Mean and standard deviation of a signal over unrelated pairs."""

    mean: float
    std: float

    def z(self, value: float) -> float:
        return (value - self.mean) / self.std if self.std > 1e-9 else 0.0


@dataclass(frozen=True, slots=True)
class Background:
    """One encoder's cosine over unrelated pairs: in one language, and across two."""

    same: Spread
    cross: Spread

    def spread(self, same_language: bool) -> Spread:
        return self.same if same_language else self.cross


# Each bundled encoder's background over a collection of a few hundred records on many
# subjects (the demo's 718). A small collection says little about unrelated pairs: twenty
# records on one subject look "unrelated" to each other at a cosine of 0.6. So a measured
# background is blended with this prior, the prior counting as PRIOR_DOCUMENTS records (a
# collection of 20 is nearly all prior, one of 100,000 nearly all its own).
PRIORS: Mapping[str, Background] = {
    # e5's cosines crowd near 0.8 (its training temperature), so its spread is what tells.
    "multilingual-e5-small-int8": Background(Spread(0.810, 0.031), Spread(0.758, 0.023)),
    "use-multilingual-v3": Background(Spread(0.187, 0.142), Spread(0.100, 0.097)),
    "minilm-l6-int8": Background(Spread(0.228, 0.137), Spread(0.093, 0.074)),
}
PRIOR_DOCUMENTS = 200


def settled(measured: Background, prior: Background | None, documents: int) -> Background:
    """The measured background of a collection of `documents`, blended with the prior."""
    if prior is None:
        return measured
    share = documents / (documents + PRIOR_DOCUMENTS)

    def blend(ours: Spread, theirs: Spread) -> Spread:
        if ours.std <= 0:
            return theirs
        return Spread(
            share * ours.mean + (1 - share) * theirs.mean,
            share * ours.std + (1 - share) * theirs.std,
        )

    return Background(blend(measured.same, prior.same), blend(measured.cross, prior.cross))


def background(rows: FloatArray, codes: NDArray[np.int16]) -> Background:
    """The background of an encoder from a sample of its rows and their language codes."""
    if len(rows) < 2:
        flat = Spread(0.0, 0.0)
        return Background(flat, flat)
    cosines = rows @ rows.T
    upper = np.triu(np.ones(cosines.shape, bool), k=1)
    same_language = codes[:, None] == codes[None, :]
    everyone = _spread(cosines[upper])
    same = cosines[upper & same_language]
    cross = cosines[upper & ~same_language]
    return Background(
        _spread(same) if len(same) >= MIN_PAIRS else everyone,
        _spread(cross) if len(cross) >= MIN_PAIRS else everyone,
    )


def _spread(values: FloatArray) -> Spread:
    if not len(values):
        return Spread(0.0, 0.0)
    return Spread(float(values.mean()), float(values.std()))


def sample_positions(alive: NDArray[np.bool_], seed: int = 0) -> NDArray[np.intp]:
    """Up to SAMPLE live positions, the same for the same collection (a fixed seed)."""
    live = np.flatnonzero(alive)
    if len(live) <= SAMPLE:
        return live
    return np.sort(np.random.default_rng(seed).choice(live, SAMPLE, replace=False))


def similarity(z: float, overlap: float) -> float:
    """A weighted z-score above the background and a lexical overlap, as one value in [0, 1]."""
    value = (z + LEXICAL_GAIN * overlap - CENTRE) / WIDTH
    return 1.0 / (1.0 + math.exp(-value))
