"""Deals and their records as plain dictionaries for people and programs: the API, the CLI
and the pages show the same fields, with amounts also in US dollars at the rates given."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from itpo.pipeline.confirmations import ConfirmationRequest
from itpo.pipeline.deals import DealView
from itpo.pipeline.model import (
    Confirmation,
    Deal,
    DealEvent,
    Evidence,
    Figures,
    Interaction,
    Submission,
)
from itpo.pipeline.stages import FIELD_LABELS, NextStage, next_stage
from itpo.registry.presenting import jsonable

MONEY = ("investment_committed", "investment_realised")


def figures_dict(
    figures: Figures | None, currency: str, rates: Mapping[str, float]
) -> dict[str, Any] | None:
    """A set of figures, with each amount also in US dollars (None when no rate is known)."""
    if figures is None:
        return None
    values: dict[str, Any] = dataclasses.asdict(figures)
    rate = rates.get(currency)
    for name in MONEY:
        amount = values[name]
        values[f"{name}_usd"] = None if amount is None or rate is None else amount * rate
    return values


def deal_dict(deal: Deal, rates: Mapping[str, float]) -> dict[str, Any]:
    """One deal's fields, its place and its three sets of figures."""
    return {
        "id": deal.id,
        "title": deal.title,
        "source": deal.source.value,
        "organisation_ids": list(deal.organisation_ids),
        "opportunity_ids": [
            i for i in (deal.first_opportunity_id, deal.second_opportunity_id) if i is not None
        ],
        "match_id": deal.match_id,
        "meeting_id": deal.meeting_id,
        "office_id": deal.office_id,
        "officer_id": deal.officer_id,
        "stage": deal.stage.value,
        "status": deal.status.value,
        "status_reason": deal.status_reason,
        "dropped_on": jsonable(deal.dropped_on),
        "agreement_type": jsonable(deal.agreement_type),
        "expected_signing_on": jsonable(deal.expected_signing_on),
        "signed_on": jsonable(deal.signed_on),
        "operational_on": jsonable(deal.operational_on),
        "currency": deal.currency,
        "projected": figures_dict(deal.projected, deal.currency, rates),
        "outcome": figures_dict(deal.outcome, deal.currency, rates),
        "verified": figures_dict(deal.verified, deal.currency, rates),
        "verification": deal.verification.value,
        "verified_on": jsonable(deal.verified_on),
        "sdgs": list(deal.sdgs),
        "countries": list(deal.place.countries),
        "isic_sections": list(deal.place.isic_sections),
        "technology_areas": list(deal.place.technology_areas),
        "direction": deal.place.direction,
        "notes": deal.notes,
        "illustrative": deal.illustrative,
        "opened_on": jsonable(deal.opened_on),
        "stage_since": jsonable(deal.stage_since),
        "last_interaction_on": jsonable(deal.last_interaction_on),
        "created_at": jsonable(deal.created_at),
        "updated_at": jsonable(deal.updated_at),
        "version": deal.version,
    }


def event_dict(event: DealEvent) -> dict[str, Any]:
    return {
        "at": event.at.isoformat(),
        "kind": event.kind,
        "from": event.from_value,
        "to": event.to_value,
        "reason": event.reason,
        "by": event.by_label,
    }


def submission_dict(submission: Submission) -> dict[str, Any]:
    """An outcome sent for verification, its figures in the deal's own currency."""
    return {
        "id": submission.id,
        "stage": submission.stage.value,
        "outcome": dataclasses.asdict(submission.outcome),
        "checklist": [kind.value for kind in submission.checklist],
        "evidence_ids": list(submission.evidence_ids),
        "note": submission.note,
        "submitted_by": submission.submitted_by,
        "submitted_at": submission.submitted_at.isoformat(),
        "state": submission.state.value,
        "reviewed_by": submission.reviewed_by,
        "reviewed_at": jsonable(submission.reviewed_at),
        "review_reason": submission.review_reason,
    }


def deal_summary_dict(deal: Deal, rates: Mapping[str, float]) -> dict[str, Any]:
    """A deal in a listing: its fields and what its next stage still needs."""
    return {**deal_dict(deal, rates), **_next_dict(next_stage(deal))}


def deal_view_dict(view: DealView, rates: Mapping[str, float]) -> dict[str, Any]:
    """A deal as its page shows it: what it needs next, its log and what the asker may do."""
    return {
        **deal_dict(view.deal, rates),
        **_next_dict(view.next),
        "events": [event_dict(event) for event in view.events],
        "parties": [{"id": p.id, "name": p.name} for p in view.parties],
        "opportunities": [{"id": o.id, "title": o.name} for o in view.opportunities],
        "officer": view.officer,
        "days_in_stage": view.days_in_stage,
        "submission": None if view.submission is None else submission_dict(view.submission),
        "actions": sorted(action.value for action in view.actions),
    }


def _next_dict(following: NextStage) -> dict[str, Any]:
    return {
        "next_stage": jsonable(following.stage),
        "missing": [
            {"field": name, "label": FIELD_LABELS.get(name, name)} for name in following.missing
        ],
    }


def interaction_dict(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "kind": interaction.kind.value,
        "occurred_on": interaction.occurred_on.isoformat(),
        "subject": interaction.subject,
        "notes": interaction.notes,
        "with_whom": interaction.with_whom,
        "deal_id": interaction.deal_id,
        "organisation_id": interaction.organisation_id,
        "logged_by": interaction.logged_by,
        "created_at": jsonable(interaction.created_at),
    }


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "id": evidence.id,
        "deal_id": evidence.deal_id,
        "kind": evidence.kind.value,
        "filename": evidence.filename,
        "media_type": evidence.media_type,
        "size": evidence.size,
        "sha256": evidence.sha256,
        "description": evidence.description,
        "uploaded_by": evidence.uploaded_by,
        "uploaded_at": jsonable(evidence.uploaded_at),
    }


def confirmation_dict(confirmation: Confirmation) -> dict[str, Any]:
    return {
        "id": confirmation.id,
        "deal_id": confirmation.deal_id,
        "organisation_id": confirmation.organisation_id,
        "email": confirmation.email,
        "created_at": confirmation.created_at.isoformat(),
        "expires_at": confirmation.expires_at.isoformat(),
        "used_at": jsonable(confirmation.used_at),
        "confirmed": confirmation.confirmed,
        "additionality": jsonable(confirmation.additionality),
        "comment": confirmation.comment,
    }


def confirmation_request_dict(
    request: ConfirmationRequest, rates: Mapping[str, float]
) -> dict[str, Any]:
    """What a party sees through its link: the deal's outcome, never its notes."""
    deal = request.deal
    return {
        "deal_title": deal.title,
        "organisation": request.organisation_name,
        "stage": deal.stage.value,
        "agreement_type": jsonable(deal.agreement_type),
        "signed_on": jsonable(deal.signed_on),
        "operational_on": jsonable(deal.operational_on),
        "currency": deal.currency,
        "outcome": figures_dict(deal.outcome, deal.currency, rates),
        "expires_at": request.confirmation.expires_at.isoformat(),
    }
