"""The matching index beside the database: live opportunities' public text, vectors cached on disk.

The index is derived data. Its dense vectors are the only costly part, so they are kept per
encoder under `data_dir/index` (see `vector_cache`): a rebuild encodes only new or changed
records, and everything else is rebuilt in memory.

Searches run concurrently; applying changes waits for the searches in progress and holds back
new ones, so no search sees the arrays change under it. Encoding happens before that, so a
search waits at most for the in-memory update.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.tables import opportunity
from itpo.adapters.vector_cache import (
    MAX_SEGMENTS,
    CachingEncoder,
    EncoderSpec,
    default_specs,
    text_hash,
)
from itpo.clock import today
from itpo.matching.engine import Document, Hit, RetrievalEngine
from itpo.matching.fusion import FusionConfig
from itpo.registry.model import OpportunityKind, Status

__all__ = [
    "BuildReport",
    "CachingEncoder",
    "EncoderSpec",
    "IndexStore",
    "OpportunityIndex",
    "ReadWriteLock",
    "default_specs",
    "document_text",
    "text_hash",
]

Progress = Callable[[int, int], None]  # (texts encoded so far, texts to encode)


def document_text(title: str, teaser: str) -> str:
    """What is indexed: the public title and teaser, never the restricted details."""
    return f"{title}\n{teaser}"


class ReadWriteLock:
    """Any number of readers, or one writer. A waiting writer holds back new readers, so a
    steady stream of searches cannot keep a change out. Not reentrant."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                if not self._readers:
                    self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            try:
                self._condition.wait_for(lambda: not self._writing and not self._readers)
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


def _partitions(kinds: Collection[OpportunityKind] | None) -> list[str] | None:
    return None if kinds is None else [kind.value for kind in kinds]


class OpportunityIndex:
    """The retrieval engine with one partition per opportunity kind: a search reads only the
    kinds it asks for. Searches share the store's lock as readers."""

    def __init__(self, engine: RetrievalEngine, lock: ReadWriteLock) -> None:
        self.engine, self._lock = engine, lock

    def __contains__(self, document_id: object) -> bool:
        with self._lock.reading():
            return document_id in self.engine

    def __len__(self) -> int:
        with self._lock.reading():
            return len(self.engine)

    def similar(
        self, document_id: str, *, top: int, kinds: Collection[OpportunityKind] | None = None
    ) -> list[Hit]:
        """Records like an indexed one, of the kinds given (all when None), best first."""
        with self._lock.reading():
            return self.engine.similar(document_id, top=top, partitions=_partitions(kinds))

    def search(
        self,
        text: str,
        *,
        language: str | None = None,
        top: int,
        kinds: Collection[OpportunityKind] | None = None,
    ) -> list[Hit]:
        """Live records for a free text in any language, of the kinds given, best first."""
        if not len(self):
            return []
        query = self.engine.query(text, language=language)  # encoding reads no shared state
        with self._lock.reading():
            return self.engine.ranked(query, top=top, partitions=_partitions(kinds))


@dataclass(frozen=True, slots=True)
class BuildReport:
    documents: int
    encoded: int
    seconds: float


