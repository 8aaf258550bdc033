"""/matches: the stored matches the asker may see (every match for officers, those of the
organisation's opportunities for members), by state, newest change first."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from itpo.accounts.access import require_matching, require_scope
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import audience_of, visible_opportunity
from itpo.adapters.api.deps import UowDep
from itpo.adapters.api.paging import MAX_ID
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.matching.decisions import STATE_HELP, MatchState
from itpo.matching.tracking import list_matches
from itpo.registry.disclosure import Stage, owner_shown, stage
from itpo.registry.model import OpportunityKind

router = APIRouter()
PAGE_SIZE = 25
OffsetQuery = Annotated[int, Query(ge=0, le=10_000_000)]


@dataclass(frozen=True, slots=True)
class PairSide:
    """One opportunity of a match as the asker may see it: `title` None when it is hidden
    from the asker (another's draft, a deleted record)."""

    id: int
    title: str | None
    kind: OpportunityKind | None
    organisation: str | None  # None: not disclosed to the asker
    own: bool


def pair_sides(uow: SqlUnitOfWork, principal: Principal, ids: Iterable[int]) -> dict[int, PairSide]:
    """The opportunities of some matches at the asker's disclosure stage, in two queries."""
    wanted = set(ids)
    seen_by = audience_of(principal, uow)
    with uow:
        found = uow.opportunities.get_many(wanted)
        owners = uow.organisations.get_many({o.organisation_id for o in found.values()})
    sides: dict[int, PairSide] = {}
    for key in wanted:
        record = found.get(key)
        if record is None or stage(seen_by, record) is Stage.HIDDEN:
            sides[key] = PairSide(key, None, None, None, False)
            continue
        owner = owners.get(record.organisation_id)
        named = owner.name if owner and owner_shown(seen_by, record) else None
        own = principal.belongs_to(record.organisation_id)
        sides[key] = PairSide(key, record.title, record.kind, named, own)
    return sides


def _member_organisation(principal: Principal) -> int | None:
    """None for staff (every match); a member's organisation; refused for anyone else."""
    require_scope(principal, Scope.MATCH)
    if principal.is_staff:
        return None
    if principal.organisation_id is None:
        raise Forbidden("only officers and members of an organisation have matches")
    return principal.organisation_id


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
    organisation_id = _member_organisation(principal)
    focus = None
    if opportunity_id is not None:
        found, _ = visible_opportunity(uow, principal, opportunity_id)
        require_matching(principal, found.organisation_id)
        focus = found
    chosen: Collection[MatchState] = tuple(dict.fromkeys(state or ()))
    page = list_matches(
        uow=uow,
        opportunity_id=opportunity_id,
        states=chosen,
        limit=PAGE_SIZE,
        offset=offset,
        organisation_id=organisation_id,
    )
    ids = {i for match in page.items for i in (match.first_id, match.second_id)}
    values = {
        "matches": list(page.items),
        "sides": pair_sides(uow, principal, ids),
        "total": page.total,
        "offset": offset,
        "size": PAGE_SIZE,
        "states": list(MatchState),
        "chosen": [s.value for s in chosen],
        "state_help": STATE_HELP,
        "focus": focus,
    }
    return render(request, visit, "work/list.html", values)
