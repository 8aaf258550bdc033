"""SQLAlchemy Core repositories of the pipeline: rows in, pipeline records out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.pipeline_facts import activity, deal_facts
from itpo.adapters.storage.pipeline_tables import (
    deal,
    deal_confirmation,
    deal_event,
    deal_evidence,
    deal_evidence_content,
    deal_submission,
    interaction,
)
from itpo.adapters.storage.tables import inserted_id
from itpo.pipeline.facts import ActivityCounts, DealFacts
from itpo.pipeline.model import (
    FIGURE_NAMES,
    Additionality,
    AgreementType,
    Confirmation,
    Deal,
    DealEvent,
    DealSource,
    DealStatus,
    Evidence,
    EvidenceKind,
    Figures,
    Interaction,
    InteractionKind,
    Place,
    Stage,
    Submission,
    Verification,
)
from itpo.pipeline.ports import DealQuery
from itpo.registry.queries import Page


def figures_of(m: sa.RowMapping, prefix: str) -> Figures:
    return Figures(**{name: m[f"{prefix}_{name}"] for name in FIGURE_NAMES})


def _figure_values(figures: Figures | None, prefix: str) -> dict[str, Any]:
    return {
        f"{prefix}_{name}": getattr(figures, name) if figures is not None else None
        for name in FIGURE_NAMES
    }


def deal_of(row: sa.Row[Any]) -> Deal:
    m = row._mapping
    return Deal(
        id=m["id"],
        title=m["title"],
        source=DealSource(m["source"]),
        first_organisation_id=m["first_organisation_id"],
        second_organisation_id=m["second_organisation_id"],
        first_opportunity_id=m["first_opportunity_id"],
        second_opportunity_id=m["second_opportunity_id"],
        match_id=m["match_id"],
        meeting_id=m["meeting_id"],
        office_id=m["office_id"],
        officer_id=m["officer_id"],
        stage=Stage(m["stage"]),
        status=DealStatus(m["status"]),
        status_reason=m["status_reason"],
        dropped_on=m["dropped_on"],
        agreement_type=AgreementType(m["agreement_type"]) if m["agreement_type"] else None,
        expected_signing_on=m["expected_signing_on"],
        signed_on=m["signed_on"],
        operational_on=m["operational_on"],
        currency=m["currency"],
        projected=figures_of(m, "projected"),
        outcome=figures_of(m, "outcome"),
        verified=figures_of(m, "verified") if m["verified_on"] is not None else None,
        verification=Verification(m["verification"]),
        verified_on=m["verified_on"],
        sdgs=list(m["sdgs"]),
        place=Place(
            countries=tuple(m["countries"]),
            isic_sections=tuple(m["isic_sections"]),
            technology_areas=tuple(m["technology_areas"]),
            direction=m["direction"],
        ),
        notes=m["notes"],
        illustrative=m["illustrative"],
        opened_on=m["opened_on"],
        stage_since=m["stage_since"],
        last_interaction_on=m["last_interaction_on"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        version=m["version"],
    )


def deal_values(record: Deal) -> dict[str, Any]:
    values = {
        "title": record.title,
        "source": record.source.value,
        "first_organisation_id": record.first_organisation_id,
        "second_organisation_id": record.second_organisation_id,
        "first_opportunity_id": record.first_opportunity_id,
        "second_opportunity_id": record.second_opportunity_id,
        "match_id": record.match_id,
        "meeting_id": record.meeting_id,
        "office_id": record.office_id,
        "officer_id": record.officer_id,
        "stage": record.stage.value,
        "status": record.status.value,
        "status_reason": record.status_reason,
        "dropped_on": record.dropped_on,
        "agreement_type": record.agreement_type.value if record.agreement_type else None,
        "expected_signing_on": record.expected_signing_on,
        "signed_on": record.signed_on,
        "operational_on": record.operational_on,
        "currency": record.currency,
        "verification": record.verification.value,
        "verified_on": record.verified_on if record.verified is not None else None,
        "sdgs": list(record.sdgs),
        "countries": list(record.place.countries),
        "isic_sections": list(record.place.isic_sections),
        "technology_areas": list(record.place.technology_areas),
        "direction": record.place.direction,
        "notes": record.notes,
        "illustrative": record.illustrative,
        "opened_on": record.opened_on,
        "stage_since": record.stage_since,
        "last_interaction_on": record.last_interaction_on,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "version": record.version,
    }
    values.update(_figure_values(record.projected, "projected"))
    values.update(_figure_values(record.outcome, "outcome"))
    values.update(_figure_values(record.verified, "verified"))
    return values


class SqlDealRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, record: Deal) -> int:
        return inserted_id(self.connection.execute(sa.insert(deal).values(deal_values(record))))

    def add_many(self, records: list[Deal]) -> None:
        """Many deals in one statement (demo data, benchmarks)."""
        if records:
            self.connection.execute(sa.insert(deal), [deal_values(r) for r in records])

    def get(self, deal_id: int) -> Deal | None:
        row = self.connection.execute(sa.select(deal).where(deal.c.id == deal_id)).first()
        return deal_of(row) if row is not None else None

    def by_match(self, match_id: int) -> Deal | None:
        row = self.connection.execute(sa.select(deal).where(deal.c.match_id == match_id)).first()
        return deal_of(row) if row is not None else None

    def update(self, record: Deal, *, expected_version: int) -> bool:
        values = deal_values(record)
        values["version"] = expected_version + 1
        result = self.connection.execute(
            sa.update(deal)
            .where(deal.c.id == record.id, deal.c.version == expected_version)
            .values(values)
        )
        return result.rowcount == 1

    def find(self, query: DealQuery) -> Page[Deal]:
        conditions = _conditions(query)
        total = self.connection.execute(
            sa.select(sa.func.count()).select_from(deal).where(*conditions)
        ).scalar_one()
        select = (
            sa.select(deal)
            .where(*conditions)
            .order_by(deal.c.updated_at.desc(), deal.c.id.desc())
            .offset(query.offset)
        )
        if query.limit is not None:
            select = select.limit(query.limit)
        items = [deal_of(row) for row in self.connection.execute(select)]
        return Page(items=items, total=total, limit=query.limit, offset=query.offset)

    def add_event(self, event: DealEvent) -> int:
        values = dataclasses.asdict(event)
        values.pop("id")
        return inserted_id(self.connection.execute(sa.insert(deal_event).values(values)))

    def events(self, deal_id: int) -> list[DealEvent]:
        select = (
            sa.select(deal_event)
            .where(deal_event.c.deal_id == deal_id)
            .order_by(deal_event.c.at, deal_event.c.id)
        )
        return [DealEvent(**row._mapping) for row in self.connection.execute(select)]

    def facts(self, *, office_id: int | None, opened_by: dt.date) -> list[DealFacts]:
        return deal_facts(self.connection, office_id=office_id, opened_by=opened_by)

    def activity(
        self, *, start: dt.datetime, end: dt.datetime, office_id: int | None
    ) -> ActivityCounts:
        return activity(self.connection, start=start, end=end, office_id=office_id)

    def note_interaction(self, deal_id: int, on: dt.date) -> None:
        latest = deal.c.last_interaction_on
        self.connection.execute(
            sa.update(deal)
            .where(deal.c.id == deal_id, sa.or_(latest.is_(None), latest < on))
            .values(last_interaction_on=on)
        )


def _conditions(query: DealQuery) -> list[sa.ColumnElement[bool]]:
    found: list[sa.ColumnElement[bool]] = []
    if query.stages:
        found.append(deal.c.stage.in_([s.value for s in query.stages]))
    if query.statuses:
        found.append(deal.c.status.in_([s.value for s in query.statuses]))
    if query.verification:
        found.append(deal.c.verification.in_([v.value for v in query.verification]))
    if query.office_id is not None:
        found.append(deal.c.office_id == query.office_id)
    if query.officer_id is not None:
        found.append(deal.c.officer_id == query.officer_id)
    for organisation_id in (query.organisation_id, query.party_of):
        if organisation_id is not None:
            found.append(
                sa.or_(
                    deal.c.first_organisation_id == organisation_id,
                    deal.c.second_organisation_id == organisation_id,
                )
            )
    if query.opportunity_id is not None:
        found.append(
            sa.or_(
                deal.c.first_opportunity_id == query.opportunity_id,
                deal.c.second_opportunity_id == query.opportunity_id,
            )
        )
    if query.ids is not None:
        found.append(deal.c.id.in_(list(query.ids)))
    if query.text:
        pattern = "%" + query.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found.append(deal.c.title.ilike(pattern + "%", escape="\\"))
    return found


def _interaction(row: sa.Row[Any]) -> Interaction:
    m = dict(row._mapping)
    m["kind"] = InteractionKind(m["kind"])
    return Interaction(**m)


class SqlInteractionRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, record: Interaction) -> int:
        values = dataclasses.asdict(record)
        values.pop("id")
        values["kind"] = record.kind.value
        return inserted_id(self.connection.execute(sa.insert(interaction).values(values)))

    def get(self, interaction_id: int) -> Interaction | None:
        select = sa.select(interaction).where(interaction.c.id == interaction_id)
        row = self.connection.execute(select).first()
        return _interaction(row) if row is not None else None

    def find(
        self,
        *,
        deal_id: int | None = None,
        organisation_id: int | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Page[Interaction]:
        conditions = []
        if deal_id is not None:
            conditions.append(interaction.c.deal_id == deal_id)
        if organisation_id is not None:
            conditions.append(interaction.c.organisation_id == organisation_id)
        total = self.connection.execute(
            sa.select(sa.func.count()).select_from(interaction).where(*conditions)
        ).scalar_one()
        select = (
            sa.select(interaction)
            .where(*conditions)
            .order_by(interaction.c.occurred_on.desc(), interaction.c.id.desc())
            .offset(offset)
        )
        if limit is not None:
            select = select.limit(limit)
        items = [_interaction(row) for row in self.connection.execute(select)]
        return Page(items=items, total=total, limit=limit, offset=offset)


def _evidence(row: sa.Row[Any]) -> Evidence:
    m = dict(row._mapping)
    m["kind"] = EvidenceKind(m["kind"])
    return Evidence(**m)


class SqlEvidenceRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, record: Evidence, content: bytes) -> int:
        values = dataclasses.asdict(record)
        values.pop("id")
        values["kind"] = record.kind.value
        evidence_id = inserted_id(self.connection.execute(sa.insert(deal_evidence).values(values)))
        self.connection.execute(
            sa.insert(deal_evidence_content).values(evidence_id=evidence_id, content=content)
        )
        return evidence_id

    def get(self, evidence_id: int) -> Evidence | None:
        select = sa.select(deal_evidence).where(deal_evidence.c.id == evidence_id)
        row = self.connection.execute(select).first()
        return _evidence(row) if row is not None else None

    def for_deal(self, deal_id: int) -> list[Evidence]:
        select = (
            sa.select(deal_evidence)
            .where(deal_evidence.c.deal_id == deal_id)
            .order_by(deal_evidence.c.id)
        )
        return [_evidence(row) for row in self.connection.execute(select)]

    def content(self, evidence_id: int) -> bytes | None:
        select = sa.select(deal_evidence_content.c.content).where(
            deal_evidence_content.c.evidence_id == evidence_id
        )
        found = self.connection.execute(select).scalar_one_or_none()
        return bytes(found) if found is not None else None


def _submission(row: sa.Row[Any]) -> Submission:
    m = dict(row._mapping)
    m["stage"] = Stage(m["stage"])
    m["state"] = Verification(m["state"])
    m["outcome"] = Figures(**m["outcome"])
    m["checklist"] = tuple(EvidenceKind(k) for k in m["checklist"])
    m["evidence_ids"] = tuple(m["evidence_ids"])
    return Submission(**m)


def _confirmation(row: sa.Row[Any]) -> Confirmation:
    m = dict(row._mapping)
    m["additionality"] = Additionality(m["additionality"]) if m["additionality"] else None
    return Confirmation(**m)


class SqlVerificationRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add_submission(self, submission: Submission) -> int:
        values = dataclasses.asdict(submission)
        values.pop("id")
        values.update(
            stage=submission.stage.value,
            state=submission.state.value,
            checklist=[k.value for k in submission.checklist],
            evidence_ids=list(submission.evidence_ids),
        )
        return inserted_id(self.connection.execute(sa.insert(deal_submission).values(values)))

    def latest_submission(self, deal_id: int) -> Submission | None:
        select = (
            sa.select(deal_submission)
            .where(deal_submission.c.deal_id == deal_id)
            .order_by(deal_submission.c.id.desc())
            .limit(1)
        )
        row = self.connection.execute(select).first()
        return _submission(row) if row is not None else None

    def submissions(self, deal_id: int) -> list[Submission]:
        select = (
            sa.select(deal_submission)
            .where(deal_submission.c.deal_id == deal_id)
            .order_by(deal_submission.c.id)
        )
        return [_submission(row) for row in self.connection.execute(select)]

    def review(self, submission: Submission) -> bool:
        result = self.connection.execute(
            sa.update(deal_submission)
            .where(
                deal_submission.c.id == submission.id,
                deal_submission.c.state == Verification.SUBMITTED.value,
            )
            .values(
                state=submission.state.value,
                reviewed_by_id=submission.reviewed_by_id,
                reviewed_by=submission.reviewed_by,
                reviewed_at=submission.reviewed_at,
                review_reason=submission.review_reason,
            )
        )
        return result.rowcount == 1

    def add_confirmation(self, confirmation: Confirmation) -> int:
        values = dataclasses.asdict(confirmation)
        values.pop("id")
        values["additionality"] = None
        return inserted_id(self.connection.execute(sa.insert(deal_confirmation).values(values)))

    def confirmation_by_hash(self, token_hash: str) -> Confirmation | None:
        select = sa.select(deal_confirmation).where(deal_confirmation.c.token_hash == token_hash)
        row = self.connection.execute(select).first()
        return _confirmation(row) if row is not None else None

    def confirmations(self, deal_id: int) -> list[Confirmation]:
        select = (
            sa.select(deal_confirmation)
            .where(deal_confirmation.c.deal_id == deal_id)
            .order_by(deal_confirmation.c.id)
        )
        return [_confirmation(row) for row in self.connection.execute(select)]

    def use_confirmation(self, confirmation: Confirmation) -> bool:
        result = self.connection.execute(
            sa.update(deal_confirmation)
            .where(
                deal_confirmation.c.id == confirmation.id,
                deal_confirmation.c.used_at.is_(None),
            )
            .values(
                used_at=confirmation.used_at,
                confirmed=confirmation.confirmed,
                additionality=confirmation.additionality.value
                if confirmation.additionality
                else None,
                comment=confirmation.comment,
            )
        )
        return result.rowcount == 1
