"""/api/v1/reference: the code lists records use."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter

from itpo.registry import reference

router = APIRouter(prefix="/reference", tags=["reference"])


def _plain(item: Any) -> dict[str, Any]:
    values = asdict(item)
    return {k: sorted(v) if isinstance(v, frozenset) else v for k, v in values.items()}


@router.get("/countries")
def countries() -> list[dict[str, Any]]:
    """ISO 3166 countries: UN names, M49 regions, LDC / LLDC / SIDS, income level, currency."""
    return [_plain(c) for c in reference.countries().values()]


@router.get("/regions")
def regions() -> list[dict[str, Any]]:
    """UN M49 regions, sub-regions and intermediate regions, and the LDC / LLDC / SIDS groups."""
    return [_plain(r) for r in reference.region_names()]


@router.get("/isic")
def isic() -> list[dict[str, Any]]:
    """ISIC Rev.4: sections, divisions, groups and classes, English, Arabic and Chinese titles."""
    # The UN's English and Arabic; `title_zh_official` is false while the Chinese titles are
    # ITPO Exchange's own translation.
    official = reference.isic_zh_is_official()
    return [{**_plain(e), "title_zh_official": official} for e in reference.isic().values()]


@router.get("/sdgs")
def sdgs() -> list[dict[str, Any]]:
    """The 17 Sustainable Development Goals, English and Chinese."""
    return [_plain(s) for s in reference.sdgs()]


@router.get("/trl")
def trl() -> list[dict[str, Any]]:
    """Technology readiness levels 1-9."""
    return [_plain(t) for t in reference.trl_levels()]


@router.get("/currencies")
def currencies() -> list[dict[str, Any]]:
    """ISO 4217 currencies."""
    return [_plain(c) for c in reference.currencies().values()]


@router.get("/technology-areas")
def technology_areas() -> list[dict[str, Any]]:
    """The technology-area taxonomy: green and AI-for-manufacturing areas first."""
    return [_plain(a) for a in reference.technology_areas().values()]
