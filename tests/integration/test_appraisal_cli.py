"""`itpo appraise` and `itpo appraise-template`: tables for people, JSON for scripts, reports,
one clear line on every error, and appraisals kept with projects in the database."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner, Result
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.actors import OPERATOR
from tests.appraisal_models import example_model, full_document
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli.appraisal_commands import appraise_command, appraise_template_command
from itpo.adapters.cli.context import CliState
from itpo.adapters.files.appraisal_model_files import write_model_file
from itpo.appraisal import services as appraisal_services
from itpo.bootstrap import Platform
from itpo.registry import services


def run(command: click.Command, *args: str, database_url: str | None = None) -> Result:
    state = CliState(database_url=database_url)
    return CliRunner().invoke(command, list(args), obj=state, catch_exceptions=False)


def model_file(tmp_path: Path, data: dict[str, object] | None = None, suffix: str = ".json") -> str:
    path = tmp_path / f"model{suffix}"
    write_model_file(path, data if data is not None else full_document())
    return str(path)


def test_appraise_prints_the_indicators_with_both_npv_conventions(tmp_path: Path) -> None:
    result = run(appraise_command, model_file(tmp_path))
    assert result.exit_code == 0, result.output
    assert "first flow at t=0 (project convention)" in result.output
    assert "spreadsheet NPV() convention" in result.output
    assert "16.13%" in result.output and "Minimum DSCR" in result.output
    assert "CO2 avoided" in result.output


def test_appraise_json_holds_the_tables_for_scripts(tmp_path: Path) -> None:
    result = run(
        appraise_command,
        model_file(tmp_path, suffix=".yaml"),
        "--json",
        "--monte-carlo",
        "300",
        "--seed",
        "4",
    )
    body = json.loads(result.output)
    assert body["total_capital"]["irr"] > 0.16
    assert body["monte_carlo"]["draws"] == 300 and body["monte_carlo"]["seed"] == 4
    assert set(body["tables"]) >= {"income_statement", "cash_flow_total_capital", "dscr"}
    assert body["appraisal_id"] is None


def test_the_template_filled_in_is_appraised_with_a_report_of_each_kind(tmp_path: Path) -> None:
    template = tmp_path / "model.xlsx"
    made = run(appraise_template_command, str(template), "--example")
    assert made.exit_code == 0 and "template written" in made.output
    for suffix in (".html", ".pdf", ".xlsx"):
        report = tmp_path / f"report{suffix}"
        result = run(
            appraise_command, str(template), "--report", str(report), "--monte-carlo", "200"
        )
        assert result.exit_code == 0, result.output
        assert f"Report written to {report}" in result.output.replace("\n", "")
    assert (tmp_path / "report.html").read_text().count("<svg") == 5
    assert len(PdfReader(tmp_path / "report.pdf").pages) >= 3
    assert len(load_workbook(tmp_path / "report.xlsx")["Summary"]._charts) == 4


def test_an_empty_template_is_written_with_every_sheet(tmp_path: Path) -> None:
    result = run(appraise_template_command, str(tmp_path / "blank.xlsx"))
    assert result.exit_code == 0
    assert "loans" in load_workbook(tmp_path / "blank.xlsx").sheetnames


def test_a_template_must_be_an_xlsx_file(tmp_path: Path) -> None:
    result = run(appraise_template_command, str(tmp_path / "model.ods"))
    assert result.exit_code == 1
    assert "the template is an Excel workbook; name it *.xlsx" in result.output


def test_a_bad_workbook_cell_is_one_line_naming_sheet_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "model.xlsx"
    write_model_file(path, example_model())
    wb = load_workbook(path)
    wb["loans"]["F2"] = 30
    wb.save(path)
    result = run(appraise_command, str(path))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "sheet 'loans', row 2, tenor_years: loan runs past the 20-year horizon" in lines[0]


def test_a_bad_json_model_names_the_field_path(tmp_path: Path) -> None:
    result = run(appraise_command, model_file(tmp_path, example_model(discount_rate=-2)))
    assert result.exit_code == 1
    assert "discount_rate: must be a finite rate above -100%, got -2.0" in result.output


def test_bad_options_and_files_are_one_clear_line(tmp_path: Path) -> None:
    model = model_file(tmp_path)
    cases = {
        ("--monte-carlo", "0"): "monte_carlo: draws must be within 1..100000",
        ("--report", str(tmp_path / "r.doc")): "a report must end in .html, .pdf, .xlsx",
    }
    for args, message in cases.items():
        result = run(appraise_command, model, *args)
        assert result.exit_code == 1 and message in result.output, result.output
    missing = run(appraise_command, str(tmp_path / "absent.yaml"))
    assert missing.exit_code == 1 and "absent.yaml: no such file" in missing.output


def test_attach_keeps_the_appraisal_with_the_project(
    platform: Platform, database_url: str, tmp_path: Path
) -> None:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    project = services.create_opportunity(
        by=OPERATOR, uow=uow, data=opportunity_data(kind="investment_project")
    )
    result = run(
        appraise_command,
        model_file(tmp_path),
        "--attach",
        str(project.id),
        "--json",
        database_url=database_url,
    )
    assert result.exit_code == 0, result.output
    kept = json.loads(result.output)["appraisal_id"]
    stored = appraisal_services.get_appraisal(by=OPERATOR, uow=platform.uow(), appraisal_id=kept)
    assert stored.opportunity_id == project.id and stored.model == full_document()


def test_attach_to_another_kind_is_refused_in_one_line(
    platform: Platform, database_url: str, tmp_path: Path
) -> None:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    offer = services.create_opportunity(by=OPERATOR, uow=uow, data=opportunity_data())
    result = run(
        appraise_command, model_file(tmp_path), "--attach", str(offer.id), database_url=database_url
    )
    assert result.exit_code == 1
    assert "only an investment_project can carry an appraisal" in result.output
    missing = run(
        appraise_command, model_file(tmp_path), "--attach", "999", database_url=database_url
    )
    assert missing.exit_code == 1 and "opportunity 999 not found" in missing.output


GRID_HEADER = "country,combined_margin_firm,combined_margin_intermittent,energy_efficiency\n"


def test_a_users_grid_factor_file_replaces_the_ifi_table_and_is_named(tmp_path: Path) -> None:
    grid = tmp_path / "kenya-2024.csv"
    grid.write_text(GRID_HEADER + "KEN,420,380,\n", encoding="utf-8")
    report = tmp_path / "r.html"
    result = run(
        appraise_command, model_file(tmp_path), "--grid-factors", str(grid), "--report", str(report)
    )
    assert result.exit_code == 0, result.output
    assert "kenya-2024.csv" in result.output and "kenya-2024.csv" in report.read_text()
    as_json = run(appraise_command, model_file(tmp_path), "--grid-factors", str(grid), "--json")
    assert json.loads(as_json.output)["green"]["grid_factor_table"] == "kenya-2024.csv"
    default = json.loads(run(appraise_command, model_file(tmp_path), "--json").output)
    assert default["green"]["grid_factor_table"] == "IFI Default Grid Factors 2021 v3.1"


def test_a_bad_grid_factor_file_is_one_line_naming_row_and_column(tmp_path: Path) -> None:
    grid = tmp_path / "mine.csv"
    grid.write_text(GRID_HEADER + "KEN,400,lots,\n", encoding="utf-8")
    result = run(appraise_command, model_file(tmp_path), "--grid-factors", str(grid))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "mine.csv: 1 problem(s): row 2, column combined_margin_intermittent: 'lots' is not "
        "a number" in result.output.replace("\n", "")
    )
    cases = {
        str(tmp_path / "absent.csv"): "absent.csv: no such file",
        str(tmp_path / "grid.txt"): "grid.txt: a grid-factor table must be a .csv file",
    }
    for path, message in cases.items():
        failed = run(appraise_command, model_file(tmp_path), "--grid-factors", path)
        assert failed.exit_code == 1 and message in failed.output.replace("\n", "")


def test_a_grid_factor_file_is_kept_with_an_attached_appraisal(
    platform: Platform, database_url: str, tmp_path: Path
) -> None:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    project = services.create_opportunity(
        by=OPERATOR, uow=uow, data=opportunity_data(kind="investment_project")
    )
    grid = tmp_path / "kenya-2024.csv"
    grid.write_text(GRID_HEADER + "KEN,400,350,\nUGA,60,50,55\n", encoding="utf-8")
    result = run(
        appraise_command,
        model_file(tmp_path),
        "--grid-factors",
        str(grid),
        "--attach",
        str(project.id),
        "--json",
        database_url=database_url,
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    stored = appraisal_services.get_appraisal(
        by=OPERATOR, uow=platform.uow(), appraisal_id=printed["appraisal_id"]
    )
    assert stored.model["green"]["grid_factors"] == {
        "source": "kenya-2024.csv",
        "countries": {
            "KEN": {
                "combined_margin_firm": 400.0,
                "combined_margin_intermittent": 350.0,
                "energy_efficiency": None,
            },
            "UGA": {
                "combined_margin_firm": 60.0,
                "combined_margin_intermittent": 50.0,
                "energy_efficiency": 55.0,
            },
        },
    }
    assert {k: v for k, v in stored.model.items() if k != "green"} == {
        k: v for k, v in full_document().items() if k != "green"
    }
    # Read back from the database, the kept model gives the CO2 the command printed.
    again = appraisal_services.reappraise(stored=stored).summary()["green"]
    assert again == stored.summary["green"]
    assert again["co2_tonnes_lifetime"] == printed["green"]["co2_tonnes_lifetime"]
    assert again["grid_factor_table"] == "kenya-2024.csv"
    default = json.loads(run(appraise_command, model_file(tmp_path), "--json").output)["green"]
    assert again["co2_tonnes_lifetime"] != default["co2_tonnes_lifetime"]


def test_a_bad_grid_factor_file_keeps_nothing(
    platform: Platform, database_url: str, tmp_path: Path
) -> None:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    project = services.create_opportunity(
        by=OPERATOR, uow=uow, data=opportunity_data(kind="investment_project")
    )
    grid = tmp_path / "mine.csv"
    grid.write_text(GRID_HEADER + "KEN,400,-5,\n", encoding="utf-8")
    result = run(
        appraise_command,
        model_file(tmp_path),
        "--grid-factors",
        str(grid),
        "--attach",
        str(project.id),
        database_url=database_url,
    )
    assert result.exit_code == 1
    assert "row 2, column combined_margin_intermittent: -5 is outside 0..2,000 gCO2/kWh" in (
        result.output.replace("\n", "")
    )
    assert project.id is not None
    assert (
        appraisal_services.list_appraisals(
            by=OPERATOR, uow=platform.uow(), opportunity_id=project.id
        )
        == []
    )


def test_monte_carlo_output_states_the_default_ranges_it_drew(tmp_path: Path) -> None:
    result = run(appraise_command, model_file(tmp_path, example_model()), "--monte-carlo", "200")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "no risk block, so the default ranges were drawn" in flat
    assert "Base-case NPV, for comparison" in flat
    assert "Investment cost" in flat and "low 0.95, mode 1.00, high 1.25" in flat
