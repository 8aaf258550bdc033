"""Organisations and opportunities: the records the platform exchanges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class OrganisationKind(StrEnum):
    COMPANY = "company"
    INVESTOR = "investor"
    PUBLIC_AGENCY = "public_agency"
    RESEARCH = "research"
    NGO = "ngo"
    PROMOTION_AGENCY = "promotion_agency"


class OrganisationSize(StrEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class OpportunityKind(StrEnum):
    TECHNOLOGY_OFFER = "technology_offer"
    TECHNOLOGY_NEED = "technology_need"
    INVESTMENT_PROJECT = "investment_project"
    INVESTMENT_MANDATE = "investment_mandate"


class CooperationType(StrEnum):
    LICENSING = "licensing"
    JOINT_VENTURE = "joint_venture"
    EQUITY = "equity"
    LOAN = "loan"
    SUPPLY = "supply"
    DISTRIBUTION = "distribution"
    TECHNICAL_ASSISTANCE = "technical_assistance"
    JOINT_RND = "joint_rnd"


class Condition(StrEnum):
    """A term of an opportunity that a counterpart must meet to be matched at all; any other
    mismatch only lowers a match's score."""

    MARKETS = "markets"  # the counterpart is located in the record's countries or markets
    COOPERATION = "cooperation"  # it accepts one of the record's cooperation types
    AMOUNT = "amount"  # its amount range overlaps the record's


class Disclosure(StrEnum):
    PUBLIC = "public"
    ANONYMOUS = "anonymous"
    MEMBERS = "members"


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    EXPIRED = "expired"
    CLOSED = "closed"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    SOUTH_SOUTH = "south_south"
    INTERNATIONAL = "international"
    DOMESTIC = "domestic"


# Which kinds can be matched with which (DESIGN section 2); symmetric by construction.
COMPATIBLE_KINDS: dict[OpportunityKind, frozenset[OpportunityKind]] = {
    OpportunityKind.TECHNOLOGY_OFFER: frozenset(
        {OpportunityKind.TECHNOLOGY_NEED, OpportunityKind.INVESTMENT_PROJECT}
    ),
    OpportunityKind.TECHNOLOGY_NEED: frozenset({OpportunityKind.TECHNOLOGY_OFFER}),
    OpportunityKind.INVESTMENT_PROJECT: frozenset(
        {OpportunityKind.INVESTMENT_MANDATE, OpportunityKind.TECHNOLOGY_OFFER}
    ),
    OpportunityKind.INVESTMENT_MANDATE: frozenset({OpportunityKind.INVESTMENT_PROJECT}),
}

# Kinds whose own readiness is stated (trl) and kinds that state a floor (min_trl).
KINDS_WITH_TRL = frozenset({OpportunityKind.TECHNOLOGY_OFFER, OpportunityKind.INVESTMENT_PROJECT})
KINDS_WITH_MIN_TRL = frozenset(
    {OpportunityKind.TECHNOLOGY_NEED, OpportunityKind.INVESTMENT_MANDATE}
)


@dataclass(slots=True)
class Organisation:
    name: str
    kind: OrganisationKind
    country: str
    external_id: str | None = None
    city: str | None = None
    website: str | None = None
    size: OrganisationSize | None = None
    isic_classes: list[str] = field(default_factory=list)
    description: str = ""
    languages: list[str] = field(default_factory=list)
    id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@dataclass(slots=True)
class Opportunity:
    kind: OpportunityKind
    organisation_id: int
    title: str
    teaser: str
    language: str
    external_id: str | None = None
    details: str = ""
    isic_classes: list[str] = field(default_factory=list)
    technology_areas: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    trl: int | None = None
    min_trl: int | None = None
    cooperation_types: list[CooperationType] = field(default_factory=list)
    amount_min: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    hard_conditions: list[Condition] = field(default_factory=list)
    energy_mwh_per_year: float | None = None
    co2_tonnes_per_year: float | None = None
    disclosure: Disclosure = Disclosure.PUBLIC
    status: Status = Status.DRAFT
    valid_until: dt.date | None = None
    id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def is_live(self, today: dt.date) -> bool:
        """Published and not past its validity date."""
        if self.status is not Status.PUBLISHED:
            return False
        return self.valid_until is None or self.valid_until >= today
