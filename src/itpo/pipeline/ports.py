"""What the pipeline needs from storage, stated as protocols so the domain imports no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Protocol

from itpo.accounts.ports import AccountsUnitOfWork
from itpo.appraisal.services import AppraisalUnitOfWork
from itpo.matching.tracking import MatchingUnitOfWork
from itpo.pipeline.facts import ActivityCounts, DealFacts
from itpo.pipeline.model import (
    Confirmation,
    Deal,
    DealEvent,
    DealStatus,
    Evidence,
    Interaction,
    Stage,
    Submission,
    Verification,
)
from itpo.registry.queries import Page


@dataclass(frozen=True, slots=True)
class DealQuery:
    """Which deals a listing asks for: every filter given must hold; values of one filter OR."""

    stages: Collection[Stage] = ()
    statuses: Collection[DealStatus] = ()
    verification: Collection[Verification] = ()
    office_id: int | None = None
    officer_id: int | None = None
    organisation_id: int | None = None  # deals this organisation is a party to
    opportunity_id: int | None = None
    text: str | None = None  # in the title
    ids: Collection[int] | None = None  # these deals only (a figure's drill-down page)
    limit: int | None = 50
    offset: int = 0
    # Reserved for the services: a member's listing is narrowed to its organisation here.
    party_of: int | None = field(default=None)


class DealRepository(Protocol):
    def add(self, deal: Deal) -> int: ...
    def get(self, deal_id: int) -> Deal | None: ...
    def by_match(self, match_id: int) -> Deal | None: ...
    def update(self, deal: Deal, *, expected_version: int) -> bool:
        """Store the deal (its version one more) only if the stored one is still at
        expected_version; False when someone changed it meanwhile."""
        ...

    def find(self, query: DealQuery) -> Page[Deal]: ...
    def add_event(self, event: DealEvent) -> int: ...
    def events(self, deal_id: int) -> list[DealEvent]: ...
    def note_interaction(self, deal_id: int, on: dt.date) -> None:
        """The deal's latest interaction is at least this day."""
        ...

    def facts(self, *, office_id: int | None, opened_by: dt.date) -> list[DealFacts]:
        """What results read of every deal opened by that day (of one office, or all)."""
        ...

    def activity(
        self, *, start: dt.datetime, end: dt.datetime, office_id: int | None
    ) -> ActivityCounts:
        """Opportunities published, matches proposed / introduced / declined and interactions
        logged (on the office's deals when an office is given) between the two moments."""
        ...


class InteractionRepository(Protocol):
    def add(self, interaction: Interaction) -> int: ...
    def get(self, interaction_id: int) -> Interaction | None: ...
    def find(
        self,
        *,
        deal_id: int | None = None,
        organisation_id: int | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Page[Interaction]: ...


class EvidenceRepository(Protocol):
    def add(self, evidence: Evidence, content: bytes) -> int: ...
    def get(self, evidence_id: int) -> Evidence | None: ...
    def for_deal(self, deal_id: int) -> list[Evidence]: ...
    def content(self, evidence_id: int) -> bytes | None: ...


class VerificationRepository(Protocol):
    def add_submission(self, submission: Submission) -> int: ...
    def latest_submission(self, deal_id: int) -> Submission | None: ...
    def submissions(self, deal_id: int) -> list[Submission]: ...
    def review(self, submission: Submission) -> bool:
        """Store the answer on a submission still waiting; False when it was answered."""
        ...

    def add_confirmation(self, confirmation: Confirmation) -> int: ...
    def confirmation_by_hash(self, token_hash: str) -> Confirmation | None: ...
    def confirmations(self, deal_id: int) -> list[Confirmation]: ...
    def use_confirmation(self, confirmation: Confirmation) -> bool:
        """Store the party's answer only if the link was not used yet (single use)."""
        ...


class PipelineUnitOfWork(MatchingUnitOfWork, AppraisalUnitOfWork, AccountsUnitOfWork, Protocol):
    """The audited unit of work with deals, interactions, evidence and verification in the
    same transaction as the matches and appraisals they start from."""

    @property
    def deals(self) -> DealRepository: ...
    @property
    def interactions(self) -> InteractionRepository: ...
    @property
    def evidence(self) -> EvidenceRepository: ...
    @property
    def verifications(self) -> VerificationRepository: ...
