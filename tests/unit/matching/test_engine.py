"""The engine: documents added and removed in place, fused rankings, language-pair weights."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pytest

from itpo.matching.encoders import Vectors, normalise
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.fusion import FusionConfig

# A stand-in for a multilingual encoder: words of any language map to shared concepts.
CONCEPTS = {
    "solar": 0, "太阳能": 0, "sun": 0,
    "dryer": 1, "干燥机": 1, "drying": 1,
    "wind": 2, "风电": 2,
    "water": 3, "水": 3,
    "fish": 4, "鱼": 4,
}  # fmt: skip


TEXTS = ["Solar dryer for mangoes", "Wind farm", "Water purification", "Cold storage for fish"]


class ConceptEncoder:
    name = "concepts"
    dim = 8
    languages: frozenset[str] | None = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = np.full((len(texts), self.dim), 0.01, np.float32)
        for row, text in enumerate(texts):
            for word, concept in CONCEPTS.items():
                if word in text.lower():
                    rows[row, concept] += 1.0
        return normalise(rows)


class EnglishOnlyEncoder(ConceptEncoder):
    name = "english-only"
    languages: frozenset[str] | None = frozenset({"en"})


@pytest.fixture
def engine() -> RetrievalEngine:
    engine = RetrievalEngine([ConceptEncoder()])
    engine.add(
        [
            Document("dryer", "Solar dryer for mangoes", "en"),
            Document("wind", "Wind farm on the coast", "en"),
            Document("water", "Water purification for villages", "en"),
            Document("fish", "Cold storage for fish", "en"),
        ]
    )
    return engine


def test_a_query_finds_the_document_that_shares_its_words(engine: RetrievalEngine) -> None:
    hits = engine.search("solar dryer", top=2)
    assert hits[0].id == "dryer"
    assert hits[0].matched_terms == ("solar", "dryer")


def test_a_chinese_query_finds_its_english_counterpart_through_the_dense_signal(
    engine: RetrievalEngine,
) -> None:
    assert engine.search("太阳能干燥机")[0].id == "dryer"


def test_a_new_document_is_searchable_within_a_second(engine: RetrievalEngine) -> None:
    engine.search("fish")
    started = time.perf_counter()
    engine.add([Document("tea", "Geothermal heat for tea factories in the highlands", "en")])
    hits = engine.search("geothermal tea")
    assert time.perf_counter() - started < 1.0
    assert hits[0].id == "tea"


def test_a_removed_document_is_never_returned(engine: RetrievalEngine) -> None:
    engine.remove(["dryer"])
    assert "dryer" not in engine
    assert len(engine) == 3
    assert "dryer" not in [hit.id for hit in engine.search("solar dryer", top=10)]


def test_adding_an_existing_id_replaces_the_document(engine: RetrievalEngine) -> None:
    engine.add([Document("dryer", "Fish smoking kiln", "en")])
    assert len(engine) == 4
    assert engine.search("fish smoking kiln")[0].id == "dryer"
    assert "dryer" not in [hit.id for hit in engine.search("solar mangoes", top=1)]


def test_excluded_documents_are_left_out(engine: RetrievalEngine) -> None:
    hits = engine.search("solar dryer", exclude=["dryer"], top=10)
    assert [hit.id for hit in hits if hit.id == "dryer"] == []


def test_an_empty_engine_returns_nothing() -> None:
    assert RetrievalEngine().search("anything") == []


def test_top_never_exceeds_the_documents_there_are(engine: RetrievalEngine) -> None:
    assert len(engine.search("water", top=50)) == 4


def test_an_english_only_encoder_does_not_score_a_chinese_query() -> None:
    engine = RetrievalEngine([EnglishOnlyEncoder()])
    engine.add([Document("dryer", "Solar dryer", "en"), Document("wind", "Wind farm", "en")])
    hits = engine.search("太阳能干燥机")
    # Neither lexical (other language) nor the English-only encoder has a say: all tie at 0.
    assert {hit.score for hit in hits} == {0.0}


def test_feedback_re_ranks_only_the_first_pass_candidates() -> None:
    engine = RetrievalEngine(
        [ConceptEncoder()], fusion=FusionConfig(feedback_documents=1, candidates=2)
    )
    engine.add([Document(str(n), text, "en") for n, text in enumerate(TEXTS)])
    hits = engine.search("solar dryer", top=10)
    assert len(hits) == 2
    assert hits[0].id == "0"


def test_without_feedback_every_document_can_come_back() -> None:
    engine = RetrievalEngine([ConceptEncoder()], fusion=FusionConfig(feedback_documents=0))
    engine.add([Document(str(n), text, "en") for n, text in enumerate(TEXTS)])
    assert len(engine.search("solar dryer", top=10)) == len(TEXTS)


def test_the_same_id_twice_in_one_batch_keeps_the_last_text() -> None:
    engine = RetrievalEngine()
    engine.add([Document("a", "wind farm", "en"), Document("a", "fish storage", "en")])
    assert len(engine) == 1
    assert [hit.id for hit in engine.search("fish", top=5)] == ["a"]


def test_regional_language_tags_count_as_their_language() -> None:
    engine = RetrievalEngine()
    engine.add([Document("a", "太阳能干燥机", "zh-CN")])
    assert engine.search("干燥机", language="ZH")[0].language == "zh"


def test_a_search_reads_only_the_partitions_it_names() -> None:
    engine = RetrievalEngine([ConceptEncoder()])
    engine.add(
        [
            Document("offer", "Solar dryer for mangoes", "en", partition="offer"),
            Document("need", "Solar dryer wanted", "en", partition="need"),
            Document("project", "Solar dryer plant", "en", partition="project"),
        ]
    )
    hits = engine.search("solar dryer", top=10, partitions=["need", "project"])
    assert {hit.id for hit in hits} == {"need", "project"}
    assert engine.search("solar dryer", partitions=["mandate"]) == []
    assert engine.similar("offer", top=10, partitions=["offer"]) == []


def test_a_restricted_search_scores_as_one_over_the_same_documents_unpartitioned() -> None:
    texts = [*TEXTS, "Solar pumps for water", "Fish drying racks", "Wind and solar hybrid"]
    split = RetrievalEngine([ConceptEncoder()], fusion=FusionConfig(feedback_documents=0))
    whole = RetrievalEngine([ConceptEncoder()], fusion=FusionConfig(feedback_documents=0))
    split.add(Document(str(n), t, "en", partition=str(n % 2)) for n, t in enumerate(texts))
    whole.add(Document(str(n), t, "en") for n, t in enumerate(texts))
    odd = [str(n) for n in range(len(texts)) if n % 2]
    restricted = split.search("solar water", top=10, partitions=["0"])
    excluded = whole.search("solar water", top=10, exclude=odd)
    # Idf and the average length are the whole collection's in both.
    assert [(h.id, round(h.score, 5)) for h in restricted] == [
        (h.id, round(h.score, 5)) for h in excluded
    ]


def test_a_document_added_again_in_another_partition_moves_there(
    engine: RetrievalEngine,
) -> None:
    engine.add([Document("dryer", "Solar dryer for mangoes", "en", partition="elsewhere")])
    assert len(engine) == 4
    assert [h.id for h in engine.search("solar dryer", top=10, partitions=["elsewhere"])] == [
        "dryer"
    ]
    assert "dryer" not in {h.id for h in engine.search("solar dryer", top=10, partitions=[""])}


def test_a_prepared_query_ranks_as_the_search_for_its_text(engine: RetrievalEngine) -> None:
    query = engine.query("solar dryer", language="en")
    assert engine.ranked(query, top=3) == engine.search("solar dryer", language="en", top=3)
