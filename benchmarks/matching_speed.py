"""Matching speed: encode rate of the bundled encoders, index build rate, and match latency p50 /
p95 with memory at N opportunities (default 100,000); print JSON. Usage: matching_speed.py [N]"""

from __future__ import annotations

import functools
import itertools
import json
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence

import numpy as np

from itpo.matching.encoders import Encoder, MiniLMEncoder, USEEncoder, Vectors, normalise
from itpo.matching.engine import Document, RetrievalEngine

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


class RandomEncoder:
    """Random unit vectors of a real encoder's size: indexing 100k texts for real takes hours."""

    def __init__(self, name: str, dim: int, languages: frozenset[str] | None) -> None:
        self.name, self.dim, self.languages = name, dim, languages
        self._random = np.random.default_rng(7)

    def encode(self, texts: Sequence[str]) -> Vectors:
        return normalise(self._random.standard_normal((len(texts), self.dim), np.float32))


def synthetic_text(rng: random.Random) -> str:
    # Zipf-like: a few words are in most records, most words in few, as in real descriptions.
    return " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=60))


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


def encode_rates(rng: random.Random) -> dict[str, float]:
    texts = [synthetic_text(rng) for _ in range(64)]
    rates: dict[str, float] = {}
    real: list[Encoder] = [MiniLMEncoder(), USEEncoder()]
    for encoder in real:
        encoder.encode(texts[:2])
        started = time.perf_counter()
        encoder.encode(texts)
        rates[f"{encoder.name} texts/s (60 words)"] = round(
            len(texts) / (time.perf_counter() - started), 1
        )
        rates[f"{encoder.name} query ms"] = percentiles(
            timed(functools.partial(encoder.encode, ["solar dryer for mangoes"]), 20)
        )["p50_ms"]
    return rates


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(11)
    results: dict[str, object] = {"opportunities": size, **encode_rates(rng)}
    encoders: list[Encoder] = [
        RandomEncoder("minilm-l6-int8", 384, frozenset({"en"})),
        RandomEncoder("use-multilingual-v3", 512, None),
    ]
    engine = RetrievalEngine(encoders)
    before = rss_mb()
    started = time.perf_counter()
    engine.add(Document(str(i), synthetic_text(rng), "en") for i in range(size))
    build = time.perf_counter() - started
    results["index build docs/s (tokenise + BM25 + store, encoding excluded)"] = round(size / build)
    results["index memory MB (peak RSS growth)"] = round(rss_mb() - before)
    ids = [str(rng.randrange(size)) for _ in range(100)]
    results["match an indexed opportunity"] = percentiles(
        [timed(functools.partial(engine.similar, i), 1)[0] for i in ids]
    )
    results["free-text search, encoding excluded"] = percentiles(
        timed(lambda: engine.search(synthetic_text(rng)[:80]), 50)
    )
    fresh = Document("fresh", "geothermal tea drying plant seeks investment partner", "en")

    def add_and_match() -> None:
        engine.add([fresh])
        engine.similar("fresh")

    results["new opportunity added and matched, ms"] = round(1000 * timed(add_and_match, 1)[0], 1)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
