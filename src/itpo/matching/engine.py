"""The retrieval engine: documents in, fused lexical and dense rankings out, one document at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from itpo.matching.bm25 import BM25Index
from itpo.matching.encoders import Encoder, normalise
from itpo.matching.fusion import FusionConfig, fuse
from itpo.matching.language import detect_language, language_code
from itpo.matching.text import tokenize
from itpo.matching.vectors import VectorStore

LEXICAL = "bm25"


@dataclass(frozen=True)
class Document:
    """A text to retrieve; without a language the engine guesses one."""

    id: str
    text: str
    language: str | None = None


@dataclass(frozen=True)
class Hit:
    """A retrieved document: fused score, each signal's standardised score, matched terms."""

    id: str
    score: float
    language: str
    signals: dict[str, float]
    matched_terms: tuple[str, ...]


class RetrievalEngine:
    """Hybrid retrieval over an in-memory index that adds and removes documents in place."""

    def __init__(
        self, encoders: Sequence[Encoder] = (), *, fusion: FusionConfig | None = None
    ) -> None:
        self.encoders = list(encoders)
        self.fusion = fusion or FusionConfig()
        self._lexical = BM25Index()
        self._vectors = [VectorStore(encoder.dim) for encoder in self.encoders]
        self._slot_of: dict[str, int] = {}
        self._ids: list[str] = []
        self._languages: list[str] = []
        # Languages as small integers, so a query compares them in one numpy operation.
        self._codes: dict[str, int] = {}
        self._language_codes = np.zeros(0, np.int16)
        self._alive = np.zeros(0, bool)

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._slot_of

    def add(self, documents: Iterable[Document], *, batch_size: int = 256) -> None:
        """Index documents (an id already present is replaced); encoders run in batches."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                self._add_batch(batch)
                batch = []
        if batch:
            self._add_batch(batch)
        self._lexical.freeze()

    def _add_batch(self, documents: list[Document]) -> None:
        documents = list({document.id: document for document in documents}.values())
        texts = [document.text for document in documents]
        # Encode before touching the index, so a failing encoder leaves it as it was.
        vectors = [encoder.encode(texts) for encoder in self.encoders]
        self.remove(document.id for document in documents)
        first = self._lexical.slots
        languages = [language_code(doc.language) or detect_language(doc.text) for doc in documents]
        for document, language in zip(documents, languages, strict=True):
            slot = self._lexical.add(tokenize(document.text, language))
            self._slot_of[document.id] = slot
            self._ids.append(document.id)
            self._languages.append(language)
        for store, rows in zip(self._vectors, vectors, strict=True):
            store.put(first, rows)
        codes = [self._codes.setdefault(language, len(self._codes)) for language in languages]
        self._language_codes = np.concatenate([self._language_codes, np.asarray(codes, np.int16)])
        self._alive = np.concatenate([self._alive, np.ones(len(documents), bool)])

    def remove(self, document_ids: Iterable[str]) -> None:
        """Drop documents from every signal; unknown ids are ignored."""
        for document_id in document_ids:
            slot = self._slot_of.pop(document_id, None)
            if slot is None:
                continue
            self._lexical.remove(slot)
            for store in self._vectors:
                store.clear(slot)
            self._alive[slot] = False

    def search(
        self,
        text: str,
        *,
        language: str | None = None,
        top: int = 10,
        exclude: Iterable[str] = (),
    ) -> list[Hit]:
        """The `top` documents for a query text, best first."""
        if not self._slot_of:
            return []
        language = language_code(language) or detect_language(text)
        vectors = [encoder.encode([text])[0] for encoder in self.encoders]
        return self._rank(tokenize(text, language), vectors, language, top, exclude)

    def similar(
        self, document_id: str, *, top: int = 10, exclude: Iterable[str] = (), terms: int = 32
    ) -> list[Hit]:
        """Documents like an indexed one, from its stored terms and vectors (no encoding)."""
        slot = self._slot_of[document_id]
        query_terms = self._lexical.salient_terms(slot, terms)
        vectors = [store.vector(slot) for store in self._vectors]
        language = self._languages[slot]
        return self._rank(query_terms, vectors, language, top, [document_id, *exclude])

    def _rank(
        self,
        terms: list[str],
        vectors: list[NDArray[np.float32]],
        language: str,
        top: int,
        exclude: Iterable[str],
    ) -> list[Hit]:
        same = self._language_codes == self._codes.get(language, -1)
        lexical = self.fusion.lexical
        signals = {LEXICAL: self._lexical.scores(terms)}
        weights = {LEXICAL: self._pair_weights(lexical.same, lexical.cross, same)}
        dense: dict[str, tuple[VectorStore, NDArray[np.float32]]] = {}
        for encoder, store, vector in zip(self.encoders, self._vectors, vectors, strict=True):
            pair_weights = self._encoder_weights(encoder, language, same)
            if pair_weights.any():  # an encoder with no say is not worth a pass over the store
                signals[encoder.name] = store.scores(vector)
                weights[encoder.name] = pair_weights
                dense[encoder.name] = (store, vector)
        alive = self._alive.copy()
        for document_id in exclude:
            if document_id in self._slot_of:
                alive[self._slot_of[document_id]] = False
        fused, standard = fuse(signals, weights, alive, self.fusion.depth)
        if self.fusion.feedback_documents and dense:
            fused, standard, alive = self._feedback(fused, signals, weights, dense, alive)
        return [self._hit(int(slot), fused, standard, terms) for slot in _top(fused, top, alive)]

    def _feedback(
        self,
        fused: NDArray[np.float32],
        signals: dict[str, NDArray[np.float32]],
        weights: dict[str, NDArray[np.float32]],
        dense: dict[str, tuple[VectorStore, NDArray[np.float32]]],
        alive: NDArray[np.bool_],
    ) -> tuple[NDArray[np.float32], dict[str, NDArray[np.float32]], NDArray[np.bool_]]:
        """Rocchio feedback: move each dense query towards the first pass's best documents and
        score the first pass's candidates again. Short queries gain the vocabulary of the
        records they are about; only the candidates are re-scored, so it costs little."""
        config = self.fusion
        best = _top(fused, config.feedback_documents, alive)
        candidates = _top(fused, config.candidates, alive)
        shortlist = np.zeros_like(alive)
        shortlist[candidates] = True
        signals = dict(signals)
        for name, (store, vector) in dense.items():
            moved = vector + config.feedback_weight * store.rows(best).mean(axis=0)
            rescored = np.zeros_like(signals[name])
            rescored[candidates] = store.rows(candidates) @ normalise(moved[None])[0]
            signals[name] = rescored
        fused, standard = fuse(signals, weights, shortlist, config.depth)
        return fused, standard, shortlist

    def _encoder_weights(
        self, encoder: Encoder, language: str, same: NDArray[np.bool_]
    ) -> NDArray[np.float32]:
        pair = self.fusion.dense_weights(encoder.name)
        served = encoder.languages
        if served is None:
            return self._pair_weights(pair.same, pair.cross, same)
        if language not in served:
            return np.zeros(len(same), np.float32)
        weights = self._pair_weights(pair.same, pair.cross, same)
        served_codes = [code for lang, code in self._codes.items() if lang in served]
        document_served = np.isin(self._language_codes, served_codes)
        return np.where(document_served, weights, 0.0).astype(np.float32)

    @staticmethod
    def _pair_weights(
        same_weight: float, cross_weight: float, same: NDArray[np.bool_]
    ) -> NDArray[np.float32]:
        return np.where(same, same_weight, cross_weight).astype(np.float32)

    def _hit(
        self,
        slot: int,
        fused: NDArray[np.float32],
        standard: dict[str, NDArray[np.float32]],
        terms: list[str],
    ) -> Hit:
        return Hit(
            id=self._ids[slot],
            score=float(fused[slot]),
            language=self._languages[slot],
            signals={name: float(values[slot]) for name, values in standard.items()},
            matched_terms=tuple(self._lexical.matched_terms(slot, terms)),
        )


def _top(scores: NDArray[np.float32], k: int, alive: NDArray[np.bool_]) -> NDArray[np.intp]:
    k = min(k, int(alive.sum()))
    if k <= 0:
        return np.zeros(0, np.intp)
    head = np.argpartition(-scores, k - 1)[:k]
    return head[np.argsort(-scores[head], kind="stable")]
