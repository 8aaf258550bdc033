"""One opportunity at the asker's disclosure stage, and one organisation's profile with the
opportunities the asker may see under its name and, for those who may see them, its people."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from itpo.accounts import services as accounts
from itpo.adapters.http import MAX_ID, PlatformDep, UowDep
from itpo.adapters.web.pages.browse_common import Names, page_numbers
from itpo.adapters.web.pages.practice_views import similar_for
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.appraisal import services as appraisals
from itpo.registry import reading
from itpo.registry.disclosure import Stage
from itpo.registry.model import OpportunityKind

router = APIRouter()
PAGE_SIZE = 20
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]
DoneQuery = Annotated[str, Query(max_length=40)]


@router.get("/opportunities/{opportunity_id:int}")
def opportunity(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, opportunity_id: PathId
) -> Response:
    """One opportunity, at the stage the disclosure rules give the asker; hidden is missing."""
    view = reading.view_opportunity(
        uow=uow,
        by=visit.principal,
        opportunity_id=opportunity_id,
        home=platform.settings.home_country,
        now=platform.clock,
    )
    kept = []
    if view.stage is Stage.RESTRICTED and view.values["kind"] == OpportunityKind.INVESTMENT_PROJECT:
        kept = appraisals.list_appraisals(
            uow=uow, by=visit.principal, opportunity_id=opportunity_id, now=platform.clock
        )
    values = {
        "opportunity": dict(view.values),
        "stage": view.stage.name.lower(),
        "appraisals": kept,
        "may_match": view.may_match,
        "may_edit": view.may_edit,
        "names": Names(visit.language),
        "similar": similar_for(platform, uow, visit.principal, [opportunity_id], visit.language),
    }
    return render(request, visit, "browse/opportunity.html", values)


@router.get("/organisations/{organisation_id:int}")
def organisation(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    organisation_id: PathId,
    page: PageNumber = 1,
    done: DoneQuery = "",
) -> Response:
    """An organisation's profile, as the API shows it, its opportunities the asker may see,
    its people for officers and its own members, and what the asker may do with it."""
    principal = visit.principal
    profile = reading.view_organisation(uow=uow, by=principal, organisation_id=organisation_id)
    people = (
        accounts.organisation_people(uow=uow, by=principal, organisation_id=organisation_id)
        if profile.may_see_people
        else None
    )
    listed = reading.listed_under(
        uow=uow,
        by=principal,
        organisation_id=organisation_id,
        home=platform.settings.home_country,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    pages = max(1, -(-listed.total // PAGE_SIZE))
    values: dict[str, Any] = {
        "organisation": profile.values,
        "view": profile,
        "people": people,
        "done": done,
        "items": [dict(view.values) for view in listed.items],
        "total": listed.total,
        "page": page,
        "pages": pages,
        "page_links": page_numbers(page, pages),
        "first": (page - 1) * PAGE_SIZE + 1,
        "own": profile.own,
        "show_status": profile.sees_status,
        "names": Names(visit.language),
    }
    return render(request, visit, "browse/organisation.html", values)
