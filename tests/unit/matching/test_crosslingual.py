"""The bundled encoders pair English technology descriptions with Chinese and Arabic paraphrases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itpo.matching.encoders import Encoder, default_encoders
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.presets import create_engine

PAIRS: list[dict[str, str]] = json.loads(
    (Path(__file__).parents[2] / "data" / "crosslingual_pairs.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def encoders() -> list[Encoder]:
    return default_encoders()  # loaded once: each load reads about 55 MB of weights


@pytest.fixture(scope="module")
def english_engine(encoders: list[Encoder]) -> RetrievalEngine:
    engine = create_engine(encoders=encoders)
    engine.add([Document(pair["id"], pair["en"]) for pair in PAIRS])
    return engine


def _first_hit_rate(engine: RetrievalEngine, language: str) -> float:
    found = [engine.search(pair[language], top=1)[0].id == pair["id"] for pair in PAIRS]
    return sum(found) / len(found)


def test_the_set_has_enough_pairs_to_mean_something() -> None:
    assert len(PAIRS) >= 30


def test_a_chinese_query_finds_its_english_pair_first_in_most_cases(
    english_engine: RetrievalEngine,
) -> None:
    assert _first_hit_rate(english_engine, "zh") >= 0.8


def test_an_arabic_query_finds_its_english_pair_first_in_most_cases(
    english_engine: RetrievalEngine,
) -> None:
    assert _first_hit_rate(english_engine, "ar") >= 0.8


def test_an_english_query_finds_its_chinese_pair_first_in_most_cases(
    encoders: list[Encoder],
) -> None:
    engine = create_engine(encoders=encoders)
    engine.add([Document(pair["id"], pair["zh"]) for pair in PAIRS])
    assert _first_hit_rate(engine, "en") >= 0.8


def test_in_a_mixed_corpus_a_chinese_query_ranks_its_pair_in_either_language_on_top(
    encoders: list[Encoder],
) -> None:
    engine = create_engine(encoders=encoders)
    engine.add([Document(f"{p['id']}/en", p["en"]) for p in PAIRS])
    engine.add([Document(f"{p['id']}/ar", p["ar"]) for p in PAIRS])
    found = [engine.search(p["zh"], top=1)[0].id.split("/")[0] == p["id"] for p in PAIRS]
    assert sum(found) / len(found) >= 0.8


def test_english_hits_report_which_words_matched(english_engine: RetrievalEngine) -> None:
    hit = english_engine.search("solar dryer for cassava", top=1)[0]
    assert hit.id == "p01"
    assert {"solar", "dryer", "cassava"} <= set(hit.matched_terms)
