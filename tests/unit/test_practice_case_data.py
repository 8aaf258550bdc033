"""The demo's practice cases and the case-search benchmark judged on them, checked as shipped.

``src/itpo/demo/data/practice_cases.json`` (cases written from the public sources each cites)
and ``benchmarks/practice_search/`` (English and Chinese queries, BEIR qrels), read as plain
JSON and checked against the registry's reference files.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES_FILE = ROOT / "src" / "itpo" / "demo" / "data" / "practice_cases.json"
REFERENCE = ROOT / "src" / "itpo" / "registry" / "reference_data"
BENCHMARK = ROOT / "benchmarks" / "practice_search"

THEMES = (
    "green_industry",
    "energy_efficiency",
    "circular_economy",
    "ai_digital_manufacturing",
    "agro_processing",
    "industrial_parks",
)
PARTS = ("title", "problem", "done", "results")
CJK = re.compile(r"[\u4e00-\u9fff]")
URL = re.compile(r"^https?://\S+$")


@cache
def read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def cases() -> list[dict[str, Any]]:
    document = read_json(CASES_FILE)
    assert isinstance(document, dict)
    assert document["source"] and document["licence"]
    return list(document["cases"])


def case_ids() -> set[str]:
    return {case["external_id"] for case in cases()}


def isic_classes() -> set[str]:
    return {
        code
        for code, entry in read_json(REFERENCE / "isic.json").items()
        if entry["level"] == "class"
    }


def qrels() -> list[dict[str, str]]:
    with (BENCHMARK / "qrels" / "test.tsv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t"))
    assert rows, "the qrels hold no judgments"
    return rows


def queries(language: str) -> list[dict[str, str]]:
    lines = (BENCHMARK / f"queries_{language}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_at_least_forty_cases_with_unique_ids() -> None:
    ids = [case["external_id"] for case in cases()]
    assert len(ids) >= 40
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(re.fullmatch(r"case:[a-z0-9-]+", i) for i in ids), ids


def test_each_theme_has_at_least_six_cases() -> None:
    counts = Counter(case["theme"] for case in cases())
    assert set(counts) <= set(THEMES), set(counts) - set(THEMES)
    assert {theme: counts[theme] for theme in THEMES if counts[theme] < 6} == {}


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["external_id"])
def test_case_is_sourced_and_told_in_both_languages(case: dict[str, Any]) -> None:
    sources = case["sources"]
    assert sources, "no sources"
    for source in sources:
        assert source["citation"].strip()
        assert URL.match(source["url"]), source["url"]
    for figure in case["figures"]:
        assert isinstance(figure["value"], int | float) and not isinstance(figure["value"], bool)
        assert figure["unit"].strip()
        assert isinstance(figure["year"], int)
        assert isinstance(figure["source"], int) and 0 <= figure["source"] < len(sources)
        assert figure["label"]["en"].strip() and CJK.search(figure["label"]["zh"])
    for language in ("en", "zh"):
        for part in PARTS:
            assert case[language][part].strip(), f"{language}.{part} is empty"
    assert all(CJK.search(case["zh"][part]) for part in PARTS)


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["external_id"])
def test_case_codes_exist_in_the_reference_data(case: dict[str, Any]) -> None:
    assert case["theme"] in THEMES
    assert case["country"] in read_json(REFERENCE / "countries.json")
    assert case["isic_classes"] and set(case["isic_classes"]) <= isic_classes()
    assert set(case["technology_areas"]) <= set(read_json(REFERENCE / "technology_areas.json"))
    assert case["sdgs"] and all(isinstance(g, int) and 1 <= g <= 17 for g in case["sdgs"])


def test_illustrative_cases_are_few_and_say_so() -> None:
    illustrative = [case for case in cases() if case.get("illustrative")]
    assert len(illustrative) <= 4
    for case in illustrative:
        assert "illustrative" in case["en"]["problem"].lower()
        assert "示例" in case["zh"]["problem"]


def test_queries_in_both_languages_and_every_one_has_an_answer() -> None:
    rows = qrels()
    assert all(row["corpus-id"] in case_ids() for row in rows), "a judgment names no case"
    assert {row["score"] for row in rows} <= {"1", "2"}
    answered = {row["query-id"] for row in rows if row["score"] == "2"}
    for language in ("en", "zh"):
        ids = [query["_id"] for query in queries(language)]
        assert len(ids) >= 40
        assert len(set(ids)) == len(ids)
        assert [i for i in ids if i not in answered] == []
    assert all(CJK.search(query["text"]) for query in queries("zh"))
    known = {query["_id"] for language in ("en", "zh") for query in queries(language)}
    assert {row["query-id"] for row in rows} <= known
