"""An opportunity's matches (a fragment the opportunity page loads, or a page of its own), one
match with its decisions, and feedback on a match: the API's rules, as pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.accounts.principal import Principal
from itpo.adapters.http import PlatformDep, RecordId, UowDep, record_id
from itpo.adapters.web.pages.auth import local_target
from itpo.adapters.web.pages.practice_views import similar_for
from itpo.adapters.web.pages.work_reasons import shown_matches
from itpo.adapters.web.templating import is_htmx, render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.matching.contacts import Contact, counterpart_contacts
from itpo.matching.decisions import (
    MAX_REASON,
    STATE_HELP,
    Match,
    MatchState,
    verdict_of,
    verdicts_open,
)
from itpo.matching.service import NotMatchable
from itpo.matching.stored_reasons import match_reasons
from itpo.matching.tracking import (
    get_match,
    give_feedback,
    match_and_record,
    matchable_opportunity,
    require_side,
    sides_for,
)
from itpo.pipeline import deals
from itpo.pipeline.ports import DealQuery
from itpo.registry import reading
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.model import Opportunity

router = APIRouter()
DEFAULT_TOP = 10
MAX_TOP = 100
# Far above the reason's own limit, which the domain words as a message next to the field.
MAX_FORM_TEXT = 100_000


@router.get("/opportunities/{opportunity_id:int}/matches")
def opportunity_matches(
    request: Request,
    opportunity_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    top: Annotated[int, Query(ge=1, le=MAX_TOP)] = DEFAULT_TOP,
    include_declined: bool = False,
) -> Response:
    """The best counterparts of a live opportunity, explained, for its owner and officers."""
    visit.require_user()
    found, _ = matchable_opportunity(uow, visit.principal, opportunity_id)
    values: dict[str, Any] = {
        "asking": found,
        "top": top,
        "more": min(top + DEFAULT_TOP, MAX_TOP),
        "include_declined": include_declined,
        "side": _side_in_view(visit.principal, found),
        "back": request.url.path,
        "state_help": STATE_HELP,
    }
    status = 200
    try:
        index = platform.index()  # brought up to date first, so its generation is current
        report = match_and_record(
            uow=uow,
            by=visit.principal,
            index=index,
            cache=platform.match_cache,
            generation=platform.index_store().generation,
            opportunity_id=opportunity_id,
            today=platform.today(),
            top=top,
            include_declined=include_declined,
            rates=platform.rates(),
            now=platform.clock,
        )
        values["matches"] = shown_matches(report.results, found.language, visit.language)
        values["near_misses"] = shown_matches(report.near_misses, found.language, visit.language)
        why = report.why_none(visit.language)
        values["no_match"] = why.text if why is not None else None
        values["unmatchable"] = None
    except NotMatchable:
        values["matches"] = values["near_misses"] = []
        values["no_match"] = None
        values["unmatchable"] = _why_unmatchable(found, platform)
        status = 200 if is_htmx(request) else 409  # HTMX swaps in 2xx answers only
    return render(
        request, visit, "work/matches.html", values, status=status, fragment="work/_matches.html"
    )


def _offered(match: Match, side: int | None) -> list[str]:
    """The verdicts the viewer's side may still give on the match."""
    given = verdict_of(match, side)
    return [v.value for v in verdicts_open(match.state, given)]


def _side_in_view(principal: Principal, asking: Opportunity) -> int | None:
    """Whom a verdict on this page speaks for: the owner's own opportunity, or an officer."""
    return None if principal.is_staff else asking.id


def _why_unmatchable(found: Opportunity, platform: PlatformDep) -> str:
    today = platform.today()
    if found.status.value != "published":
        return "unpublished"
    if found.valid_until is not None and found.valid_until < today:
        return "expired"
    return "not_indexed"


