"""Where the parties of a pair are, and how near two countries are in the UN M49 hierarchy."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from itpo.registry import reference
from itpo.registry.model import Opportunity, OpportunityKind, Organisation

# Offers and mandates list the markets they serve; needs and projects list where they are.
PROVIDER_KINDS = frozenset({OpportunityKind.TECHNOLOGY_OFFER, OpportunityKind.INVESTMENT_MANDATE})

COUNTRY, SUBREGION, REGION, NOWHERE = 3, 2, 1, 0


def known(codes: Iterable[str]) -> list[str]:
    """Alpha-3 codes that the reference knows; a stray code must not break a match."""
    return [reference.country(code).code for code in codes if reference.is_country(code)]


def places(opportunity: Opportunity, organisation: Organisation) -> list[str]:
    """The opportunity's countries, or its organisation's country when it states none."""
    return known(opportunity.countries) or known([organisation.country])


def location(opportunity: Opportunity, organisation: Organisation) -> list[str]:
    """Where the party is: a provider's countries are markets, so it is where its owner is."""
    if opportunity.kind in PROVIDER_KINDS:
        return known([organisation.country])
    return places(opportunity, organisation)


def subregion_code(code: str) -> str | None:
    # The intermediate region (Eastern Africa) is the sub-region people mean; M49 only has one
    # for some countries, and the wider sub-region (Sub-Saharan Africa) stands in elsewhere.
    country = reference.country(code)
    return country.intermediate_region_code or country.subregion_code


def nearness(a: str, b: str) -> int:
    """COUNTRY, SUBREGION, REGION or NOWHERE for two alpha-3 codes."""
    if a == b:
        return COUNTRY
    if subregion_code(a) is not None and subregion_code(a) == subregion_code(b):
        return SUBREGION
    region = reference.country(a).region_code
    return REGION if region is not None and region == reference.country(b).region_code else NOWHERE


def closest(ours: Iterable[str], theirs: Iterable[str]) -> tuple[int, str, str] | None:
    """The nearest pair of countries (nearness, ours, theirs); ties keep the first listed."""
    best: tuple[int, str, str] | None = None
    for a in ours:
        for b in theirs:
            level = nearness(a, b)
            if best is None or level > best[0]:
                best = (level, a, b)
    return best


@lru_cache(maxsize=1)
def _region_names() -> dict[str, tuple[str, str]]:
    return {r.code: (r.name_en, r.name_zh) for r in reference.region_names()}


def region_name(code: str, language: str) -> str:
    name_en, name_zh = _region_names()[code]
    return name_zh if language == "zh" and name_zh else name_en


def shared_area_name(a: str, b: str, level: int, language: str) -> str:
    """Name of the country, sub-region or region two countries share at `level`."""
    if level == COUNTRY:
        return reference.country(a).name(language)
    code = subregion_code(a) if level == SUBREGION else reference.country(a).region_code
    assert code is not None  # nearness() only reports a level both countries have
    return region_name(code, language)
