"""One opportunity at the asker's disclosure stage, and one organisation's profile with the
opportunities the asker may see under its name."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from itpo.accounts.access import may_act_for
from itpo.accounts.model import Scope
from itpo.adapters.api.auth import audience_of, visible_opportunity
from itpo.adapters.api.deps import PlatformDep, UowDep
from itpo.adapters.api.paging import MAX_ID
from itpo.adapters.api.routers.appraisals import require_restricted_appraisal
from itpo.adapters.api.routers.opportunities import audit_restricted_view, present_opportunities
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.browse_common import Names, page_numbers
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.appraisal import services as appraisals
from itpo.registry import services
from itpo.registry.disclosure import Audience, Stage, owner_shown, scope, stage
from itpo.registry.model import Opportunity, OpportunityKind
from itpo.registry.presenting import organisation_dict
from itpo.registry.queries import OpportunityQuery

router = APIRouter()
PAGE_SIZE = 20
# An organisation's records are read in batches this size (to leave out the anonymous ones
# before counting): most organisations have a handful.
BATCH = 500
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]


@router.get("/opportunities/{opportunity_id:int}")
def opportunity(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, opportunity_id: PathId
) -> Response:
    """One opportunity, at the stage the disclosure rules give the asker; hidden is missing."""
    principal = visit.principal
    found, seen_by = visible_opportunity(uow, principal, opportunity_id)
    audit_restricted_view(uow, principal, found, seen_by)
    shown = stage(seen_by, found)
    kept = []
    if shown is Stage.RESTRICTED and found.kind is OpportunityKind.INVESTMENT_PROJECT:
        kept = appraisals.list_appraisals(uow=uow, opportunity_id=opportunity_id)
        if kept:
            require_restricted_appraisal(uow, principal, opportunity_id)  # audits others' views
    values = {
        "opportunity": present_opportunities(platform, uow, [found], seen_by)[0],
        "stage": shown.name.lower(),
        "appraisals": kept,
        "works_on": may_act_for(principal, found.organisation_id),
        "may_edit": may_act_for(principal, found.organisation_id) and principal.may(Scope.WRITE),
        "names": Names(visit.language),
    }
    return render(request, visit, "browse/opportunity.html", values)


def _listed_under(uow: SqlUnitOfWork, seen_by: Audience, organisation_id: int) -> list[Opportunity]:
    """The organisation's records the asker may see and may know are its own, newest first:
    an anonymous record listed under its owner would unmask it."""
    limits = scope(seen_by, owner=organisation_id)
    query = OpportunityQuery(organisation_id=organisation_id, scope=limits, limit=BATCH)
    found: list[Opportunity] = []
    offset = 0
    while True:
        page = services.list_opportunities(uow=uow, query=dataclasses.replace(query, offset=offset))
        found.extend(o for o in page.items if owner_shown(seen_by, o))
        offset += BATCH
        if offset >= page.total or not page.items:
            break
    return sorted(found, key=lambda o: o.id or 0, reverse=True)


@router.get("/organisations/{organisation_id:int}")
def organisation(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    organisation_id: PathId,
    page: PageNumber = 1,
) -> Response:
    """An organisation's profile, as the API shows it, and its opportunities the asker may see."""
    profile = organisation_dict(services.get_organisation(uow=uow, organisation_id=organisation_id))
    seen_by = audience_of(visit.principal, uow)
    listed = _listed_under(uow, seen_by, organisation_id)
    total = len(listed)
    pages = max(1, -(-total // PAGE_SIZE))
    shown = listed[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    values: dict[str, Any] = {
        "organisation": profile,
        "items": present_opportunities(platform, uow, shown, seen_by),
        "total": total,
        "page": page,
        "pages": pages,
        "page_links": page_numbers(page, pages),
        "first": (page - 1) * PAGE_SIZE + 1,
        "own": visit.principal.belongs_to(organisation_id),
        "show_status": may_act_for(visit.principal, organisation_id),
        "names": Names(visit.language),
    }
    return render(request, visit, "browse/organisation.html", values)
