"""Green impact: CO2 avoided by clean electricity, efficiency and fuel switching; jobs; SDGs.

Grid factors (gCO2/kWh) are passed in by the caller; any object with the attributes of the
`GridFactorLike` protocol works (such as the IFI harmonised table's GridFactor records).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from itpo.appraisal.errors import InvalidInputError

Fuel = Literal["diesel", "heavy_fuel_oil", "lpg", "natural_gas", "coal", "firewood", "kerosene"]


class GridFactorLike(Protocol):
    """Grid emission factors of one country, in gCO2/kWh; None where none is published."""

    @property
    def country(self) -> str: ...
    @property
    def combined_margin_firm(self) -> float | None: ...
    @property
    def combined_margin_intermittent(self) -> float | None: ...
    @property
    def energy_efficiency(self) -> float | None: ...
    @property
    def electricity_consumption(self) -> float | None: ...
    @property
    def operating_margin(self) -> float | None: ...


@dataclass(frozen=True)
class FuelFactor:
    """Net calorific value (TJ/Gg, i.e. MJ/kg) and CO2 emission factor (kg CO2/TJ)."""

    ncv_tj_per_gg: float
    co2_kg_per_tj: float
    ipcc_name: str


# Defaults from the 2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol. 2
# (Energy), Ch. 1, Table 1.2 (net calorific values) and Table 1.4 (default CO2 emission
# factors for combustion), https://www.ipcc-nggip.iges.or.jp/public/2006gl/vol2.html.
# "coal" is other bituminous coal; firewood is wood/wood waste, whose CO2 counts only for
# the non-renewable fraction of the biomass. Checked against second public sources in
# tests/unit/appraisal/test_green_factor_sources.py: the CO2 factors of diesel, LPG, coal and
# kerosene against the IPCC carbon contents in the UNFCCC / GHG Management Institute
# inventory course (Topic 2, Table 2); the NCVs of diesel and LPG against iClimate/ghgpy; the
# NCVs of kerosene (43.8) and coal (25.8) against two transcriptions of Table 1.2 checked
# against the Guidelines' PDF: ava-jahlee/carbontrace, scripts/build_verified_ipcc_ch1.py
# (commit 67d8af80e95a), and teekaysharma/ghgcalculator, scripts/manual-migration-008.mjs
# (commit 3b465f7788af).
IPCC_2006_FUELS: Mapping[Fuel, FuelFactor] = {
    "diesel": FuelFactor(43.0, 74_100.0, "Gas/Diesel Oil"),
    "heavy_fuel_oil": FuelFactor(40.4, 77_400.0, "Residual Fuel Oil"),
    "lpg": FuelFactor(47.3, 63_100.0, "Liquefied Petroleum Gases"),
    "natural_gas": FuelFactor(48.0, 56_100.0, "Natural Gas"),
    "coal": FuelFactor(25.8, 94_600.0, "Other Bituminous Coal"),
    "firewood": FuelFactor(15.6, 112_000.0, "Wood/Wood Waste"),
    "kerosene": FuelFactor(43.8, 71_900.0, "Other Kerosene"),
}

SDG_NAMES: Mapping[int, str] = {
    2: "Zero hunger",
    5: "Gender equality",
    6: "Clean water and sanitation",
    7: "Affordable and clean energy",
    8: "Decent work and economic growth",
    9: "Industry, innovation and infrastructure",
    12: "Responsible consumption and production",
    13: "Climate action",
}


def _positive(name: str, value: float) -> None:
    if not value >= 0:
        raise InvalidInputError(name, f"must be a number >= 0, got {value}")


def grid_co2_tonnes(
    kwh: float,
    grid: GridFactorLike,
    mode: Literal["firm", "intermittent", "efficiency"],
) -> float:
    """Tonnes of CO2 avoided by kwh generated (firm/intermittent) or saved (efficiency)."""
    _positive("kwh", kwh)
    attribute = {
        "firm": "combined_margin_firm",
        "intermittent": "combined_margin_intermittent",
        "efficiency": "energy_efficiency",
    }.get(mode)
    if attribute is None:
        raise InvalidInputError("mode", f"must be firm, intermittent or efficiency; got {mode!r}")
    factor: float | None = getattr(grid, attribute)
    if factor is None:
        # Only matters when there is something to convert: zero kWh needs no factor.
        if kwh == 0:
            return 0.0
        raise InvalidInputError(f"grid.{attribute}", f"no factor is published for {grid.country}")
    _positive(f"grid.{attribute}", factor)
    return kwh * factor / 1e6  # g -> t


def fuel_energy_tj(fuel: Fuel, tonnes: float) -> float:
    """Energy content in TJ of tonnes of fuel (net calorific value)."""
    _positive("tonnes", tonnes)
    f = _fuel(fuel)
    return tonnes / 1000.0 * f.ncv_tj_per_gg


def fuel_co2_tonnes(fuel: Fuel, tonnes: float, *, non_renewable_fraction: float = 1.0) -> float:
    """Tonnes of CO2 from burning tonnes of fuel; firewood counts its non-renewable share."""
    if not 0.0 <= non_renewable_fraction <= 1.0:
        raise InvalidInputError(
            "non_renewable_fraction", f"must be within 0..1, got {non_renewable_fraction}"
        )
    share = non_renewable_fraction if fuel == "firewood" else 1.0
    return fuel_energy_tj(fuel, tonnes) * _fuel(fuel).co2_kg_per_tj / 1000.0 * share


def _fuel(fuel: str) -> FuelFactor:
    for key, value in IPCC_2006_FUELS.items():
        if key == fuel:
            return value
    raise InvalidInputError(
        "fuel", f"unknown fuel {fuel!r}; choose from {', '.join(IPCC_2006_FUELS)}"
    )


@dataclass(frozen=True)
class FuelSwitch:
    """Yearly fuel use before and after the project (tonnes per year)."""

    baseline_fuel: Fuel
    baseline_tonnes: float
    project_fuel: Fuel | None = None
    project_tonnes: float = 0.0
    non_renewable_fraction: float = 1.0


def fuel_switch_co2_tonnes(switch: FuelSwitch) -> float:
    """Tonnes of CO2 avoided per year by the switch (baseline minus project emissions)."""
    before = fuel_co2_tonnes(
        switch.baseline_fuel,
        switch.baseline_tonnes,
        non_renewable_fraction=switch.non_renewable_fraction,
    )
    after = 0.0
    if switch.project_fuel is not None:
        after = fuel_co2_tonnes(
            switch.project_fuel,
            switch.project_tonnes,
            non_renewable_fraction=switch.non_renewable_fraction,
        )
    return before - after


@dataclass(frozen=True)
class GreenInputs:
    """What the project generates, saves and switches each year, and its jobs."""

    operating_years: int
    kwh_generated_firm: float = 0.0
    kwh_generated_intermittent: float = 0.0
    kwh_saved: float = 0.0
    fuel_switches: tuple[FuelSwitch, ...] = ()
    # Yearly output loss, e.g. 0.005 for PV module degradation.
    degradation: float = 0.0
    direct_jobs: int = 0
    women_jobs: int = 0
    agri_food: bool = False
    water: bool = False


@dataclass(frozen=True)
class GreenImpact:
    """CO2 avoided per year and over the life, energy saved, jobs and SDGs served."""

    co2_tonnes_by_year: list[float]
    co2_tonnes_lifetime: float
    co2_tonnes_first_year: float
    energy_saved_gj_per_year: float
    direct_jobs: int
    women_jobs: int
    sdgs: list[tuple[int, str]]


def assess(inputs: GreenInputs, grid: GridFactorLike) -> GreenImpact:
    """CO2 avoided, energy saved, jobs and SDGs for one project on one grid."""
    if inputs.operating_years < 1:
        raise InvalidInputError("operating_years", f"must be >= 1, got {inputs.operating_years}")
    if not 0 <= inputs.degradation < 1:
        raise InvalidInputError("degradation", f"must be within 0..1, got {inputs.degradation}")
    for name in ("direct_jobs", "women_jobs"):
        _positive(name, getattr(inputs, name))
    electric = (
        grid_co2_tonnes(inputs.kwh_generated_firm, grid, "firm")
        + grid_co2_tonnes(inputs.kwh_generated_intermittent, grid, "intermittent")
        + grid_co2_tonnes(inputs.kwh_saved, grid, "efficiency")
    )
    fuels = sum(fuel_switch_co2_tonnes(s) for s in inputs.fuel_switches)
    # Degradation applies to electricity output only; fuel use is assumed steady.
    by_year = [
        electric * (1 - inputs.degradation) ** k + fuels for k in range(inputs.operating_years)
    ]
    fuel_gj = sum(
        1000.0
        * (
            fuel_energy_tj(s.baseline_fuel, s.baseline_tonnes)
            - (fuel_energy_tj(s.project_fuel, s.project_tonnes) if s.project_fuel else 0.0)
        )
        for s in inputs.fuel_switches
    )
    energy_gj = inputs.kwh_saved * 0.0036 + fuel_gj
    return GreenImpact(
        co2_tonnes_by_year=by_year,
        co2_tonnes_lifetime=sum(by_year),
        co2_tonnes_first_year=by_year[0],
        energy_saved_gj_per_year=energy_gj,
        direct_jobs=inputs.direct_jobs,
        women_jobs=inputs.women_jobs,
        sdgs=[(n, SDG_NAMES[n]) for n in sorted(_sdgs(inputs, by_year[0]))],
    )


def _sdgs(inputs: GreenInputs, co2: float) -> Iterable[int]:
    found: set[int] = {9}  # every appraised project here is an industrial investment
    if inputs.kwh_generated_firm or inputs.kwh_generated_intermittent or inputs.kwh_saved:
        found.add(7)
    if inputs.kwh_saved or inputs.fuel_switches:
        found.add(12)
    if co2 > 0:
        found.add(13)
    if inputs.direct_jobs > 0:
        found.add(8)
    if inputs.women_jobs > 0:
        found.add(5)
    if inputs.agri_food:
        found.add(2)
    if inputs.water:
        found.add(6)
    return found
