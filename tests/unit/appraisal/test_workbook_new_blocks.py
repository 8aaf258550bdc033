"""Depreciation schedules, correlations and grid factors in model files and the workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.appraisal_models import document_with_every_block

from itpo.adapters.files.appraisal_model_files import (
    ModelFileError,
    read_model_source,
    write_model_file,
)
from itpo.appraisal.document import parse_document
from itpo.appraisal.errors import ModelError


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ".yaml"])
def test_every_new_block_reads_back_from_a_file_as_written(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"model{suffix}"
    write_model_file(path, document_with_every_block())
    read = parse_document(read_model_source(path).data)
    assert read == parse_document(document_with_every_block())
    assert read.model.investments[5].depreciation_schedule == (
        0.2,
        0.32,
        0.192,
        0.1152,
        0.1152,
        0.0576,
    )
    assert len(read.correlations) == 2
    assert read.green is not None and read.green.grid_table is not None
    assert read.green.grid_table.name == "Kenya grid study 2024"


def test_the_template_offers_the_schedules_and_has_the_new_sheets(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_model_file(path, {})
    wb = load_workbook(path)
    assert {"correlations", "grid_factors"} <= set(wb.sheetnames)
    lists = [v.formula1 for v in wb["investments"].data_validations.dataValidation]
    assert any("schedule,macrs_3,macrs_5" in f for f in lists)
    assert [c.value for c in wb["correlations"][1]] == ["driver_a", "driver_b", "coefficient"]


def workbook_with(tmp_path: Path, sheet: str, cell: str, value: Any) -> Path:
    path = tmp_path / "model.xlsx"
    write_model_file(path, document_with_every_block())
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    return path


def problems_of(path: Path) -> list[str]:
    source = read_model_source(path)
    with pytest.raises(ModelError) as caught:
        parse_document(source.data)
    return source.refuse(caught.value).problems


def test_a_schedule_typed_in_percent_reads_and_a_garbled_one_names_its_cell(
    tmp_path: Path,
) -> None:
    path = workbook_with(tmp_path, "investments", "H7", "20%; 32%; 19.2%; 11.52%; 11.52%; 5.76%")
    model = parse_document(read_model_source(path).data).model
    assert model.investments[5].depreciation_schedule == pytest.approx(
        (0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576)
    )
    garbled = workbook_with(tmp_path, "investments", "H7", "20%, 32%, 48%")
    with pytest.raises(ModelFileError) as caught:
        read_model_source(garbled)
    assert caught.value.problems == [
        "sheet 'investments', row 7, depreciation_schedule: write numbers separated by ';' "
        "(e.g. '20%; 32%; 48%'), got '20%, 32%, 48%'"
    ]
    short = workbook_with(tmp_path, "investments", "H7", "20%; 32%")
    assert problems_of(short) == [
        "sheet 'investments', row 7, depreciation_schedule: the yearly shares must add up to 1 "
        "(100%); they add up to 52.0000%"
    ]


def test_a_bad_correlation_row_names_the_correlations_sheet(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "correlations", "B2", "sales_quantity")
    [problem] = problems_of(path)
    assert problem.startswith(
        "sheet 'correlations', row 2, driver_b: 'sales_quantity' has no "
        "distribution in the risk block"
    )
    impossible = workbook_with(tmp_path, "correlations", "C2", -0.95)
    wb = load_workbook(impossible)
    wb["correlations"]["C3"] = 0.95
    wb["correlations"].append(["investment_cost", "operating_costs", 0.95])
    wb.save(impossible)
    [problem] = problems_of(impossible)
    assert problem.startswith("sheet 'correlations': these coefficients cannot hold together")


def test_a_bad_grid_factor_names_the_grid_factors_sheet(tmp_path: Path) -> None:
    path = workbook_with(tmp_path, "grid_factors", "C2", 380_000)
    assert problems_of(path) == [
        "sheet 'grid_factors', row 2, combined_margin_intermittent: must be within 0..2,000 "
        "gCO2/kWh, got 380000.0"
    ]
