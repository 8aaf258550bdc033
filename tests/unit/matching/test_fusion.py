"""Fusion weights each signal by whether the query and the document share a language."""

from __future__ import annotations

import numpy as np
import pytest

from itpo.matching.fusion import FusionConfig, PairWeights, fuse, head_scale, standardise

# Document 0 shares a rare word with the query; document 1 is the dense favourite.
LEXICAL = np.array([9.0, 0.5, 0.4, 0.3, 0.2, 0.1], np.float32)
DENSE = np.array([0.30, 0.80, 0.32, 0.31, 0.30, 0.29], np.float32)
ALIVE = np.ones(6, bool)


def _winner(lexical_weight: float, dense_weight: float) -> int:
    weights = {
        "bm25": np.full(6, lexical_weight, np.float32),
        "dense": np.full(6, dense_weight, np.float32),
    }
    fused, _ = fuse({"bm25": LEXICAL, "dense": DENSE}, weights, ALIVE, depth=100)
    return int(fused.argmax())


def test_within_one_language_a_strong_lexical_match_beats_the_use_favourite() -> None:
    config = FusionConfig()
    assert _winner(config.lexical.same, config.dense_weights("use-multilingual-v3").same) == 0


@pytest.mark.parametrize("encoder", ["multilingual-e5-small-int8", "use-multilingual-v3"])
def test_across_languages_the_dense_signal_decides(encoder: str) -> None:
    config = FusionConfig()
    assert _winner(config.lexical.cross, config.dense_weights(encoder).cross) == 1


def test_within_a_language_e5_leads_and_across_languages_use_does() -> None:
    e5, use = (
        FusionConfig().dense_weights(n)
        for n in ("multilingual-e5-small-int8", "use-multilingual-v3")
    )
    assert e5.same > use.same
    assert use.cross > e5.cross > 0


def test_an_english_only_encoder_has_no_cross_language_weight() -> None:
    assert FusionConfig().dense_weights("minilm-l6-int8") == PairWeights(same=1.0, cross=0.0)


def test_standardised_scores_have_zero_mean_and_unit_spread_over_the_head() -> None:
    z = standardise(DENSE, ALIVE, depth=100)
    assert float(z.mean()) == pytest.approx(0.0, abs=1e-5)
    assert float(z.std()) == pytest.approx(1.0, rel=1e-4)


def test_a_flat_signal_contributes_nothing() -> None:
    assert standardise(np.ones(4, np.float32), np.ones(4, bool), depth=10).tolist() == [0.0] * 4


def test_removed_documents_never_win() -> None:
    alive = ALIVE.copy()
    alive[0] = False
    weights = {"bm25": np.ones(6, np.float32)}
    fused, _ = fuse({"bm25": LEXICAL}, weights, alive, depth=100)
    assert fused[0] == -np.inf
    assert int(fused.argmax()) == 1


def test_a_subset_standardised_against_the_whole_heads_scores_as_within_the_whole() -> None:
    weights = {"bm25": np.ones(6, np.float32), "dense": np.ones(6, np.float32)}
    signals = {"bm25": LEXICAL, "dense": DENSE}
    whole, _ = fuse(signals, weights, ALIVE, depth=3)
    scales = {name: head_scale(values, ALIVE, 3) for name, values in signals.items()}
    chosen = np.array([0, 2, 5])
    part, _ = fuse(
        {name: values[chosen] for name, values in signals.items()},
        {name: values[chosen] for name, values in weights.items()},
        np.ones(3, bool),
        depth=3,
        scales=scales,
    )
    assert part.tolist() == pytest.approx(whole[chosen].tolist())
