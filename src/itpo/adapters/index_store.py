"""The matching index beside the database: live opportunities' public text, vectors cached on disk.

The index is derived data. Its dense vectors are the only costly part, so they are kept in one
`.npz` file per encoder under `data_dir/index`, keyed by opportunity id and a hash of the text:
a rebuild encodes only new or changed records, and everything else is rebuilt in memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa
from numpy.typing import NDArray

from itpo.adapters.storage.tables import opportunity
from itpo.matching.encoders import Encoder, MiniLMEncoder, USEEncoder, Vectors
from itpo.matching.engine import Document, Hit, RetrievalEngine
from itpo.matching.fusion import FusionConfig
from itpo.registry.model import OpportunityKind, Status

Progress = Callable[[int, int], None]  # (texts encoded so far, texts to encode)
ENCODE_CHUNK = 32  # small enough for a smooth progress bar, large enough to batch well


@dataclass(frozen=True, slots=True)
class EncoderSpec:
    """An encoder's identity, and how to load it: models load only when a text needs encoding."""

    name: str
    dim: int
    languages: frozenset[str] | None
    load: Callable[[], Encoder]

    @classmethod
    def of(cls, encoder: Encoder) -> EncoderSpec:
        return cls(encoder.name, encoder.dim, encoder.languages, lambda: encoder)


def default_specs() -> list[EncoderSpec]:
    """The bundled encoders (as `default_encoders`), described without loading them."""
    return [
        EncoderSpec(USEEncoder.name, USEEncoder.dim, USEEncoder.languages, USEEncoder),
        EncoderSpec(MiniLMEncoder.name, MiniLMEncoder.dim, MiniLMEncoder.languages, MiniLMEncoder),
    ]


def document_text(title: str, teaser: str) -> str:
    """What is indexed: the public title and teaser, never the restricted details."""
    return f"{title}\n{teaser}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class CachingEncoder:
    """An encoder that answers known texts from its cache and sends only the others on."""

    def __init__(self, spec: EncoderSpec, path: Path) -> None:
        self.name, self.dim, self.languages = spec.name, spec.dim, spec.languages
        self.path = path
        self.encoded = 0  # texts sent to the real encoder: what a warm cache saves
        self._spec = spec
        self._inner: Encoder | None = None
        self._vectors: dict[str, NDArray[np.float32]] = self._load()

    def _load(self) -> dict[str, NDArray[np.float32]]:
        if not self.path.exists():
            return {}
        try:
            with np.load(self.path, allow_pickle=False) as data:
                hashes, vectors = data["hashes"], data["vectors"]
        except (OSError, ValueError, KeyError):  # a damaged cache only costs a re-encode
            return {}
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            return {}
        return {str(h): np.asarray(v, np.float32) for h, v in zip(hashes, vectors, strict=True)}

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.fill(texts)
        rows = [self._vectors[text_hash(text)] for text in texts]
        return np.stack(rows) if rows else np.zeros((0, self.dim), np.float32)

    def missing(self, texts: Iterable[str]) -> list[str]:
        return list({text_hash(t): t for t in texts if text_hash(t) not in self._vectors}.values())

    def fill(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> None:
        """Encode the texts not cached yet, in chunks; `progress` hears each chunk's size."""
        todo = self.missing(texts)
        for start in range(0, len(todo), ENCODE_CHUNK):
            chunk = todo[start : start + ENCODE_CHUNK]
            if self._inner is None:
                self._inner = self._spec.load()
            vectors = self._inner.encode(chunk)
            self.encoded += len(chunk)
            self._vectors.update(zip(map(text_hash, chunk), vectors, strict=True))
            if progress is not None:
                progress(len(chunk))

    def save(self, keys: Mapping[int, str]) -> None:
        """Write the vectors of these (id -> text hash) entries, atomically; drop the rest."""
        entries = sorted((i, h) for i, h in keys.items() if h in self._vectors)
        ids = np.asarray([i for i, _ in entries], np.int64)
        hashes = np.asarray([h for _, h in entries], dtype="U20")
        vectors = np.stack([self._vectors[h] for _, h in entries]) if entries else None
        if vectors is None:
            vectors = np.zeros((0, self.dim), np.float32)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # A reader never sees half a file: write beside it, then rename over it.
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, ids=ids, hashes=hashes, vectors=vectors)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide the cache from other users
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class OpportunityIndex:
    """The retrieval engine with each record's kind, so a search skips kinds that cannot match."""

    def __init__(
        self, engine: RetrievalEngine, kinds: dict[str, OpportunityKind], lock: threading.Lock
    ) -> None:
        self.engine, self._kinds, self._lock = engine, kinds, lock

    def __contains__(self, document_id: object) -> bool:
        return document_id in self.engine

    def __len__(self) -> int:
        return len(self.engine)

    def similar(
        self, document_id: str, *, top: int, kinds: Collection[OpportunityKind] | None = None
    ) -> list[Hit]:
        # Under the store's lock: a refresh in another request thread must not change the
        # arrays mid-search.
        with self._lock:
            exclude = [
                i for i, kind in self._kinds.items() if kinds is not None and kind not in kinds
            ]
            return self.engine.similar(document_id, top=top, exclude=exclude)


