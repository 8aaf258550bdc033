"""Benchmarks in BEIR format, run through the same engine that live matching uses."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.metrics import evaluate


class BenchmarkError(ValueError):
    """The folder is not a readable BEIR benchmark."""


@dataclass(frozen=True)
class Benchmark:
    corpus: list[Document]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    if not path.is_file():
        raise BenchmarkError(f"{path.name} is missing from {path.parent}")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise BenchmarkError(f"{path.name} line {number}: {error.msg}") from None


def document_text(title: str, text: str) -> str:
    """Title and body as one passage, the way BEIR's dense baselines join them."""
    title, text = title.strip(), text.strip()
    return f"{title}. {text}" if title and text else title or text


def _qrels(path: Path) -> dict[str, dict[str, int]]:
    if not path.is_file():
        raise BenchmarkError(f"{path} is missing")
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows, None)  # the header line
        for row in rows:
            if len(row) >= 3:
                qrels.setdefault(row[0], {})[row[1]] = int(float(row[2]))
    return qrels


def load_benchmark(folder: Path, *, split: str = "test") -> Benchmark:
    """Read corpus.jsonl, queries.jsonl and qrels/SPLIT.tsv; keep only the judged queries."""
    corpus = [
        Document(
            id=str(row["_id"]),
            text=document_text(str(row.get("title") or ""), str(row.get("text") or "")),
        )
        for row in _jsonl(folder / "corpus.jsonl")
    ]
    qrels = _qrels(folder / "qrels" / f"{split}.tsv")
    queries = {
        str(row["_id"]): str(row.get("text") or "") for row in _jsonl(folder / "queries.jsonl")
    }
    return Benchmark(
        corpus=corpus, queries={q: queries[q] for q in qrels if q in queries}, qrels=qrels
    )


def run_benchmark(
    engine: RetrievalEngine,
    benchmark: Benchmark,
    *,
    depth: int = 100,
    progress: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """Index the corpus, search every judged query, score the rankings."""
    if progress:
        progress(f"indexing {len(benchmark.corpus)} documents")
    engine.add(benchmark.corpus)
    if progress:
        progress(f"searching {len(benchmark.queries)} queries")
    run = {
        query_id: [hit.id for hit in engine.search(text, top=depth)]
        for query_id, text in benchmark.queries.items()
    }
    return evaluate(benchmark.qrels, run)
