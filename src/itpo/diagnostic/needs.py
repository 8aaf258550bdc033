"""The draft technology need a gap becomes: title, teaser and details in the diagnostic's
language, the organisation's sectors and country, the dimension's technology areas."""

from __future__ import annotations

from typing import Any

from itpo.diagnostic.scoring import Gap
from itpo.registry.model import Organisation

WORDS = {
    "en": {
        "details": (
            "{firm} ({country}) assessed its {dimension} at band {band} of 5: {now} "
            "It aims for band {target}: {aim} "
            "Why this matters in {sector}: {reason} "
            "The firm seeks a technology provider, a supplier or technical assistance to close "
            "this gap, found through the ITPO readiness diagnostic of {day}."
        ),
    },
    "zh": {
        "details": (
            "{firm}（{country}）自评其“{dimension}”处于第 {band} 级（共 5 级）：{now}"
            "目标为第 {target} 级：{aim}"
            "在{sector}中的重要性：{reason}"
            "企业寻求技术提供方、供应商或技术援助以弥补这一差距（来自 {day} 的 ITPO 就绪度诊断）。"
        ),
    },
}


def need_data(
    gap: Gap, organisation: Organisation, *, language: str, sector_name: str, day: str
) -> dict[str, Any]:
    """The registry record of a draft technology need for the gap, owned by the organisation."""
    lang = "zh" if language == "zh" else "en"
    d = gap.dimension
    details = WORDS[lang]["details"].format(
        firm=organisation.name,
        country=organisation.country,
        dimension=d.name.in_(lang),
        band=gap.band,
        now=d.bands[gap.band].in_(lang),
        target=gap.target,
        aim=d.bands[gap.target].in_(lang),
        sector=sector_name,
        reason=gap.reason.in_(lang),
        day=day,
    )
    return {
        "kind": "technology_need",
        "organisation_id": organisation.id,
        "title": d.need_title.in_(lang),
        "teaser": d.need_teaser.in_(lang),
        "details": details,
        "language": lang,
        "isic_classes": list(organisation.isic_classes),
        "technology_areas": list(d.technology_areas),
        "countries": [organisation.country],
        "cooperation_types": ["supply", "technical_assistance", "licensing"],
        "status": "draft",
    }
