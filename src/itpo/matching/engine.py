"""The retrieval engine: documents in, fused lexical and dense rankings out, one document at a time.

Documents sit in partitions (the matching index keeps one per opportunity kind). A search reads
only the partitions it names, while idf and the average length stay those of the whole
collection, so restricting a search changes which documents compete, never their scores.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from itpo.matching.bm25 import CorpusStatistics
from itpo.matching.encoders import Encoder, normalise, query_vectors
from itpo.matching.fusion import FusionConfig, PairWeights, Scale, fuse, head_scale
from itpo.matching.language import detect_language, language_code
from itpo.matching.partitions import FloatArray, Partition, Positions, Scope
from itpo.matching.similarity import (
    PRIORS,
    Background,
    background,
    sample_positions,
    settled,
)
from itpo.matching.similarity import similarity as text_similarity
from itpo.matching.text import tokenize
from itpo.matching.vectors import PACKED_BLOCK, products

LEXICAL = "bm25"
# A packed (4-bit) first pass is corrected before anything is decided on it: each dense
# signal's RESCORE leaders are scored again from float32 rows before its head is measured, and
# MARGIN more fused candidates than needed are, so one the approximation placed a little low
# still makes the list. With random vectors, the hardest case (their best scores are packed
# tight), a 100,000-record benchmark then ranks exactly as a float32 scan in 100 matches of 100.
RESCORE = 1000
MARGIN = 2000
# Rows a search must read before the packed pass pays for that correction: below it, float32
# rows are scanned whole (at 100,000 records a search reads about 45,000 rows, and exact
# scans are a little faster there; at 1,000,000 the packed pass saves a third). Blocks are
# packed only once the collection is this large, so a smaller one spends no memory on them.
PACKED_FROM = 150_000
NO_CODES = np.zeros(0, np.int16)


@dataclass(frozen=True)
class Document:
    """A text to retrieve; without a language the engine guesses one."""

    id: str
    text: str
    language: str | None = None
    partition: str = ""


@dataclass(frozen=True)
class Hit:
    """A retrieved document: fused score, each signal's standardised score, matched terms.

    `similarity` is the absolute text similarity of query and document in [0, 1]
    (`matching.similarity`): for a document used as a query it is the same both ways."""

    id: str
    score: float
    language: str
    signals: dict[str, float]
    matched_terms: tuple[str, ...]
    similarity: float = 0.0


@dataclass(frozen=True)
class Query:
    """What a ranking needs: index terms, one vector per encoder, the language."""

    terms: tuple[str, ...]
    vectors: tuple[FloatArray, ...]
    language: str


@dataclass
class _Signals:
    """Each signal's scores and per-document weights over a scope; dense ones by encoder."""

    scores: dict[str, FloatArray]
    weights: dict[str, FloatArray]
    dense: dict[str, int]  # signal name -> encoder number
    approximate: set[str]  # signals scored from packed rows

    def subset(self, positions: Positions) -> _Signals:
        return _Signals(
            {name: values[positions] for name, values in self.scores.items()},
            {name: values[positions] for name, values in self.weights.items()},
            self.dense,
            set(),
        )


