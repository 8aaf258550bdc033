"""Matching speed at N opportunities (default 100,000): latency p50 / p95 of matching an indexed
opportunity and of a free-text search, memory, index build rate, the encode rate of the bundled
encoders. Prints JSON. Usage: matching_speed.py [N] [--rounds 5]

Records come in the four kinds in the shares below and in a few languages; each match reads only
the kinds its record can match, as live matching does, and asks for as many candidates. Vectors
are random unit vectors of the real encoders' sizes: encoding 100,000 texts for real takes hours.
Random vectors are the hard case for the packed first pass (their best scores are packed tight),
so its agreement with an exact scan here is a floor.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import random
import resource
import statistics
import time
from collections.abc import Callable, Sequence

import numpy as np

from itpo.adapters.vector_cache import default_specs
from itpo.matching.e5 import E5Encoder
from itpo.matching.encoders import Encoder, Vectors, default_encoders, normalise
from itpo.matching.engine import Document, Hit, RetrievalEngine
from itpo.matching.service import CANDIDATES
from itpo.registry.model import COMPATIBLE_KINDS, OpportunityKind

WORDS_TEXT = (
    "solar dryer mango cassava wind farm turbine water purification membrane village fish cold "
    "storage biogas digester manure cement plant waste heat recovery textile dye wastewater "
    "treatment battery motorcycle taxi payment platform bank plastic recycling polyester fibre "
    "rice husk gasifier electricity mill dairy yoghurt cheese brick kiln coal pollution satellite "
    "drought flood medicine antibiotic distribution meter prepaid utility tilapia tannery leather "
    "chrome prosthetic printing geothermal tea coffee roasting packaging export housing earth "
    "block software crop disease desalination venture fund agritech honey beekeeping lighting "
    "bamboo furniture vaccine sensor bagasse investment partner licence joint venture finance"
)
WORDS = WORDS_TEXT.split()
# Real descriptions draw on thousands of words; pseudo-words make the tail of the vocabulary.
VOCABULARY = WORDS + [f"term{number}" for number in range(20_000)]
CUMULATIVE = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(VOCABULARY))))
# Offers outnumber needs on technology exchanges, and projects outnumber investors' mandates.
SHARES = {
    OpportunityKind.TECHNOLOGY_OFFER: 0.40,
    OpportunityKind.TECHNOLOGY_NEED: 0.20,
    OpportunityKind.INVESTMENT_PROJECT: 0.30,
    OpportunityKind.INVESTMENT_MANDATE: 0.10,
}
LANGUAGES = {"en": 0.85, "fr": 0.10, "es": 0.05}
QUERIES = 100  # matches per round


class RandomEncoder:
    """Random unit vectors of a real encoder's size: indexing 100k texts for real takes hours."""

    def __init__(self, name: str, dim: int, languages: frozenset[str] | None) -> None:
        self.name, self.dim, self.languages = name, dim, languages
        self._random = np.random.default_rng(7)

    def encode(self, texts: Sequence[str]) -> Vectors:
        return normalise(self._random.standard_normal((len(texts), self.dim), np.float32))


def random_encoders() -> list[Encoder]:
    return [RandomEncoder(spec.name, spec.dim, spec.languages) for spec in default_specs()]


def synthetic_text(rng: random.Random) -> str:
    # Zipf-like: a few words are in most records, most words in few, as in real descriptions.
    return " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=60))


def synthetic_documents(size: int, rng: random.Random) -> list[Document]:
    kinds = rng.choices(list(SHARES), weights=list(SHARES.values()), k=size)
    languages = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()), k=size)
    return [
        Document(str(number), synthetic_text(rng), language, kind.value)
        for number, (kind, language) in enumerate(zip(kinds, languages, strict=True))
    ]


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(1000 * statistics.median(ordered), 2),
        "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 2),
    }


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def demo_like_texts(count: int, rng: random.Random) -> list[str]:
    """Title and teaser of a record: 30 to 80 words."""
    return [
        " ".join(rng.choices(WORDS, k=8)) + "\n" + synthetic_text(rng)[: rng.randint(150, 480)]
        for _ in range(count)
    ]


def encode_rates(rng: random.Random, repeats: int = 5) -> dict[str, object]:
    """Median texts/s over `repeats` passes of 256 demo-like texts, in the index build's chunks
    of 32 (sorted by length as the vector cache sends them), for each bundled encoder and for
    multilingual-e5-small; and the median time to encode one search text."""
    texts = sorted(demo_like_texts(256, rng), key=len)
    # The bundled encoders, and multilingual-e5-small, installed and measured beside them.
    real: list[Encoder] = [*default_encoders(), E5Encoder()]
    rates: dict[str, object] = {}
    for encoder in real:
        encoder.encode(texts[:2])

        def encode_all(encoder: Encoder = encoder) -> None:
            for start in range(0, len(texts), 32):
                encoder.encode(texts[start : start + 32])

        passes = timed(encode_all, repeats)
        rates[f"{encoder.name} texts/s (30-80 words), median of {repeats}"] = round(
            len(texts) / statistics.median(passes), 1
        )
        rates[f"{encoder.name} query ms"] = percentiles(
            timed(functools.partial(encoder.encode, ["solar dryer for mangoes"]), 20)
        )["p50_ms"]
    bundled = [f"{e.name} texts/s (30-80 words), median of {repeats}" for e in default_specs()]
    per_record = sum(1 / float(str(rates[name])) for name in bundled)
    rates["bundled encoders: seconds per record, 100,000 records in minutes"] = [
        round(per_record, 4),
        round(100_000 * per_record / 60, 1),
    ]
    return rates


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def compatible(kind: str) -> list[str]:
    return [k.value for k in COMPATIBLE_KINDS[OpportunityKind(kind)]]


