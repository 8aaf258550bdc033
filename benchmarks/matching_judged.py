"""Matching quality on the judged demo set (benchmarks/judged): the demo is loaded as
`itpo demo --no-serve` loads it, every judged query record asks find_matches for its top five
(and top ten), and what is shown is scored against the officers' grades. Prints JSON.

    python benchmarks/matching_judged.py [--data-dir FOLDER] [--json-only]

Figures, overall and by the asking record's kind and language:
- ndcg@5, ndcg@10: over the queries with at least one counterpart graded 1 or 2;
- good top five: share of the queries with a grade-2 counterpart that show one in their top five;
- precision@5: share of the shown matches (top five) graded 1 or 2; shown graded 0 is the rest,
  unjudged pairs counting as 0 (how many were unjudged is given too);
- no counterpart, no match: share of the queries without any grade-2 counterpart that are
  shown no match at all (nothing relevant, no match: the same for the queries with no
  counterpart graded 1 or 2 either).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.demo.loading import demo_batch
from itpo.matching.metrics import ndcg_at
from itpo.matching.service import find_matches
from itpo.registry.importing import import_records

JUDGED = Path(__file__).resolve().parent / "judged"
TOP = 5
WIDE = 10


@dataclass(frozen=True)
class Query:
    external_id: str
    kind: str
    language: str


@dataclass(frozen=True)
class Asked:
    """One query's judged grades and what the engine showed it (external ids, best first)."""

    query: Query
    grades: Mapping[str, int]
    top: Sequence[str]
    wide: Sequence[str]

    @property
    def has_relevant(self) -> bool:
        return any(grade > 0 for grade in self.grades.values())

    @property
    def has_counterpart(self) -> bool:
        return 2 in self.grades.values()


def read_queries() -> list[Query]:
    with (JUDGED / "queries.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [Query(row["_id"], row["kind"], row["language"]) for row in rows]


def read_qrels() -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with (JUDGED / "qrels" / "test.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    return qrels


def corpus_ids() -> list[str]:
    with (JUDGED / "corpus.jsonl").open(encoding="utf-8") as lines:
        return [str(json.loads(line)["_id"]) for line in lines if line.strip()]


@contextmanager
def demo_platform(data_dir: Path | None, say: Any) -> Iterator[Platform]:
    """The platform over `data_dir` as loaded before, or over a fresh folder with the demo."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = data_dir is None
        folder = Path(scratch) if data_dir is None else data_dir
        platform = bootstrap(Settings(data_dir=folder), initialise=fresh)
        try:
            if fresh:
                started = time.perf_counter()
                import_records(
                    uow=platform.uow(immediate=True),
                    by=Principal.operator(),
                    batch=demo_batch(today=platform.today()),
                    allow_moves=True,
                    source="demo",
                    now=platform.clock,
                )
                say(f"demo loaded in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            report = platform.index_store().rebuild()
            say(f"index: {report.documents} records, {report.encoded} encoded")
            say(f"index ready in {time.perf_counter() - started:.1f} s")
            yield platform
        finally:
            platform.close()


def matches(platform: Platform, opportunity_id: int, top: int, today: dt.date) -> list[int]:
    found = find_matches(
        uow=platform.uow(),
        index=platform.index(),
        opportunity_id=opportunity_id,
        today=today,
        top=top,
        rates=platform.rates(),
    )
    return [result.opportunity_id for result in found]


def ask_all(
    platform: Platform, queries: list[Query], qrels: Mapping[str, Mapping[str, int]]
) -> list[Asked]:
    with platform.uow() as uow:
        ids = uow.opportunities.ids_by_external_id(corpus_ids())
    missing = [q.external_id for q in queries if q.external_id not in ids]
    if missing:
        raise SystemExit(f"query records not live in the demo: {', '.join(missing)}")
    external = {number: name for name, number in ids.items()}
    today = platform.today()
    asked = []
    for query in queries:
        number = ids[query.external_id]
        top = [external[n] for n in matches(platform, number, TOP, today)]
        wide = [external[n] for n in matches(platform, number, WIDE, today)]
        asked.append(Asked(query, qrels.get(query.external_id, {}), top, wide))
    return asked


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def figures(asked: Sequence[Asked]) -> dict[str, Any]:
    """The figures for a group of queries (see the module's docstring)."""
    relevant = [a for a in asked if a.has_relevant]
    with_counterpart = [a for a in asked if a.has_counterpart]
    without = [a for a in asked if not a.has_counterpart]
    shown = [(a, name) for a in asked for name in a.top]
    useful = sum(a.grades.get(name, 0) >= 1 for a, name in shown)
    unjudged = sum(name not in a.grades for a, name in shown)
    return {
        "queries": len(asked),
        "with a counterpart graded 1-2": len(relevant),
        "with a grade-2 counterpart": len(with_counterpart),
        "ndcg@5": mean([ndcg_at(a.top, a.grades, TOP) for a in relevant]),
        "ndcg@10": mean([ndcg_at(a.wide, a.grades, WIDE) for a in relevant]),
        "good top five": share(
            sum(any(a.grades.get(n) == 2 for n in a.top) for a in with_counterpart),
            len(with_counterpart),
        ),
        "shown matches (top five)": len(shown),
        "precision@5": share(useful, len(shown)),
        "shown graded 0": share(len(shown) - useful, len(shown)),
        "shown unjudged (counted 0)": unjudged,
        "no counterpart, no match": share(sum(not a.top for a in without), len(without)),
        "nothing relevant, no match": share(
            sum(not a.top for a in asked if not a.has_relevant), len(asked) - len(relevant)
        ),
    }


def grouped(asked: Sequence[Asked], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Asked]] = {}
    for a in asked:
        groups.setdefault(getattr(a.query, key), []).append(a)
    return {name: figures(groups[name]) for name in sorted(groups)}


def report(asked: Sequence[Asked], seconds: Mapping[str, float]) -> dict[str, Any]:
    return {
        "benchmark": "judged demo set (benchmarks/judged)",
        "judged pairs": sum(len(a.grades) for a in asked),
        "all": figures(asked),
        "by kind": grouped(asked, "kind"),
        "by language": grouped(asked, "language"),
        "seconds": {name: round(value, 1) for name, value in seconds.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="a folder `itpo demo --no-serve` loaded")
    parser.add_argument("--json-only", action="store_true", help="print the JSON and nothing else")
    args = parser.parse_args()

    def say(line: str) -> None:
        if not args.json_only:
            print(line, file=sys.stderr, flush=True)

    queries, qrels = read_queries(), read_qrels()
    started = time.perf_counter()
    with demo_platform(args.data_dir, say) as platform:
        ready = time.perf_counter()
        asked = ask_all(platform, queries, qrels)
    done = time.perf_counter()
    seconds = {"load and index": ready - started, "matching": done - ready}
    print(json.dumps(report(asked, seconds), indent=1))


if __name__ == "__main__":
    main()
