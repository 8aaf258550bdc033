from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

from itpo.registry import reference as ref
from itpo.registry.reference import UnknownCode

# The taxonomy as agreed for the platform, spelled out so that any drift is a test failure.
EXPECTED_AREAS = {
    "green",
    "ai_manufacturing",
    "digital",
    "health",
    "industry",
    "infrastructure",
    "green.solar_pv",
    "green.solar_thermal",
    "green.wind",
    "green.small_hydro",
    "green.bioenergy",
    "green.geothermal",
    "green.energy_storage",
    "green.green_hydrogen",
    "green.energy_efficiency",
    "green.clean_cooking",
    "green.electric_mobility",
    "green.water_treatment",
    "green.efficient_irrigation",
    "green.waste_management",
    "green.circular_economy",
    "green.waste_to_energy",
    "green.post_harvest",
    "green.cold_chain",
    "green.climate_smart_agriculture",
    "green.green_buildings",
    "green.low_carbon_materials",
    "green.pollution_control",
    "green.sustainable_forestry",
    "ai_manufacturing.predictive_maintenance",
    "ai_manufacturing.machine_vision",
    "ai_manufacturing.process_optimisation",
    "ai_manufacturing.industrial_iot",
    "ai_manufacturing.robotics",
    "ai_manufacturing.digital_twin",
    "ai_manufacturing.supply_chain_analytics",
    "ai_manufacturing.energy_management",
    "ai_manufacturing.quality_traceability",
    "digital.fintech",
    "digital.e_commerce",
    "digital.connectivity",
    "digital.e_government",
    "digital.edtech",
    "health.medical_devices",
    "health.pharmaceuticals",
    "health.digital_health",
    "industry.agro_processing",
    "industry.textiles",
    "industry.chemicals",
    "industry.machinery",
    "industry.construction_materials",
    "industry.mining_processing",
    "industry.automotive_parts",
    "infrastructure.transport_logistics",
    "infrastructure.urban_services",
    "infrastructure.power_grid",
}


# --- ISIC ------------------------------------------------------------------------------------


def test_isic_has_every_section_division_group_and_class() -> None:
    levels = Counter(entry.level for entry in ref.isic().values())
    assert levels == {"section": 21, "division": 88, "group": 238, "class": 419}


def test_isic_codes_follow_the_letter_and_digit_conventions() -> None:
    width = {"section": 1, "division": 2, "group": 3, "class": 4}
    for code, entry in ref.isic().items():
        assert entry.code == code
        assert len(code) == width[entry.level]
        assert code.isupper() if entry.level == "section" else code.isdigit()
        assert entry.title_en
        assert entry.title_ar


def test_every_isic_entry_except_sections_has_a_parent_one_level_up() -> None:
    order = ["section", "division", "group", "class"]
    table = ref.isic()
    for entry in table.values():
        if entry.level == "section":
            assert entry.parent is None
        else:
            assert entry.parent is not None
            assert order.index(table[entry.parent].level) == order.index(entry.level) - 1


def test_isic_entry_has_english_and_arabic_titles() -> None:
    entry = ref.isic_entry("0111")
    assert entry.level == "class"
    assert entry.title_en.startswith("Growing of cereals")
    assert entry.title_ar.startswith("زراعة")
    assert ref.isic_entry(" c ").title_en == "Manufacturing"


def test_isic_ancestors_run_from_group_up_to_section() -> None:
    assert ref.isic_ancestors("0111") == ("011", "01", "A")
    assert ref.isic_ancestors("2710") == ("271", "27", "C")
    assert ref.isic_ancestors("A") == ()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("0111", "0111", 4),
        ("0111", "0112", 3),
        ("0111", "0121", 2),
        ("0111", "0210", 1),
        ("0111", "2710", 0),
        ("01", "0111", 2),
        ("A", "0111", 1),
        ("c", "C", 1),
    ],
)
def test_isic_proximity_is_the_deepest_shared_level(a: str, b: str, expected: int) -> None:
    assert ref.isic_proximity(a, b) == expected


def test_only_four_digit_codes_are_isic_classes() -> None:
    assert ref.is_isic_class("0111")
    assert not ref.is_isic_class("011")
    assert not ref.is_isic_class("A")
    assert not ref.is_isic_class("9999")


def test_unknown_isic_code_raises_unknown_code() -> None:
    with pytest.raises(UnknownCode, match="unknown ISIC code '9999'"):
        ref.isic_entry("9999")
    with pytest.raises(UnknownCode):
        ref.isic_proximity("0111", "ZZ")


