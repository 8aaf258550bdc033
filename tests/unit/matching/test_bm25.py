"""BM25 scores against hand-computed values, and documents that come and go."""

from __future__ import annotations

import math

import pytest

from itpo.matching.bm25 import BM25Index, CorpusStatistics


@pytest.fixture
def index() -> BM25Index:
    index = BM25Index(k1=1.2, b=0.75)
    index.add(["solar", "dryer"])
    index.add(["solar", "solar", "pump", "water"])
    index.add(["wind", "turbine"])
    return index


def test_scores_follow_the_okapi_formula_worked_by_hand(index: BM25Index) -> None:
    # N = 3, df(solar) = 2, average length 8/3.
    idf = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    short = idf * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / (8 / 3)))
    long = idf * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 4 / (8 / 3)))
    scores = index.scores(["solar"])
    assert scores.tolist() == pytest.approx([short, long, 0.0], rel=1e-5)
    assert scores[0] == pytest.approx(0.523549, rel=1e-5)
    assert scores[1] == pytest.approx(0.566580, rel=1e-5)


def test_a_query_term_repeated_counts_twice(index: BM25Index) -> None:
    once, twice = index.scores(["wind"]), index.scores(["wind", "wind"])
    assert twice[2] == pytest.approx(2 * once[2])


def test_unknown_terms_score_nothing(index: BM25Index) -> None:
    assert index.scores(["geothermal"]).tolist() == [0.0, 0.0, 0.0]


def test_a_removed_document_scores_zero_and_leaves_the_statistics(index: BM25Index) -> None:
    index.remove(1)
    assert len(index) == 2
    # Now N = 2, df(solar) = 1, average length 2.
    idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    expected = idf * 2.2 / (1 + 1.2)
    assert index.scores(["solar"]).tolist() == pytest.approx([expected, 0.0, 0.0], rel=1e-5)


def test_a_document_added_after_a_query_is_found_by_the_next_one(index: BM25Index) -> None:
    index.scores(["solar"])
    slot = index.add(["geothermal", "tea", "dryer"])
    assert index.scores(["geothermal"])[slot] > 0


def test_the_index_grows_past_its_first_allocation() -> None:
    index = BM25Index()
    for number in range(3000):
        index.add([f"term{number}", "common"])
    assert index.scores(["term2999"]).argmax() == 2999


def test_matched_terms_are_the_query_terms_the_document_holds(index: BM25Index) -> None:
    assert index.matched_terms(1, ["water", "wind", "solar", "water"]) == ["water", "solar"]


def test_freezing_the_postings_changes_no_score(index: BM25Index) -> None:
    before = index.scores(["solar", "water"]).tolist()
    index.add(["solar", "tea"])
    index.freeze()
    index.remove(3)
    assert index.scores(["solar", "water"]).tolist() == pytest.approx([*before, 0.0])


def test_indexes_sharing_statistics_score_as_one_collection() -> None:
    shared = CorpusStatistics()
    left, right = BM25Index(statistics=shared), BM25Index(statistics=shared)
    whole = BM25Index()
    for terms, part in [
        (["solar", "dryer"], left),
        (["solar", "solar", "pump", "water"], right),
        (["wind", "turbine"], right),
    ]:
        part.add(terms)
        whole.add(terms)
    assert shared.count == 3 and len(left) == 1 and len(right) == 2
    assert left.scores(["solar"]).tolist() == pytest.approx(whole.scores(["solar"]).tolist()[:1])
    assert right.scores(["solar"]).tolist() == pytest.approx(whole.scores(["solar"]).tolist()[1:])
    right.remove(0)
    whole.remove(1)
    assert left.scores(["solar"])[0] == pytest.approx(whole.scores(["solar"])[0])
