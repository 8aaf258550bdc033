"""The facet values an opportunity is found by: each ISIC class also files under its group,
division and section, and each technology area under its family, so a filter at any level works."""

from __future__ import annotations

from itpo.registry import reference
from itpo.registry.model import Opportunity

COUNTRY, ISIC, SDG, AREA, COOPERATION = "country", "isic", "sdg", "area", "cooperation"


def facet_values(opportunity: Opportunity) -> set[tuple[str, str]]:
    values = {(COUNTRY, code) for code in opportunity.countries}
    for code in opportunity.isic_classes:
        values.add((ISIC, code))
        values.update((ISIC, ancestor) for ancestor in reference.isic_ancestors(code))
    values.update((SDG, str(goal)) for goal in opportunity.sdgs)
    for area in opportunity.technology_areas:
        values.add((AREA, area))
        values.add((AREA, area.split(".", 1)[0]))
    values.update((COOPERATION, kind.value) for kind in opportunity.cooperation_types)
    return values
