"""/api/v1/opportunities: each asker sees the disclosure stage the rules give them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import (
    OpportunityCreate,
    OpportunityUpdate,
    OpportunityView,
    Page,
    Problem,
)
from itpo.adapters.http import (
    LimitQuery,
    OffsetQuery,
    PlatformDep,
    RecordId,
    RecordIdFilter,
    UowDep,
    page_limit,
)
from itpo.registry import reading, services
from itpo.registry.filters import opportunity_query

router = APIRouter(prefix="/opportunities", tags=["opportunities"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such opportunity, or not one the asker may see"}
}
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "A bad API token"},
    403: {"model": Problem, "description": "Not allowed for this user or token"},
}


@router.get(
    "", response_model=Page[OpportunityView], response_model_exclude_unset=True, responses=REFUSED
)
def list_opportunities(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    kind: Annotated[
        list[str] | None,
        Query(
            description="technology_offer, technology_need, investment_project, investment_mandate"
        ),
    ] = None,
    country: Annotated[list[str] | None, Query(description="ISO 3166 alpha-3, e.g. KEN")] = None,
    region: Annotated[
        list[str] | None, Query(description="UN M49 region or sub-region, or LDC/LLDC/SIDS")
    ] = None,
    isic: Annotated[list[str] | None, Query(description="ISIC Rev.4 code at any level")] = None,
    sdg: Annotated[list[str] | None, Query(description="SDG number 1-17")] = None,
    area: Annotated[list[str] | None, Query(description="Technology area or family")] = None,
    status_: Annotated[list[str] | None, Query(alias="status", description="Record status")] = None,
    organisation_id: RecordIdFilter = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the title or teaser")
    ] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, object]:
    """Opportunities matching every filter, in id order; values of one filter combine with OR."""
    query = opportunity_query(
        kind=kind or [],
        country=country or [],
        region=region or [],
        isic=isic or [],
        sdg=sdg or [],
        area=area or [],
        status=status_ or [],
        q=q,
        organisation_id=organisation_id,
        limit=page_limit(platform.settings, limit),
        offset=offset,
    )
    page = reading.view_opportunities(
        uow=uow,
        by=principal,
        query=query,
        home=platform.settings.home_country,
        now=platform.clock,
    )
    items = [view.values for view in page.items]
    return {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset}


@router.post(
    "",
    response_model=OpportunityView,
    response_model_exclude_unset=True,
    status_code=status.HTTP_201_CREATED,
    responses={**REFUSED, 409: {"model": Problem, "description": "external_id taken"}},
)
def create_opportunity(
    body: OpportunityCreate, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Create an opportunity (officers, or members for their own organisation)."""
    created = services.create_opportunity(
        uow=uow, by=principal, data=body.model_dump(), now=platform.clock
    )
    return _shown(platform, uow, principal, created.id)


@router.get(
    "/{opportunity_id}",
    response_model=OpportunityView,
    response_model_exclude_unset=True,
    responses={**NOT_FOUND, **REFUSED},
)
def get_opportunity(
    opportunity_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One opportunity, at the asker's disclosure stage."""
    return _shown(platform, uow, principal, opportunity_id)


@router.patch(
    "/{opportunity_id}",
    response_model=OpportunityView,
    response_model_exclude_unset=True,
    responses={**NOT_FOUND, **REFUSED, 409: {"model": Problem, "description": "external_id taken"}},
)
def update_opportunity(
    opportunity_id: RecordId,
    body: OpportunityUpdate,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Change some fields of an opportunity; the whole record is checked again."""
    services.update_opportunity(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        changes=body.model_dump(exclude_unset=True),
        now=platform.clock,
    )
    return _shown(platform, uow, principal, opportunity_id)


@router.delete(
    "/{opportunity_id}", status_code=status.HTTP_204_NO_CONTENT, responses={**NOT_FOUND, **REFUSED}
)
def delete_opportunity(
    opportunity_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> Response:
    """Delete an opportunity."""
    services.delete_opportunity(
        uow=uow, by=principal, opportunity_id=opportunity_id, now=platform.clock
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _shown(
    platform: PlatformDep, uow: UowDep, principal: PrincipalDep, opportunity_id: int | None
) -> dict[str, Any]:
    assert opportunity_id is not None  # a stored record has one
    view = reading.view_opportunity(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        home=platform.settings.home_country,
        now=platform.clock,
    )
    return dict(view.values)
