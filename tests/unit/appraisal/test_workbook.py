"""The appraisal workbook and model files: a template with help, a faithful reader, and every
bad cell reported by sheet, row and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from tests.appraisal_models import example_model, full_document

from itpo.adapters.files.appraisal_model_files import (
    ModelFileError,
    read_model_source,
    write_model_file,
)
from itpo.adapters.files.appraisal_sheets import SHEETS
from itpo.adapters.files.csv_files import FileProblem
from itpo.appraisal.document import parse_document
from itpo.appraisal.errors import ModelError


def problems_of(path: Path) -> list[str]:
    """The located problems of a model file, as the CLI prints them."""
    source = read_model_source(path)
    with pytest.raises(ModelError) as caught:
        parse_document(source.data)
    return source.refuse(caught.value).problems


def workbook_with(tmp_path: Path, sheet: str, cell: str, value: Any) -> Path:
    path = tmp_path / "model.xlsx"
    write_model_file(path, full_document())
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    return path


def test_the_template_has_one_sheet_per_input_block_with_help_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_model_file(path, {})
    wb = load_workbook(path)
    assert wb.sheetnames == ["README", *(s.name for s in SHEETS)]
    for name in (
        "general",
        "investments",
        "working_capital",
        "sales",
        "operating_costs",
        "loans",
        "tax",
        "currencies",
        "green",
    ):
        assert name in wb.sheetnames
    assert wb["loans"]["F1"].value == "tenor_years"
    assert "grace" in wb["loans"]["F1"].comment.text
    assert wb["general"]["B2"].comment is not None
    lists = [v.formula1 for v in wb["loans"].data_validations.dataValidation]
    assert '"annuity,linear"' in lists
    assert any(
        "declining_balance" in v.formula1 for v in wb["investments"].data_validations.dataValidation
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ".yaml"])
def test_a_model_written_to_a_file_reads_back_as_the_same_model(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"model{suffix}"
    write_model_file(path, full_document())
    assert parse_document(read_model_source(path).data) == parse_document(full_document())


def test_yaml_year_keys_and_comments_are_read(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    text = json.dumps(example_model())  # JSON is YAML; add a YAML-only comment and int keys
    data = json.loads(text)
    data["products"][1]["utilisation"] = {2: 0.5}
    path.write_text("# pineapple starts slowly\n" + yaml.safe_dump(data))
    model = parse_document(read_model_source(path).data).model
    assert model.products[1].utilisation == {2: 0.5}


def test_an_empty_template_names_each_required_field_by_sheet_and_row(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_model_file(path, {})
    found = problems_of(path)
    assert "sheet 'general', row 2, name: is required" in found
    assert "sheet 'general', row 4, horizon_years: is required" in found
    assert "sheet 'general', row 6, discount_rate: is required" in found


def test_a_negative_capacity_names_the_sales_sheet_row_and_field(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "sales", "C3", -5)
    assert problems_of(path) == [
        "sheet 'sales', row 3, capacity: must be a finite number >= 0, got -5.0"
    ]


def test_a_loan_longer_than_the_horizon_names_the_loans_row(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "loans", "F2", 30)
    [problem] = problems_of(path)
    assert problem.startswith("sheet 'loans', row 2, tenor_years: loan runs past the 20-year")


def test_text_in_a_number_cell_is_named_with_its_value(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "investments", "B4", "lots")
    assert problems_of(path) == ["sheet 'investments', row 4, amount: must be a number, got 'lots'"]


def test_percent_text_and_thousands_separators_are_numbers(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "general", "B6", "12.5%")
    wb = load_workbook(path)
    wb["investments"]["B2"] = "60,000"
    wb.save(path)
    model = parse_document(read_model_source(path).data).model
    assert model.discount_rate == pytest.approx(0.125)
    assert model.investments[0].amount == 60000


def test_a_currency_without_a_rate_names_the_cell_that_uses_it(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "operating_costs", "C3", "GBP")
    [problem] = problems_of(path)
    assert problem.startswith(
        "sheet 'operating_costs', row 3, currency: no exchange rate for 'GBP'"
    )


def test_a_bad_exchange_rate_names_the_currencies_row(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "currencies", "B2", 0)
    assert "sheet 'currencies', row 2, rate: must be a positive number, got 0.0" in problems_of(
        path
    )


def test_overlapping_phases_name_the_general_sheet(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "general", "B11", 1)  # start-up begins in year 1
    found = problems_of(path)
    assert any(
        p.startswith("sheet 'general', row 11, phases.startup") and "overlaps" in p for p in found
    ), found


def test_a_badly_written_utilisation_is_refused_with_an_example(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "sales", "I3", "year two: half")
    with pytest.raises(ModelFileError) as caught:
        read_model_source(path)
    [problem] = caught.value.problems
    assert problem.startswith("sheet 'sales', row 3, utilisation: write year: fraction pairs")


def test_a_yes_no_cell_with_another_word_is_named(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "loans", "I2", "maybe")
    assert problems_of(path) == [
        "sheet 'loans', row 2, capitalise_interest: must be true or false, got 'maybe'"
    ]


def test_an_unknown_risk_driver_and_a_bad_range_are_named(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "risk", "A2", "weather")
    wb = load_workbook(path)
    wb["risk"]["C3"] = 1.5  # investment_cost low above its mode
    wb.save(path)
    found = problems_of(path)
    assert found[0].startswith("sheet 'risk', row 2, driver: unknown driver 'weather'")
    assert found[1] == "sheet 'risk', row 3, driver: needs low <= mode <= high, got 1.5, 1.0, 1.3"


def test_an_unknown_fuel_is_named_on_the_fuel_switch_sheet(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "fuel_switches", "A2", "peat")
    [problem] = problems_of(path)
    assert problem.startswith("sheet 'fuel_switches', row 2, baseline_fuel: unknown fuel 'peat'")


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("not a zip")
    with pytest.raises(FileProblem, match=r"fake\.xlsx is not an Excel workbook"):
        read_model_source(path)


def test_a_workbook_without_the_general_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    write_model_file(path, {})
    wb = load_workbook(path)
    del wb["general"]
    wb.save(path)
    with pytest.raises(FileProblem, match="has no 'general' sheet"):
        read_model_source(path)


def test_broken_json_and_yaml_say_where(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text('{"name": "x",\n "currency": }')
    with pytest.raises(FileProblem, match=r"m.json: not valid JSON at line 2, column 14"):
        read_model_source(tmp_path / "m.json")
    (tmp_path / "m.yaml").write_text("name: [unclosed\n")
    with pytest.raises(FileProblem, match=r"m.yaml: not valid YAML at line 2"):
        read_model_source(tmp_path / "m.yaml")


def test_a_model_file_must_hold_a_mapping_and_have_a_known_suffix(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text("[1, 2]")
    with pytest.raises(FileProblem, match="must be an object"):
        read_model_source(tmp_path / "m.json")
    with pytest.raises(FileProblem, match=r"must end in .json, .yaml, .yml, .xlsx, not .txt"):
        read_model_source(tmp_path / "m.txt")
    with pytest.raises(FileProblem, match="no such file"):
        read_model_source(tmp_path / "absent.json")


def test_json_errors_name_the_field_path(tmp_path: Path) -> None:
    bad = example_model()
    bad["loans"][0]["interest_rate"] = -1.5
    path = tmp_path / "m.json"
    write_model_file(path, bad)
    assert problems_of(path) == [
        "loans[0].interest_rate: must be a finite rate above -100%, got -1.5"
    ]
