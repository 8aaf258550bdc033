"""The judged matching set, built from the demo records without the matching engine.

    python benchmarks/judged/build_judged.py pool   # choose the queries, write pools.tsv to judge
    python benchmarks/judged/build_judged.py beir   # judgements.tsv -> corpus, queries, qrels

Queries are chosen by a fixed rule (QUERY_STEPS: every k-th live record of each source, kind
and language, in external-id order), plus REFERENCE_QUERIES. A query's pool is every live
record of a compatible kind, from another organisation, that shares a technology area, an ISIC
division or a subject word (subjects.py) with it. Judging reads the pool; pairs added from
reading are judged too; unjudged pairs count as 0.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from subjects import subjects_of

from itpo.registry.model import COMPATIBLE_KINDS, OpportunityKind

HERE = Path(__file__).resolve().parent
DEMO_FILES = {"wb": "world_bank_projects.json", "demo": "illustrative.json"}
# (source, kind, language) -> k: every k-th live record, the first, the (k+1)-th, ...
QUERY_STEPS: dict[tuple[str, str, str], int] = {
    ("demo", "technology_need", "en"): 7,
    ("demo", "technology_need", "zh"): 2,
    ("demo", "technology_need", "fr"): 2,
    ("demo", "technology_offer", "en"): 5,
    ("demo", "technology_offer", "zh"): 6,
    ("demo", "technology_offer", "fr"): 2,
    ("demo", "investment_project", "en"): 2,
    ("demo", "investment_project", "fr"): 1,
    ("demo", "investment_project", "zh"): 2,
    ("wb", "investment_project", "en"): 40,
    ("demo", "investment_mandate", "en"): 6,
    ("demo", "investment_mandate", "zh"): 4,
    ("demo", "investment_mandate", "fr"): 2,
}
# Every k-th World Bank project that states a technology area, so the technology-facing ones
# are not left to chance in a set where most World Bank projects state none.
WB_WITH_AREAS_STEP = 25
# The office's reference cases, asked whether or not the rule picks them.
REFERENCE_QUERIES = (
    "demo:need-meru-mango-drying",
    "demo:offer-sunfield-hybrid-dryer",
    "demo:mandate-nordlys-minigrids",
)


@dataclass(frozen=True)
class Record:
    external_id: str
    source: str
    kind: str
    language: str
    organisation: str
    title: str
    teaser: str
    isic: tuple[str, ...]
    areas: tuple[str, ...]

    @property
    def divisions(self) -> frozenset[str]:
        return frozenset(code[:2] for code in self.isic)

    @property
    def subjects(self) -> frozenset[str]:
        return subjects_of(f"{self.title}\n{self.teaser}")


def live_records() -> list[Record]:
    """Every demo record the platform matches: published, and valid when loaded."""
    found = []
    for source, name in DEMO_FILES.items():
        text = (resources.files("itpo.demo") / "data" / name).read_text("utf-8")
        for raw in json.loads(text)["opportunities"]:
            if raw["status"] == "published" and raw.get("valid_for_days", 0) >= 0:
                found.append(_record(source, raw))
    return found


def _record(source: str, raw: dict[str, Any]) -> Record:
    return Record(
        external_id=raw["external_id"],
        source=source,
        kind=raw["kind"],
        language=raw["language"],
        organisation=raw["organisation"],
        title=raw["title"],
        teaser=raw["teaser"],
        isic=tuple(raw.get("isic_classes") or ()),
        areas=tuple(raw.get("technology_areas") or ()),
    )


def every(records: Iterable[Record], step: int) -> list[Record]:
    return sorted(records, key=lambda r: r.external_id)[::step]


def choose_queries(records: list[Record]) -> list[Record]:
    """The queries, by QUERY_STEPS, WB_WITH_AREAS_STEP and REFERENCE_QUERIES, in id order."""
    chosen: dict[str, Record] = {}
    for (source, kind, language), step in QUERY_STEPS.items():
        stratum = [r for r in records if (r.source, r.kind, r.language) == (source, kind, language)]
        chosen |= {r.external_id: r for r in every(stratum, step)}
    with_areas = [r for r in records if r.source == "wb" and r.areas]
    chosen |= {r.external_id: r for r in every(with_areas, WB_WITH_AREAS_STEP)}
    by_id = {r.external_id: r for r in records}
    chosen |= {name: by_id[name] for name in REFERENCE_QUERIES}
    return sorted(chosen.values(), key=lambda r: r.external_id)


def compatible(a: Record, b: Record) -> bool:
    return OpportunityKind(b.kind) in COMPATIBLE_KINDS[OpportunityKind(a.kind)]


def pooled_because(query: Record, other: Record) -> list[str]:
    """What the two records share that puts them in one pool; empty: not pooled."""
    if not compatible(query, other) or query.organisation == other.organisation:
        return []
    shared = [f"area {a}" for a in sorted(set(query.areas) & set(other.areas))]
    shared += [f"isic {d}" for d in sorted(query.divisions & other.divisions)]
    shared += [f"word {s}" for s in sorted(query.subjects & other.subjects)]
    return shared


def pools(queries: list[Record], records: list[Record]) -> Iterator[tuple[str, str, str]]:
    for query in queries:
        for other in sorted(records, key=lambda r: r.external_id):
            if shared := pooled_because(query, other):
                yield query.external_id, other.external_id, "; ".join(shared)


def write_tsv(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_jsonl(path: Path, rows: Iterable[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def pool() -> None:
    records = live_records()
    queries = choose_queries(records)
    rows = list(pools(queries, records))
    write_tsv(HERE / "pools.tsv", ["query-id", "corpus-id", "pooled-by"], rows)
    print(f"{len(queries)} queries, {len(rows)} pooled pairs", file=sys.stderr)


def beir() -> None:
    """corpus.jsonl (every live record's title and public teaser, what the platform indexes),
    queries.jsonl (every query, judged or not) and
    qrels/test.tsv (every judged pair, 0s included) from judgements.tsv."""
    records = live_records()
    judged = read_tsv(HERE / "judgements.tsv")
    write_jsonl(
        HERE / "corpus.jsonl",
        ({"_id": r.external_id, "title": r.title, "text": r.teaser} for r in records),
    )
    write_jsonl(
        HERE / "queries.jsonl",
        (
            {
                "_id": r.external_id,
                "text": f"{r.title}. {r.teaser}",
                "kind": r.kind,
                "language": r.language,
            }
            for r in choose_queries(records)
        ),
    )
    write_tsv(
        HERE / "qrels" / "test.tsv",
        ["query-id", "corpus-id", "score"],
        ((row["query-id"], row["corpus-id"], row["grade"]) for row in judged),
    )


if __name__ == "__main__":
    commands = {"pool": pool, "beir": beir}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]]()
