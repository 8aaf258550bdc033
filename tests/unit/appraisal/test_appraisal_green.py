"""CO2 avoided, energy saved, jobs and SDGs."""

from dataclasses import dataclass

import pytest

from itpo.appraisal import InvalidInputError
from itpo.appraisal.green import (
    FuelSwitch,
    GreenInputs,
    assess,
    fuel_co2_tonnes,
    grid_co2_tonnes,
)


@dataclass(frozen=True)
class Grid:
    country: str = "KEN"
    combined_margin_firm: float | None = 500.0
    combined_margin_intermittent: float = 450.0
    energy_efficiency: float = 480.0
    electricity_consumption: float = 520.0
    operating_margin: float = 600.0


def test_intermittent_generation_uses_the_intermittent_combined_margin() -> None:
    assert grid_co2_tonnes(1_000_000, Grid(), "intermittent") == pytest.approx(450.0)
    assert grid_co2_tonnes(1_000_000, Grid(), "firm") == pytest.approx(500.0)
    assert grid_co2_tonnes(1_000_000, Grid(), "efficiency") == pytest.approx(480.0)


def test_diesel_emissions_follow_the_ipcc_2006_defaults() -> None:
    # 1 t diesel = 0.043 TJ (NCV 43.0 TJ/Gg) x 74,100 kg/TJ = 3.1863 t CO2.
    assert fuel_co2_tonnes("diesel", 1.0) == pytest.approx(3.1863)


def test_firewood_counts_only_its_non_renewable_fraction() -> None:
    full = fuel_co2_tonnes("firewood", 10.0)
    assert full == pytest.approx(10 * 0.0156 * 112_000 / 1000)
    assert fuel_co2_tonnes("firewood", 10.0, non_renewable_fraction=0.3) == pytest.approx(
        0.3 * full
    )


def test_assess_sums_electricity_and_fuel_switching_with_degradation() -> None:
    inputs = GreenInputs(
        operating_years=3,
        kwh_generated_intermittent=100_000,
        fuel_switches=(FuelSwitch("firewood", 50.0, "lpg", 5.0, non_renewable_fraction=0.5),),
        degradation=0.01,
        direct_jobs=28,
        women_jobs=15,
        agri_food=True,
    )
    impact = assess(inputs, Grid())
    fuel = fuel_co2_tonnes("firewood", 50.0, non_renewable_fraction=0.5) - fuel_co2_tonnes(
        "lpg", 5.0
    )
    assert impact.co2_tonnes_by_year == pytest.approx([45.0 + fuel, 44.55 + fuel, 44.1045 + fuel])
    assert impact.co2_tonnes_lifetime == pytest.approx(sum(impact.co2_tonnes_by_year))
    assert impact.energy_saved_gj_per_year == pytest.approx(50 * 15.6 - 5 * 47.3)
    assert [n for n, _ in impact.sdgs] == [2, 5, 7, 8, 9, 12, 13]


def test_green_inputs_are_validated_naming_the_field() -> None:
    with pytest.raises(InvalidInputError, match=r"^fuel: unknown fuel 'peat'"):
        fuel_co2_tonnes("peat", 1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^non_renewable_fraction:"):
        fuel_co2_tonnes("firewood", 1.0, non_renewable_fraction=1.5)
    with pytest.raises(InvalidInputError, match=r"^kwh:"):
        grid_co2_tonnes(-1, Grid(), "firm")
    with pytest.raises(InvalidInputError, match=r"^operating_years:"):
        assess(GreenInputs(operating_years=0), Grid())


def test_a_missing_grid_factor_is_an_error_naming_the_attribute_only_when_needed() -> None:
    grid = Grid(combined_margin_firm=None)
    with pytest.raises(InvalidInputError, match=r"^grid\.combined_margin_firm: no factor .* KEN"):
        grid_co2_tonnes(1000, grid, "firm")
    assert grid_co2_tonnes(0, grid, "firm") == 0.0
    assert assess(GreenInputs(operating_years=1, kwh_saved=1000), grid).co2_tonnes_first_year > 0


def test_the_registry_grid_factor_type_satisfies_the_protocol() -> None:
    registry = pytest.importorskip("itpo.registry.reference")
    factor = registry.GridFactor("KEN", 400.0, 350.0, 380.0, 420.0, 500.0)
    assert grid_co2_tonnes(1_000_000, factor, "intermittent") == pytest.approx(350.0)
