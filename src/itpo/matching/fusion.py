"""Fusing lexical and dense scores, weighted by each document's language against the query's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class PairWeights:
    """A signal's weight when query and document share a language, and when they do not."""

    same: float
    cross: float


@dataclass(frozen=True)
class FusionConfig:
    """Signal weights by language pair; dense weights by encoder name.

    A lexical match across languages is rare and mostly names, numbers and acronyms, so its
    cross-language weight is small. An encoder that serves only some languages (MiniLM: English)
    counts only when both sides are in them.
    """

    lexical: PairWeights = PairWeights(same=1.0, cross=0.1)
    # Measured (nDCG@10, each encoder alone): MiniLM 0.37-0.38 on Cranfield, English only;
    # multilingual-e5-small 0.36, and 0.72 and 0.81 on Arabic and Chinese queries for English
    # records (benchmarks/crosslingual); USE 0.22, 0.82 and 0.84. Within a language the
    # stronger English or e5 encoder leads and USE only nudges; across languages USE is the
    # bridge, and e5, when an engine has it, joins at half weight.
    dense: Mapping[str, PairWeights] = field(
        default_factory=lambda: {
            "multilingual-e5-small-int8": PairWeights(same=1.0, cross=0.5),
            "use-multilingual-v3": PairWeights(same=0.3, cross=1.0),
            "minilm-l6-int8": PairWeights(same=1.0, cross=0.0),
        }
    )
    default_dense: PairWeights = PairWeights(same=1.0, cross=1.0)
    # How many of each signal's best documents estimate its score distribution.
    depth: int = 100
    # Rocchio feedback on the dense queries: the first pass's best documents, their pull on the
    # query, and how many first-pass candidates are scored again (0 documents: no feedback).
    feedback_documents: int = 3
    feedback_weight: float = 0.5
    candidates: int = 1000

    def dense_weights(self, encoder: str) -> PairWeights:
        return self.dense.get(encoder, self.default_dense)


# A signal's head: the mean and spread of its top `depth` live scores.
Scale = tuple[float, float]


def head_scale(scores: FloatArray, alive: BoolArray, depth: int) -> Scale:
    """Mean and spread of the signal's top `depth` live documents (0, 0 when none live).

    The head of the list is where the decision is made: the whole collection's mean is
    dominated by documents that share nothing with the query (BM25 0), which makes one
    strong lexical match look like a huge outlier next to a dense signal.
    """
    live = scores[alive]
    if live.size == 0:
        return 0.0, 0.0
    head = live if live.size <= depth else np.partition(live, live.size - depth)[-depth:]
    return float(head.mean()), float(head.std())


def standardise(
    scores: FloatArray, alive: BoolArray, depth: int, scale: Scale | None = None
) -> FloatArray:
    """z-scores against the signal's own top `depth` documents, or against `scale`."""
    mean, spread = scale if scale is not None else head_scale(scores, alive, depth)
    if spread < 1e-9:
        return np.zeros_like(scores)
    return ((scores - mean) / spread).astype(np.float32)


def fuse(
    signals: Mapping[str, FloatArray],
    weights: Mapping[str, FloatArray],
    alive: BoolArray,
    depth: int,
    scales: Mapping[str, Scale] | None = None,
) -> tuple[FloatArray, dict[str, FloatArray]]:
    """Weighted mean of standardised signals per document; removed documents get -inf.

    With `scales` (each signal's head measured over a larger set), the arrays can be a subset
    of the documents and still score as they would among all of them.
    """
    total = np.zeros(alive.shape, np.float32)
    weight_sum = np.zeros(alive.shape, np.float32)
    standard: dict[str, FloatArray] = {}
    for name, scores in signals.items():
        scale = scales[name] if scales is not None else None
        standard[name] = standardise(scores, alive, depth, scale)
        total += weights[name] * standard[name]
        weight_sum += weights[name]
    fused = np.where(weight_sum > 0, total / np.maximum(weight_sum, 1e-9), 0.0)
    fused = fused.astype(np.float32)
    fused[~alive] = -np.inf
    return fused, standard
