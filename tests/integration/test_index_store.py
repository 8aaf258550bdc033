"""The matching index over a real database: kinds, free-text search, concurrent searches that a
refresh never changes mid-way, and a vector cache that a refresh appends to."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.adapters.index_store import EncoderSpec, IndexStore, ReadWriteLock
from itpo.bootstrap import Platform
from itpo.matching.encoders import Vectors, normalise
from itpo.matching.engine import Hit, Query, RetrievalEngine
from itpo.registry import services
from itpo.registry.importing import OPPORTUNITIES, ImportBatch, RawRecord, import_records
from itpo.registry.model import OpportunityKind

WAIT = 10.0  # seconds before a thread that should have been let through counts as stuck


class WordEncoder:
    """Bag of hashed words: quick, deterministic, and near for texts that share words."""

    name = "words"
    dim = 32
    languages: frozenset[str] | None = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = np.full((len(texts), self.dim), 1e-3, np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                rows[row, hashlib.md5(word.encode()).digest()[0] % self.dim] += 1.0
        return normalise(rows)


RECORDS = [
    ("offer-dryer", "technology_offer", "Solar tunnel dryer", "Dries mango and cassava."),
    ("need-dryer", "technology_need", "Solar dryer wanted", "Mango growers need a dryer."),
    ("project-dryer", "investment_project", "Solar dryer factory", "Build mango dryers."),
    ("mandate-agri", "investment_mandate", "Agritech fund", "Invests in solar agriculture."),
]


@pytest.fixture
def records(platform: Platform) -> dict[str, int]:
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    return {record[0]: add(platform, *record) for record in RECORDS}


@pytest.fixture
def store(platform: Platform, records: dict[str, int]) -> IndexStore:
    return IndexStore(platform.engine, platform.settings.data_dir / "index", encoders=[spec()])


def spec() -> EncoderSpec:
    return EncoderSpec.of(WordEncoder())


def add(platform: Platform, external_id: str, kind: str, title: str, teaser: str) -> int:
    extra: dict[str, Any] = {"trl": None, "min_trl": None} if kind != "technology_offer" else {}
    data = opportunity_data(external_id=external_id, kind=kind, title=title, teaser=teaser)
    created = services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=data | extra)
    assert created.id is not None
    return created.id


def ids_of(platform: Platform, hits: list[Hit]) -> set[str | None]:
    with platform.uow() as uow:
        found = uow.opportunities.get_many(int(h.id) for h in hits)
    return {record.external_id for record in found.values()}


def test_similar_reads_only_the_kinds_asked_for(
    platform: Platform, store: IndexStore, records: dict[str, int]
) -> None:
    index = store.current()
    need = str(records["need-dryer"])
    hits = index.similar(need, top=10, kinds=[OpportunityKind.TECHNOLOGY_OFFER])
    assert ids_of(platform, hits) == {"offer-dryer"}
    assert len(index.similar(need, top=10)) == len(RECORDS) - 1


def test_free_text_search_in_any_kind_or_the_kinds_given(
    platform: Platform, store: IndexStore
) -> None:
    index = store.current()
    everything = index.search("solar mango dryer", top=10)
    assert ids_of(platform, everything) == {r[0] for r in RECORDS}
    kinds = [OpportunityKind.INVESTMENT_PROJECT, OpportunityKind.INVESTMENT_MANDATE]
    some = index.search("solar mango dryer", language="en", top=10, kinds=kinds)
    assert ids_of(platform, some) == {"project-dryer", "mandate-agri"}
    assert index.search("solar", top=10, kinds=[]) == []


def test_free_text_queries_do_not_grow_the_vector_cache(store: IndexStore) -> None:
    index = store.current()
    before = store.encoded
    index.search("an unseen query about geothermal tea", top=3)
    index.search("an unseen query about geothermal tea", top=3)
    assert store.encoded - before == 2  # encoded each time, never kept
    assert store.current().search("solar", top=1)


def test_searches_run_at_the_same_time(store: IndexStore, monkeypatch: pytest.MonkeyPatch) -> None:
    index = store.current()
    both_inside = threading.Barrier(2, timeout=WAIT)
    ranked = RetrievalEngine.ranked

    def meeting(engine: RetrievalEngine, query: Query, **options: Any) -> list[Hit]:
        both_inside.wait()  # breaks (and the test fails) if searches were taken one at a time
        return ranked(engine, query, **options)

    monkeypatch.setattr(RetrievalEngine, "ranked", meeting)
    results = run_in_threads([lambda: index.search("solar dryer", top=3)] * 2)
    assert all(len(hits) == 3 for hits in results)


def test_a_refresh_waits_for_the_searches_in_progress(
    platform: Platform, store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = store.current()
    inside, release = threading.Event(), threading.Event()
    ranked = RetrievalEngine.ranked
    seen: list[int] = []

    def slow(engine: RetrievalEngine, query: Query, **options: Any) -> list[Hit]:
        inside.set()
        assert release.wait(WAIT)
        seen.append(len(engine))  # the refresh has not changed the index under this search
        return ranked(engine, query, **options)

    monkeypatch.setattr(RetrievalEngine, "ranked", slow)
    search = threading.Thread(target=lambda: index.search("solar", top=3))
    search.start()
    assert inside.wait(WAIT)
    add(platform, "offer-pump", "technology_offer", "Solar water pump", "For mango farms.")
    refreshed = threading.Event()

    def look() -> None:
        store.current()
        refreshed.set()

    refresh = threading.Thread(target=look)
    refresh.start()
    assert not refreshed.wait(0.3)  # still waiting for the search to finish
    release.set()
    search.join(WAIT)
    refresh.join(WAIT)
    assert refreshed.is_set() and seen == [len(RECORDS)]
    assert len(store.current()) == len(RECORDS) + 1


def test_searches_and_refreshes_in_many_threads_always_see_a_whole_index(
    platform: Platform, store: IndexStore
) -> None:
    store.current()
    stop = threading.Event()

    def search() -> int:
        count = 0
        while not stop.is_set():
            hits = store.current().search("solar mango", top=50)
            assert hits and all(h.id.isdigit() for h in hits)
            count += 1
        return count

    def write() -> int:
        for number in range(20):
            add(platform, f"offer-{number}", "technology_offer", f"Solar kit {number}", "Mango.")
            store.current()
        stop.set()
        return 20

    *searches, written = run_in_threads([search, search, search, write])
    assert written == 20 and all(count > 0 for count in searches)
    assert len(store.current()) == len(RECORDS) + 20


def run_in_threads(actions: Sequence[Any]) -> list[Any]:
    results: list[Any] = [None] * len(actions)
    errors: list[BaseException] = []

    def run(number: int) -> None:
        try:
            results[number] = actions[number]()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(4 * WAIT)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)
    return results


def cache_files(store: IndexStore) -> Iterator[Path]:
    return iter(sorted(store.directory.glob("words*.npz")))


def test_a_refresh_appends_only_the_new_vector_and_a_restart_reads_everything(
    platform: Platform, store: IndexStore
) -> None:
    store.current()
    main = store.directory / "words.npz"
    written = main.read_bytes()
    add(platform, "offer-pump", "technology_offer", "Solar water pump", "For mango farms.")
    store.current()
    [segment] = [p for p in cache_files(store) if p != main]
    with np.load(segment) as data:
        assert data["vectors"].shape == (1, WordEncoder.dim)  # one record: one row
    assert main.read_bytes() == written
    restarted = IndexStore(platform.engine, store.directory, encoders=[spec()])
    assert len(restarted.current()) == len(RECORDS) + 1
    assert restarted.encoded == 0
    restarted.rebuild()
    assert list(cache_files(store)) == [main]  # the rebuild folded the segment in


def test_a_damaged_segment_costs_only_its_texts(platform: Platform, store: IndexStore) -> None:
    store.current()
    add(platform, "offer-pump", "technology_offer", "Solar water pump", "For mango farms.")
    store.current()
    [segment] = [p for p in cache_files(store) if p.name != "words.npz"]
    segment.write_bytes(segment.read_bytes()[:40])
    restarted = IndexStore(platform.engine, store.directory, encoders=[spec()])
    assert len(restarted.current()) == len(RECORDS) + 1
    assert restarted.encoded == 1


def test_a_writer_waiting_holds_back_new_readers() -> None:
    lock = ReadWriteLock()
    order: list[str] = []
    reading = lock.reading()
    reading.__enter__()
    writer_waiting = threading.Event()

    def write() -> None:
        writer_waiting.set()
        with lock.writing():
            order.append("writer")

    def read() -> None:
        with lock.reading():
            order.append("late reader")

    writer = threading.Thread(target=write)
    writer.start()
    assert writer_waiting.wait(WAIT)
    while not lock._writers_waiting:  # the writer is queued behind the first reader
        threading.Event().wait(0.001)
    late = threading.Thread(target=read)
    late.start()
    assert order == []
    reading.__exit__(None, None, None)
    writer.join(WAIT)
    late.join(WAIT)
    assert order == ["writer", "late reader"]


def test_records_imported_together_are_read_once_not_at_every_look(
    platform: Platform, store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.current()
    rows = [
        RawRecord(OPPORTUNITIES, number, opportunity_data(external_id=f"bulk-{number}"))
        for number in range(3)
    ]
    import_records(
        by=OPERATOR, uow=platform.uow(), batch=ImportBatch(opportunities=rows)
    )  # one timestamp
    read: list[int] = []
    fetch = IndexStore._rows

    def counting(self: IndexStore, **options: Any) -> list[Any]:
        found = fetch(self, **options)
        read.append(len(found))
        return found

    monkeypatch.setattr(IndexStore, "_rows", counting)
    assert len(store.current()) == len(RECORDS) + 3
    store.current()
    add(platform, "offer-pump", "technology_offer", "Solar water pump", "For mango farms.")
    assert len(store.current()) == len(RECORDS) + 4
    assert read == [3, 0, 1]
