"""nDCG@10, Recall@100 and MRR@10 as trec_eval computes them, checked by hand."""

from __future__ import annotations

import math

import pytest

from itpo.matching.metrics import evaluate, ndcg_at, recall_at, reciprocal_rank_at

GRADES = {"d1": 3, "d2": 2, "d3": 0}


def test_ndcg_uses_linear_gains_and_log2_discounts() -> None:
    dcg = 0 + 3 / math.log2(3) + 2 / math.log2(4)
    ideal = 3 + 2 / math.log2(3)
    assert ndcg_at(["d3", "d1", "d2"], GRADES, 10) == pytest.approx(dcg / ideal)
    assert ndcg_at(["d3", "d1", "d2"], GRADES, 10) == pytest.approx(0.678757, rel=1e-5)


def test_a_perfect_ranking_has_ndcg_one() -> None:
    assert ndcg_at(["d1", "d2", "d3"], GRADES, 10) == pytest.approx(1.0)


def test_ndcg_cuts_both_the_ranking_and_the_ideal_at_k() -> None:
    # At k = 1 only d2 is seen (gain 2) against the ideal d1 (gain 3).
    assert ndcg_at(["d2", "d1"], GRADES, 1) == pytest.approx(2 / 3)


def test_a_query_without_relevant_documents_scores_zero() -> None:
    assert ndcg_at(["d1"], {"d1": 0}, 10) == 0.0


def test_recall_counts_relevant_documents_found_within_k() -> None:
    assert recall_at(["d3", "d1", "x"], GRADES, 100) == pytest.approx(0.5)
    assert recall_at(["x", "d1", "d2"], GRADES, 2) == pytest.approx(0.5)


def test_reciprocal_rank_is_one_over_the_first_relevant_rank_within_k() -> None:
    assert reciprocal_rank_at(["d3", "x", "d2"], GRADES, 10) == pytest.approx(1 / 3)
    assert reciprocal_rank_at(["d3", "x", "d2"], GRADES, 2) == 0.0


def test_evaluate_averages_over_judged_queries_and_counts_missing_runs_as_zero() -> None:
    qrels = {"q1": {"a": 1}, "q2": {"b": 2}, "q3": {"c": 0}}
    scores = evaluate(qrels, {"q1": ["a"]})
    assert scores == {"ndcg@10": 0.5, "recall@100": 0.5, "mrr@10": 0.5}
