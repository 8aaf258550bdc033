"""The case index beside the database: every published case's translations, retrieved by the
same hybrid engine as opportunities. Cases are few, so the index is rebuilt whenever the
published cases change (their count or versions move); vectors are cached on disk per
encoder, so a rebuild encodes only new or edited texts."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa

from itpo.adapters.storage.practice_repository import SqlPracticeRepository
from itpo.adapters.vector_cache import CachingEncoder, EncoderSpec, default_specs, text_hash
from itpo.matching.encoders import Encoder
from itpo.matching.engine import Document, Hit, RetrievalEngine
from itpo.matching.fusion import FusionConfig
from itpo.practice.model import CaseStatus
from itpo.practice.search import case_text

REMEMBERED = 2000  # texts whose hits are kept, each a few hundred bytes


class CaseSearchIndex:
    """One built index; searches never see it change (a rebuild makes a new one), so the hits
    of a text are kept while the index lives: an opportunity's page asks the same each visit."""

    def __init__(self, engine: RetrievalEngine) -> None:
        self.engine = engine
        self._hits: OrderedDict[tuple[str, str | None, int], list[Hit]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.engine)

    def search(self, text: str, *, language: str | None = None, top: int) -> list[Hit]:
        if not len(self.engine):
            return []
        key = (text, language, top)
        with self._lock:
            if key in self._hits:
                self._hits.move_to_end(key)
                return list(self._hits[key])
        found = self.engine.ranked(self.engine.query(text, language=language), top=top)
        with self._lock:
            self._hits[key] = found
            while len(self._hits) > REMEMBERED:
                self._hits.popitem(last=False)
        return list(found)


class CaseIndexStore:
    def __init__(
        self, engine: sa.Engine, directory: Path, *, encoders: Sequence[EncoderSpec] | None = None
    ) -> None:
        self.engine, self.directory = engine, directory
        self._specs = [_loaded_once(s) for s in (encoders or default_specs())]
        self._building = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._index: CaseSearchIndex | None = None

    def current(self) -> CaseSearchIndex:
        """The index of the published cases as they are now."""
        with self._building:
            state = self._read_state()
            if self._index is None or state != self._state:
                self._index = self._build()
                self._state = state
            return self._index

    def _read_state(self) -> tuple[int, int]:
        with self.engine.connect() as connection:
            return SqlPracticeRepository(connection).state()

    def _build(self) -> CaseSearchIndex:
        with self.engine.connect() as connection:
            cases = [
                c
                for c in SqlPracticeRepository(connection).all()
                if c.status is CaseStatus.PUBLISHED
            ]
        documents = [
            Document(f"{case.id}:{language}", case_text(case, language), language)
            for case in cases
            for language in case.languages
        ]
        self.directory.mkdir(parents=True, exist_ok=True)
        encoders = [
            CachingEncoder(spec, self.directory / f"practice-{spec.name}.npz")
            for spec in self._specs
        ]
        texts = [d.text for d in documents]
        for encoder in encoders:
            encoder.fill(texts)
            encoder.save({n: text_hash(t) for n, t in enumerate(texts)})
        index = RetrievalEngine(encoders, fusion=FusionConfig())
        index.add(documents)
        return CaseSearchIndex(index)


def _loaded_once(spec: EncoderSpec) -> EncoderSpec:
    """The spec with a loader that loads its model once for this store, not once per build."""
    loaded: list[Encoder] = []
    lock = threading.Lock()

    def load() -> Encoder:
        with lock:
            if not loaded:
                loaded.append(spec.load())
            return loaded[0]

    return EncoderSpec(spec.name, spec.dim, spec.languages, load)
