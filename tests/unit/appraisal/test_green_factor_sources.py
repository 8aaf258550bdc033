"""The IPCC 2006 default fuel factors in green.py, checked against a second public source.

Source: Carbon Balance and Management (2016), "Harvested wood products and REDD+: looking
beyond the forest border",
Table 1, https://cbmjournal.biomedcentral.com/articles/10.1186/s13021-016-0046-9/tables/1,
which lists IPCC 2006 net calorific values (TJ/Gg) and effective CO2 emissions (kg/MWh).
kg/MWh = kg/TJ x 0.0036 TJ/MWh; the table rounds to whole kilograms.
"""

from __future__ import annotations

import pytest

from itpo.appraisal.green import IPCC_2006_FUELS, Fuel

PUBLISHED: list[tuple[Fuel, float, float]] = [
    ("heavy_fuel_oil", 40.4, 279),  # "Residual fuel oil"
    ("natural_gas", 48.0, 202),
    ("firewood", 15.6, 403),  # "Wood/wood waste"
]


@pytest.mark.parametrize(("fuel", "ncv", "kg_per_mwh"), PUBLISHED)
def test_the_fuel_factors_match_the_published_ipcc_defaults(
    fuel: Fuel, ncv: float, kg_per_mwh: float
) -> None:
    factor = IPCC_2006_FUELS[fuel]
    assert factor.ncv_tj_per_gg == ncv
    assert factor.co2_kg_per_tj * 0.0036 == pytest.approx(kg_per_mwh, abs=0.5)
