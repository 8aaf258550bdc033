"""/api/v1/opportunities: each asker sees the disclosure stage the rules give them."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from itpo.accounts.access import require_write
from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import (
    PrincipalDep,
    audience_of,
    audited,
    visible_opportunity,
)
from itpo.adapters.api.deps import PlatformDep, UowDep
from itpo.adapters.api.paging import LimitQuery, OffsetQuery, RecordId, RecordIdFilter, page_limit
from itpo.adapters.api.schemas import (
    OpportunityCreate,
    OpportunityUpdate,
    OpportunityView,
    Page,
    Problem,
)
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.registry import services
from itpo.registry.disclosure import Audience, Stage, redact, scope, stage
from itpo.registry.filters import opportunity_query
from itpo.registry.model import Opportunity
from itpo.registry.presenting import opportunity_dict

router = APIRouter(prefix="/opportunities", tags=["opportunities"])
Many = Annotated[list[str] | None, Query()]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such opportunity, or not one the asker may see"}
}
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "A bad API token"},
    403: {"model": Problem, "description": "Not allowed for this user or token"},
}


def present_opportunities(
    platform: Platform, uow: SqlUnitOfWork, items: list[Opportunity], seen_by: Audience
) -> list[dict[str, Any]]:
    with uow:
        owners = uow.organisations.get_many(o.organisation_id for o in items)
    home = platform.settings.home_country
    return [redact(opportunity_dict(o, owners, home=home), seen_by, o) for o in items]


def audit_restricted_view(
    uow: SqlUnitOfWork, principal: Principal, found: Opportunity, seen_by: Audience
) -> None:
    """Reading another organisation's restricted detail leaves a trace."""
    if stage(seen_by, found) is Stage.RESTRICTED and not principal.belongs_to(
        found.organisation_id
    ):
        with audited(uow, principal, "opportunity.view_restricted", "opportunity") as note:
            note["id"] = found.id


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
    seen_by = audience_of(principal, uow)
    query = dataclasses.replace(query, scope=scope(seen_by, owner=organisation_id))
    page = services.list_opportunities(uow=uow, query=query)
    return {"items": present_opportunities(platform, uow, list(page.items), seen_by), "total": page.total,
            "limit": page.limit, "offset": page.offset}  # fmt: skip


@router.post("", response_model=OpportunityView, response_model_exclude_unset=True,
             status_code=status.HTTP_201_CREATED,
             responses={**REFUSED, 409: {"model": Problem, "description": "external_id taken"}})  # fmt: skip
def create_opportunity(
    body: OpportunityCreate, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Create an opportunity (officers, or members for their own organisation)."""
    require_write(principal, body.organisation_id)
    with audited(uow, principal, "opportunity.create", "opportunity") as note:
        created = services.create_opportunity(uow=uow, data=body.model_dump())
        note["id"] = created.id
    return present_opportunities(platform, uow, [created], audience_of(principal, uow))[0]


@router.get("/{opportunity_id}", response_model=OpportunityView,
            response_model_exclude_unset=True, responses={**NOT_FOUND, **REFUSED})  # fmt: skip
def get_opportunity(
    opportunity_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One opportunity, at the asker's disclosure stage."""
    found, seen_by = visible_opportunity(uow, principal, opportunity_id)
    audit_restricted_view(uow, principal, found, seen_by)
    return present_opportunities(platform, uow, [found], seen_by)[0]


@router.patch("/{opportunity_id}", response_model=OpportunityView,
              response_model_exclude_unset=True,
              responses={**NOT_FOUND, **REFUSED,
                         409: {"model": Problem, "description": "external_id taken"}})  # fmt: skip
def update_opportunity(
    opportunity_id: RecordId,
    body: OpportunityUpdate,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Change some fields of an opportunity; the whole record is checked again."""
    found, _ = visible_opportunity(uow, principal, opportunity_id)
    require_write(principal, found.organisation_id)
    changes = body.model_dump(exclude_unset=True)
    if "organisation_id" in changes:
        require_write(principal, changes["organisation_id"])  # giving it away needs both
    detail = {"fields": sorted(changes)}
    with audited(uow, principal, "opportunity.update", "opportunity", detail) as note:
        note["id"] = opportunity_id
        updated = services.update_opportunity(
            uow=uow, opportunity_id=opportunity_id, changes=changes
        )
    return present_opportunities(platform, uow, [updated], audience_of(principal, uow))[0]


@router.delete("/{opportunity_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses={**NOT_FOUND, **REFUSED})  # fmt: skip
def delete_opportunity(opportunity_id: RecordId, uow: UowDep, principal: PrincipalDep) -> Response:
    """Delete an opportunity."""
    found, _ = visible_opportunity(uow, principal, opportunity_id)
    require_write(principal, found.organisation_id)
    with audited(uow, principal, "opportunity.delete", "opportunity") as note:
        note["id"] = opportunity_id
        services.delete_opportunity(uow=uow, opportunity_id=opportunity_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
