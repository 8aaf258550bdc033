"""/api/v1/deals: open a deal, list and read deals, change their fields, stage and status."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status

from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.deal_schemas import (
    DealChange,
    DealDetail,
    DealOpen,
    DealSummary,
    StageMove,
    StatusChange,
)
from itpo.adapters.api.schemas import Page, Problem
from itpo.adapters.http import (
    MAX_ID,
    LimitQuery,
    OffsetQuery,
    PlatformDep,
    RecordId,
    UowDep,
    page_limit,
)
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.pipeline import deals
from itpo.pipeline.model import DealStatus, Stage, Verification
from itpo.pipeline.ports import DealQuery
from itpo.pipeline.presenting import deal_summary_dict, deal_view_dict
from itpo.registry.errors import FieldError, ValidationError

router = APIRouter(prefix="/deals", tags=["deals"])
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such deal, or not one of the asker's"}
}
CHANGED: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    409: {"model": Problem, "description": "Changed since `version` was read"},
    422: {"model": Problem, "description": "A bad field, or what the stage needs is missing"},
}


@router.get("", response_model=Page[DealSummary])
def list_deals(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    stage: Annotated[list[Stage] | None, Query()] = None,
    deal_status: Annotated[list[DealStatus] | None, Query(alias="status")] = None,
    verification: Annotated[list[Verification] | None, Query()] = None,
    office_id: IdFilter = None,
    officer_id: IdFilter = None,
    organisation_id: IdFilter = None,
    opportunity_id: IdFilter = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the title")] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """Deals, most recently changed first: every deal for officers, their organisation's for
    members."""
    query = DealQuery(
        stages=stage or (),
        statuses=deal_status or (),
        verification=verification or (),
        office_id=office_id,
        officer_id=officer_id,
        organisation_id=organisation_id,
        opportunity_id=opportunity_id,
        text=q,
        limit=page_limit(platform.settings, limit),
        offset=offset,
    )
    page = deals.list_deals(uow=uow, by=principal, query=query)
    rates = platform.rates()
    items = [deal_summary_dict(deal, rates) for deal in page.items]
    return {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset}


@router.post(
    "",
    response_model=DealDetail,
    status_code=status.HTTP_201_CREATED,
    responses={
        404: {"model": Problem, "description": "No such match, organisation or opportunity"},
        409: {"model": Problem, "description": "The match is not introduced, or has a deal"},
    },
)
def open_deal(
    body: DealOpen, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Open a deal (officers): from an introduced match, or for a deal brokered outside the
    platform or met at an event, between one or two organisations."""
    home = platform.settings.home_country
    if body.match_id is not None:
        if body.organisation_ids or body.opportunity_ids:
            raise ValidationError(
                [FieldError("match_id", "a deal from a match takes its parties from the match")]
            )
        deal = deals.open_deal_from_match(
            uow=uow,
            by=principal,
            match_id=body.match_id,
            home=home,
            officer_id=body.officer_id,
            now=platform.clock,
        )
    else:
        deal = deals.open_deal(
            uow=uow,
            by=principal,
            organisation_ids=_pair(body.organisation_ids, "organisation_ids", required=True),
            opportunity_ids=_pair(body.opportunity_ids, "opportunity_ids"),
            title=body.title,
            source=body.source,
            meeting_id=body.meeting_id,
            officer_id=body.officer_id,
            home=home,
            now=platform.clock,
        )
    return _detail(platform, uow, principal, deal.id)


@router.get("/{deal_id}", response_model=DealDetail, responses=NOT_FOUND)
def get_deal(
    deal_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One deal: what its next stage still needs, its log, its latest submission for
    verification and what the asker may do with it."""
    return _detail(platform, uow, principal, deal_id)


@router.patch("/{deal_id}", response_model=DealDetail, responses=CHANGED)
def update_deal(
    deal_id: RecordId,
    body: DealChange,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Change a deal's fields and figures (its officers). A verified outcome changed goes back
    to be verified again."""
    deals.update_deal(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        changes=body.changes,
        expected_version=body.version,
        now=platform.clock,
    )
    return _detail(platform, uow, principal, deal_id)


@router.post("/{deal_id}/stage", response_model=DealDetail, responses=CHANGED)
def move_deal(
    deal_id: RecordId,
    body: StageMove,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Move a deal to another stage, setting what that stage needs in the same step; refused
    with the missing fields named."""
    deals.move_deal(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        to=body.to.value,
        changes=body.changes,
        reason=body.reason,
        expected_version=body.version,
        now=platform.clock,
    )
    return _detail(platform, uow, principal, deal_id)


@router.post("/{deal_id}/status", response_model=DealDetail, responses=CHANGED)
def set_status(
    deal_id: RecordId,
    body: StatusChange,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Hold, drop or resume a deal, with the reason; the stage it reached is kept."""
    deals.set_status(
        uow=uow,
        by=principal,
        deal_id=deal_id,
        status=body.status.value,
        reason=body.reason,
        on=body.on,
        expected_version=body.version,
        now=platform.clock,
    )
    return _detail(platform, uow, principal, deal_id)


def _detail(
    platform: Platform, uow: SqlUnitOfWork, principal: Principal, deal_id: int | None
) -> dict[str, Any]:
    assert deal_id is not None
    view = deals.get_deal(uow=uow, by=principal, deal_id=deal_id, now=platform.clock)
    return deal_view_dict(view, platform.rates())


def _pair(ids: list[int], field: str, *, required: bool = False) -> tuple[Any, int | None]:
    if required and not ids:
        raise ValidationError([FieldError(field, "names at least one organisation")])
    for value in ids:
        if not 1 <= value <= MAX_ID:
            raise ValidationError([FieldError(field, f"{value} is not a record id")])
    padded = [*ids, None, None]
    return (padded[0], padded[1])
