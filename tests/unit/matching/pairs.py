"""Small opportunity pairs for the matchmaking tests: an English offer, needs, mandates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from itpo.matching.eligibility import Party
from itpo.registry.model import (
    CooperationType,
    Opportunity,
    OpportunityKind,
    Organisation,
    OrganisationKind,
    Status,
)

TODAY = dt.date(2026, 11, 27)
RATES = {"USD": 1.0, "EUR": 1.1, "CNY": 0.14}
SECRET = "Royalty floor 4.5 percent, contact Mr Zhang privately"


def organisation(id: int, country: str) -> Organisation:
    return Organisation(name=f"Org {id}", kind=OrganisationKind.COMPANY, country=country, id=id)


def offer(**changes: Any) -> Opportunity:
    base = Opportunity(
        kind=OpportunityKind.TECHNOLOGY_OFFER,
        organisation_id=1,
        title="Solar tunnel dryer for mango and cassava",
        teaser="A 2 t/day solar tunnel dryer that halves post-harvest losses.",
        language="en",
        details=SECRET,
        isic_classes=["2819"],
        technology_areas=["green.post_harvest"],
        sdgs=[2, 7],
        countries=["KEN", "TZA"],
        trl=8,
        cooperation_types=[CooperationType.LICENSING, CooperationType.SUPPLY],
        amount_min=50_000,
        amount_max=250_000,
        currency="USD",
        status=Status.PUBLISHED,
        valid_until=dt.date(2027, 12, 31),
        created_at=dt.datetime(2026, 11, 1),
    )
    return replace(base, **changes)


def need(**changes: Any) -> Opportunity:
    base = Opportunity(
        kind=OpportunityKind.TECHNOLOGY_NEED,
        organisation_id=2,
        title="Drying equipment for mango exporters",
        teaser="A cooperative needs a solar dryer to cut mango losses.",
        language="en",
        details="Budget approved by the board; " + SECRET,
        isic_classes=["2819", "1030"],
        technology_areas=["green.post_harvest"],
        sdgs=[2, 12],
        countries=["KEN"],
        min_trl=7,
        cooperation_types=[CooperationType.LICENSING],
        amount_min=100_000,
        amount_max=200_000,
        currency="USD",
        status=Status.PUBLISHED,
        valid_until=dt.date(2027, 6, 30),
        created_at=dt.datetime(2026, 11, 20),
    )
    return replace(base, **changes)


def party(opportunity: Opportunity, country: str = "CHN") -> Party:
    return Party(opportunity, organisation(opportunity.organisation_id, country))


def offer_party(**changes: Any) -> Party:
    return party(offer(**changes), "CHN")


def need_party(**changes: Any) -> Party:
    return party(need(**changes), "KEN")
