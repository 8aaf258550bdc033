"""API schemas: separate from tables and from domain objects. Types here give the OpenAPI its
shape; the domain's rules (codes, ranges, cross-field checks) are applied by the services."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from itpo.adapters.http import MAX_ID
from itpo.registry.model import (
    Condition,
    CooperationType,
    Direction,
    Disclosure,
    OpportunityKind,
    OrganisationKind,
    OrganisationSize,
    Status,
)

T = TypeVar("T")
CONDITIONS = (
    "Terms a counterpart must meet to be matched at all: markets (located in the record's "
    "countries), cooperation (accepts one of its cooperation types), amount (its amount range "
    "overlaps the record's). Each needs the record to state that term."
)


class Strict(BaseModel):
    # NaN and Infinity are no amounts; Python's JSON reader accepts them, so they are refused here.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class OrganisationBase(Strict):
    external_id: str | None = Field(None, max_length=100)
    name: str = Field(max_length=200)
    kind: OrganisationKind
    country: str = Field(description="ISO 3166 alpha-3", examples=["KEN"])
    city: str | None = Field(None, max_length=100)
    website: str | None = Field(None, max_length=300)
    size: OrganisationSize | None = None
    isic_classes: list[str] = Field(default_factory=list, description="ISIC Rev.4 classes")
    description: str = Field("", max_length=5000)
    languages: list[str] = Field(default_factory=list, description="ISO 639-1 codes")


class OrganisationCreate(OrganisationBase):
    pass


class OrganisationUpdate(Strict):
    external_id: str | None = Field(None, max_length=100)
    name: str | None = Field(None, max_length=200)
    kind: OrganisationKind | None = None
    country: str | None = None
    city: str | None = Field(None, max_length=100)
    website: str | None = Field(None, max_length=300)
    size: OrganisationSize | None = None
    isic_classes: list[str] | None = None
    description: str | None = Field(None, max_length=5000)
    languages: list[str] | None = None


class OrganisationPublic(OrganisationBase):
    id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class OpportunityFields(Strict):
    external_id: str | None = Field(None, max_length=100)
    title: str = Field(max_length=300)
    teaser: str = Field(max_length=2000, description="Public summary")
    details: str = Field("", max_length=20000, description="Restricted detail")
    language: str = Field(description="ISO 639-1", examples=["en"])
    isic_classes: list[str] = Field(default_factory=list)
    technology_areas: list[str] = Field(default_factory=list)
    sdgs: list[int] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list, description="ISO 3166 alpha-3")
    trl: int | None = Field(None, ge=1, le=9)
    min_trl: int | None = Field(None, ge=1, le=9)
    cooperation_types: list[CooperationType] = Field(default_factory=list)
    amount_min: float | None = Field(None, ge=0)
    amount_max: float | None = Field(None, ge=0)
    currency: str | None = Field(None, description="ISO 4217", examples=["USD"])
    hard_conditions: list[Condition] = Field(default_factory=list, description=CONDITIONS)
    energy_mwh_per_year: float | None = Field(None, ge=0)
    co2_tonnes_per_year: float | None = Field(None, ge=0)
    disclosure: Disclosure = Disclosure.PUBLIC
    status: Status = Status.DRAFT
    valid_until: dt.date | None = None


class OpportunityCreate(OpportunityFields):
    kind: OpportunityKind
    organisation_id: int = Field(ge=1, le=MAX_ID)


class OpportunityUpdate(Strict):
    external_id: str | None = Field(None, max_length=100)
    kind: OpportunityKind | None = None
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID)
    title: str | None = Field(None, max_length=300)
    teaser: str | None = Field(None, max_length=2000)
    details: str | None = Field(None, max_length=20000)
    language: str | None = None
    isic_classes: list[str] | None = None
    technology_areas: list[str] | None = None
    sdgs: list[int] | None = None
    countries: list[str] | None = None
    trl: int | None = Field(None, ge=1, le=9)
    min_trl: int | None = Field(None, ge=1, le=9)
    cooperation_types: list[CooperationType] | None = None
    amount_min: float | None = Field(None, ge=0)
    amount_max: float | None = Field(None, ge=0)
    currency: str | None = None
    hard_conditions: list[Condition] | None = Field(None, description=CONDITIONS)
    energy_mwh_per_year: float | None = Field(None, ge=0)
    co2_tonnes_per_year: float | None = Field(None, ge=0)
    disclosure: Disclosure | None = None
    status: Status | None = None
    valid_until: dt.date | None = None


class OpportunityPublic(OpportunityFields):
    id: int
    kind: OpportunityKind
    organisation_id: int
    organisation_name: str | None = None
    direction: Direction | None = None
    created_at: dt.datetime
    updated_at: dt.datetime


class OpportunityView(BaseModel):
    """An opportunity as the asker may see it. The public sees the teaser stage; signed-in
    members also amounts and green figures; the owner, officers and an introduced counterpart
    everything, `details` included. A field the asker may not see is absent, not null; the
    owner is absent while the record is anonymous to the asker."""

    id: int
    kind: OpportunityKind
    title: str
    teaser: str
    language: str
    status: Status
    disclosure: Disclosure
    isic_classes: list[str] | None = None
    technology_areas: list[str] | None = None
    sdgs: list[int] | None = None
    countries: list[str] | None = None
    trl: int | None = None
    min_trl: int | None = None
    cooperation_types: list[CooperationType] | None = None
    hard_conditions: list[Condition] | None = None
    valid_until: dt.date | None = None
    direction: Direction | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    organisation_id: int | None = None
    organisation_name: str | None = None
    external_id: str | None = None
    amount_min: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    energy_mwh_per_year: float | None = None
    co2_tonnes_per_year: float | None = None
    details: str | None = Field(None, description="Restricted detail")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many records pass the filters")
    limit: int | None
    offset: int


class Problem(BaseModel):
    detail: str