class IndexStore:
    """Builds the retrieval index once per process, then keeps it current from `updated_at`."""

    def __init__(
        self,
        engine: sa.Engine,
        directory: Path,
        *,
        encoders: Sequence[EncoderSpec] | None = None,
        today: Callable[[], dt.date] = today,
    ) -> None:
        self.engine, self.directory, self.today = engine, directory, today
        self._specs = list(encoders) if encoders is not None else default_specs()
        self._lock = ReadWriteLock()  # searches read the index; applying changes writes it
        self._updating = threading.Lock()  # one build or refresh at a time
        self._index: RetrievalEngine | None = None
        self._encoders: list[CachingEncoder] = []
        self._retired = 0  # texts encoded by the encoders of earlier builds
        self._keys: dict[int, str] = {}  # indexed id -> text hash
        self._watermark: tuple[dt.datetime, int] | None = None  # latest (updated_at, id) seen
        # Moves whenever the indexed records change: what cached matches are keyed by.
        self.generation = 0

    @property
    def encoded(self) -> int:
        """Texts the real encoders have encoded since this store was made."""
        return self._retired + sum(encoder.encoded for encoder in self._encoders)

    def current(self) -> OpportunityIndex:
        """The index, built on first use and brought up to date with the database."""
        with self._updating:
            if self._index is None:
                self._build(None)
            else:
                self._refresh()
            assert self._index is not None
            return OpportunityIndex(self._index, self._lock)

    def rebuild(self, progress: Progress | None = None) -> BuildReport:
        """Build the index again from the database; cached vectors of unchanged texts are reused."""
        with self._updating:
            return self._build(progress)

    def _build(self, progress: Progress | None) -> BuildReport:
        started, before = time.perf_counter(), self.encoded
        self._retired = before
        self._encoders = [
            CachingEncoder(spec, self.directory / f"{spec.name}.npz") for spec in self._specs
        ]
        rows = self._rows(after=None)
        documents = {row["id"]: _document(row) for row in rows if self._live(row)}
        texts = [document.text for document in documents.values()]
        total = sum(len(encoder.missing(texts)) for encoder in self._encoders)
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, total)

        for encoder in self._encoders:
            encoder.fill(texts, advance)
        # Built aside and swapped in: searches read the previous index meanwhile.
        index = RetrievalEngine(self._encoders, fusion=FusionConfig())
        index.add(documents.values())
        with self._lock.writing():
            self._index = index
            self.generation += 1
        self._keys = {i: text_hash(d.text) for i, d in documents.items()}
        self._remember(rows)
        for encoder in self._encoders:
            encoder.save(self._keys)
        return BuildReport(len(documents), self.encoded - before, time.perf_counter() - started)

    def _refresh(self) -> int:
        """Apply records created or changed since the last look; returns how many changed."""
        assert self._index is not None
        rows = self._rows(after=self._watermark)
        if not rows:
            return 0
        live = [_document(row) for row in rows if self._live(row)]
        for encoder in self._encoders:
            encoder.fill([document.text for document in live])
        with self._lock.writing():
            self._index.remove(str(row["id"]) for row in rows if not self._live(row))
            self._index.add(live)
            self.generation += 1
        for row in rows:
            self._keys.pop(row["id"], None)
        added = {int(d.id): text_hash(d.text) for d in live}
        self._keys.update(added)
        self._remember(rows)
        for encoder in self._encoders:
            if encoder.segments >= MAX_SEGMENTS:
                encoder.save(self._keys)
            else:
                encoder.append(added)
        return len(rows)

    def _remember(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            latest = max((row["updated_at"], row["id"]) for row in rows)
            self._watermark = latest if self._watermark is None else max(latest, self._watermark)

    def _live(self, row: Mapping[str, Any]) -> bool:
        until = row["valid_until"]
        return bool(
            row["status"] == Status.PUBLISHED.value and (until is None or until >= self.today())
        )

    def _rows(self, *, after: tuple[dt.datetime, int] | None) -> list[Mapping[str, Any]]:
        columns = opportunity.c
        query = sa.select(
            columns.id,
            columns.kind,
            columns.title,
            columns.teaser,
            columns.language,
            columns.status,
            columns.valid_until,
            columns.updated_at,
        )
        if after is not None:
            # Records saved after the watermark, and in its very instant those with a higher id:
            # an import stamps all its records alike, and they must not be read again at every
            # look. Two probes of the (updated_at, id) index: as one condition, SQLite walks
            # every record of that instant (10 ms at 100,000 imported together).
            stamp, last = after
            later = query.where(columns.updated_at > stamp)
            same = query.where(columns.updated_at == stamp, columns.id > last)
            return self._fetch(sa.union_all(later, same))
        return self._fetch(query)

    def _fetch(self, statement: sa.Executable) -> list[Mapping[str, Any]]:
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(statement)]


def _document(row: Mapping[str, Any]) -> Document:
    text = document_text(row["title"], row["teaser"])
    return Document(str(row["id"]), text, row["language"], partition=row["kind"])
