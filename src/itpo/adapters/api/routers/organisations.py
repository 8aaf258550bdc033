"""/api/v1/organisations"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from itpo.accounts.access import require_staff_write, require_write
from itpo.adapters.api.auth import PrincipalDep, audited
from itpo.adapters.api.deps import PlatformDep, UowDep
from itpo.adapters.api.paging import LimitQuery, OffsetQuery, RecordId, page_limit
from itpo.adapters.api.schemas import (
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
    Page,
    Problem,
)
from itpo.registry import services
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
    kind: Many = None,
    country: Many = None,
    region: Many = None,
    q: str | None = None,
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
    page = services.list_organisations(uow=uow, query=query)
    return {"items": [organisation_dict(o) for o in page.items], "total": page.total,
            "limit": page.limit, "offset": page.offset}  # fmt: skip


@router.post("", response_model=OrganisationPublic, status_code=status.HTTP_201_CREATED,
             responses={409: {"model": Problem, "description": "external_id already taken"}})  # fmt: skip
def create_organisation(
    body: OrganisationCreate, uow: UowDep, principal: PrincipalDep
) -> dict[str, object]:
    """Create an organisation (officers and administrators)."""
    require_write(principal, None)
    with audited(uow, principal, "organisation.create", "organisation") as note:
        created = services.create_organisation(uow=uow, data=body.model_dump())
        note["id"] = created.id
    return organisation_dict(created)


@router.get("/{organisation_id}", response_model=OrganisationPublic, responses=NOT_FOUND)
def get_organisation(organisation_id: RecordId, uow: UowDep) -> dict[str, object]:
    """One organisation."""
    return organisation_dict(services.get_organisation(uow=uow, organisation_id=organisation_id))


@router.patch("/{organisation_id}", response_model=OrganisationPublic,
              responses={**NOT_FOUND, 409: {"model": Problem, "description": "external_id taken"}})  # fmt: skip
def update_organisation(
    organisation_id: RecordId, body: OrganisationUpdate, uow: UowDep, principal: PrincipalDep
) -> dict[str, object]:
    """Change some fields of an organisation (officers, or its own members)."""
    services.get_organisation(uow=uow, organisation_id=organisation_id)  # 404 before 403
    require_write(principal, organisation_id)
    changes = body.model_dump(exclude_unset=True)
    detail = {"fields": sorted(changes)}
    with audited(uow, principal, "organisation.update", "organisation", detail) as note:
        note["id"] = organisation_id
        updated = services.update_organisation(
            uow=uow, organisation_id=organisation_id, changes=changes
        )
    return organisation_dict(updated)


@router.delete("/{organisation_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses={**NOT_FOUND, 409: {"model": Problem, "description": "Has opportunities"}})  # fmt: skip
def delete_organisation(
    organisation_id: RecordId, uow: UowDep, principal: PrincipalDep
) -> Response:
    """Delete an organisation that has no opportunities (officers and administrators)."""
    services.get_organisation(uow=uow, organisation_id=organisation_id)
    require_staff_write(principal, "delete an organisation")
    with audited(uow, principal, "organisation.delete", "organisation") as note:
        note["id"] = organisation_id
        services.delete_organisation(uow=uow, organisation_id=organisation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