class RetrievalEngine:
    """Hybrid retrieval over an in-memory index that adds and removes documents in place.

    Not safe for concurrent use on its own: searches may run together, but not while documents
    are added or removed (the matching index guards it with a readers-writer lock).
    """

    def __init__(
        self,
        encoders: Sequence[Encoder] = (),
        *,
        fusion: FusionConfig | None = None,
        packed_block: int | None = PACKED_BLOCK,
        packed_from: int = PACKED_FROM,
    ) -> None:
        self.encoders = list(encoders)
        self.fusion = fusion or FusionConfig()
        # True: scan only float32 rows, even where packed blocks exist (to measure their effect).
        self.exact = False
        self._packed_block, self._packed_from = packed_block, packed_from
        self._packing = packed_from <= 0
        self._statistics = CorpusStatistics()
        self._partitions: dict[str, Partition] = {}
        self._where: dict[str, tuple[Partition, int]] = {}
        # Languages as small integers: a signal's weight per document is one table lookup.
        self._codes: dict[str, int] = {}
        # Each encoder's cosine over unrelated pairs, measured when first needed after a change.
        self._backgrounds: list[Background] | None = None
        # Terms' idf squared and documents' sums of them, for the lexical overlap; like the
        # backgrounds, forgotten whenever the collection changes.
        self._weights: dict[str, float] = {}
        self._norms: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._where

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
        for partition in self._partitions.values():
            partition.lexical.freeze()
        if not self._packing and len(self) >= self._packed_from:
            self._packing = True
            for partition in self._partitions.values():
                for store in partition.vectors:
                    store.start_packing()

    def _add_batch(self, documents: list[Document]) -> None:
        self._changed()
        documents = list({document.id: document for document in documents}.values())
        texts = [document.text for document in documents]
        # Encode before touching the index, so a failing encoder leaves it as it was.
        vectors = [encoder.encode(texts) for encoder in self.encoders]
        self.remove(document.id for document in documents)
        groups: dict[str, list[int]] = {}
        for number, document in enumerate(documents):
            groups.setdefault(document.partition, []).append(number)
        for name, numbers in groups.items():
            partition = self._partition(name)
            first = partition.size
            for number in numbers:
                document = documents[number]
                language = language_code(document.language) or detect_language(document.text)
                code = self._codes.setdefault(language, len(self._codes))
                terms = tokenize(document.text, language)
                slot = partition.add(document.id, terms, language, code)
                self._where[document.id] = (partition, slot)
            rows = np.asarray(numbers, np.intp)
            for store, matrix in zip(partition.vectors, vectors, strict=True):
                store.put(first, matrix[rows])

    def _partition(self, name: str) -> Partition:
        if name not in self._partitions:
            self._partitions[name] = Partition(
                self.encoders, self._statistics, self._packed_block, self._packing
            )
        return self._partitions[name]

    def _changed(self) -> None:
        self._backgrounds = None
        self._weights, self._norms = {}, {}

    def remove(self, document_ids: Iterable[str]) -> None:
        """Drop documents from every signal; unknown ids are ignored."""
        self._changed()
        for document_id in document_ids:
            where = self._where.pop(document_id, None)
            if where is None:
                continue
            partition, slot = where
            partition.lexical.remove(slot)
            for store in partition.vectors:
                store.clear(slot)

    def query(self, text: str, *, language: str | None = None) -> Query:
        """A text made ready to rank: tokenised and encoded (reads no indexed document)."""
        language = language_code(language) or detect_language(text)
        vectors = tuple(query_vectors(encoder, [text])[0] for encoder in self.encoders)
        return Query(tuple(tokenize(text, language)), vectors, language)

    def search(
        self,
        text: str,
        *,
        language: str | None = None,
        top: int = 10,
        exclude: Iterable[str] = (),
        partitions: Collection[str] | None = None,
    ) -> list[Hit]:
        """The `top` documents for a query text, best first; only `partitions` if given."""
        if not self._where:
            return []
        query = self.query(text, language=language)
        return self.ranked(query, top=top, exclude=exclude, partitions=partitions)

    def similar(
        self,
        document_id: str,
        *,
        top: int = 10,
        exclude: Iterable[str] = (),
        terms: int = 32,
        partitions: Collection[str] | None = None,
    ) -> list[Hit]:
        """Documents like an indexed one, from its stored terms and vectors (no encoding)."""
        partition, slot = self._where[document_id]
        query = Query(
            tuple(partition.lexical.salient_terms(slot, terms)),
            tuple(store.vector(slot) for store in partition.vectors),
            partition.languages[slot],
        )
        exclude = [document_id, *exclude]
        own = partition.lexical.terms_of(slot)
        return self.ranked(query, top=top, exclude=exclude, partitions=partitions, own_terms=own)

    def ranked(
        self,
        query: Query,
        *,
        top: int = 10,
        exclude: Iterable[str] = (),
        partitions: Collection[str] | None = None,
        own_terms: Sequence[str] | None = None,
    ) -> list[Hit]:
        """The `top` documents for a prepared query, best first; `own_terms` are all the terms
        of the text behind it (its index terms when not given), for the text similarity."""
        scope = Scope(
            [
                partition
                for name, partition in self._partitions.items()
                if partition.size and (partitions is None or name in partitions)
            ]
        )
        if not scope.partitions:
            return []
        alive = scope.join(p.lexical.alive.copy() for p in scope.partitions)
        for document_id in exclude:
            where = self._where.get(document_id)
            position = scope.position(*where) if where else None
            if position is not None:
                alive[position] = False
        signals = self._signals(query, scope)
        terms = query.terms if own_terms is None else own_terms
        return self._rank(query, scope, signals, alive, top, terms)

    def _signals(self, query: Query, scope: Scope) -> _Signals:
        codes = scope.join(p.codes for p in scope.partitions)
        lexical = self.fusion.lexical
        scores = {LEXICAL: scope.join(p.lexical.scores(query.terms) for p in scope.partitions)}
        weights = {LEXICAL: self._weight_table(lexical, query.language, None)[codes]}
        signals = _Signals(scores, weights, {}, set())
        exact = self.exact or int(scope.starts[-1]) < self._packed_from
        for number, encoder in enumerate(self.encoders):
            pair = self.fusion.dense_weights(encoder.name)
            table = self._weight_table(pair, query.language, encoder.languages)
            document_weights = table[codes]
            if not document_weights.any():  # an encoder with no say is not worth a pass
                continue
            vector = query.vectors[number]
            stores = [p.vectors[number] for p in scope.partitions]
            scores[encoder.name] = scope.join(s.scores(vector, exact=exact) for s in stores)
            weights[encoder.name] = document_weights
            signals.dense[encoder.name] = number
            if not exact and any(store.approximate for store in stores):
                signals.approximate.add(encoder.name)
        return signals

    def _weight_table(
        self, pair: PairWeights, language: str, served: frozenset[str] | None
    ) -> FloatArray:
        """A signal's weight by document language code, for a query in `language`."""
        table = np.zeros(max(len(self._codes), 1), np.float32)
        if served is not None and language not in served:
            return table
        for document_language, code in self._codes.items():
            if served is None or document_language in served:
                table[code] = pair.same if document_language == language else pair.cross
        return table

    def _rank(
        self,
        query: Query,
        scope: Scope,
        signals: _Signals,
        alive: NDArray[np.bool_],
        top: int,
        own_terms: Sequence[str],
    ) -> list[Hit]:
        config = self.fusion
        scales = self._scales(query, scope, signals, alive)
        fused, _ = fuse(signals.scores, signals.weights, alive, config.depth, scales)
        feedback = bool(config.feedback_documents and signals.dense)
        wanted = config.candidates if feedback else top
        # Only the pool is ranked from here: arrays of its size, not of the collection's.
        pool = _top(fused, wanted + (MARGIN if signals.approximate else 0), alive)
        if not len(pool):
            return []
        chosen = signals.subset(pool)
        rows: dict[str, FloatArray] = {}
        if feedback or signals.approximate:
            rows = {name: scope.rows(number, pool) for name, number in signals.dense.items()}
        for name in signals.approximate:
            chosen.scores[name] = products(rows[name], query.vectors[signals.dense[name]])
        everyone = np.ones(len(pool), bool)
        fused, standard = fuse(chosen.scores, chosen.weights, everyone, config.depth, scales)
        order = _top(fused, wanted, everyone)
        pool, fused, chosen = pool[order], fused[order], chosen.subset(order)
        standard = {name: values[order] for name, values in standard.items()}
        # Cosines of the stored rows themselves, before feedback moves the query.
        cosines = {name: chosen.scores[name] for name in signals.dense}
        if feedback:
            rows = {name: values[order] for name, values in rows.items()}
            fused, standard = self._feedback(query, chosen, rows)
        best = _top(fused, top, np.ones(len(pool), bool))
        found = self._hits(scope, pool[best], fused[best], standard, best, query.terms)
        picked = {name: values[best] for name, values in cosines.items()}
        return self._with_similarity(query, found, picked, signals.dense, own_terms)

    def backgrounds(self) -> list[Background]:
        """Each encoder's cosine over unrelated pairs of the whole collection (every partition,
        so both sides of a pair are measured against the same background)."""
        if self._backgrounds is None:
            partitions = [p for p in self._partitions.values() if p.size]
            if not partitions:
                return [
                    background(np.zeros((0, e.dim), np.float32), NO_CODES) for e in self.encoders
                ]
            scope = Scope(partitions)
            alive = scope.join(p.lexical.alive for p in partitions)
            sample = sample_positions(alive)
            codes = scope.join(p.codes for p in partitions)[sample]
            self._backgrounds = [
                settled(
                    background(scope.rows(number, sample), codes),
                    PRIORS.get(encoder.name),
                    int(alive.sum()),
                )
                for number, encoder in enumerate(self.encoders)
            ]
        return self._backgrounds

    def _term_weight(self, term: str) -> float:
        """A term's idf squared, kept until the collection changes (a log per term is the
        costly part of comparing a few hundred term sets)."""
        found = self._weights.get(term)
        if found is None:
            found = self._weights[term] = self._statistics.idf(term) ** 2
        return found

    def _overlap(self, document_id: str, ours: dict[str, float], own_norm: float) -> float:
        """`similarity.lexical_overlap` of a document's terms with the query's weighted ones."""
        partition, slot = self._where[document_id]
        terms = partition.lexical.terms_of(slot)
        shared = sum(ours[term] for term in terms if term in ours)
        if shared <= 0:
            return 0.0
        norm = self._norms.get(document_id)
        if norm is None:
            norm = self._norms[document_id] = sum(self._term_weight(t) for t in terms)
        return shared / math.sqrt(own_norm * norm)

    def _with_similarity(
        self,
        query: Query,
        hits: list[Hit],
        cosines: dict[str, FloatArray],
        dense: dict[str, int],
        own_terms: Sequence[str],
    ) -> list[Hit]:
        """The hits with their text similarity to the query (`matching.similarity`)."""
        if not hits:
            return hits
        backgrounds = self.backgrounds()
        ours = {term: self._term_weight(term) for term in set(own_terms)}
        own_norm = sum(ours.values())
        lexical = self.fusion.lexical
        result = []
        for rank, hit in enumerate(hits):
            same = hit.language == query.language
            total = weight = 0.0
            for name, number in dense.items():
                encoder = self.encoders[number]
                served = encoder.languages
                if served is not None and not {hit.language, query.language} <= served:
                    continue
                pair = self.fusion.dense_weights(name)
                share = pair.same if same else pair.cross
                spread = backgrounds[number].spread(same)
                total += share * spread.z(float(cosines[name][rank]))
                weight += share
            z = total / weight if weight > 0 else 0.0
            overlap = self._overlap(hit.id, ours, own_norm) * (
                lexical.same if same else lexical.cross
            )
            result.append(replace(hit, similarity=text_similarity(z, overlap)))
        return result

    def _scales(
        self, query: Query, scope: Scope, signals: _Signals, alive: NDArray[np.bool_]
    ) -> dict[str, Scale]:
        """Each signal's head; an approximate signal's leaders are first scored exactly, so
        the head it is measured by is exact."""
        depth = self.fusion.depth
        scales: dict[str, Scale] = {}
        for name in signals.approximate:
            leaders = _top(np.where(alive, signals.scores[name], -np.inf), RESCORE, alive)
            number = signals.dense[name]
            exact = scope.exact(number, leaders, query.vectors[number])
            signals.scores[name][leaders] = exact
            scales[name] = head_scale(exact, np.ones(len(exact), bool), depth)
        for name, values in signals.scores.items():
            scales.setdefault(name, head_scale(values, alive, depth))
        return scales

    def _feedback(
        self, query: Query, chosen: _Signals, rows: dict[str, FloatArray]
    ) -> tuple[FloatArray, dict[str, FloatArray]]:
        """Rocchio feedback: move each dense query towards the first pass's best documents and
        score the first pass's candidates again. Short queries gain the vocabulary of the
        records they are about; only the candidates (`rows`, best first) are scored again."""
        config = self.fusion
        scores = dict(chosen.scores)
        for name, number in chosen.dense.items():
            best = rows[name][: config.feedback_documents].mean(axis=0)
            moved = query.vectors[number] + config.feedback_weight * best
            scores[name] = products(rows[name], normalise(moved[None])[0])
        count = len(scores[LEXICAL])
        return fuse(scores, chosen.weights, np.ones(count, bool), config.depth)

    def _hits(
        self,
        scope: Scope,
        positions: Positions,
        fused: FloatArray,
        standard: dict[str, FloatArray],
        best: Positions,
        terms: Sequence[str],
    ) -> list[Hit]:
        # Python lists once, not a numpy scalar per hit: a match builds hundreds of hits.
        signals = {name: values[best].tolist() for name, values in standard.items()}
        unique = list(dict.fromkeys(terms))
        hits = []
        for rank, (score, (partition, slot)) in enumerate(
            zip(fused.tolist(), scope.locate(positions), strict=True)
        ):
            hits.append(
                Hit(
                    id=partition.ids[slot],
                    score=score,
                    language=partition.languages[slot],
                    signals={name: values[rank] for name, values in signals.items()},
                    matched_terms=tuple(partition.lexical.matched_terms(slot, unique)),
                )
            )
        return hits


def _top(scores: FloatArray, k: int, alive: NDArray[np.bool_]) -> Positions:
    """Positions of the `k` highest scores among the alive, best first, ties by position."""
    k = min(k, int(alive.sum()))
    if k <= 0:
        return np.zeros(0, np.intp)
    head = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    return head[np.lexsort((head, -scores[head]))]
