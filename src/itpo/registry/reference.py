"""Reference data shipped with the platform: ISIC Rev.4, countries and regions, currencies, SDGs,
TRL, technology areas and IFI default grid emission factors.

Tables are read once from `reference_data/` (built by tools/build_reference.py) and cached.
ISIC's Chinese titles come from their own file, `isic_zh.json`, joined to the UN's English and
Arabic at read time: a rebuild of `isic.json` keeps them, and an official edition can replace
the file.
Codes are accepted case-insensitively and with surrounding whitespace.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from itpo.registry.reference_base import UnknownCode, load_json
from itpo.registry.reference_geo import (
    Country,
    Region,
    countries,
    countries_in_region,
    country,
    find_country,
    is_country,
    region_names,
)

__all__ = [
    "Country",
    "Currency",
    "GridFactor",
    "IsicEntry",
    "Region",
    "Sdg",
    "TechnologyArea",
    "TrlLevel",
    "UnknownCode",
    "countries",
    "countries_in_region",
    "country",
    "currencies",
    "find_country",
    "grid_emission_factors",
    "is_country",
    "is_currency",
    "is_isic_class",
    "is_technology_area",
    "isic",
    "isic_ancestors",
    "isic_entry",
    "isic_proximity",
    "isic_title",
    "isic_zh_is_official",
    "region_names",
    "sdg",
    "sdgs",
    "technology_areas",
    "trl_levels",
]

# ---------------------------------------------------------------------------------------------
# ISIC Rev.4
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IsicEntry:
    code: str  # "A", "01", "011", "0111"
    level: str  # "section", "division", "group" or "class"
    title_en: str
    title_ar: str
    title_zh: str  # see isic_zh_is_official()
    parent: str | None


@lru_cache(maxsize=1)
def _isic_zh() -> dict[str, Any]:
    raw: dict[str, Any] = load_json("isic_zh.json")
    return raw


def isic_zh_is_official() -> bool:
    """False while the Chinese ISIC titles are ITPO Exchange's own translation, not the UN's."""
    return bool(_isic_zh()["official"])


@lru_cache(maxsize=1)
def isic() -> Mapping[str, IsicEntry]:
    raw: dict[str, dict[str, Any]] = load_json("isic.json")
    zh: dict[str, str] = _isic_zh()["titles"]

    def section(code: str) -> str:
        while (parent := raw[code]["parent"]) is not None:
            code = parent
        return code

    # Depth-first (A, 01, 011, 0111, ...) so a walk over the mapping reads like the printed tree;
    # plain string order would put every digit code before section "A".
    order = sorted(raw, key=lambda c: (section(c), "" if c == section(c) else c))
    return MappingProxyType(
        {
            code: IsicEntry(
                code=code,
                level=raw[code]["level"],
                title_en=raw[code]["title_en"],
                title_ar=raw[code]["title_ar"],
                title_zh=zh[code],
                parent=raw[code]["parent"],
            )
            for code in order
        }
    )


def isic_entry(code: str) -> IsicEntry:
    entry = isic().get(code.strip().upper())
    if entry is None:
        raise UnknownCode("ISIC", code)
    return entry


def isic_title(code: str, language: str = "en") -> str:
    """The entry's title in Chinese for "zh", in English for any other language."""
    entry = isic_entry(code)
    return entry.title_zh if language == "zh" else entry.title_en


def is_isic_class(code: str) -> bool:
    entry = isic().get(code.strip().upper())
    return entry is not None and entry.level == "class"


def isic_ancestors(code: str) -> tuple[str, ...]:
    """Nearest first: "0111" -> ("011", "01", "A")."""
    chain: list[str] = []
    parent = isic_entry(code).parent
    while parent is not None:
        chain.append(parent)
        parent = isic()[parent].parent
    return tuple(chain)


def _lineage(code: str) -> tuple[str, ...]:
    entry = isic_entry(code)
    return (*reversed(isic_ancestors(entry.code)), entry.code)