@dataclass(frozen=True, slots=True)
class BuildReport:
    documents: int
    encoded: int
    seconds: float


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


class IndexStore:
    """Builds the retrieval index once per process, then keeps it current from `updated_at`."""

    def __init__(
        self,
        engine: sa.Engine,
        directory: Path,
        *,
        encoders: Sequence[EncoderSpec] | None = None,
        today: Callable[[], dt.date] = _today,
    ) -> None:
        self.engine, self.directory, self.today = engine, directory, today
        self._specs = list(encoders) if encoders is not None else default_specs()
        self._lock = threading.Lock()
        self._index: RetrievalEngine | None = None
        self._kinds: dict[str, OpportunityKind] = {}
        self._encoders: list[CachingEncoder] = []
        self._retired = 0  # texts encoded by the encoders of earlier builds
        self._keys: dict[int, str] = {}  # indexed id -> text hash
        self._stamps: dict[int, dt.datetime] = {}  # every record seen -> its updated_at
        self._watermark: dt.datetime | None = None

    @property
    def encoded(self) -> int:
        """Texts the real encoders have encoded since this store was made."""
        return self._retired + sum(encoder.encoded for encoder in self._encoders)

    def current(self) -> OpportunityIndex:
        """The index, built on first use and brought up to date with the database."""
        with self._lock:
            if self._index is None:
                self._build(None)
            else:
                self._refresh()
            assert self._index is not None
            return OpportunityIndex(self._index, self._kinds, self._lock)

    def rebuild(self, progress: Progress | None = None) -> BuildReport:
        """Build the index again from the database; cached vectors of unchanged texts are reused."""
        with self._lock:
            return self._build(progress)

    def _build(self, progress: Progress | None) -> BuildReport:
        started, before = time.perf_counter(), self.encoded
        self._retired = before
        self._encoders = [
            CachingEncoder(spec, self.directory / f"{spec.name}.npz") for spec in self._specs
        ]
        rows = self._rows(since=None)
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
        index = RetrievalEngine(self._encoders, fusion=FusionConfig())
        index.add(documents.values())
        self._keys = {i: text_hash(d.text) for i, d in documents.items()}
        self._kinds = {str(r["id"]): OpportunityKind(r["kind"]) for r in rows if self._live(r)}
        self._remember(rows)
        self._index = index
        self._save()
        return BuildReport(len(documents), self.encoded - before, time.perf_counter() - started)

    def _refresh(self) -> int:
        """Apply records created or changed since the last look; returns how many changed."""
        assert self._index is not None
        rows = [
            row
            for row in self._rows(since=self._watermark)
            if self._stamps.get(row["id"]) != row["updated_at"]
        ]
        if not rows:
            return 0
        before = self.encoded
        live = [_document(row) for row in rows if self._live(row)]
        self._index.remove(str(row["id"]) for row in rows if not self._live(row))
        self._index.add(live)
        for row in rows:
            self._keys.pop(row["id"], None)
            self._kinds.pop(str(row["id"]), None)
        self._kinds.update(
            (str(r["id"]), OpportunityKind(r["kind"])) for r in rows if self._live(r)
        )
        self._keys.update((int(d.id), text_hash(d.text)) for d in live)
        self._remember(rows)
        if self.encoded > before:
            self._save()
        return len(rows)

    def _save(self) -> None:
        for encoder in self._encoders:
            encoder.save(self._keys)

    def _remember(self, rows: Sequence[Mapping[str, Any]]) -> None:
        for row in rows:
            self._stamps[row["id"]] = row["updated_at"]
        stamps = [row["updated_at"] for row in rows]
        if stamps:
            latest = max(stamps)
            self._watermark = latest if self._watermark is None else max(latest, self._watermark)

    def _live(self, row: Mapping[str, Any]) -> bool:
        until = row["valid_until"]
        return bool(
            row["status"] == Status.PUBLISHED.value and (until is None or until >= self.today())
        )

    def _rows(self, *, since: dt.datetime | None) -> list[Mapping[str, Any]]:
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
        if since is not None:
            # ">=": records saved in the same instant as the watermark are not lost; the ones
            # already seen are skipped by their stamp.
            query = query.where(columns.updated_at >= since)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]


def _document(row: Mapping[str, Any]) -> Document:
    return Document(str(row["id"]), document_text(row["title"], row["teaser"]), row["language"])