@router.get("/matches/{match_id:int}")
def match_page(
    request: Request, match_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """One match: the pair, its score, where it stands and every verdict given, and once
    introduced who to write to on the other side."""
    visit.require_user()
    match = get_match(uow=uow, by=visit.principal, match_id=match_id)
    contacts = counterpart_contacts(
        uow=uow, by=visit.principal, match_id=match_id, now=platform.clock
    )
    reasons = match_reasons(
        uow=uow,
        by=visit.principal,
        match_id=match_id,
        today=platform.today(),
        rates=platform.rates(),
        language=visit.language,
    )
    return _match_page(
        request,
        visit,
        uow,
        match,
        sides_for(uow, visit.principal, match),
        contacts=contacts,
        reasons=reasons,
        similar=similar_for(
            platform, uow, visit.principal, [match.first_id, match.second_id], visit.language
        ),
    )


def _match_page(
    request: Request,
    visit: Visit,
    uow: UowDep,
    match: Match,
    sides: set[int],
    *,
    problems: dict[str, str] | None = None,
    reason: str = "",
    status: int = 200,
    contacts: Sequence[Contact] = (),
    reasons: Sequence[str] = (),
    similar: Sequence[dict[str, Any]] = (),
) -> Response:
    pair = reading.pair_sides(uow=uow, by=visit.principal, ids=(match.first_id, match.second_id))
    side = None if visit.principal.is_staff else min(sides)
    values = {
        "deal_id": _deal_of(uow, visit.principal, match),
        "match": match,
        "first": pair[match.first_id],
        "second": pair[match.second_id],
        "side": side,
        "back": f"/matches/{match.id}",
        "match_id": match.id,
        "state": match.state,
        "offered": _offered(match, side),
        "contacts": list(contacts),
        "reasons": list(reasons),
        "similar": list(similar),
        "saved": None,
        "problems": problems or {},
        "reason": reason,
        "state_help": STATE_HELP,
        "bar": max(0, min(10, round(match.score / 10))),
    }
    return render(request, visit, "work/match.html", values, status=status)


@router.post("/matches/{match_id:int}/feedback")
def feedback(
    request: Request,
    match_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    verdict: Annotated[str, Form(max_length=40)] = "",
    reason: Annotated[str, Form(max_length=MAX_FORM_TEXT)] = "",
    side: Annotated[str, Form(max_length=20)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Accept or decline a match, as `POST /api/v1/matches/{id}/feedback`: a member speaks
    for its own side and must name it; an officer's verdict names none."""
    visit.require_user()
    principal = visit.principal
    match = get_match(uow=uow, by=principal, match_id=match_id)
    sides = sides_for(uow, principal, match)
    side_id = record_id(side)
    require_side(uow, principal, match, side_id)
    problems: dict[str, str] = {}
    if side.strip() and side_id is None:
        problems["side"] = "This opportunity is not part of the match."
    else:
        try:
            match = give_feedback(
                uow=uow,
                by=principal,
                match_id=match_id,
                verdict=verdict,
                reason=reason,
                side=side_id,
                now=platform.clock,
            )
        except ValidationError as invalid:
            problems = {e.field: _problem(e) for e in invalid.errors}
    target = local_target(back or f"/matches/{match_id}")
    if is_htmx(request):
        values = {
            "match_id": match.id,
            "state": match.state,
            "side": side_id,
            "back": target,
            "problems": problems,
            "reason": reason if problems else "",
            "saved": verdict if not problems else None,
            "state_help": STATE_HELP,
            "offered": _offered(match, side_id if not principal.is_staff else None),
        }
        # A refused verdict is answered 200 too, or HTMX would not show the message.
        return render(request, visit, "work/_state.html", values)
    if problems:
        return _match_page(
            request, visit, uow, match, sides, problems=problems, reason=reason, status=422
        )
    return RedirectResponse(target, status_code=303)


def _deal_of(uow: UowDep, principal: Principal, match: Match) -> int | None:
    """The deal opened from an introduced match, when the visitor may see it."""
    if match.state is not MatchState.INTRODUCED:
        return None
    query = DealQuery(opportunity_id=match.first_id, limit=100)
    found = deals.list_deals(uow=uow, by=principal, query=query)
    return next((deal.id for deal in found.items if deal.match_id == match.id), None)


def _problem(error: FieldError) -> str:
    """The domain's words for a bad verdict, as a sentence for the page (translated there)."""
    if error.field == "reason":
        if error.message.startswith("at most"):
            return f"The reason is too long: at most {MAX_REASON} characters."
        return "Say why you decline: the reason helps matching learn."
    if error.field == "verdict":
        return "Choose accept or decline."
    return "This opportunity is not part of the match."
