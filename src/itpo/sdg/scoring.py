"""One score per goal from both kinds of evidence, a confidence 0-1, and the decision which
goals a text serves: near the top of the 17 and above a floor, rather than over one fixed
threshold, because how strongly a text speaks of any goal varies with its length and style
far more than which goal it speaks of most."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from itpo.sdg.dense import GoalSpace
from itpo.sdg.goals import GOALS
from itpo.sdg.keywords import Hit, find_hits

# Set on the development part of benchmarks/sdg (the project's own texts), never on an
# external benchmark: the logistic weights of the three signals, then the decision.
WEIGHTS = {"lexical": 2.0, "share": 1.5, "dense": 1.1, "bias": -3.2}
LEXICAL_SCALE = 4.0  # the weight sum at which keywords are half of what they can be
FLOOR = 0.4  # below this confidence a goal is not suggested, whatever its rank
TOP = 1  # a goal must be the text's first ...
MARGIN = 0.2  # ... or within this confidence of the first


@dataclass(frozen=True, slots=True)
class GoalScore:
    """What the scorer found for one goal in one text."""

    sdg: int
    confidence: float
    hits: tuple[Hit, ...]
    nearest: int  # index of the goal's nearest UN passage in the goal space
    rank: int = 0  # 1 for the text's most likely goal


def scores_for(
    space: GoalSpace, texts: Sequence[str], languages: Sequence[str]
) -> list[list[GoalScore]]:
    """For each text, the 17 goals' scores, most likely first."""
    dense, nearest = space.nearness(space.encode(texts))
    return [
        _rank(_text_scores(text, language, dense[i], nearest[i]))
        for i, (text, language) in enumerate(zip(texts, languages, strict=True))
    ]


def _text_scores(
    text: str, language: str, dense: NDArray[np.float64], nearest: NDArray[np.int64]
) -> list[GoalScore]:
    hits: dict[int, list[Hit]] = defaultdict(list)
    for hit in find_hits(text, language):
        hits[hit.sdg].append(hit)
    raw = np.array([_weight(hits[sdg]) for sdg in GOALS])
    share = raw / raw.max() if raw.max() > 0 else raw
    lexical = raw / (raw + LEXICAL_SCALE)
    spread = dense.std()
    z = (dense - dense.mean()) / spread if spread > 1e-9 else np.zeros_like(dense)
    logit = (
        WEIGHTS["lexical"] * lexical
        + WEIGHTS["share"] * share
        + WEIGHTS["dense"] * z
        + WEIGHTS["bias"]
    )
    return [
        GoalScore(sdg, _sigmoid(float(logit[i])), tuple(hits[sdg]), int(nearest[i]))
        for i, sdg in enumerate(GOALS)
    ]


def _weight(hits: list[Hit]) -> float:
    """Each keyword counts once by its weight, a little more when repeated."""
    counts: dict[str, tuple[float, int]] = {}
    for hit in hits:
        weight, count = counts.get(hit.keyword, (hit.weight, 0))
        counts[hit.keyword] = (weight, count + 1)
    return sum(weight * (1 + 0.5 * math.log(count)) for weight, count in counts.values())


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _rank(scores: list[GoalScore]) -> list[GoalScore]:
    ordered = sorted(scores, key=lambda s: -s.confidence)
    return [
        GoalScore(s.sdg, s.confidence, s.hits, s.nearest, rank)
        for rank, s in enumerate(ordered, start=1)
    ]


SHOWN = 5  # suggestions offered for a person to accept or reject, at most


def serves_goal(score: GoalScore, best: float) -> bool:
    """The decision: the goal is at or near the top of the text's goals, and above a floor."""
    return score.confidence >= FLOOR and (score.rank <= TOP or score.confidence >= best - MARGIN)


def offered(ranked: list[GoalScore]) -> list[GoalScore]:
    """The goals worth showing a person: above the floor, the first few."""
    return [s for s in ranked[:SHOWN] if s.confidence >= FLOOR]
