"""What the browsing pages share: names of reference codes in the page's language, the filter
choices, and the pager's page numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from itpo.adapters.web.i18n import translate
from itpo.adapters.web.labels import LABELS
from itpo.adapters.web.locale_format import collation_key
from itpo.registry import reference
from itpo.registry.model import OpportunityKind, Status

FILTER_NAMES = ("kind", "country", "region", "area", "isic", "sdg", "status")
# The filters' names for people (translated in messages/zh/browse.json).
FILTER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "kind": "Kind",
        "country": "Country",
        "region": "Region",
        "area": "Technology area",
        "isic": "Industry (ISIC)",
        "sdg": "SDG",
        "status": "Status",
        "sort": "Order",
    }
)
ORGANISATION_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "company": "Company",
        "investor": "Investor",
        "public_agency": "Public agency",
        "research": "Research institution",
        "ngo": "Non-governmental organisation",
        "promotion_agency": "Investment promotion agency",
    }
)
ORGANISATION_SIZES: Mapping[str, str] = MappingProxyType(
    {"micro": "Micro", "small": "Small", "medium": "Medium-sized", "large": "Large"}
)
SHOWN_STATUSES = (Status.PUBLISHED, Status.EXPIRED, Status.CLOSED)
# ISIC in the filter: sections and divisions; a deeper code in the address is still honoured.
ISIC_LEVELS = ("section", "division")
PAGER_REACH = 2  # page links either side of the current one


@dataclass(frozen=True, slots=True)
class Problem:
    """A filter value the page did not understand and left out."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    text: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Names:
    """Reference codes' names in the page's language (Chinese where the data has it)."""

    language: str

    def text(self, message: str, **values: Any) -> str:
        return translate(self.language, message, **values)

    def country(self, code: str) -> str:
        try:
            return reference.country(code).name(self.language)
        except reference.UnknownCode:
            return code

    def region(self, code: str) -> str:
        for region in reference.region_names():
            if region.code == code:
                return (
                    region.name_zh if self.language == "zh" and region.name_zh else region.name_en
                )
        return code

    def area(self, code: str) -> str:
        found = reference.technology_areas().get(code)
        if found is None:
            return code
        return found.name_zh if self.language == "zh" and found.name_zh else found.name_en

    def isic(self, code: str) -> str:
        try:
            return f"{code} {reference.isic_title(code, self.language)}"
        except reference.UnknownCode:
            return code

    def sdg(self, number: int | str) -> str:
        try:
            goal = reference.sdg(int(number))
        except (reference.UnknownCode, ValueError):
            return str(number)
        title = goal.title_zh if self.language == "zh" and goal.title_zh else goal.title_en
        return f"{goal.number}. {title}"

    def trl(self, level: int | None) -> str:
        for found in reference.trl_levels():
            if found.level == level:
                return found.title_zh if self.language == "zh" else found.title_en
        return ""

    def organisation_kind(self, code: str) -> str:
        return self.text(ORGANISATION_KINDS.get(code, code))

    def organisation_size(self, code: str) -> str:
        return self.text(ORGANISATION_SIZES.get(code, code))

    def filter(self, name: str) -> str:
        return self.text(FILTER_LABELS.get(name, name))


def filter_choices(language: str, every_status: bool) -> dict[str, list[Choice]]:
    """The options of each filter's select, in the page's language."""
    statuses = tuple(Status) if every_status else SHOWN_STATUSES
    shared = _reference_choices(language)
    return {
        "kind": [Choice(k.value, translate(language, LABELS[k.value])) for k in OpportunityKind],
        "status": [Choice(s.value, translate(language, LABELS[s.value])) for s in statuses],
        **shared,
    }


@cache
def _reference_choices(language: str) -> Mapping[str, list[Choice]]:
    names = Names(language)
    reading_order = collation_key(language)
    countries = sorted(
        (Choice(c.code, c.name(language)) for c in reference.countries().values()),
        key=lambda c: reading_order(c.text),
    )
    groups = {
        "region": (0, "Regions"),
        "subregion": (1, "Sub-regions"),
        "intermediate": (1, "Sub-regions"),
        "group": (2, "Country groups"),
    }
    ranked = sorted(
        (groups[r.level][0], names.region(r.code), r.code, groups[r.level][1])
        for r in reference.region_names()
    )
    regions = [Choice(code, text, translate(language, group)) for _, text, code, group in ranked]
    areas = reference.technology_areas()
    families = [a for a in areas.values() if a.parent is None]
    area_choices = []
    for family in families:
        family_name = names.area(family.code)
        area_choices.append(
            Choice(
                family.code, translate(language, "All of {family}", family=family_name), family_name
            )
        )
        area_choices.extend(
            Choice(a.code, names.area(a.code), family_name)
            for a in areas.values()
            if a.parent == family.code
        )
    isic = [
        Choice(e.code, names.isic(e.code) if e.level == "section" else f"– {names.isic(e.code)}")
        for e in reference.isic().values()
        if e.level in ISIC_LEVELS
    ]
    sdgs = [Choice(str(g.number), names.sdg(g.number)) for g in reference.sdgs()]
    return MappingProxyType(
        {"country": countries, "region": regions, "area": area_choices, "isic": isic, "sdg": sdgs}
    )


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The pages the pager links to: the first, the last and a few around this one; None
    stands for a gap."""
    shown = sorted(
        {1, pages} | set(range(max(1, page - PAGER_REACH), min(pages, page + PAGER_REACH) + 1))
    )
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers
