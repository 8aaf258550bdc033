"""/api/v1/opportunities"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from itpo.adapters.api.deps import PlatformDep, UowDep
from itpo.adapters.api.paging import LimitQuery, OffsetQuery, RecordId, RecordIdFilter, page_limit
from itpo.adapters.api.schemas import (
    OpportunityCreate,
    OpportunityPublic,
    OpportunityUpdate,
    Page,
    Problem,
)
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.registry import services
from itpo.registry.filters import opportunity_query
from itpo.registry.model import Opportunity
from itpo.registry.presenting import opportunity_dict

router = APIRouter(prefix="/opportunities", tags=["opportunities"])
Many = Annotated[list[str] | None, Query()]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such opportunity"}
}


def _present(
    platform: Platform, uow: SqlUnitOfWork, items: list[Opportunity]
) -> list[dict[str, Any]]:
    with uow:
        owners = uow.organisations.get_many(o.organisation_id for o in items)
    home = platform.settings.home_country
    return [opportunity_dict(o, owners, home=home) for o in items]


@router.get("", response_model=Page[OpportunityPublic])
def list_opportunities(
    platform: PlatformDep,
    uow: UowDep,
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
    page = services.list_opportunities(uow=uow, query=query)
    return {"items": _present(platform, uow, list(page.items)), "total": page.total,
            "limit": page.limit, "offset": page.offset}  # fmt: skip


@router.post("", response_model=OpportunityPublic, status_code=status.HTTP_201_CREATED,
             responses={409: {"model": Problem, "description": "external_id already taken"}})  # fmt: skip
def create_opportunity(
    body: OpportunityCreate, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """Create an opportunity."""
    created = services.create_opportunity(uow=uow, data=body.model_dump())
    return _present(platform, uow, [created])[0]


@router.get("/{opportunity_id}", response_model=OpportunityPublic, responses=NOT_FOUND)
def get_opportunity(opportunity_id: RecordId, platform: PlatformDep, uow: UowDep) -> dict[str, Any]:
    """One opportunity."""
    found = services.get_opportunity(uow=uow, opportunity_id=opportunity_id)
    return _present(platform, uow, [found])[0]


@router.patch("/{opportunity_id}", response_model=OpportunityPublic,
              responses={**NOT_FOUND, 409: {"model": Problem, "description": "external_id taken"}})  # fmt: skip
def update_opportunity(
    opportunity_id: RecordId, body: OpportunityUpdate, platform: PlatformDep, uow: UowDep
) -> dict[str, Any]:
    """Change some fields of an opportunity; the whole record is checked again."""
    changes = body.model_dump(exclude_unset=True)
    updated = services.update_opportunity(uow=uow, opportunity_id=opportunity_id, changes=changes)
    return _present(platform, uow, [updated])[0]


@router.delete("/{opportunity_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def delete_opportunity(opportunity_id: RecordId, uow: UowDep) -> Response:
    """Delete an opportunity."""
    services.delete_opportunity(uow=uow, opportunity_id=opportunity_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
