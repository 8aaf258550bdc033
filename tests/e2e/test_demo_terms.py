"""Every matched term the demo shows is a word or phrase a reader understands.

Across the top five matches of every live demo record, the Chinese and French records paired
among themselves, and the search pages: no term is a stop word, a deal word, a number, a stem
or a part of a Chinese word, and each is written as the reader's own record writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.actors import OPERATOR

from itpo.adapters.app import create_app
from itpo.bootstrap import Platform, bootstrap
from itpo.clock import fixed_clock
from itpo.config import Settings
from itpo.demo.loading import demo_batch
from itpo.matching.explanation import public_terms, public_text
from itpo.matching.searching import search
from itpo.matching.service import MatchResult, find_matches
from itpo.matching.terms import generic_keys
from itpo.matching.text import STOP_WORDS, chinese_words, fold, surface_words, tokenize, words
from itpo.registry.importing import import_records
from itpo.registry.model import Opportunity

TODAY = dt.date(2026, 11, 27)
HAN = re.compile(r"[\u4e00-\u9fff]")
MERU_NEED = "demo:need-meru-mango-drying"
SOLAR_PUMPS = ("demo:offer-helio-irrigation", "demo:offer-helio-village-water")


@dataclass
class Demo:
    platform: Platform
    records: dict[int, Opportunity]  # every live record, by id
    matches: dict[int, list[MatchResult]]

    def by_external(self, external_id: str) -> int:
        (found,) = [i for i, r in self.records.items() if r.external_id == external_id]
        return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo loaded, indexed and matched once for the module: every live record's top five."""
    folder: Path = tmp_path_factory.mktemp("demo-terms")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'demo.sqlite3'}", data_dir=folder / "data"
    )
    clock = fixed_clock(dt.datetime.combine(TODAY, dt.time(9), dt.UTC))
    platform = bootstrap(settings, initialise=True, clock=clock)
    batch = demo_batch(today=TODAY)
    import_records(by=OPERATOR, uow=platform.uow(), batch=batch)
    index = platform.index()
    with platform.uow() as uow:
        ids = uow.opportunities.ids_by_external_id(
            [str(record.data["external_id"]) for record in batch.opportunities]
        )
        stored = uow.opportunities.get_many(ids.values())
    live = {i: r for i, r in stored.items() if r.is_live(TODAY)}
    matches = {
        i: find_matches(uow=platform.uow(), index=index, opportunity_id=i, today=TODAY, top=5)
        for i in sorted(live)
    }
    yield Demo(platform, live, matches)
    platform.close()


def assert_readable(term: str, record: Opportunity) -> None:
    """The term is a meaningful word or phrase of the record's public text, as it is written
    there: no stop word, deal word or number in it, not only words too general to stand
    alone, and in Chinese whole jieba words of the record's text, never a part of one."""
    text, language = public_text(record), record.language
    assert term in text, (term, text)
    found = words(term, language)
    assert found, term
    stop = {fold(w) for w in STOP_WORDS.get(language, STOP_WORDS["en"])}
    deal, bare = generic_keys(language, "deal"), generic_keys(language, "bare")
    for word in found:
        assert word.key is not None and fold(word.text) not in stop, (term, word.text)
        assert not word.key.isdigit() and word.key not in deal, (term, word.text)
    assert any(w.key not in bare for w in found), term
    if HAN.search(term):
        parts = [w.text for w in found]
        segmented = [w.text for w in words(text, language)]
        assert any(segmented[i : i + len(parts)] == parts for i in range(len(segmented))), (
            f"{term!r} is not a run of jieba words of {text!r}"
        )
        assert all(p in chinese_words(fold(p)) or len(found) > 1 for p in parts), term
        assert len(term) >= 2, term


def shown_terms(match: MatchResult) -> list[str]:
    return [t for r in match.explained if r.component == "text" for t in r.facts["terms"]]


def test_every_term_the_demo_matches_show_is_a_readable_word_of_the_reader(demo: Demo) -> None:
    shown = 0
    for asking_id, results in demo.matches.items():
        asking = demo.records[asking_id]
        for match in results:
            for term in shown_terms(match):
                assert_readable(term, asking)
                shown += 1
    assert shown > 100, "too few terms shown for this check to mean anything"


def test_the_meru_mango_need_names_its_subject_not_its_deal(demo: Demo) -> None:
    meru = demo.by_external(MERU_NEED)
    terms = {t for m in demo.matches[meru] for t in shown_terms(m)}
    assert "mango" in terms
    assert not terms & {"need", "meets", "export", "tonnes"}


def shared_index_terms(a: Opportunity, b: Opportunity) -> list[str]:
    shared = set(tokenize(public_text(a), a.language)) & set(tokenize(public_text(b), b.language))
    return surface_words(public_text(a), shared, a.language)


@pytest.mark.parametrize("language", ["zh", "fr"])
def test_records_of_one_language_share_whole_words_of_that_language(
    demo: Demo, language: str
) -> None:
    """The demo's Chinese (and French) records rarely meet in a top five, so every pair of
    them is explained: the terms are whole words of the reader's own text."""
    same = [r for r in demo.records.values() if r.language == language]
    shown = 0
    for a, b in combinations(same, 2):
        for reader, other in ((a, b), (b, a)):
            for term in public_terms(shared_index_terms(reader, other), reader, other):
                assert_readable(term, reader)
                shown += 1
    assert shown > 50


def test_a_chinese_search_ranks_the_mango_need_above_solar_pumps_and_marks_whole_words(
    demo: Demo,
) -> None:
    hits = search(
        uow=demo.platform.uow(),
        by=OPERATOR,
        index=demo.platform.index(),
        text="太阳能干燥芒果",
        language="zh",
        top=20,
    )
    order = [demo.records[h.opportunity_id].external_id for h in hits]
    assert order[0] == "demo:offer-sunfield-hybrid-dryer"
    assert all(order.index(MERU_NEED) < order.index(p) for p in SOLAR_PUMPS if p in order)
    assert hits[0].matched_terms == ("太阳能", "芒果", "干燥")
    for hit in hits:
        for term in hit.matched_terms:
            assert_readable(term, demo.records[hit.opportunity_id])


def test_the_search_page_highlights_whole_chinese_words(demo: Demo) -> None:
    with TestClient(create_app(platform=demo.platform)) as client:
        page = client.get("/search", params={"q": "太阳能干燥芒果"}).text
    marks = set(re.findall(r"<mark>([^<]+)</mark>", page))
    assert {"太阳能", "芒果"} <= marks
    assert marks <= {"太阳能", "干燥", "芒果"}, marks
