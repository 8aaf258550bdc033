"""Where a deal is and what it brings, derived from its parties and opportunities."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from itpo.pipeline.model import Figures, Place
from itpo.registry import reference
from itpo.registry.direction import direction
from itpo.registry.model import Opportunity, OpportunityKind, Organisation

# The side that brings the technology or the money: the direction runs from it.
PROVIDING = frozenset({OpportunityKind.TECHNOLOGY_OFFER, OpportunityKind.INVESTMENT_MANDATE})
# Kinds whose countries are where the work happens, not markets sought.
LOCATED = frozenset({OpportunityKind.TECHNOLOGY_NEED, OpportunityKind.INVESTMENT_PROJECT})


def place_of(
    organisations: Sequence[Organisation], opportunities: Sequence[Opportunity], *, home: str
) -> Place:
    """The deal's countries (the parties' and where a need or project is), its ISIC
    sections and technology areas, and its direction as seen from the office's country."""
    countries = [o.country for o in organisations]
    for opportunity in opportunities:
        if opportunity.kind in LOCATED:
            countries.extend(opportunity.countries)
    sections = {
        _section(code)
        for opportunity in opportunities
        for code in opportunity.isic_classes
        if code in reference.isic()
    }
    areas = {area for opportunity in opportunities for area in opportunity.technology_areas}
    return Place(
        countries=tuple(sorted(set(countries))),
        isic_sections=tuple(sorted(sections)),
        technology_areas=tuple(sorted(areas)),
        direction=_direction(organisations, opportunities, home),
    )


def _section(code: str) -> str:
    ancestors = reference.isic_ancestors(code)
    return ancestors[-1] if ancestors else code


def _direction(
    organisations: Sequence[Organisation], opportunities: Sequence[Opportunity], home: str
) -> str | None:
    if len(organisations) < 2:
        return None
    by_id = {o.id: o for o in organisations}
    providers = [by_id[o.organisation_id] for o in opportunities if o.kind in PROVIDING]
    provider = providers[0] if providers and providers[0].id in by_id else organisations[0]
    receivers = [o for o in organisations if o.id != provider.id] or organisations[1:]
    return direction(provider.country, [r.country for r in receivers], home=home).value


def projected_from(
    opportunities: Sequence[Opportunity], appraisal: Mapping[str, Any] | None
) -> tuple[Figures, str]:
    """The estimates a deal opens with, and their currency: the amount a project seeks (or a
    mandate offers), the technology an offer brings, and from the project's appraisal, when
    one is attached, its tCO2 per year and direct jobs."""
    by_kind = {o.kind: o for o in opportunities}
    funded = by_kind.get(OpportunityKind.INVESTMENT_PROJECT) or by_kind.get(
        OpportunityKind.INVESTMENT_MANDATE
    )
    amount, currency = None, "USD"
    if funded is not None and (funded.amount_max or funded.amount_min) is not None:
        amount = funded.amount_max if funded.amount_max is not None else funded.amount_min
        currency = funded.currency or "USD"
    offer = by_kind.get(OpportunityKind.TECHNOLOGY_OFFER)
    green = (appraisal or {}).get("green") or {}
    tco2 = green.get("co2_tonnes_first_year")
    if tco2 is None:
        tco2 = next((o.co2_tonnes_per_year for o in opportunities if o.co2_tonnes_per_year), None)
    figures = Figures(
        investment_committed=amount,
        technology=offer.title[:300] if offer else None,
        technology_trl=offer.trl if offer else None,
        jobs_new=green.get("direct_jobs"),
        tco2_per_year=tco2,
    )
    return figures, currency