# --- Countries and regions -------------------------------------------------------------------


def test_countries_are_keyed_by_alpha3_in_sorted_order() -> None:
    table = ref.countries()
    assert len(table) == 249
    assert list(table) == sorted(table)
    assert all(code == c.code and len(code) == 3 for code, c in table.items())


def test_kenya_is_in_eastern_africa() -> None:
    kenya = ref.country("KEN")
    assert kenya.intermediate_region_en == "Eastern Africa"
    assert kenya.intermediate_region_code == "014"
    assert "KEN" in ref.countries_in_region("Eastern Africa")
    assert "KEN" in ref.countries_in_region("014")


def test_kenya_is_in_sub_saharan_africa_and_africa() -> None:
    kenya = ref.country("KEN")
    assert (kenya.subregion_code, kenya.subregion_en) == ("202", "Sub-Saharan Africa")
    assert (kenya.region_code, kenya.region_en, kenya.region_zh) == ("002", "Africa", "非洲")
    assert "KEN" in ref.countries_in_region("sub-saharan africa")
    assert "KEN" in ref.countries_in_region("Africa")
    assert "KEN" in ref.countries_in_region("非洲")
    assert "KEN" in ref.countries_in_region("2")


def test_kenya_is_lower_middle_income() -> None:
    assert ref.country("KEN").income_level == "lower_middle"
    assert ref.country("ETH").income_level == "low"
    assert ref.country("CHN").income_level == "upper_middle"
    assert ref.country("DEU").income_level == "high"


def test_income_levels_are_normalised() -> None:
    levels = {c.income_level for c in ref.countries().values()}
    assert levels == {"low", "lower_middle", "upper_middle", "high", None}


def test_ethiopia_is_an_ldc_and_kenya_is_not() -> None:
    assert ref.country("ETH").ldc
    assert ref.country("ETH").lldc
    assert not ref.country("KEN").ldc
    assert "ETH" in ref.countries_in_region("LDC")
    assert "KEN" not in ref.countries_in_region("ldc")


def test_small_island_and_landlocked_groups_have_their_members() -> None:
    assert "FJI" in ref.countries_in_region("SIDS")
    assert "MNG" in ref.countries_in_region("LLDC")
    assert len(ref.countries_in_region("LDC")) == 45


def test_region_names_cover_m49_regions_and_groups() -> None:
    regions = {r.code: r for r in ref.region_names()}
    assert {r.level for r in regions.values()} == {"region", "subregion", "intermediate", "group"}
    assert sum(r.level == "region" for r in regions.values()) == 5
    assert regions["014"].name_zh == "东非"
    assert regions["LDC"].countries == ref.countries_in_region("LDC")
    assert all(r.countries for r in regions.values())


def test_china_has_chinese_and_other_un_language_names() -> None:
    china = ref.country("chn")
    assert china.name_zh == "中国"
    assert china.name("zh") == "中国"
    assert china.name() == "China"
    assert china.name("fr") == "Chine"
    assert china.name("xx") == "China"
    assert china.m49 == "156"
    assert china.currency == "CNY"


def test_country_names_have_no_unterm_articles_or_footnote_stars() -> None:
    assert ref.country("BHS").name_en == "Bahamas"
    assert ref.country("COK").name_en == "Cook Islands"
    assert ref.country("NLD").name_fr == "Pays-Bas"
    for c in ref.countries().values():
        for lang in ("en", "zh", "fr", "es", "ar", "ru"):
            name = c.name(lang)
            assert name
            assert "*" not in name
            assert not name.endswith("(the)")


def test_country_accepts_alpha2_and_alpha3_in_any_case() -> None:
    assert ref.country("ke").code == "KEN"
    assert ref.country(" Ken ").code == "KEN"
    assert ref.is_country("CN")
    assert not ref.is_country("XYZ")


def test_unknown_country_raises_unknown_code_naming_the_code() -> None:
    with pytest.raises(UnknownCode, match="unknown country code 'XYZ'"):
        ref.country("XYZ")


def test_unknown_code_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown region code 'Atlantis'"):
        ref.countries_in_region("Atlantis")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VNM", "VNM"),
        ("vn", "VNM"),
        ("704", "VNM"),
        ("Viet Nam", "VNM"),
        ("vietnam", "VNM"),
        ("越南", "VNM"),
        ("中国", "CHN"),
        ("Chine", "CHN"),
        ("Allemagne", "DEU"),
        ("Côte d'Ivoire", "CIV"),
        ("cote d ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Turkey", "TUR"),
        ("United States", "USA"),
        ("UK", "GBR"),
        ("Korea, Republic of", "KOR"),
        ("Tanzania", "TZA"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("4", "AFG"),
        ("", None),
        ("Atlantis", None),
    ],
)
def test_find_country_accepts_codes_and_names(text: str, expected: str | None) -> None:
    found = ref.find_country(text)
    assert (found.code if found else None) == expected


