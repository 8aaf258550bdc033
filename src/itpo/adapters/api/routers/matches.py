"""/api/v1/opportunities/{id}/matches: an opportunity's best counterparts, explained."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from itpo.adapters.api.deps import PlatformDep, UowDep
from itpo.adapters.api.schemas import Problem
from itpo.matching.service import find_matches
from itpo.registry.model import OpportunityKind

router = APIRouter(prefix="/opportunities", tags=["matches"])


class MatchPublic(BaseModel):
    opportunity_id: int = Field(description="The counterpart opportunity")
    kind: OpportunityKind
    title: str
    organisation: str = Field(description="The counterpart's organisation, unless anonymous")
    countries: list[str] = Field(description="ISO alpha-3: its markets or its location")
    score: float = Field(ge=0, le=100, description="Both directions combined, 0-100")
    components: dict[str, float] = Field(
        description="Each scoring component in 0..1, averaged over both directions"
    )
    reasons: list[str] = Field(
        description="Why it matches, strongest first, in the asker's language"
    )
    near_miss: str | None = Field(None, description="A constraint met narrowly, if any")


RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such opportunity"},
    409: {"model": Problem, "description": "The opportunity is not published, or has expired"},
}


@router.get("/{opportunity_id}/matches", response_model=list[MatchPublic], responses=RESPONSES)
def list_matches(
    opportunity_id: int,
    platform: PlatformDep,
    uow: UowDep,
    top: Annotated[int, Query(ge=1, le=100, description="How many matches")] = 10,
) -> list[dict[str, Any]]:
    """The best eligible counterparts of a live opportunity, scored both ways and explained."""
    results = find_matches(
        uow=uow,
        index=platform.index(),
        opportunity_id=opportunity_id,
        today=dt.datetime.now(dt.UTC).date(),
        top=top,
    )
    return [result.to_dict() for result in results]
