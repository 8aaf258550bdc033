"""`itpo sdg suggest` and `itpo sdg eval` on real files: a text, an import file written back
with SDGs filled only where a row has none, the figures as JSON, and bad files refused by row
and column with a non-zero exit."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner, Result
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli

WATER = "A wastewater treatment plant for the town's sewage, with water reuse for irrigation."
FISH = "Overfishing has depleted fish stocks; marine protected areas let coral reefs recover."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_suggest_for_a_text_prints_goals_as_json() -> None:
    result = run("sdg", "suggest", WATER, "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found[0]["sdg"] == 6 and found[0]["serves"] is True
    assert "wastewater" in found[0]["words"]


def test_suggest_for_a_chinese_text_prints_a_table() -> None:
    result = run("sdg", "suggest", "过度捕捞使鱼类种群枯竭，海洋保护区让珊瑚礁得以恢复。")
    assert result.exit_code == 0, result.output
    assert "14" in result.output and "珊瑚礁" in result.output


def test_suggest_for_a_json_import_file_fills_only_rows_without_sdgs(tmp_path: Path) -> None:
    source = tmp_path / "records.json"
    source.write_text(
        json.dumps(
            {
                "organisations": [organisation_data()],
                "opportunities": [
                    opportunity_data(
                        external_id="a", title="Town sewage", teaser=WATER, details="", sdgs=[]
                    ),
                    opportunity_data(
                        external_id="b", title="Fisheries", teaser=FISH, details="", sdgs=[2]
                    ),
                ],
            }
        )
    )
    written = tmp_path / "filled.json"
    result = run("sdg", "suggest", "--file", str(source), "--output", str(written), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["filled"] == 1
    assert report["rows"][1]["suggestions"][0]["sdg"] == 14
    back = json.loads(written.read_text())
    by_id = {o["external_id"]: o for o in back["opportunities"]}
    assert 6 in by_id["a"]["sdgs"]
    assert by_id["b"]["sdgs"] == [2]  # what a row had is kept
    assert back["organisations"][0]["external_id"] == organisation_data()["external_id"]


def test_suggest_for_a_csv_import_file_writes_the_sdgs_column(tmp_path: Path) -> None:
    source = tmp_path / "opportunities.csv"
    with source.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["external_id", "organisation", "kind", "title", "teaser", "sdgs"])
        writer.writerow(["a", "org-1", "technology_offer", "Sewage", WATER, ""])
        writer.writerow(["b", "org-1", "technology_offer", "Reefs", FISH, "15"])
    written = tmp_path / "filled.csv"
    result = run("sdg", "suggest", "--file", str(source), "--output", str(written))
    assert result.exit_code == 0, result.output
    assert "filled in 1 of 2 rows" in result.output
    with written.open(encoding="utf-8") as back:
        rows = list(csv.DictReader(back))
    assert "6" in rows[0]["sdgs"].split(";")
    assert rows[1]["sdgs"] == "15"


def test_suggest_needs_a_text_or_a_file() -> None:
    result = run("sdg", "suggest")
    assert result.exit_code != 0 and "TEXT or --file" in result.output


def _judged(
    path: Path, rows: list[list[str]], header: tuple[str, ...] = ("text", "sdg", "label")
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_eval_prints_the_figures_as_one_json_object(tmp_path: Path) -> None:
    judged = _judged(
        tmp_path / "judged.csv",
        [[WATER, "6", "True"], [WATER, "14", "False"], [FISH, "14", "True"], [FISH, "5", "False"]],
    )
    result = run("sdg", "eval", str(judged), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["rows"] == 4
    assert figures["accuracy"] == 1.0
    assert {"precision", "recall", "f1", "seconds"} <= set(figures)


def test_eval_refuses_an_sdg_out_of_range_naming_row_and_column(tmp_path: Path) -> None:
    judged = _judged(tmp_path / "bad.csv", [[WATER, "6", "True"], [WATER, "18", "False"]])
    result = run("sdg", "eval", str(judged))
    assert result.exit_code == 1
    assert "row 3, sdg" in result.output and "18" in result.output


def test_eval_refuses_a_label_that_is_not_true_or_false(tmp_path: Path) -> None:
    judged = _judged(tmp_path / "bad.csv", [[WATER, "6", "perhaps"]])
    result = run("sdg", "eval", str(judged))
    assert result.exit_code == 1 and "row 2, label" in result.output


def test_eval_refuses_a_file_without_the_label_column(tmp_path: Path) -> None:
    judged = _judged(tmp_path / "bad.csv", [[WATER, "6"]], header=("text", "sdg"))
    result = run("sdg", "eval", str(judged))
    assert result.exit_code == 1 and "label: the column is missing" in result.output


def test_eval_refuses_a_zero_and_a_word_as_sdg(tmp_path: Path) -> None:
    judged = _judged(tmp_path / "bad.csv", [[WATER, "0", "True"], [FISH, "x", "True"]])
    result = run("sdg", "eval", str(judged))
    assert result.exit_code == 1
    assert "row 2, sdg" in result.output and "row 3, sdg" in result.output
