"""A user's grid-factor table replaces the IFI default, and its bad cells are named exactly."""

from __future__ import annotations

import pytest
from tests.actors import OPERATOR
from tests.appraisal_models import full_document

from itpo.adapters.reports import content
from itpo.appraisal import services
from itpo.appraisal.errors import ModelError
from itpo.appraisal.grid_table import (
    IFI_DEFAULT_NAME,
    GridTableError,
    default_grid_table,
    parse_grid_table,
)

GOOD = (
    "country,combined_margin_firm,combined_margin_intermittent,energy_efficiency,note\n"
    "ken,400,350,\n"
    "\n"
    "UGA, 500.5 ,450,480,hydro-heavy\n"
)


def problems_of(text: str) -> list[tuple[int, str, str]]:
    with pytest.raises(GridTableError) as caught:
        parse_grid_table(text, "mine.csv")
    return caught.value.problems


def test_a_good_table_reads_codes_in_upper_case_and_blanks_as_no_factor() -> None:
    table = parse_grid_table("\ufeff" + GOOD, "mine.csv")
    assert table.name == "mine.csv" and sorted(table.factors) == ["KEN", "UGA"]
    kenya = table.factors["KEN"]
    assert (kenya.combined_margin_firm, kenya.combined_margin_intermittent) == (400.0, 350.0)
    assert kenya.energy_efficiency is None
    assert table.factors["UGA"].combined_margin_firm == 500.5


def test_the_appraisal_uses_the_users_table_and_the_report_names_it() -> None:
    table = parse_grid_table(GOOD, "mine.csv")
    mine = services.appraise(by=OPERATOR, model_data=full_document(), grid_table=table)
    ifi = services.appraise(by=OPERATOR, model_data=full_document())
    assert mine.grid_table == "mine.csv" and ifi.grid_table == IFI_DEFAULT_NAME
    assert mine.green is not None and ifi.green is not None
    # 90,000 kWh intermittent at 350 g/kWh is 31.5 t; the diesel switch is the same in both.
    kenya = default_grid_table().factors["KEN"].combined_margin_intermittent
    assert kenya is not None
    difference = mine.green.co2_tonnes_first_year - ifi.green.co2_tonnes_first_year
    assert difference == pytest.approx(90_000 * (350 - kenya) / 1e6)
    assert ("Grid factor table", "mine.csv") in content.green_rows(mine)
    assert ("Grid factor table", IFI_DEFAULT_NAME) in content.green_rows(ifi)
    assert mine.summary()["green"]["grid_factor_table"] == "mine.csv"


def test_a_country_missing_from_the_users_table_is_an_error_naming_the_table() -> None:
    table = parse_grid_table(GOOD.replace("ken,", "TZA,"), "mine.csv")
    with pytest.raises(ModelError) as caught:
        services.appraise(by=OPERATOR, model_data=full_document(), grid_table=table)
    assert caught.value.errors == [("green.country", "no grid factors for 'KEN' in mine.csv")]


def test_bad_cells_are_reported_by_row_and_column_all_at_once() -> None:
    text = (
        "country,combined_margin_firm,combined_margin_intermittent,energy_efficiency\n"
        "KEN,400,abc,300\n"
        "Kenya,400,350,300\n"
        "UGA,-5,350,1e9\n"
        "KEN,1,1,1\n"
    )
    assert problems_of(text) == [
        (2, "combined_margin_intermittent", "'abc' is not a number (gCO2/kWh, or blank)"),
        (3, "country", "'KENYA' is not an ISO alpha-3 code"),
        (4, "combined_margin_firm", "-5 is outside 0..2,000 gCO2/kWh"),
        (4, "energy_efficiency", "1e9 is outside 0..2,000 gCO2/kWh"),
        (5, "country", "KEN already given in row 2"),
    ]


def test_a_header_without_the_required_columns_names_each_missing_one() -> None:
    assert problems_of("country,firm,intermittent\nKEN,1,2\n") == [
        (1, "combined_margin_firm", "is missing from the header row"),
        (1, "combined_margin_intermittent", "is missing from the header row"),
        (1, "energy_efficiency", "is missing from the header row"),
    ]


def test_an_empty_file_or_a_header_alone_is_refused() -> None:
    assert problems_of("")[0][2] == "the file is empty; a header row is needed"
    header = "country,combined_margin_firm,combined_margin_intermittent,energy_efficiency\n"
    assert problems_of(header) == [(2, "country", "the table has no rows of factors")]


def test_the_error_message_lists_the_file_row_and_column() -> None:
    with pytest.raises(GridTableError, match=r"^mine\.csv: 1 problem\(s\): row 2, column country"):
        parse_grid_table(GOOD.replace("ken", "K1N"), "mine.csv")
