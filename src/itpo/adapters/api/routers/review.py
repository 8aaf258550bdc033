"""/api/v1/opportunities/{id}/review and /api/v1/review-desk: a profile's review (what a
machine sees wanting, its history), the steps its owner and the office take, and what waits
for the office's reviewers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import Problem
from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.review import desk, services
from itpo.review.criteria import Finding
from itpo.review.desk import DeskItem
from itpo.review.model import ReviewEntry
from itpo.review.services import ReviewSheet

router = APIRouter(tags=["review"])
ANSWERS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "A bad API token"},
    403: {"model": Problem, "description": "Not allowed for this user or token"},
    404: {"model": Problem, "description": "No such opportunity, or not one the asker may see"},
    409: {"model": Problem, "description": "Not a step the profile's status allows"},
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PublishBody(Strict):
    confirmed: list[str] = Field(
        description="Every criterion the officer confirms: clear, complete, specific, genuine",
        max_length=10,
    )
    valid_until: dt.date | None = Field(
        None, description="Live until this day (default: its own date, else a year from today)"
    )


class SendBackBody(Strict):
    wanting: list[str] = Field(description="The criteria the profile misses", max_length=10)
    reason: str = Field(description="What to change, for the owner", max_length=10_000)


class RenewBody(Strict):
    valid_until: dt.date


def _finding(f: Finding) -> dict[str, Any]:
    return {"criterion": f.criterion.value, "field": f.field, "message": str(f)}


def _entry(e: ReviewEntry) -> dict[str, Any]:
    return {
        "step": e.step.value,
        "at": e.at,
        "by": e.by_label,
        "reason": e.reason,
        "criteria": list(e.criteria),
        "valid_until": e.valid_until,
    }


def _sheet(sheet: ReviewSheet) -> dict[str, Any]:
    o = sheet.opportunity
    return {
        "opportunity_id": o.id,
        "status": o.status.value,
        "valid_until": o.valid_until,
        "findings": [_finding(f) for f in sheet.findings],
        "history": [_entry(e) for e in sheet.history],
        "may_submit": sheet.may_submit,
        "may_decide": sheet.may_decide,
        "may_renew": sheet.may_renew,
    }


def _item(i: DeskItem) -> dict[str, Any]:
    return {
        "opportunity_id": i.opportunity.id,
        "title": i.opportunity.title,
        "kind": i.opportunity.kind.value,
        "organisation": i.organisation.name if i.organisation else None,
        "since": i.since,
        "findings": [_finding(f) for f in i.findings],
    }


@router.get("/opportunities/{opportunity_id}/review", responses=ANSWERS)
def get_review(opportunity_id: RecordId, uow: UowDep, principal: PrincipalDep) -> dict[str, Any]:
    """The profile against the criteria and its review history: its owner's members and
    officers."""
    return _sheet(services.review_sheet(uow=uow, by=principal, opportunity_id=opportunity_id))


@router.post("/opportunities/{opportunity_id}/review/submit", responses=ANSWERS)
def submit(
    opportunity_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Ask the office to publish a draft or an expired profile."""
    services.submit(uow=uow, by=principal, opportunity_id=opportunity_id, now=platform.clock)
    return _sheet(services.review_sheet(uow=uow, by=principal, opportunity_id=opportunity_id))


@router.post("/opportunities/{opportunity_id}/review/publish", responses=ANSWERS)
def publish(
    opportunity_id: RecordId,
    body: PublishBody,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Publish the profile with every criterion confirmed (officers); its owner is told."""
    services.publish(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        confirmed=body.confirmed,
        valid_until=body.valid_until,
        links=platform.links(),
        now=platform.clock,
    )
    return _sheet(services.review_sheet(uow=uow, by=principal, opportunity_id=opportunity_id))


@router.post("/opportunities/{opportunity_id}/review/send-back", responses=ANSWERS)
def send_back(
    opportunity_id: RecordId,
    body: SendBackBody,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Return the profile to its owner as a draft with the criteria it misses and why
    (officers); its owner is told."""
    services.send_back(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        reason=body.reason,
        wanting=body.wanting,
        links=platform.links(),
        now=platform.clock,
    )
    return _sheet(services.review_sheet(uow=uow, by=principal, opportunity_id=opportunity_id))


@router.post("/opportunities/{opportunity_id}/review/renew", responses=ANSWERS)
def renew(
    opportunity_id: RecordId,
    body: RenewBody,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Move the validity date on (its owner's members, officers)."""
    services.renew(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        valid_until=body.valid_until,
        now=platform.clock,
    )
    return _sheet(services.review_sheet(uow=uow, by=principal, opportunity_id=opportunity_id))


@router.get("/review-desk", responses=ANSWERS)
def review_desk(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    notice_days: Annotated[int, Query(ge=1, le=365)] = desk.DEFAULT_NOTICE_DAYS,
) -> dict[str, Any]:
    """What waits for the office's reviewers (officers): submitted profiles, the longest
    waiting first; published ones changed since review; those about to expire or expired."""
    found = desk.review_desk(uow=uow, by=principal, notice_days=notice_days, now=platform.clock)
    return {
        "in_review": [_item(i) for i in found.in_review],
        "changed": [_item(i) for i in found.changed],
        "expiring": [_item(i) for i in found.expiring],
        "expired": [_item(i) for i in found.expired],
    }
