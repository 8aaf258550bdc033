"""/api/v1/search: published opportunities ranked for a free text, in any language."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.http import PlatformDep, UowDep
from itpo.matching.searching import MAX_QUERY, search
from itpo.registry.model import OpportunityKind

router = APIRouter(tags=["search"])


class SearchHitPublic(BaseModel):
    opportunity_id: int
    kind: OpportunityKind
    title: str
    teaser: str
    organisation: str = Field(description="The owner, unless the record is anonymous")
    countries: list[str]
    score: float = Field(description="The fused retrieval score; higher is closer")
    matched_terms: list[str] = Field(description="Words of the record that the text shares")


@router.get("/search", response_model=list[SearchHitPublic])
def search_opportunities(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="What to look for, any language")],
    lang: Annotated[
        str | None, Query(description="Language of q (en, zh, fr...); default: guessed")
    ] = None,
    kind: Annotated[list[OpportunityKind] | None, Query(description="Only these kinds")] = None,
    top: Annotated[int, Query(ge=1, le=100, description="How many results")] = 10,
) -> list[dict[str, Any]]:
    """Published opportunities most relevant to the text: lexical and multilingual semantic
    retrieval fused, so a Chinese query finds English records and back."""
    hits = search(
        uow=uow,
        by=principal,
        index=platform.index(),
        text=q,
        language=lang,
        kinds=kind or (),
        top=top,
    )
    return [hit.to_dict() for hit in hits]
