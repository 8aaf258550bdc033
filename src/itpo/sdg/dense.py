"""Dense evidence: how near a text is, in multilingual USE space, to each goal's own UN
texts (goal, targets, indicators, English and Chinese), encoded once per process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from itpo.matching.encoders import Encoder
from itpo.sdg.goals import GOALS, Passage, goals

# USE reads a text's opening well and costs time with every token more; the keywords read
# the whole text. The budget is in Latin characters; a Chinese character is about a token,
# an English word of five letters and a space is about one too.
DENSE_BUDGET = 240
_CJK_COST = 4
_TOP = 3  # a goal is near when a few of its targets are, not one stray indicator


class GoalSpace:
    """The knowledge's vectors and, for a text, a nearness to each of the 17 goals."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.passages: list[Passage] = [p for goal in goals().values() for p in goal.passages()]
        self.vectors = encoder.encode([p.text for p in self.passages])
        owners = np.array([p.sdg for p in self.passages])
        self._rows = [np.flatnonzero(owners == sdg) for sdg in GOALS]

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        openings = [opening(text) for text in texts]
        # Batches of like length waste little on padding.
        order = np.argsort([len(text) for text in openings], kind="stable")
        vectors = self.encoder.encode([openings[i] for i in order])
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    def nearness(
        self, vectors: NDArray[np.float32]
    ) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
        """Per text and goal: the mean similarity of the goal's few nearest passages, and the
        index of the nearest passage (the target to show)."""
        similarity = vectors @ self.vectors.T
        scores = np.zeros((len(vectors), len(GOALS)))
        nearest = np.zeros((len(vectors), len(GOALS)), np.int64)
        for column, rows in enumerate(self._rows):
            part = similarity[:, rows]
            top = np.sort(part, axis=1)[:, -_TOP:]
            scores[:, column] = top.mean(axis=1)
            nearest[:, column] = rows[np.argmax(part, axis=1)]
        return scores, nearest


def opening(text: str) -> str:
    """The text's start, within the encoding budget."""
    spent = 0
    for at, char in enumerate(text):
        spent += _CJK_COST if "\u3400" <= char <= "\u9fff" else 1
        if spent > DENSE_BUDGET:
            return text[:at]
    return text


@lru_cache(maxsize=1)
def default_space() -> GoalSpace:
    """The goal space over the bundled multilingual USE, built once per process."""
    from itpo.matching.encoders import USEEncoder

    return GoalSpace(USEEncoder())
