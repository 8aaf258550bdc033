"""Ranking metrics as trec_eval computes them (and so pytrec_eval and BEIR)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Qrels = Mapping[str, Mapping[str, int]]  # query id -> document id -> graded relevance
Run = Mapping[str, Sequence[str]]  # query id -> ranked document ids


def dcg(gains: Sequence[float]) -> float:
    """Sum of gain / log2(rank + 1), ranks from 1, gains taken linearly as trec_eval does."""
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    ideal = dcg(sorted((g for g in relevant.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([max(relevant.get(doc, 0), 0) for doc in ranking[:k]]) / ideal


def recall_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    wanted = {doc for doc, grade in relevant.items() if grade > 0}
    if not wanted:
        return 0.0
    return len(wanted.intersection(ranking[:k])) / len(wanted)


def reciprocal_rank_at(ranking: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    for rank, doc in enumerate(ranking[:k], start=1):
        if relevant.get(doc, 0) > 0:
            return 1.0 / rank
    return 0.0


def evaluate(qrels: Qrels, run: Run) -> dict[str, float]:
    """Mean nDCG@10, Recall@100 and MRR@10 over the queries that have judgments."""
    judged = [query for query, relevant in qrels.items() if any(g > 0 for g in relevant.values())]
    if not judged:
        return {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
    totals = {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
    for query in judged:
        ranking, relevant = run.get(query, ()), qrels[query]
        totals["ndcg@10"] += ndcg_at(ranking, relevant, 10)
        totals["recall@100"] += recall_at(ranking, relevant, 100)
        totals["mrr@10"] += reciprocal_rank_at(ranking, relevant, 10)
    return {name: total / len(judged) for name, total in totals.items()}
