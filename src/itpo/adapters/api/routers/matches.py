"""Matches: an opportunity's best counterparts, the stored match records, and feedback on them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import Page, Problem
from itpo.adapters.http import (
    MAX_ID,
    LimitQuery,
    OffsetQuery,
    PlatformDep,
    RecordId,
    UowDep,
    page_limit,
    reads_inline,
)
from itpo.adapters.index_store import OpportunityIndex
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.matching.decisions import MatchState, Verdict
from itpo.matching.reading import match_dict
from itpo.matching.tracking import (
    get_match,
    give_feedback,
    list_matches,
    match_and_record,
    recorded_matches,
)
from itpo.registry.model import OpportunityKind

router = APIRouter(tags=["matches"])


class ReasonPublic(BaseModel):
    component: str = Field(description="The scoring component the reason explains")
    text: str
    facts: dict[str, list[str]] = Field(
        description="What the sentence states: codes, countries, terms, figures"
    )


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
    explained: list[ReasonPublic] = Field(
        default_factory=list, description="The reasons with the facts each one states"
    )
    match_id: int | None = Field(None, description="The stored match, for feedback")
    state: MatchState | None = Field(None, description="Where the match stands")
    relevance: float = Field(
        0.0, ge=0, le=1, description="How much the two are about the same thing, 0..1"
    )
    left_out: list[ReasonPublic] = Field(
        default_factory=list,
        description="For a near miss: the hard conditions that left the counterpart out",
    )


class NearMissesPublic(BaseModel):
    near_misses: list[MatchPublic] = Field(
        description="Counterparts on the same subject that a hard condition (a market, a "
        "cooperation type or an amount a side insists on, or a minimum TRL) left out, best first"
    )
    no_match: dict[str, str] = Field(
        description="When the record has no match: why, by language (en, zh); else empty"
    )


class DecisionPublic(BaseModel):
    id: int | None
    verdict: Verdict
    side: int | None = Field(description="The opportunity whose owner decided; null: an officer")
    reason: str
    weights_version: int
    decided_at: dt.datetime
    decided_by: str = Field(description="Who gave the verdict, as the audit log names them")


class MatchRecord(BaseModel):
    id: int
    opportunity_ids: list[int] = Field(description="The pair, lower id first")
    score: float = Field(description="The latest score of the pair, 0-100")
    components: dict[str, float]
    weights_version: int = Field(description="The scoring weights that gave the score")
    state: MatchState
    created_at: dt.datetime
    updated_at: dt.datetime
    decisions: list[DecisionPublic] = Field(description="Every verdict given, oldest first")


class Feedback(BaseModel):
    verdict: Verdict = Field(description="accept or decline")
    reason: str | None = Field(
        None, max_length=2000, description="Why; required for a decline, so matching can learn"
    )
    side: int | None = Field(
        None,
        description="The opportunity on whose behalf its owner decides; omit for an officer's "
        "verdict. An introduction needs both sides to accept.",
    )


MISSING_OPPORTUNITY: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such opportunity"},
}
MISSING_MATCH: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such match"},
}


@router.get(
    "/opportunities/{opportunity_id}/matches",
    response_model=list[MatchPublic],
    responses={
        **MISSING_OPPORTUNITY,
        409: {"model": Problem, "description": "The opportunity is not published, or has expired"},
    },
)
async def opportunity_matches(
    opportunity_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    top: Annotated[int, Query(ge=1, le=100, description="How many matches")] = 10,
    include_declined: Annotated[
        bool, Query(description="Also show counterparts someone declined")
    ] = False,
) -> list[dict[str, Any]]:
    """The best eligible counterparts of a live opportunity, scored both ways and explained.

    Each one is kept as a match record (`match_id`), which feedback can name. Officers see
    every opportunity's matches; members those of their organisation's opportunities."""
    asked = (platform, uow, principal, opportunity_id, top, include_declined)
    # A cached answer is a few reads: on the loop when they cannot wait (see reads_inline),
    # where a thread hop would cost more than they do. Computing, or writing a record, takes
    # a worker thread.
    if reads_inline(platform) and platform.index_store().generation:
        answer = _cached(*asked)
        if answer is not None:
            return answer
    return await run_in_threadpool(_computed, *asked)


def _cached(
    platform: Platform,
    uow: SqlUnitOfWork,
    principal: Principal,
    opportunity_id: int,
    top: int,
    include_declined: bool,
) -> list[dict[str, Any]] | None:
    """The answer when the cache holds it and nothing needs writing, reading only; else None."""
    with uow:  # one read transaction for all of it
        _, generation = _current(platform)
        results = recorded_matches(
            uow=uow,
            by=principal,
            cache=platform.match_cache,
            generation=generation,
            opportunity_id=opportunity_id,
            today=platform.today(),
            top=top,
            include_declined=include_declined,
        )
    return None if results is None else [result.to_dict() for result in results.results]


def _computed(
    platform: Platform,
    uow: SqlUnitOfWork,
    principal: Principal,
    opportunity_id: int,
    top: int,
    include_declined: bool,
) -> list[dict[str, Any]]:
    index, generation = _current(platform)
    results = match_and_record(
        uow=uow,
        by=principal,
        index=index,
        cache=platform.match_cache,
        generation=generation,
        opportunity_id=opportunity_id,
        today=platform.today(),
        top=top,
        include_declined=include_declined,
        rates=platform.rates(),
        now=platform.clock,
    )
    return [result.to_dict() for result in results.results]


@router.get(
    "/opportunities/{opportunity_id}/near-misses",
    response_model=NearMissesPublic,
    responses={
        **MISSING_OPPORTUNITY,
        409: {"model": Problem, "description": "The opportunity is not published, or has expired"},
    },
)
def opportunity_near_misses(
    opportunity_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """The counterparts a hard condition left out of a live opportunity's matches, each with
    the condition named, and, when it has no match at all, why. Officers see every
    opportunity's; members those of their organisation's opportunities."""
    index, generation = _current(platform)
    report = match_and_record(
        uow=uow,
        by=principal,
        index=index,
        cache=platform.match_cache,
        generation=generation,
        opportunity_id=opportunity_id,
        today=platform.today(),
        rates=platform.rates(),
        now=platform.clock,
    )
    return {
        "near_misses": [result.to_dict() for result in report.near_misses],
        "no_match": {language: reason.text for language, reason in report.no_match.items()},
    }


def _current(platform: Platform) -> tuple[OpportunityIndex, int]:
    """The index brought up to date, and its generation, from one look at what changed."""
    store = platform.index_store()
    index = store.current()  # first, so the generation read next is current
    return index, store.generation


@router.get("/matches", response_model=Page[MatchRecord], responses=MISSING_OPPORTUNITY)
def match_list(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    opportunity_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Matches where this opportunity is either side"),
    ] = None,
    state: Annotated[list[MatchState] | None, Query(description="Keep these states")] = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """Stored matches, most recently changed first: every match for officers, those of the
    organisation's opportunities for members."""
    page = list_matches(
        uow=uow,
        by=principal,
        opportunity_id=opportunity_id,
        states=state or (),
        limit=page_limit(platform.settings, limit),
        offset=offset,
    )
    return {
        "items": [match_dict(match) for match in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


@router.get("/matches/{match_id}", response_model=MatchRecord, responses=MISSING_MATCH)
def match_detail(match_id: RecordId, uow: UowDep, principal: PrincipalDep) -> dict[str, Any]:
    """One match with every decision taken on it."""
    return match_dict(get_match(uow=uow, by=principal, match_id=match_id))


@router.post(
    "/matches/{match_id}/feedback",
    response_model=MatchRecord,
    responses={
        **MISSING_MATCH,
        422: {"description": "A decline without a reason, or a side that is not in the pair"},
    },
)
def match_feedback(
    match_id: RecordId,
    feedback: Feedback,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Accept or decline a match. Each party's latest verdict counts: a decline closes the
    match, one side's accept makes it `interested`, both sides' make it `introduced`, an
    officer's accept alone makes it `shortlisted`. Verdicts teach `itpo learn`. A member
    decides for its own side only, and must name it."""
    match = give_feedback(
        uow=uow,
        by=principal,
        match_id=match_id,
        verdict=feedback.verdict.value,
        reason=feedback.reason,
        side=feedback.side,
        now=platform.clock,
    )
    return match_dict(match)
