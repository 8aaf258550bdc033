"""`itpo eval` on a tiny BEIR folder written by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from itpo.adapters.cli.matching_commands import eval_command

CORPUS = [
    ("d1", "Solar dryers", "A solar tunnel dryer for mangoes and cassava."),
    ("d2", "Wind power", "A wind farm of five turbines on the coast."),
    ("d3", "Water", "Membranes that purify drinking water for villages."),
    ("d4", "Fish", "Cold rooms that keep the fish catch fresh."),
]
QUERIES = [("q1", "solar drying of fruit"), ("q2", "clean drinking water"), ("q3", "太阳能干燥机")]
QRELS = [("q1", "d1", 2), ("q2", "d3", 1), ("q3", "d1", 1)]


@pytest.fixture
def bench(tmp_path: Path) -> Path:
    lines = [json.dumps({"_id": i, "title": t, "text": x}) for i, t, x in CORPUS]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    queries = [json.dumps({"_id": i, "text": t}, ensure_ascii=False) for i, t in QUERIES]
    (tmp_path / "queries.jsonl").write_text("\n".join(queries) + "\n", encoding="utf-8")
    (tmp_path / "qrels").mkdir()
    rows = ["query-id\tcorpus-id\tscore", *(f"{q}\t{d}\t{s}" for q, d, s in QRELS)]
    (tmp_path / "qrels" / "test.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_eval_prints_the_three_metrics_as_one_json_object(bench: Path) -> None:
    result = CliRunner().invoke(eval_command, [str(bench), "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert set(scores) == {"ndcg@10", "recall@100", "mrr@10"}
    assert scores["recall@100"] == 1.0
    assert scores["mrr@10"] == 1.0


def test_eval_prints_a_table_for_people(bench: Path) -> None:
    result = CliRunner().invoke(eval_command, [str(bench), "--mode", "lexical"])
    assert result.exit_code == 0
    assert "ndcg@10" in result.stdout
    assert "4 documents, 3 queries" in result.stdout


def test_eval_on_a_folder_without_a_corpus_says_what_is_missing(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, [str(tmp_path)])
    assert result.exit_code == 1
    assert "corpus.jsonl is missing" in result.output
