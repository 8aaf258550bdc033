"""/api/v1/organisations"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import (
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
    Page,
    Problem,
)
from itpo.adapters.http import LimitQuery, OffsetQuery, PlatformDep, RecordId, UowDep, page_limit
from itpo.registry import reading, services
from itpo.registry.filters import organisation_query
from itpo.registry.presenting import organisation_dict

router = APIRouter(prefix="/organisations", tags=["organisations"])
Many = Annotated[list[str] | None, Query()]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such organisation"}
}


@router.get("", response_model=Page[OrganisationPublic])
def list_organisations(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    kind: Many = None,
    country: Many = None,
    region: Many = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, object]:
    """Organisations matching every filter, in id order."""
    query = organisation_query(
        kind=kind or [],
        country=country or [],
        region=region or [],
        q=q,
        limit=page_limit(platform.settings, limit),
        offset=offset,
    )
    page = reading.organisation_profiles(uow=uow, by=principal, query=query)
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


@router.post(
    "",
    response_model=OrganisationPublic,
    status_code=status.HTTP_201_CREATED,
    responses={409: {"model": Problem, "description": "external_id already taken"}},
)
def create_organisation(
    body: OrganisationCreate, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, object]:
    """Create an organisation (officers and administrators)."""
    created = services.create_organisation(
        uow=uow, by=principal, data=body.model_dump(), now=platform.clock
    )
    return organisation_dict(created)


@router.get("/{organisation_id}", response_model=OrganisationPublic, responses=NOT_FOUND)
def get_organisation(
    organisation_id: RecordId, uow: UowDep, principal: PrincipalDep
) -> dict[str, object]:
    """One organisation."""
    return reading.organisation_profile(uow=uow, by=principal, organisation_id=organisation_id)


@router.patch(
    "/{organisation_id}",
    response_model=OrganisationPublic,
    responses={**NOT_FOUND, 409: {"model": Problem, "description": "external_id taken"}},
)
def update_organisation(
    organisation_id: RecordId,
    body: OrganisationUpdate,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, object]:
    """Change some fields of an organisation (officers, or its own members)."""
    updated = services.update_organisation(
        uow=uow,
        by=principal,
        organisation_id=organisation_id,
        changes=body.model_dump(exclude_unset=True),
        now=platform.clock,
    )
    return organisation_dict(updated)


@router.delete(
    "/{organisation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**NOT_FOUND, 409: {"model": Problem, "description": "Has opportunities"}},
)
def delete_organisation(
    organisation_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> Response:
    """Delete an organisation that has no opportunities (officers and administrators)."""
    services.delete_organisation(
        uow=uow, by=principal, organisation_id=organisation_id, now=platform.clock
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
