"""ISIC's Chinese titles through the API's reference endpoint and `itpo reference isic`, each
saying they are ITPO Exchange's own translation."""

from __future__ import annotations

import json

from click.testing import CliRunner
from fastapi.testclient import TestClient

from itpo.adapters.cli import cli

API = "/api/v1"


def test_the_isic_endpoint_gives_every_entry_its_chinese_title_and_says_whose(
    public_client: TestClient,
) -> None:
    answer = public_client.get(f"{API}/reference/isic")
    assert answer.status_code == 200
    entries = {e["code"]: e for e in answer.json()}
    assert len(entries) == 766
    assert all(e["title_zh"] and e["title_zh_official"] is False for e in entries.values())
    food = entries["10"]
    assert food["title_en"] == "Manufacture of food products"
    assert food["title_zh"] == "食品制造"
    assert food["title_ar"]


def test_the_cli_lists_isic_in_chinese_with_a_note_and_keeps_both_titles_in_json(
    sqlite_url: str,
) -> None:
    runner = CliRunner()
    table = runner.invoke(
        cli, ["--db", sqlite_url, "reference", "isic", "--level", "section", "--lang", "zh"]
    )
    assert table.exit_code == 0, table.output
    assert "制造业" in table.output and "Manufacturing" not in table.output
    assert "ITPO Exchange 对 ISIC 第4版的自行翻译" in table.output
    english = runner.invoke(cli, ["--db", sqlite_url, "reference", "isic", "--level", "section"])
    assert "Manufacturing" in english.output and "自行翻译" not in english.output
    listed = runner.invoke(
        cli, ["--db", sqlite_url, "reference", "isic", "--level", "division", "--json"]
    )
    rows = {row["code"]: row for row in json.loads(listed.output)}
    assert rows["10"]["title"] == "Manufacture of food products"
    assert rows["10"]["title_zh"] == "食品制造"
