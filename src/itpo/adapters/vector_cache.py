"""Dense vectors cached on disk, keyed by a hash of the text: an encoder runs once per text.

Each encoder has a main file (`NAME.npz`) and append segments (`NAME.part-*.npz`): a refresh
writes only what it encoded as a new segment, a rebuild writes the main file whole and removes
the segments it read. Every file is written beside its final name and renamed over it, so a
reader never sees half a file; a damaged or missing file only costs encoding its texts again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from itpo.matching.encoders import Encoder, MiniLMEncoder, USEEncoder, Vectors, query_vectors

ENCODE_CHUNK = 32  # small enough for a smooth progress bar, large enough to batch well
# Past this many segments a refresh compacts them into the main file, so a busy index does
# not leave thousands of small files between rebuilds.
MAX_SEGMENTS = 200


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


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class CachingEncoder:
    """An encoder that answers known texts from its cache and sends only the others on.

    `fill` adds texts to the cache (the documents); `encode` answers from it and encodes any
    other text without keeping it, so queries do not grow the cache.
    """

    def __init__(self, spec: EncoderSpec, path: Path) -> None:
        self.name, self.dim, self.languages = spec.name, spec.dim, spec.languages
        self.path = path
        self.encoded = 0  # texts sent to the real encoder: what a warm cache saves
        self._spec = spec
        self._inner: Encoder | None = None
        self._loading = threading.Lock()
        self._vectors: dict[str, NDArray[np.float32]] = {}
        self._unsaved: set[str] = set()  # hashes encoded since the last write
        self._segments: list[Path] = []  # segment files read or written since the main file
        self._load()

    @property
    def segments(self) -> int:
        return len(self._segments)

    def _load(self) -> None:
        self._vectors.update(self._read(self.path))
        for segment in sorted(self.path.parent.glob(f"{self.path.stem}.part-*.npz")):
            self._vectors.update(self._read(segment))
            self._segments.append(segment)

    def _read(self, path: Path) -> dict[str, NDArray[np.float32]]:
        if not path.exists():
            return {}
        try:
            with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
                hashes, vectors = data["hashes"], data["vectors"]
        except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile):
            return {}  # a damaged file only costs encoding its texts again
        if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(hashes) != len(vectors):
            return {}
        return {str(h): np.asarray(v, np.float32) for h, v in zip(hashes, vectors, strict=True)}

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = [self._vectors.get(text_hash(text)) for text in texts]
        missing = [number for number, row in enumerate(rows) if row is None]
        if missing:
            fresh = self._encoder().encode([texts[number] for number in missing])
            self.encoded += len(missing)
            for number, vector in zip(missing, fresh, strict=True):
                rows[number] = vector
        found = [row for row in rows if row is not None]
        return np.stack(found) if found else np.zeros((0, self.dim), np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        """Search texts, never cached: as the real encoder encodes queries."""
        vectors = query_vectors(self._encoder(), texts)
        self.encoded += len(texts)
        return vectors

    def missing(self, texts: Iterable[str]) -> list[str]:
        return list({text_hash(t): t for t in texts if text_hash(t) not in self._vectors}.values())

    def fill(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> None:
        """Encode the texts not cached yet, in chunks; `progress` hears each chunk's size."""
        # Chunks of similar length waste little on padding in the encoder's batches.
        todo = sorted(self.missing(texts), key=len)
        for start in range(0, len(todo), ENCODE_CHUNK):
            chunk = todo[start : start + ENCODE_CHUNK]
            vectors = self._encoder().encode(chunk)
            self.encoded += len(chunk)
            hashes = [text_hash(text) for text in chunk]
            self._vectors.update(zip(hashes, vectors, strict=True))
            self._unsaved.update(hashes)
            if progress is not None:
                progress(len(chunk))

    def _encoder(self) -> Encoder:
        with self._loading:  # two threads asking at once load the model once
            if self._inner is None:
                self._inner = self._spec.load()
            return self._inner

    def append(self, entries: Mapping[int, str]) -> Path | None:
        """Write the vectors of these (id -> text hash) entries that are not on disk yet as a
        new segment; returns it, or None when there was nothing to write."""
        new = {i: h for i, h in entries.items() if h in self._unsaved and h in self._vectors}
        if not new:
            return None
        name = f"{self.path.stem}.part-{time.time_ns():020d}-{os.getpid()}.npz"
        segment = self.path.with_name(name)
        self._write(segment, new)
        self._unsaved.difference_update(new.values())
        self._segments.append(segment)
        return segment

    def save(self, keys: Mapping[int, str]) -> None:
        """Write the main file with the vectors of these (id -> text hash) entries and drop
        the rest, then remove the segments it now holds."""
        self._write(self.path, {i: h for i, h in keys.items() if h in self._vectors})
        for segment in self._segments:
            segment.unlink(missing_ok=True)
        self._segments = []
        self._unsaved.clear()

    def _write(self, path: Path, entries: Mapping[int, str]) -> None:
        ordered = sorted(entries.items())
        ids = np.asarray([i for i, _ in ordered], np.int64)
        hashes = np.asarray([h for _, h in ordered], dtype="U20")
        vectors = np.zeros((len(ordered), self.dim), np.float32)
        for row, (_, digest) in enumerate(ordered):
            vectors[row] = self._vectors[digest]
        path.parent.mkdir(parents=True, exist_ok=True)
        # A reader never sees half a file: write beside it, then rename over it.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, ids=ids, hashes=hashes, vectors=vectors)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide the cache from other users
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