# --- Currencies ------------------------------------------------------------------------------


def test_every_country_currency_is_a_known_currency() -> None:
    for c in ref.countries().values():
        assert c.currency is None or ref.is_currency(c.currency), c.code


def test_major_currencies_are_present_with_iso_details() -> None:
    table = ref.currencies()
    for code in ("USD", "EUR", "CNY", "GBP", "JPY", "CHF", "XOF", "XAF", "XDR"):
        assert code in table
    assert table["CNY"].numeric == "156"
    assert table["JPY"].minor_unit == 0
    assert table["XDR"].minor_unit is None
    assert ref.is_currency(" usd ")
    assert not ref.is_currency("XYZ")


# --- SDGs and TRL ----------------------------------------------------------------------------


def test_there_are_17_sdgs_with_chinese_titles() -> None:
    goals = ref.sdgs()
    assert [g.number for g in goals] == list(range(1, 18))
    assert goals[0].title_zh == "无贫穷"
    assert ref.sdg(7).title_zh == "经济适用的清洁能源"
    assert ref.sdg(9).title_en == "Industry, Innovation and Infrastructure"
    assert ref.sdg(17).title_zh == "促进目标实现的伙伴关系"
    assert all(g.goal_en and g.title_en for g in goals)


def test_unknown_sdg_raises_unknown_code() -> None:
    with pytest.raises(UnknownCode, match="unknown SDG code 18"):
        ref.sdg(18)


def test_trl_runs_from_1_to_9_in_english_and_chinese() -> None:
    levels = ref.trl_levels()
    assert [t.level for t in levels] == list(range(1, 10))
    assert levels[3].title_en == "Technology validated in lab"
    assert all(t.title_zh and t.description_en and t.description_zh for t in levels)


# --- Technology areas ------------------------------------------------------------------------


def test_technology_areas_are_exactly_the_platform_taxonomy() -> None:
    areas = ref.technology_areas()
    assert set(areas) == EXPECTED_AREAS
    for code, area in areas.items():
        family, _, child = code.partition(".")
        assert area.parent == (family if child else None)
        assert area.green == (family == "green")
        assert area.ai_manufacturing == (family == "ai_manufacturing")
        assert area.name_en
        assert area.name_zh
        assert 5 <= len(area.keywords) <= 10


def test_technology_area_lookup_is_case_insensitive() -> None:
    assert ref.is_technology_area(" Green.Solar_PV ")
    assert not ref.is_technology_area("green.nuclear")
    assert "photovoltaic" in ref.technology_areas()["green.solar_pv"].keywords


# --- Grid emission factors -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["CHN", "KEN", "IND"])
def test_grid_factors_for_major_partners_are_plausible(code: str) -> None:
    factor = ref.grid_emission_factors()[code]
    assert factor.country == code
    values = [
        factor.combined_margin_firm,
        factor.combined_margin_intermittent,
        factor.energy_efficiency,
        factor.electricity_consumption,
        factor.operating_margin,
    ]
    assert all(v is not None and 100 <= v <= 1200 for v in values)
    assert factor.operating_margin is not None
    assert factor.combined_margin_firm is not None
    assert factor.operating_margin >= factor.combined_margin_firm


def test_grid_factors_cover_nearly_every_country_and_only_known_ones() -> None:
    table = ref.grid_emission_factors()
    assert len(table) >= 220
    assert set(table) <= set(ref.countries())
    assert table["HKG"] == ref.GridFactor("HKG", 485.0, 744.0, 485.0, 485.0, 899.0)


# --- Package data ----------------------------------------------------------------------------


def test_reference_data_is_small_and_documented() -> None:
    folder = resources.files("itpo.registry") / "reference_data"
    files = [f for f in folder.iterdir() if f.name.endswith(".json")]
    assert sum(len(f.read_bytes()) for f in files) < 1_000_000
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for f in files:
        assert f"`{f.name}`" in sources
        json.loads(f.read_text(encoding="utf-8"))


def test_results_are_cached_and_read_only() -> None:
    assert ref.countries() is ref.countries()
    with pytest.raises(TypeError):
        ref.countries()["XXX"] = ref.country("KEN")  # type: ignore[index]
