"""/matches: the stored matches the asker may see (every match for officers, those of the
organisation's opportunities for members), by state, newest change first."""

from __future__ import annotations

from collections.abc import Collection
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from itpo.adapters.http import MAX_ID, UowDep
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.matching.decisions import STATE_HELP, MatchState
from itpo.matching.tracking import list_matches
from itpo.registry import reading, services

router = APIRouter()
PAGE_SIZE = 25
OffsetQuery = Annotated[int, Query(ge=0, le=10_000_000)]


@router.get("/matches")
def match_list(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    state: Annotated[list[MatchState] | None, Query()] = None,
    opportunity_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    offset: OffsetQuery = 0,
) -> Response:
    """Stored matches, most recently changed first, with each pair's titles."""
    visit.require_user()
    principal = visit.principal
    chosen: Collection[MatchState] = tuple(dict.fromkeys(state or ()))
    page = list_matches(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        states=chosen,
        limit=PAGE_SIZE,
        offset=offset,
    )
    focus = None
    if opportunity_id is not None:
        focus = services.get_opportunity(uow=uow, by=principal, opportunity_id=opportunity_id)
    ids = {i for match in page.items for i in (match.first_id, match.second_id)}
    values = {
        "matches": list(page.items),
        "sides": reading.pair_sides(uow=uow, by=principal, ids=ids),
        "total": page.total,
        "offset": offset,
        "size": PAGE_SIZE,
        "states": list(MatchState),
        "chosen": [s.value for s in chosen],
        "state_help": STATE_HELP,
        "focus": focus,
    }
    return render(request, visit, "work/list.html", values)
