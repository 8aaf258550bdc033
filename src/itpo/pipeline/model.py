"""The records of the pipeline: deals, their log, figures, evidence, submissions for
verification, the parties' confirmations, and interactions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Stage(StrEnum):
    """Where a deal stands, in order: a deal only ever stands at one."""

    INTRODUCED = "introduced"
    NEGOTIATING = "negotiating"
    AGREEMENT_SIGNED = "agreement_signed"
    OPERATIONAL = "operational"


STAGES: tuple[Stage, ...] = tuple(Stage)


def stage_rank(stage: Stage) -> int:
    return STAGES.index(stage)


class DealStatus(StrEnum):
    """Whether a deal is moving, apart from its stage (a dropped deal keeps the stage it
    reached, so the funnel knows where deals are lost)."""

    ACTIVE = "active"
    ON_HOLD = "on_hold"
    DROPPED = "dropped"


class DealSource(StrEnum):
    MATCH = "match"  # an introduced match on the platform
    MEETING = "meeting"  # a B2B meeting at an event
    OUTSIDE = "outside"  # brokered by an officer outside the platform


class AgreementType(StrEnum):
    LICENCE = "licence"
    JOINT_VENTURE = "joint_venture"
    EQUITY = "equity"
    LOAN = "loan"
    SUPPLY = "supply"
    DISTRIBUTION = "distribution"
    TECHNICAL_ASSISTANCE = "technical_assistance"
    JOINT_RD = "joint_rd"


class Verification(StrEnum):
    """Where the deal's outcome stands with the four-eyes check."""

    NONE = "none"  # not submitted
    SUBMITTED = "submitted"  # waiting for a second officer
    VERIFIED = "verified"
    RETURNED = "returned"  # sent back with a reason


class EvidenceKind(StrEnum):
    SIGNED_AGREEMENT = "signed_agreement"
    REGISTRATION = "registration"  # company or project registration, licence from an authority
    PRESS_RELEASE = "press_release"
    SITE_VISIT = "site_visit"  # an officer's visit report, with photographs
    INVOICE = "invoice"  # payments, shipments, disbursements
    OTHER = "other"


class InteractionKind(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"


class Additionality(StrEnum):
    """How much a party says the office's support mattered to the outcome."""

    ESSENTIAL = "essential"  # it would not have happened without the office
    SIGNIFICANT = "significant"  # it happened sooner, bigger or better
    SOME = "some"
    NONE = "none"  # it would have happened anyway


@dataclass(frozen=True, slots=True)
class Figures:
    """What a deal brings, in the deal's currency. None: not known; 0 is a figure."""

    investment_committed: float | None = None
    investment_realised: float | None = None
    technology: str | None = None  # what technology is transferred
    technology_trl: int | None = None
    jobs_new: int | None = None
    jobs_safeguarded: int | None = None
    tco2_per_year: float | None = None


FIGURE_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Figures))


@dataclass(frozen=True, slots=True)
class Place:
    """Where and in what a deal is, derived from its parties and opportunities when it is
    opened, so results group deals without reading the registry again."""

    countries: tuple[str, ...] = ()
    isic_sections: tuple[str, ...] = ()
    technology_areas: tuple[str, ...] = ()
    direction: str | None = None


@dataclass(slots=True)
class Deal:
    """One record from introduction to outcome. `projected` are the estimates, `outcome` the
    figures recorded as they happen, `verified` the outcome a second officer checked against
    evidence (None before): results never add one to another."""

    title: str
    source: DealSource
    # None only once the organisation was deleted: the deal and its figures stay.
    first_organisation_id: int | None
    second_organisation_id: int | None = None
    first_opportunity_id: int | None = None
    second_opportunity_id: int | None = None
    match_id: int | None = None
    meeting_id: int | None = None
    office_id: int | None = None
    officer_id: int | None = None  # the officer responsible
    stage: Stage = Stage.INTRODUCED
    status: DealStatus = DealStatus.ACTIVE
    status_reason: str = ""
    dropped_on: dt.date | None = None
    agreement_type: AgreementType | None = None
    expected_signing_on: dt.date | None = None
    signed_on: dt.date | None = None
    operational_on: dt.date | None = None
    currency: str = "USD"
    projected: Figures = field(default_factory=Figures)
    outcome: Figures = field(default_factory=Figures)
    verified: Figures | None = None
    verification: Verification = Verification.NONE
    verified_on: dt.date | None = None
    sdgs: list[int] = field(default_factory=list)
    place: Place = field(default_factory=Place)
    notes: str = ""  # restricted: the parties and officers
    illustrative: bool = False  # demo data, marked so in every view
    opened_on: dt.date | None = None
    stage_since: dt.date | None = None
    last_interaction_on: dt.date | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    version: int = 1
    id: int | None = None

    @property
    def organisation_ids(self) -> tuple[int, ...]:
        return tuple(
            i for i in (self.first_organisation_id, self.second_organisation_id) if i is not None
        )

    @property
    def is_live(self) -> bool:
        return self.status is not DealStatus.DROPPED


@dataclass(frozen=True, slots=True)
class DealEvent:
    """One line of a deal's append-only log: a stage move or a change of status."""

    deal_id: int
    at: dt.datetime
    kind: str  # "stage" or "status"
    from_value: str | None
    to_value: str
    reason: str = ""
    by_id: int | None = None
    by_label: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Interaction:
    """A meeting, call, visit or e-mail, logged against a deal or an organisation."""

    kind: InteractionKind
    occurred_on: dt.date
    subject: str
    notes: str = ""  # restricted
    with_whom: str = ""
    deal_id: int | None = None
    organisation_id: int | None = None
    logged_by_id: int | None = None
    logged_by: str = ""
    created_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A document behind a deal's outcome; its content is kept apart, found by checksum."""

    deal_id: int
    kind: EvidenceKind
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str = ""
    uploaded_by_id: int | None = None
    uploaded_by: str = ""
    uploaded_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Submission:
    """An outcome sent for verification: the figures and stage as submitted, the checklist
    and its evidence, and the second officer's answer."""

    deal_id: int
    stage: Stage
    outcome: Figures
    checklist: tuple[EvidenceKind, ...]
    evidence_ids: tuple[int, ...]
    note: str
    submitted_by_id: int | None
    submitted_by: str
    submitted_at: dt.datetime
    state: Verification = Verification.SUBMITTED
    reviewed_by_id: int | None = None
    reviewed_by: str = ""
    reviewed_at: dt.datetime | None = None
    review_reason: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A party's confirmation of a deal's outcome through a single-use link that expires;
    storage keeps the token's digest only."""

    deal_id: int
    organisation_id: int
    email: str
    token_hash: str
    created_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None
    confirmed: bool | None = None
    additionality: Additionality | None = None
    comment: str = ""
    id: int | None = None
