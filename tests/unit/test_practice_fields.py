"""A case from plain values: every problem named by its field, all at once; the flat row of a
file and back gives the same case."""

from __future__ import annotations

from typing import Any

import pytest
from tests.practices import case_data

from itpo.practice.fields import case_document, parse_case
from itpo.practice.flat import document_of_row, flat_row
from itpo.practice.model import Theme
from itpo.registry.errors import ValidationError


def problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        parse_case(data)
    return {e.field: e.message for e in refused.value.errors}


def test_a_complete_case_parses_with_its_translations_figures_and_sources() -> None:
    case = parse_case(case_data()).case
    assert case.theme is Theme.AGRO_PROCESSING and case.country == "KEN"
    assert case.languages == ("en", "zh") and case.original_language == "en"
    assert case.text_in("zh").title.startswith("太阳能") and case.text_in("fr").title.startswith(
        "Solar"
    )
    assert case.told_in("fr") == "en"
    (figure,) = case.figures
    assert (figure.value, figure.unit, figure.year, figure.source) == (30.0, "%", 2021, 0)
    assert case.sdgs == (2, 7, 12)


def test_a_figure_without_a_unit_is_refused_by_its_field() -> None:
    data = case_data(figures=[{"value": 12, "unit": "", "source": 0, "label": {"en": "saved"}}])
    assert "figures[0].unit" in problems(data)
    data = case_data(figures=[{"value": 12, "unit": "42", "source": 0, "label": {"en": "saved"}}])
    assert "is not a unit" in problems(data)["figures[0].unit"]


def test_every_bad_field_is_named_in_one_round() -> None:
    found = problems(
        case_data(
            theme="space",
            country="XXX",
            sdgs=[3, 18],
            year=1800,
            sources=[{"citation": "", "url": "ftp://x"}],
            figures=[{"value": "many", "unit": "t", "source": 4, "label": {}}],
            texts={"en": {"title": "", "problem": "p", "done": "d", "results": "r"}},
        )
    )
    assert {
        "theme",
        "country",
        "sdgs",
        "year",
        "sources[0].citation",
        "sources[0].url",
        "figures[0].value",
        "figures[0].source",
        "figures[0].label",
        "texts.en.title",
    } <= set(found)
    assert "18 is not an SDG" in found["sdgs"]


@pytest.mark.parametrize("goal", [0, 18, "x", -1, 2.5])
def test_an_unknown_sdg_is_refused(goal: object) -> None:
    assert "sdgs" in problems(case_data(sdgs=[goal]))


def test_a_figure_names_its_source_unless_it_is_illustrative() -> None:
    figure = {"value": 5, "unit": "jobs", "label": {"en": "jobs made"}}
    assert "figures[0].source" in problems(case_data(figures=[figure]))
    parse_case(case_data(figures=[figure | {"illustrative": True}]))
    parse_case(case_data(figures=[figure], illustrative=True))


def test_a_case_needs_a_source_and_a_text() -> None:
    found = problems(case_data(sources=[], texts={}))
    assert {"sources", "texts"} <= set(found)


def test_the_original_language_must_be_one_of_the_texts() -> None:
    assert "original_language" in problems(case_data(original_language="fr"))


def test_a_figure_label_is_needed_in_the_original_language() -> None:
    figure = {"value": 5, "unit": "jobs", "source": 0, "label": {"zh": "就业"}}
    assert "figures[0].label.en" in problems(case_data(figures=[figure]))


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_case([])  # type: ignore[arg-type]


def test_the_flat_row_of_a_file_gives_the_same_case() -> None:
    case = parse_case(case_data()).case
    row = flat_row(case_document(case))
    assert (
        row["figures"] == "30 | % | 2021 | 1 | en=post-harvest losses avoided | zh=避免的采后损失"
    )
    assert row["sources"].endswith("| https://example.org/drying")
    assert row["sdgs"] == "2;7;12" and row["title_zh"].startswith("太阳能")
    again = parse_case(document_of_row(row)).case
    assert again == case


def test_a_flat_row_with_a_figure_short_of_its_unit_names_the_figure() -> None:
    row = flat_row(case_document(parse_case(case_data()).case))
    row["figures"] = "30 |  | 2021 | 1 | en=losses"
    assert "figures[0].unit" in problems(document_of_row(row))
