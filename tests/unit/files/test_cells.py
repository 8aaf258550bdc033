"""The cell rules every export follows: text stays text, numbers stay numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itpo.adapters.files.cells import csv_cell, read_csv_cell

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "=",
        "-5",
    ],
)
def test_text_a_spreadsheet_would_compute_gets_a_leading_apostrophe(text: str) -> None:
    assert csv_cell(text) == "'" + text
    assert read_csv_cell(csv_cell(text)) == text


@pytest.mark.parametrize("text", ["'", "''", "'=already text", "'plain", "'-5"])
def test_text_that_starts_with_an_apostrophe_gets_one_more(text: str) -> None:
    assert csv_cell(text) == "'" + text
    assert read_csv_cell(csv_cell(text)) == text


@pytest.mark.parametrize("text", ["Solar dryer", "1+1", "a=b", " =1", "50000", "", "KEN"])
def test_ordinary_text_is_written_as_it_is(text: str) -> None:
    assert csv_cell(text) == text
    assert read_csv_cell(text) == text


@pytest.mark.parametrize(
    ("value", "cell"),
    [(-5, "-5"), (-1.5, "-1.5"), (-250000.0, "-250000"), (50000.0, "50000"), (0, "0")],
)
def test_numbers_are_numbers_even_when_negative(value: float, cell: str) -> None:
    assert csv_cell(value) == cell


def test_dates_and_empty_values_are_written_plainly() -> None:
    assert csv_cell(dt.date(2027, 12, 31)) == "2027-12-31"
    assert csv_cell(None) == ""


def test_a_list_is_one_text_cell() -> None:
    assert csv_cell(["KEN", "TZA"]) == "KEN;TZA"
    assert csv_cell(["-org", "b"]) == "'-org;b"
    assert csv_cell([2, 7]) == "2;7"


def test_an_apostrophe_before_ordinary_text_in_a_written_file_is_kept() -> None:
    assert read_csv_cell("'Connor's dryer") == "'Connor's dryer"
    assert read_csv_cell("'=1+1") == "=1+1"


@given(st.text())
def test_any_text_reads_back_as_it_was_written(text: str) -> None:
    cell = csv_cell(text)
    assert read_csv_cell(cell) == text
    assert not cell.startswith(tuple(FORMULA_STARTS))
