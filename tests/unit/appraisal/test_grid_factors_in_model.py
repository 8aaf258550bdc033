"""A user's grid-factor table carried by the model document itself, as `green.grid_factors`."""

from __future__ import annotations

from typing import Any

import pytest
from tests.actors import OPERATOR
from tests.appraisal_models import GRID_CSV, example_model, full_document

from itpo.appraisal import services
from itpo.appraisal.document import with_grid_factors
from itpo.appraisal.errors import ModelError
from itpo.appraisal.grid_table import parse_grid_table

KENYA = GRID_CSV + "KEN,420,380,\nUGA,50,40,45\n"


def test_a_table_merged_into_the_model_gives_the_co2_of_passing_it_alone() -> None:
    table = parse_grid_table(KENYA, "kenya-2024.csv")
    passed = services.appraise(by=OPERATOR, model_data=full_document(), grid_table=table).summary()
    merged = with_grid_factors(full_document(), table)
    assert merged["green"]["grid_factors"] == {
        "source": "kenya-2024.csv",
        "countries": {
            "KEN": {
                "combined_margin_firm": 420.0,
                "combined_margin_intermittent": 380.0,
                "energy_efficiency": None,
            },
            "UGA": {
                "combined_margin_firm": 50.0,
                "combined_margin_intermittent": 40.0,
                "energy_efficiency": 45.0,
            },
        },
    }
    kept = services.appraise(by=OPERATOR, model_data=merged).summary()
    assert kept["green"] == passed["green"]
    assert kept["green"]["grid_factor_table"] == "kenya-2024.csv"
    default = services.appraise(by=OPERATOR, model_data=full_document()).summary()["green"]
    assert default["grid_factor_table"] == "IFI Default Grid Factors 2021 v3.1"
    assert kept["green"]["co2_tonnes_first_year"] != default["co2_tonnes_first_year"]
    # 90,000 kWh of solar at 380 g/kWh, and 20 t of diesel (43 TJ/Gg x 74,100 kg/TJ).
    first_year = 90_000 * 380 / 1e6 + 20 / 1000 * 43.0 * 74_100 / 1000
    assert kept["green"]["co2_tonnes_first_year"] == pytest.approx(first_year)


def test_a_model_without_a_green_block_is_left_as_it_is() -> None:
    table = parse_grid_table(KENYA, "kenya-2024.csv")
    assert with_grid_factors(example_model(), table) == example_model()


def test_a_table_without_the_project_country_names_the_table() -> None:
    data = with_grid_factors(full_document(), parse_grid_table(GRID_CSV + "UGA,1,2,3\n", "ug"))
    with pytest.raises(ModelError) as caught:
        services.appraise(by=OPERATOR, model_data=data)
    assert caught.value.errors == [("green.country", "no grid factors for 'KEN' in ug")]


def errors_of(grid_factors: Any) -> list[tuple[str, str]]:
    data = full_document()
    data["green"]["grid_factors"] = grid_factors
    with pytest.raises(ModelError) as caught:
        services.appraise(by=OPERATOR, model_data=data)
    return caught.value.errors


G = "green.grid_factors"


@pytest.mark.parametrize(
    ("grid_factors", "expected"),
    [
        (
            {"countries": {"KEN": {"combined_margin_intermittent": 380}}},
            [(f"{G}.source", "is required")],
        ),
        ({"source": "mine"}, [(f"{G}.countries", "must be an object, got NoneType")]),
        (
            {"source": "mine", "countries": {}},
            [(f"{G}.countries", "must give the factors of at least one country")],
        ),
        (
            {"source": "mine", "countries": {"KE": {"combined_margin_firm": 1}}},
            [(f"{G}.countries.KE", "'KE' is not an ISO alpha-3 country code")],
        ),
        (
            {"source": "mine", "countries": {"KEN": {}, "ken": {}}},
            [(f"{G}.countries.ken", "KEN is given twice")],
        ),
        (
            {"source": "mine", "countries": {"KEN": {"combined_margin_intermittent": 380000}}},
            [
                (
                    f"{G}.countries.KEN.combined_margin_intermittent",
                    "must be within 0..2,000 gCO2/kWh, got 380000.0",
                )
            ],
        ),
        (
            {"source": "mine", "countries": {"KEN": {"combined_margin_intermittent": "380"}}},
            [(f"{G}.countries.KEN.combined_margin_intermittent", "must be a number, got '380'")],
        ),
        (
            {"source": "mine", "countries": {"KEN": {"combined_margin_intermitent": 380}}},
            [
                (
                    f"{G}.countries.KEN.combined_margin_intermitent",
                    "unknown factor; the factors are "
                    "combined_margin_firm, combined_margin_intermittent, energy_efficiency",
                )
            ],
        ),
        ("KEN 380", [(G, "must be an object, got str")]),
    ],
)
def test_a_bad_table_in_the_model_is_refused_naming_the_field(
    grid_factors: Any, expected: list[tuple[str, str]]
) -> None:
    assert errors_of(grid_factors) == expected


def test_a_factor_the_project_needs_but_the_table_leaves_blank_is_named() -> None:
    table = {"source": "mine", "countries": {"KEN": {"combined_margin_firm": 420}}}
    assert errors_of(table) == [
        ("green.combined_margin_intermittent", "no factor is published for KEN")
    ]
