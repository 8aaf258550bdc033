"""Ranking quality of matching retrieval: each signal alone and fused, on a BEIR benchmark and on
the cross-lingual pairs; print JSON. Usage: matching_quality.py [BENCH_DIR]"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from itpo.matching.beir import load_benchmark
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.fusion import FusionConfig, PairWeights
from itpo.matching.metrics import evaluate
from itpo.matching.presets import create_engine

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "data" / "benchmarks" / "cranfield"
OFF = PairWeights(same=0.0, cross=0.0)


def configurations() -> dict[str, FusionConfig]:
    """The live configuration, and each signal alone (plain, without feedback) for comparison."""
    live = FusionConfig()
    plain = replace(live, feedback_documents=0)
    encoders = list(live.dense)
    alone = {
        f"{name} alone": replace(
            plain,
            lexical=OFF,
            dense={other: (PairWeights(1.0, 1.0) if other == name else OFF) for other in encoders},
        )
        for name in encoders
    }
    return {
        "bm25 alone": replace(plain, dense=dict.fromkeys(encoders, OFF)),
        **alone,
        "hybrid without feedback": plain,
        "hybrid (live)": live,
    }


def score(
    engine: RetrievalEngine, queries: dict[str, str], qrels: dict[str, dict[str, int]]
) -> dict[str, float]:
    run = {qid: [hit.id for hit in engine.search(text, top=100)] for qid, text in queries.items()}
    return {name: round(value, 4) for name, value in evaluate(qrels, run).items()}


def crosslingual() -> dict[str, float]:
    pairs = json.loads((ROOT / "tests" / "data" / "crosslingual_pairs.json").read_text("utf-8"))
    engine = create_engine()
    engine.add([Document(p["id"], p["en"]) for p in pairs])
    return {
        f"{language}->en first": round(
            sum(engine.search(p[language], top=1)[0].id == p["id"] for p in pairs) / len(pairs), 4
        )
        for language in ("zh", "ar", "fr")
        if all(language in p for p in pairs)
    }


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_BENCH
    benchmark = load_benchmark(folder)
    engine = create_engine()
    started = time.perf_counter()
    engine.add(benchmark.corpus)
    indexed = time.perf_counter() - started
    results: dict[str, object] = {
        "benchmark": folder.name,
        "documents": len(benchmark.corpus),
        "queries": len(benchmark.queries),
        "index_seconds": round(indexed, 1),
    }
    for name, config in configurations().items():
        engine.fusion = config
        results[name] = score(engine, benchmark.queries, benchmark.qrels)
        print(name, results[name], file=sys.stderr, flush=True)  # a long run shows progress
    results["crosslingual"] = crosslingual()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