def isic_proximity(a: str, b: str) -> int:
    """Deepest shared level: 4 same class, 3 group, 2 division, 1 section, 0 nothing."""
    shared = 0
    for x, y in zip(_lineage(a), _lineage(b), strict=False):
        if x != y:
            break
        shared += 1
    return shared


# ---------------------------------------------------------------------------------------------
# SDGs and TRL
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sdg:
    number: int
    title_en: str
    title_zh: str
    goal_en: str


@lru_cache(maxsize=1)
def _sdgs() -> tuple[Sdg, ...]:
    raw: dict[str, dict[str, str]] = load_json("sdgs.json")
    return tuple(
        Sdg(int(n), g["title_en"], g["title_zh"], g["goal_en"])
        for n, g in sorted(raw.items(), key=lambda item: int(item[0]))
    )


def sdgs() -> list[Sdg]:
    return list(_sdgs())


def sdg(number: int) -> Sdg:
    goals = _sdgs()
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(goals):
        raise UnknownCode("SDG", number)
    return goals[number - 1]


@dataclass(frozen=True, slots=True)
class TrlLevel:
    level: int
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str


@lru_cache(maxsize=1)
def _trl_levels() -> tuple[TrlLevel, ...]:
    raw: dict[str, dict[str, str]] = load_json("trl.json")
    return tuple(
        TrlLevel(int(n), t["title_en"], t["title_zh"], t["description_en"], t["description_zh"])
        for n, t in sorted(raw.items(), key=lambda item: int(item[0]))
    )


def trl_levels() -> list[TrlLevel]:
    return list(_trl_levels())


# ---------------------------------------------------------------------------------------------
# Currencies (ISO 4217)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    name: str
    numeric: str  # three digits, zero-padded
    minor_unit: int | None  # None where ISO says "N.A." (e.g. XDR)


@lru_cache(maxsize=1)
def currencies() -> Mapping[str, Currency]:
    raw: dict[str, dict[str, Any]] = load_json("currencies.json")
    return MappingProxyType(
        {
            code: Currency(code, c["name"], c["numeric"], c["minor_unit"])
            for code, c in sorted(raw.items())
        }
    )


def is_currency(code: str) -> bool:
    return code.strip().upper() in currencies()


# ---------------------------------------------------------------------------------------------
# Technology areas
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TechnologyArea:
    code: str  # "green" or "green.solar_pv"
    parent: str | None
    name_en: str
    name_zh: str
    green: bool
    ai_manufacturing: bool
    keywords: tuple[str, ...]


@lru_cache(maxsize=1)
def technology_areas() -> Mapping[str, TechnologyArea]:
    raw: dict[str, dict[str, Any]] = load_json("technology_areas.json")
    return MappingProxyType(
        {
            code: TechnologyArea(
                code=code,
                parent=a["parent"],
                name_en=a["name_en"],
                name_zh=a["name_zh"],
                green=a["green"],
                ai_manufacturing=a["ai_manufacturing"],
                keywords=tuple(a["keywords"]),
            )
            for code, a in sorted(raw.items())
        }
    )


def is_technology_area(code: str) -> bool:
    return code.strip().lower() in technology_areas()


# ---------------------------------------------------------------------------------------------
# Grid emission factors
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GridFactor:
    """IFI harmonised default grid emission factors for one country, in gCO2/kWh."""

    country: str  # ISO alpha-3
    combined_margin_firm: float | None
    combined_margin_intermittent: float | None
    energy_efficiency: float | None
    electricity_consumption: float | None
    operating_margin: float | None


@lru_cache(maxsize=1)
def grid_emission_factors() -> Mapping[str, GridFactor]:
    raw: dict[str, dict[str, float | None]] = load_json("grid_emission_factors.json")
    return MappingProxyType(
        {
            code: GridFactor(
                country=code,
                combined_margin_firm=f["combined_margin_firm"],
                combined_margin_intermittent=f["combined_margin_intermittent"],
                energy_efficiency=f["energy_efficiency"],
                electricity_consumption=f["electricity_consumption"],
                operating_margin=f["operating_margin"],
            )
            for code, f in sorted(raw.items())
        }
    )
