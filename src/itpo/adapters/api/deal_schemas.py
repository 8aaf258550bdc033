"""API schemas of the pipeline: deals, their log, interactions, evidence, verification and the
parties' confirmations. The services check every rule; these give the OpenAPI its shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from itpo.adapters.api.schemas import Strict
from itpo.adapters.http import MAX_ID
from itpo.pipeline.access import Action
from itpo.pipeline.model import (
    Additionality,
    AgreementType,
    DealSource,
    DealStatus,
    EvidenceKind,
    InteractionKind,
    Stage,
    Verification,
)

CHANGES = (
    "Fields to set, by name: title, agreement_type, expected_signing_on, signed_on, "
    "operational_on, currency, officer_id, office_id, sdgs, notes, and figures as "
    '`projected.<figure>` or `outcome.<figure>` (or nested: {"outcome": {"jobs_new": 12}}); '
    "figures: investment_committed, investment_realised, technology, technology_trl, jobs_new, "
    "jobs_safeguarded, tco2_per_year. null clears a field."
)


class FiguresPublic(BaseModel):
    investment_committed: float | None
    investment_realised: float | None
    technology: str | None
    technology_trl: int | None
    jobs_new: int | None
    jobs_safeguarded: int | None
    tco2_per_year: float | None
    investment_committed_usd: float | None = Field(description="At the rates setting")
    investment_realised_usd: float | None = Field(description="At the rates setting")


class DealPublic(BaseModel):
    id: int
    title: str
    source: DealSource
    organisation_ids: list[int]
    opportunity_ids: list[int]
    match_id: int | None
    meeting_id: int | None
    office_id: int | None = Field(description="The office credited")
    officer_id: int | None = Field(description="The officer responsible")
    stage: Stage
    status: DealStatus
    status_reason: str
    dropped_on: dt.date | None
    agreement_type: AgreementType | None
    expected_signing_on: dt.date | None
    signed_on: dt.date | None
    operational_on: dt.date | None
    currency: str
    projected: FiguresPublic = Field(description="The parties' plans")
    outcome: FiguresPublic = Field(description="What happened, as recorded")
    verified: FiguresPublic | None = Field(description="The outcome a second officer verified")
    verification: Verification
    verified_on: dt.date | None
    sdgs: list[int]
    countries: list[str]
    isic_sections: list[str]
    technology_areas: list[str]
    direction: str | None
    notes: str
    illustrative: bool = Field(description="Demonstration data, not a real deal")
    opened_on: dt.date | None
    stage_since: dt.date | None
    last_interaction_on: dt.date | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    version: int = Field(description="Give it back as `version` to refuse a lost update")


class MissingField(BaseModel):
    field: str
    label: str


class DealEventPublic(BaseModel):
    at: dt.datetime
    kind: str = Field(description="stage or status")
    from_: str | None = Field(alias="from")
    to: str
    reason: str
    by: str


class SubmissionPublic(BaseModel):
    id: int | None
    stage: Stage
    outcome: dict[str, Any]
    checklist: list[EvidenceKind]
    evidence_ids: list[int]
    note: str
    submitted_by: str
    submitted_at: dt.datetime
    state: Verification
    reviewed_by: str
    reviewed_at: dt.datetime | None
    review_reason: str


class DealSummary(DealPublic):
    next_stage: Stage | None
    missing: list[MissingField] = Field(description="What the next stage still needs")


class DealDetail(DealSummary):
    events: list[DealEventPublic] = Field(description="The stage and status log, oldest first")
    days_in_stage: int | None
    submission: SubmissionPublic | None = Field(description="The latest for verification")
    actions: list[Action] = Field(description="What the asker may do with this deal")
    parties: list[NamedParty] = Field(description="The organisations, by name")
    opportunities: list[NamedOpportunity] = Field(description="The opportunities it links")
    officer: str | None = Field(description="The responsible officer's name")


class NamedParty(BaseModel):
    id: int
    name: str


class NamedOpportunity(BaseModel):
    id: int
    title: str


class DealOpen(Strict):
    match_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="An introduced match; the rest comes from it"
    )
    organisation_ids: list[int] = Field(
        default_factory=list,
        max_length=2,
        description="Without a match: the parties (one or two organisations)",
    )
    opportunity_ids: list[int] = Field(default_factory=list, max_length=2)
    title: str | None = Field(None, max_length=200)
    source: DealSource = DealSource.OUTSIDE
    meeting_id: int | None = Field(None, ge=1, le=MAX_ID)
    officer_id: int | None = Field(None, ge=1, le=MAX_ID, description="Default: the asker")


class DealChange(Strict):
    changes: dict[str, Any] = Field(description=CHANGES)
    version: int | None = Field(None, description="The version read; a newer one is refused")


class StageMove(Strict):
    to: Stage
    changes: dict[str, Any] = Field(default_factory=dict, description=CHANGES)
    reason: str | None = Field(None, max_length=2000, description="Required to move back")
    version: int | None = None


class StatusChange(Strict):
    status: DealStatus
    reason: str | None = Field(None, max_length=2000, description="Required to hold or drop")
    on: dt.date | None = Field(None, description="When it was dropped (default today)")
    version: int | None = None


class InteractionLog(Strict):
    kind: InteractionKind
    occurred_on: dt.date
    subject: str = Field(max_length=300)
    notes: str | None = Field(None, max_length=10_000)
    with_whom: str | None = Field(None, max_length=300)
    deal_id: int | None = Field(None, ge=1, le=MAX_ID)
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID)


class InteractionPublic(BaseModel):
    id: int | None
    kind: InteractionKind
    occurred_on: dt.date
    subject: str
    notes: str
    with_whom: str
    deal_id: int | None
    organisation_id: int | None
    logged_by: str
    created_at: dt.datetime | None


class EvidencePublic(BaseModel):
    id: int | None
    deal_id: int
    kind: EvidenceKind
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str
    uploaded_by: str
    uploaded_at: dt.datetime | None


class OutcomeSubmit(Strict):
    checklist: list[EvidenceKind] = Field(description="What the evidence shows")
    evidence_ids: list[int] = Field(description="The documents behind it")
    note: str | None = Field(None, max_length=2000)


class OutcomeReturn(Strict):
    reason: str = Field(max_length=2000)


class ConfirmationAsk(Strict):
    organisation_id: int = Field(ge=1, le=MAX_ID, description="The party asked")
    email: str = Field(max_length=320, description="Where the link goes")
    valid_days: int = Field(14, ge=1, le=90)


class ConfirmationPublic(BaseModel):
    id: int | None
    deal_id: int
    organisation_id: int
    email: str
    created_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None
    confirmed: bool | None
    additionality: Additionality | None
    comment: str


class ConfirmationIssued(ConfirmationPublic):
    link: str = Field(description="The single-use link; shown once, stored as a digest")


class ConfirmationAsked(BaseModel):
    deal_title: str
    organisation: str
    stage: Stage
    agreement_type: AgreementType | None
    signed_on: dt.date | None
    operational_on: dt.date | None
    currency: str
    outcome: FiguresPublic
    expires_at: dt.datetime


class ConfirmationAnswer(Strict):
    confirmed: bool = Field(description="Whether the outcome is as stated")
    additionality: Additionality | None = Field(
        None, description="How much the office's support mattered"
    )
    comment: str | None = Field(None, max_length=2000)
