"""The judged matching set in benchmarks/judged holds together with the demo records it judges:
every id is a live demo record, judged pairs are of kinds that match, grades are 0, 1 or 2 with
a reason, every pooled pair is judged, and the BEIR files say what judgements.tsv says."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from itpo.registry.model import COMPATIBLE_KINDS, OpportunityKind

ROOT = Path(__file__).resolve().parents[3]
JUDGED = ROOT / "benchmarks" / "judged"
DEMO = ROOT / "src" / "itpo" / "demo" / "data"
GRADES = {"0", "1", "2"}


def live_records() -> dict[str, dict[str, Any]]:
    """The demo's opportunities the platform matches: published and not meant to have expired."""
    found = {}
    for name in ("world_bank_projects.json", "illustrative.json"):
        for record in json.loads((DEMO / name).read_text("utf-8"))["opportunities"]:
            if record["status"] == "published" and record.get("valid_for_days", 0) >= 0:
                found[record["external_id"]] = record
    return found


def tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def pair_problems(rows: list[dict[str, str]], records: dict[str, dict[str, Any]]) -> list[str]:
    problems, seen = [], set()
    for number, row in enumerate(rows, start=2):
        where = f"judgements.tsv line {number}"
        query, other = records.get(row["query-id"]), records.get(row["corpus-id"])
        if query is None or other is None:
            problems.append(f"{where}: not a live demo record")
            continue
        pair = (row["query-id"], row["corpus-id"])
        if pair in seen:
            problems.append(f"{where}: {pair} judged twice")
        seen.add(pair)
        if OpportunityKind(other["kind"]) not in COMPATIBLE_KINDS[OpportunityKind(query["kind"])]:
            problems.append(f"{where}: {query['kind']} and {other['kind']} are never matched")
        if query["organisation"] == other["organisation"]:
            problems.append(f"{where}: both records belong to one organisation")
        if row["grade"] not in GRADES:
            problems.append(f"{where}: grade {row['grade']!r} is not 0, 1 or 2")
        if not (row.get("reason") or "").strip():
            problems.append(f"{where}: no reason")
    return problems


def file_problems(folder: Path, rows: list[dict[str, str]], records: dict[str, Any]) -> list[str]:
    problems = []
    judged = {(r["query-id"], r["corpus-id"]): r["grade"] for r in rows}
    qrels = {(r["query-id"], r["corpus-id"]): r["score"] for r in tsv(folder / "qrels/test.tsv")}
    if qrels != judged:
        problems.append("qrels/test.tsv does not hold exactly the pairs and grades judged")
    pooled = {(r["query-id"], r["corpus-id"]) for r in tsv(folder / "pools.tsv")}
    problems += [f"pooled pair {pair} is not judged" for pair in sorted(pooled - set(judged))]
    queries = {q["_id"]: q for q in jsonl(folder / "queries.jsonl")}
    problems += [f"{q} is judged but not a query" for q in {p[0] for p in judged} - set(queries)]
    for name, query in queries.items():
        record = records.get(name)
        if record is None or (query["kind"], query["language"]) != (
            record["kind"],
            record["language"],
        ):
            problems.append(f"query {name} does not state its record's kind and language")
    if {row["_id"] for row in jsonl(folder / "corpus.jsonl")} != set(records):
        problems.append("corpus.jsonl is not the demo's live records")
    return problems


def problems_in(folder: Path) -> list[str]:
    records = live_records()
    rows = tsv(folder / "judgements.tsv")
    return pair_problems(rows, records) + file_problems(folder, rows, records)


def test_the_judged_set_holds_together() -> None:
    assert problems_in(JUDGED) == []


def test_every_query_kind_and_the_three_languages_are_asked() -> None:
    queries = jsonl(JUDGED / "queries.jsonl")
    assert {q["kind"] for q in queries} == {kind.value for kind in OpportunityKind}
    assert {"en", "zh", "fr"} <= {q["language"] for q in queries}
    assert sum(q["_id"].startswith("wb:") for q in queries) >= 12


def _edit_judgements(folder: Path, change: str) -> None:
    path = folder / "judgements.tsv"
    lines = path.read_text("utf-8").splitlines()
    head = lines[1].split("\t")
    if change == "unknown id":
        head[1] = "demo:offer-nobody-makes-this"
    elif change == "grade 3":
        head[2] = "3"
    elif change == "no reason":
        head[3] = " "
    elif change == "same kind":
        head[1] = head[0]
    elif change == "dropped pair":
        del lines[1]
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return
    lines[1] = "\t".join(head)
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize(
    ("change", "reported"),
    [
        ("unknown id", "not a live demo record"),
        ("grade 3", "is not 0, 1 or 2"),
        ("no reason", "no reason"),
        ("same kind", "are never matched"),
        ("dropped pair", "qrels/test.tsv does not hold"),
    ],
)
def test_a_broken_judgement_is_reported(tmp_path: Path, change: str, reported: str) -> None:
    folder = tmp_path / "judged"
    shutil.copytree(JUDGED, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    _edit_judgements(folder, change)
    assert any(reported in problem for problem in problems_in(folder))
