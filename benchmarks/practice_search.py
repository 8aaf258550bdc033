"""Search quality for practice cases, measured like matching: the demo's cases are loaded into
a fresh database as `itpo demo` loads them, each query of `benchmarks/practice_search/` (English
and Chinese, written apart from the cases' wording) is searched through the same service as
the pages, and the ranking of cases is scored against the judgments (2 answers the query,
1 is related). Prints JSON: nDCG@10, Recall@10 and MRR@10 per language and overall.

    python benchmarks/practice_search.py [--cases FILE.json] [--queries DIR] [--json-only]

`--cases` takes any file `itpo practices import` reads as JSON, `--queries` any folder with
`queries_*.jsonl` and `qrels/test.tsv` whose corpus ids are the cases' external ids.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from itpo.accounts.principal import Principal
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.demo.practices import case_document_of, demo_case_documents
from itpo.matching.metrics import ndcg_at, recall_at, reciprocal_rank_at
from itpo.practice import search, transfer

HERE = Path(__file__).resolve().parent / "practice_search"


def _queries(folder: Path) -> dict[str, list[dict[str, str]]]:
    found = {}
    for path in sorted(folder.glob("queries_*.jsonl")):
        language = path.stem.removeprefix("queries_")
        lines = path.read_text(encoding="utf-8").splitlines()
        found[language] = [json.loads(line) for line in lines if line.strip()]
    return found


def _qrels(folder: Path) -> dict[str, dict[str, int]]:
    judged: dict[str, dict[str, int]] = {}
    with (folder / "qrels" / "test.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            judged.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    return judged


def measure(cases: list[dict[str, Any]], folder: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        platform = bootstrap(
            Settings(database_url=f"sqlite:///{root / 'cases.sqlite3'}", data_dir=root),
            initialise=True,
        )
        operator = Principal.system("benchmark")
        transfer.import_cases(uow=platform.uow(), by=operator, rows=cases, source="benchmark")
        started = time.perf_counter()
        index = platform.case_index()
        built = time.perf_counter() - started
        judged = _qrels(folder)
        figures: dict[str, Any] = {"cases": len(cases), "index_seconds": round(built, 2)}
        every: list[tuple[float, float, float]] = []
        timings: list[float] = []
        for language, queries in _queries(folder).items():
            scores = []
            for query in queries:
                relevant = judged.get(query["_id"], {})
                if not any(grade > 0 for grade in relevant.values()):
                    continue
                asked = time.perf_counter()
                hits = search.search_cases(
                    uow=platform.uow(), index=index, by=operator, text=query["text"], top=10
                )
                timings.append(time.perf_counter() - asked)
                ranking = [h.case.external_id or "" for h in hits]
                scores.append(
                    (
                        ndcg_at(ranking, relevant, 10),
                        recall_at(ranking, relevant, 10),
                        reciprocal_rank_at(ranking, relevant, 10),
                    )
                )
            every += scores
            figures[language] = _summary(scores)
        figures["all"] = _summary(every)
        timings.sort()
        figures["median_query_ms"] = (
            round(1000 * timings[len(timings) // 2], 1) if timings else None
        )
        platform.close()
    return figures


def _summary(scores: list[tuple[float, float, float]]) -> dict[str, Any]:
    if not scores:
        return {"queries": 0}
    n = len(scores)
    return {
        "queries": n,
        "ndcg@10": round(sum(s[0] for s in scores) / n, 4),
        "recall@10": round(sum(s[1] for s in scores) / n, 4),
        "mrr@10": round(sum(s[2] for s in scores) / n, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, help="a JSON file of cases (the demo's by default)")
    parser.add_argument("--queries", type=Path, default=HERE, help="queries and judgments")
    parser.add_argument("--json-only", action="store_true")
    options = parser.parse_args()
    if options.cases:
        data = json.loads(options.cases.read_text(encoding="utf-8"))
        entries = data["cases"] if isinstance(data, dict) else data
        cases = [case_document_of(e) if "texts" not in e else e for e in entries]
    else:
        cases = demo_case_documents()
    figures = measure(cases, options.queries)
    if not options.json_only:
        print("Practice case search (BEIR-style judgments):", file=sys.stderr)
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
