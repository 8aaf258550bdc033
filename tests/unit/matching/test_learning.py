"""Learning weights from officers' decisions: a planted preference is found; bad input refused."""

from __future__ import annotations

import numpy as np
import pytest

from itpo.matching.learning import Decision, LearningRefused, learn_weights
from itpo.matching.weights import COMPONENTS, ScoringWeights


def synthetic(n: int, seed: int = 7) -> list[Decision]:
    """Officers who accept pairs in the same sector and ignore the SDGs entirely."""
    rng = np.random.default_rng(seed)
    decisions = []
    for _ in range(n):
        features = {name: float(rng.uniform()) for name in COMPONENTS}
        logit = 8.0 * (features["isic"] - 0.5) + 2.0 * (features["text"] - 0.5)
        accepted = bool(rng.uniform() < 1 / (1 + np.exp(-logit)))
        decisions.append(Decision(features, accepted, "" if accepted else "wrong sector"))
    return decisions


def auc(weights: ScoringWeights, decisions: list[Decision]) -> float:
    scores = [sum(weights[n] * d.features[n] for n in COMPONENTS) for d in decisions]
    good = [s for s, d in zip(scores, decisions, strict=True) if d.accepted]
    bad = [s for s, d in zip(scores, decisions, strict=True) if not d.accepted]
    return sum(g > b for g in good for b in bad) / (len(good) * len(bad))


def test_learning_recovers_a_planted_preference_for_the_sector() -> None:
    current = ScoringWeights()
    learned = learn_weights(synthetic(400), current=current)
    assert learned.version == 2
    assert max(learned.values, key=lambda name: learned[name]) == "isic"
    assert learned["isic"] > 2 * learned["text"] > 0
    assert learned["sdg"] < 0.1 * learned["isic"]
    held_out = synthetic(400, seed=99)
    assert auc(learned, held_out) > auc(current, held_out) + 0.1


def test_learned_weights_are_non_negative_and_keep_the_total() -> None:
    current = ScoringWeights()
    learned = learn_weights(synthetic(200), current=current)
    assert all(value >= 0 for value in learned.values.values())
    assert sum(learned.values.values()) == pytest.approx(sum(current.values.values()), rel=1e-4)


def test_learning_is_deterministic() -> None:
    decisions = synthetic(100)
    assert learn_weights(decisions, current=ScoringWeights()) == learn_weights(
        decisions, current=ScoringWeights()
    )


def test_a_component_that_never_varied_keeps_its_weight() -> None:
    decisions = [Decision({**d.features, "freshness": 0.5}, d.accepted) for d in synthetic(200)]
    learned = learn_weights(decisions, current=ScoringWeights({"freshness": 0.7}, version=4))
    assert learned["freshness"] == 0.7
    assert learned.version == 5


def test_too_few_decisions_are_refused() -> None:
    with pytest.raises(LearningRefused, match="10 decisions are too few"):
        learn_weights(synthetic(10), current=ScoringWeights())


def test_decisions_of_only_one_kind_are_refused() -> None:
    accepted = [Decision(d.features, True) for d in synthetic(50)]
    with pytest.raises(LearningRefused, match="0 declined"):
        learn_weights(accepted, current=ScoringWeights())


def test_a_decision_missing_a_component_is_refused() -> None:
    decisions = synthetic(50)
    decisions[3] = Decision({"text": 1.0}, True)
    with pytest.raises(LearningRefused, match="decision 3 lacks components"):
        learn_weights(decisions, current=ScoringWeights())


def test_decisions_that_prefer_lower_components_are_refused() -> None:
    # Officers who accept only the pairs that score worse on everything teach no usable weight.
    decisions = [
        Decision(dict.fromkeys(COMPONENTS, 0.2 if accepted else 0.8), accepted)
        for accepted in [True, False] * 15
    ]
    with pytest.raises(LearningRefused, match="no preference"):
        learn_weights(decisions, current=ScoringWeights())
