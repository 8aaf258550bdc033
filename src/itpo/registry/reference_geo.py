"""Countries and regions (ISO 3166, UN M49, LDC/LLDC/SIDS, World Bank income level).

Import from `itpo.registry.reference`; this module only keeps that one to a readable size.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from itpo.registry.reference_base import UnknownCode, fold, load_json

__all__ = [
    "Country",
    "Region",
    "countries",
    "countries_in_region",
    "country",
    "find_country",
    "is_country",
    "region_names",
]

LANGUAGES = ("en", "zh", "fr", "es", "ar", "ru")
GROUP_FLAGS = {"LDC": "ldc", "LLDC": "lldc", "SIDS": "sids"}


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-3
    alpha2: str
    m49: str
    name_en: str
    name_zh: str
    name_fr: str
    name_es: str
    name_ar: str
    name_ru: str
    region_code: str | None
    region_en: str | None
    region_zh: str | None
    subregion_code: str | None
    subregion_en: str | None
    subregion_zh: str | None
    intermediate_region_code: str | None
    intermediate_region_en: str | None
    ldc: bool
    lldc: bool
    sids: bool
    income_level: str | None  # "low", "lower_middle", "upper_middle", "high"
    currency: str | None  # ISO 4217

    def name(self, lang: str = "en") -> str:
        lang = lang.strip().lower()[:2]
        if lang not in LANGUAGES:
            return self.name_en
        value: str = getattr(self, f"name_{lang}")
        return value or self.name_en


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # M49 code, or "LDC" / "LLDC" / "SIDS"
    level: str  # "region", "subregion", "intermediate" or "group"
    name_en: str
    name_zh: str
    countries: frozenset[str]


@lru_cache(maxsize=1)
def _raw_countries() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = load_json("countries.json")
    return data


@lru_cache(maxsize=1)
def _raw_regions() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = load_json("regions.json")
    return data


@lru_cache(maxsize=1)
def countries() -> Mapping[str, Country]:
    regions = _raw_regions()

    def names(code: str | None) -> tuple[str | None, str | None]:
        if code is None:
            return None, None
        return regions[code]["name_en"], regions[code]["name_zh"]

    result: dict[str, Country] = {}
    for code, c in sorted(_raw_countries().items()):
        region_en, region_zh = names(c["region"])
        sub_en, sub_zh = names(c["subregion"])
        result[code] = Country(
            code=code,
            alpha2=c["alpha2"],
            m49=c["m49"],
            name_en=c["name_en"],
            name_zh=c["name_zh"],
            name_fr=c["name_fr"],
            name_es=c["name_es"],
            name_ar=c["name_ar"],
            name_ru=c["name_ru"],
            region_code=c["region"],
            region_en=region_en,
            region_zh=region_zh,
            subregion_code=c["subregion"],
            subregion_en=sub_en,
            subregion_zh=sub_zh,
            intermediate_region_code=c["intermediate_region"],
            intermediate_region_en=names(c["intermediate_region"])[0],
            ldc=c["ldc"],
            lldc=c["lldc"],
            sids=c["sids"],
            income_level=c["income_level"],
            currency=c["currency"],
        )
    return MappingProxyType(result)


@lru_cache(maxsize=1)
def _by_alpha2() -> dict[str, str]:
    return {c.alpha2: c.code for c in countries().values()}


def _lookup(code: str) -> Country | None:
    key = code.strip().upper()
    if len(key) == 2:
        key = _by_alpha2().get(key, "")
    return countries().get(key)


def country(code: str) -> Country:
    """Country by ISO alpha-3 or alpha-2 code."""
    found = _lookup(code)
    if found is None:
        raise UnknownCode("country", code)
    return found


def is_country(code: str) -> bool:
    return _lookup(code) is not None


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    raw = _raw_countries()
    # Official names first so that an alias can never shadow another country's real name.
    for code, c in raw.items():
        for lang in LANGUAGES:
            index.setdefault(fold(c[f"name_{lang}"]), code)
    for code, c in raw.items():
        for alias in c["aliases"]:
            index.setdefault(fold(alias), code)
    return index


def find_country(text: str) -> Country | None:
    """Best-effort match of a code (alpha-2, alpha-3, M49) or a name in any UN language."""
    key = text.strip()
    if not key:
        return None
    if key.isdigit():
        padded = key.zfill(3)
        return next((c for c in countries().values() if c.m49 == padded), None)
    found = _lookup(key) if len(key) in (2, 3) and key.isalpha() else None
    if found is not None:
        return found
    index = _name_index()
    code = index.get(fold(key))
    if code is None and "," in key:
        # ISO/IFI style inversions: "Korea, Republic of" -> "Republic of Korea".
        head, _, tail = key.partition(",")
        code = index.get(fold(f"{tail} {head}"))
    return countries()[code] if code else None


@lru_cache(maxsize=1)
def _regions() -> tuple[Region, ...]:
    members: dict[str, set[str]] = {code: set() for code in _raw_regions()}
    for c in countries().values():
        for code in (c.region_code, c.subregion_code, c.intermediate_region_code):
            if code is not None:
                members[code].add(c.code)
        for group, flag in GROUP_FLAGS.items():
            if getattr(c, flag):
                members[group].add(c.code)
    return tuple(
        Region(code, r["level"], r["name_en"], r["name_zh"], frozenset(members[code]))
        for code, r in sorted(_raw_regions().items())
    )


def region_names() -> list[Region]:
    return list(_regions())


@lru_cache(maxsize=1)
def _region_index() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for r in _regions():
        for key in (r.code, r.name_en, r.name_zh):
            index[fold(key)] = r
    return index


def countries_in_region(name_or_code: str) -> frozenset[str]:
    """Alpha-3 codes in an M49 region (code or English/Chinese name) or in LDC/LLDC/SIDS."""
    key = name_or_code.strip()
    if key.isdigit():
        key = key.zfill(3)
    region = _region_index().get(fold(key))
    if region is None:
        raise UnknownCode("region", name_or_code)
    return region.countries