def match(engine: RetrievalEngine, document: Document) -> list[Hit]:
    partitions = compatible(document.partition)
    return engine.similar(document.id, top=CANDIDATES, partitions=partitions)


def rounds_of_matches(
    engine: RetrievalEngine, documents: list[Document], rounds: int, rng: random.Random
) -> dict[str, object]:
    """Median over rounds of each round's p50 and p95; p50 by the asking record's kind."""
    p50s, p95s = [], []
    by_kind: dict[str, list[float]] = {}
    for _ in range(rounds):
        asking = rng.sample(documents, QUERIES)
        samples = [timed(functools.partial(match, engine, d), 1)[0] for d in asking]
        figures = percentiles(samples)
        p50s.append(figures["p50_ms"])
        p95s.append(figures["p95_ms"])
        for document, seconds in zip(asking, samples, strict=True):
            by_kind.setdefault(document.partition, []).append(seconds)
    return {
        "p50_ms": round(statistics.median(p50s), 2),
        "p95_ms": round(statistics.median(p95s), 2),
        "p50_ms of each round": p50s,
        "p50_ms by asking kind": {k: percentiles(v)["p50_ms"] for k, v in sorted(by_kind.items())},
    }


def agreement(engine: RetrievalEngine, asking: list[Document]) -> dict[str, object]:
    """How the packed first pass compares with an exact float32 scan, on the same matches."""
    packed = [match(engine, d) for d in asking]
    engine.exact = True
    try:
        exact = [match(engine, d) for d in asking]
        speed = percentiles([timed(functools.partial(match, engine, d), 1)[0] for d in asking])
    finally:
        engine.exact = False

    def overlap(k: int) -> list[float]:
        return [
            len({h.id for h in a[:k]} & {h.id for h in b[:k]}) / max(1, min(k, len(b)))
            for a, b in zip(packed, exact, strict=True)
        ]

    return {
        "exact scan p50_ms": speed["p50_ms"],
        "exact scan p95_ms": speed["p95_ms"],
        "top-10 overlap with exact, mean": round(statistics.mean(overlap(10)), 4),
        "top-10 overlap with exact, min": round(min(overlap(10)), 4),
        f"top-{CANDIDATES} overlap with exact, mean": round(
            statistics.mean(overlap(CANDIDATES)), 4
        ),
        "identical rankings": sum(
            [h.id for h in a] == [h.id for h in b] for a, b in zip(packed, exact, strict=True)
        ),
        "matches compared": len(asking),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of 100 matches")
    parser.add_argument("--skip-encoders", action="store_true", help="leave out encode rates")
    args = parser.parse_args()
    rng = random.Random(11)
    results: dict[str, object] = {
        "opportunities": args.size,
        "kinds (share of records)": {k.value: v for k, v in SHARES.items()},
        "languages (share of records)": LANGUAGES,
        "vectors": "random unit vectors of the real encoders' sizes",
        "load average at start": os.getloadavg()[0],
    }
    if not args.skip_encoders:
        results |= encode_rates(rng)
    documents = synthetic_documents(args.size, rng)
    engine = RetrievalEngine(random_encoders())
    before, peak_before = rss_mb(), peak_rss_mb()
    started = time.perf_counter()
    engine.add(documents)
    build = time.perf_counter() - started
    results["index build docs/s (tokenise + BM25 + store + packing, encoding excluded)"] = round(
        args.size / build
    )
    results["index memory MB (RSS growth)"] = round(rss_mb() - before)
    results["index memory MB (peak RSS growth)"] = round(peak_rss_mb() - peak_before)
    results["process RSS MB"] = round(rss_mb())
    results[f"match an indexed opportunity ({CANDIDATES} candidates, compatible kinds)"] = (
        rounds_of_matches(engine, documents, args.rounds, rng)
    )
    results["packed first pass against an exact scan"] = agreement(
        engine, rng.sample(documents, QUERIES)
    )
    results["free-text search, encoding excluded"] = percentiles(
        timed(lambda: engine.search(synthetic_text(rng)[:80]), 50)
    )
    text = "geothermal tea drying plant seeks investment partner"
    fresh = Document("fresh", text, "en", OpportunityKind.TECHNOLOGY_NEED.value)

    def add_and_match() -> None:
        engine.add([fresh])
        match(engine, fresh)

    results["new opportunity added and matched, ms"] = round(1000 * timed(add_and_match, 1)[0], 1)
    results["load average at end"] = os.getloadavg()[0]
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
