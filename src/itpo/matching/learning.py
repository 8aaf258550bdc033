"""Learning scoring weights from officers' accept / decline decisions on scored pairs.

A logistic regression on the pair's components, L2-regularised, with the weights held
non-negative by projected gradient descent: a component may stop mattering, but it may not
count against a pair, because a score that falls as sectors get closer cannot be explained.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from itpo.matching.weights import COMPONENTS, ScoringWeights

MIN_DECISIONS = 20
MIN_PER_CLASS = 5


class LearningRefused(ValueError):
    """The decisions cannot support new weights (too few, or all of one kind)."""


@dataclass(frozen=True, slots=True)
class Decision:
    """An officer's verdict on a scored pair; `features` is `PairScore.features()`."""

    features: Mapping[str, float]
    accepted: bool
    reason: str = ""


def _matrix(decisions: Sequence[Decision]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    rows = []
    for number, decision in enumerate(decisions):
        missing = [name for name in COMPONENTS if name not in decision.features]
        if missing:
            raise LearningRefused(f"decision {number} lacks components: {', '.join(missing)}")
        rows.append([float(decision.features[name]) for name in COMPONENTS])
    x = np.asarray(rows, np.float64)
    if not np.isfinite(x).all():
        raise LearningRefused("decision features must be finite numbers")
    y = np.asarray([1.0 if d.accepted else 0.0 for d in decisions], np.float64)
    return x, y


def _check(decisions: Sequence[Decision], min_decisions: int, min_per_class: int) -> None:
    accepted = sum(1 for d in decisions if d.accepted)
    declined = len(decisions) - accepted
    if len(decisions) < min_decisions:
        raise LearningRefused(
            f"{len(decisions)} decisions are too few to learn from; at least {min_decisions} needed"
        )
    if min(accepted, declined) < min_per_class:
        raise LearningRefused(
            f"need at least {min_per_class} accepted and {min_per_class} declined pairs "
            f"(have {accepted} accepted, {declined} declined)"
        )


def fit_logistic(
    x: NDArray[np.float64], y: NDArray[np.float64], *, l2: float, iterations: int
) -> tuple[NDArray[np.float64], float]:
    """Coefficients (>= 0) and intercept of an L2 logistic regression, by projected gradient."""
    n, k = x.shape
    # Full-batch steps of 1/L, L the gradient's Lipschitz constant: no randomness, no tuning.
    lipschitz = 0.25 * float(np.linalg.eigvalsh(x.T @ x / n).max()) + l2 + 0.25
    step = 1.0 / lipschitz
    beta = np.zeros(k)
    bias = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ beta + bias)))
        error = p - y
        beta = np.maximum(0.0, beta - step * (x.T @ error / n + l2 * beta))
        bias -= step * float(error.mean())
    return beta, bias


def learn_weights(
    decisions: Sequence[Decision],
    *,
    current: ScoringWeights,
    l2: float = 0.01,
    iterations: int = 3000,
    min_decisions: int = MIN_DECISIONS,
    min_per_class: int = MIN_PER_CLASS,
) -> ScoringWeights:
    """New weights (version + 1) that rank accepted pairs above declined ones."""
    _check(decisions, min_decisions, min_per_class)
    x, y = _matrix(decisions)
    mean, spread = x.mean(axis=0), x.std(axis=0)
    varies = spread > 1e-9
    # Standardised columns condition the descent; a positive rescaling keeps each sign.
    scaled = np.where(varies, (x - mean) / np.where(varies, spread, 1.0), 0.0)
    beta, _ = fit_logistic(scaled, y, l2=l2, iterations=iterations)
    raw = np.where(varies, beta / np.where(varies, spread, 1.0), 0.0)
    if not raw.any():
        raise LearningRefused("the decisions show no preference that a higher component explains")
    previous = np.asarray([current[name] for name in COMPONENTS])
    # A component that never varied taught nothing, so it keeps its weight; the learned ones
    # share the weight the informative components had, keeping scores on a familiar scale.
    budget = float(previous[varies].sum()) or float(varies.sum())
    learned = np.where(varies, raw * budget / raw.sum(), previous)
    values = {name: round(float(w), 6) for name, w in zip(COMPONENTS, learned, strict=True)}
    return ScoringWeights(values, current.version + 1)
