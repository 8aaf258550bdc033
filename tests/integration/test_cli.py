"""The `itpo` command: thin over the services, one clear line on every error."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli


def run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


@pytest.fixture
def ready(sqlite_url: str, tmp_path: Path) -> str:
    assert run(sqlite_url, "init").exit_code == 0
    document = {"organisations": [organisation_data()], "opportunities": [opportunity_data()]}
    (tmp_path / "base.json").write_text(json.dumps(document))
    assert run(sqlite_url, "import", str(tmp_path / "base.json")).exit_code == 0
    return sqlite_url


def test_a_command_on_a_missing_database_says_to_run_init(sqlite_url: str) -> None:
    result = run(sqlite_url, "opportunities", "list")
    assert result.exit_code == 1
    assert "run `itpo init`" in result.output
    assert "Traceback" not in result.output


def test_listing_prints_json_for_scripts(ready: str) -> None:
    result = run(ready, "opportunities", "list", "--json", "--country", "KEN")
    rows = json.loads(result.output)
    assert [r["title"] for r in rows] == ["Solar tunnel dryer for mango and cassava"]
    assert rows[0]["direction"] == "outbound"


def test_listing_prints_a_table_for_people(ready: str) -> None:
    result = run(ready, "opportunities", "list", "--kind", "technology_offer")
    assert "1 of 1 opportunities" in result.output
    assert "Solar tunnel dryer" in result.output


def test_show_prints_one_record(ready: str) -> None:
    assert "cassava" in run(ready, "opportunities", "show", "1").output
    assert json.loads(run(ready, "organisations", "show", "1", "--json").output)["country"] == "CHN"
    missing = run(ready, "opportunities", "show", "42")
    assert missing.exit_code == 1 and "opportunity 42 not found" in missing.output


def test_a_bad_filter_is_one_line_and_a_non_zero_exit(ready: str) -> None:
    result = run(ready, "opportunities", "list", "--sdg", "42")
    assert result.exit_code == 1
    assert "sdg: 42 is outside 1-17" in result.output


def test_importing_a_csv_with_a_bad_row_exits_non_zero_naming_it(
    ready: str, tmp_path: Path
) -> None:
    path = tmp_path / "needs.csv"
    path.write_text(
        "external_id,kind,organisation,title,teaser,language,countries\n"
        "n1,technology_need,org-sh-1,Cold room,Solar cold room,en,KEN\n"
        "n2,technology_need,org-sh-1,Ice maker,Solar ice maker,en,KENYA\n",
        encoding="utf-8",
    )
    result = run(ready, "import", str(path))
    assert result.exit_code == 1
    assert (
        "opportunities row 3, countries: 'KENYA' is not an ISO 3166 country code" in result.output
    )
    assert "nothing was changed" in result.output
    assert len(json.loads(run(ready, "opportunities", "list", "--json").output)) == 1


def test_a_dry_run_reports_without_writing(ready: str, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps([opportunity_data(external_id="opp-2")]))
    result = run(ready, "import", str(path), "--dry-run", "--json")
    assert json.loads(result.output)["opportunities"] == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
    }
    assert len(json.loads(run(ready, "opportunities", "list", "--json").output)) == 1


def test_export_and_template_write_files(ready: str, tmp_path: Path) -> None:
    assert run(ready, "export", str(tmp_path / "all.xlsx")).exit_code == 0
    assert (
        run(ready, "export", str(tmp_path / "orgs.csv"), "--type", "organisations").exit_code == 0
    )
    assert "Pudong Solar Agritech" in (tmp_path / "orgs.csv").read_text()
    assert run(ready, "template", str(tmp_path / "t.xlsx")).exit_code == 0
    assert (tmp_path / "t.xlsx").stat().st_size > 0


def test_reference_lists(ready: str) -> None:
    ldcs = json.loads(run(ready, "reference", "countries", "--region", "LDC", "--json").output)
    assert "ETH" in {c["code"] for c in ldcs} and "KEN" not in {c["code"] for c in ldcs}
    assert len(json.loads(run(ready, "reference", "sdgs", "--json").output)) == 17


def test_a_bad_database_url_is_one_clear_line(tmp_path: Path) -> None:
    result = run("nosuchdb://x", "opportunities", "list")
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_the_library_connects_to_a_prepared_database(ready: str) -> None:
    import itpo
    from itpo.registry import services
    from itpo.registry.filters import opportunity_query

    platform = itpo.connect(ready)
    page = services.list_opportunities(
        by=OPERATOR, uow=platform.uow(), query=opportunity_query(country=["KEN"])
    )
    platform.close()
    assert [o.title for o in page.items] == ["Solar tunnel dryer for mango and cassava"]


def test_serve_refuses_a_bad_number_of_workers(ready: str) -> None:
    result = run(ready, "serve", "--workers", "0")
    assert result.exit_code == 2
    assert "'--workers': 0 is not in the range 1<=x<=64" in result.output


def test_serve_on_a_port_in_use_says_so_in_one_line(ready: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(ready, "serve", "--workers", "2", "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in result.output
    assert "Traceback" not in result.output
