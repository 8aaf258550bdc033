"""Browsing: the start page, the list of opportunities with its filters, and ranked search.

Every listing goes through the read side the API uses (`registry.reading`), so a page never
shows a record or a field that `GET /api/v1/opportunities` would not show the same asker. The
filters live in the address, so a filtered list can be bookmarked and sent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from itpo.adapters.http import PlatformDep, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.browse_common import (
    FILTER_NAMES,
    Names,
    Problem,
    filter_choices,
    page_numbers,
)
from itpo.adapters.web.pages.exports import export_links
from itpo.adapters.web.pages.start_figures import start_chart_data, start_figures
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.matching.searching import MAX_QUERY, search
from itpo.matching.terms import spans
from itpo.registry import reading, services
from itpo.registry.disclosure import UNDISCLOSED
from itpo.registry.errors import ValidationError
from itpo.registry.figures import published_figures
from itpo.registry.filters import opportunity_query
from itpo.registry.model import OpportunityKind, Status
from itpo.registry.queries import OpportunityQuery

router = APIRouter()
# `status=any`: every status the asker may see, where the list otherwise shows the live ones.
EVERY_STATUS = "any"
PAGE_SIZE = 20
LATEST = 6  # cards on the start page
OWN_LATEST = 5
SEARCH_TOP = 20
SEARCH_MORE = 60
MAX_VALUES = 20  # values of one filter in an address
MAX_VALUE_LENGTH = 100
SORTS = ("newest", "oldest")
Many = Annotated[list[str] | None, Query()]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]


def _published(kind: OpportunityKind | None = None) -> OpportunityQuery:
    return OpportunityQuery(
        kinds=(kind,) if kind else (), statuses=(Status.PUBLISHED,), limit=0, offset=0
    )


def _count(uow: SqlUnitOfWork, visit: Visit, query: OpportunityQuery) -> int:
    found = services.list_opportunities(
        uow=uow, by=visit.principal, query=dataclasses.replace(query, limit=0)
    )
    return found.total


def _cards(
    platform: PlatformDep, uow: SqlUnitOfWork, visit: Visit, query: OpportunityQuery
) -> tuple[list[dict[str, Any]], int]:
    """A page of summaries, newest first, and how many records the query holds in all."""
    page = reading.view_opportunities(
        uow=uow,
        by=visit.principal,
        query=query,
        home=platform.settings.home_country,
        depth=reading.Depth.SUMMARY,
        newest_first=True,
    )
    return [dict(view.values) for view in page.items], page.total


@router.get("/")
def start(request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep) -> Response:
    """What the platform is, a search box, what is published, and what awaits the asker."""
    kinds = [(kind, _count(uow, visit, _published(kind))) for kind in OpportunityKind]
    latest, published = _cards(
        platform, uow, visit, dataclasses.replace(_published(), limit=LATEST)
    )
    figures = published_figures(uow=uow, by=visit.principal)
    names = Names(visit.language)
    values: dict[str, Any] = {
        "kinds": kinds,
        "figures": start_figures(figures, names),
        "figures_data": start_chart_data(figures, names),
        "published": published,
        "latest": latest,
        "names": Names(visit.language),
        "own": None,
        "awaiting": None,
    }
    organisation_id = visit.principal.organisation_id
    if organisation_id is not None and not visit.principal.is_staff:
        mine = OpportunityQuery(organisation_id=organisation_id, limit=OWN_LATEST)
        items, total = _cards(platform, uow, visit, mine)
        values["own"] = {"organisation_id": organisation_id, "items": items, "total": total}
    if visit.principal.is_staff:
        values["awaiting"] = [
            (status, _count(uow, visit, OpportunityQuery(statuses=(status,))))
            for status in (Status.IN_REVIEW, Status.DRAFT)
        ]
    return render(request, visit, "browse/start.html", values)


def _clean(name: str, raw: Sequence[str] | None, problems: list[Problem]) -> list[str]:
    """The values of one filter, without blanks; too many or too long is a problem."""
    values = [v.strip() for v in raw or () if v.strip()]
    if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
        problems.append(Problem(name, ", ".join(v[:MAX_VALUE_LENGTH] for v in values[:3])))
        return []
    return values


def _checked_query(
    filters: dict[str, list[str]], q: str | None, problems: list[Problem]
) -> OpportunityQuery:
    """The query of every understood filter; a filter with a bad value is left out and named."""
    while True:
        try:
            return opportunity_query(
                kind=filters["kind"],
                country=filters["country"],
                region=filters["region"],
                area=filters["area"],
                isic=filters["isic"],
                sdg=filters["sdg"],
                status=filters["status"],
                q=q,
            )
        except ValidationError as invalid:
            bad = {e.field for e in invalid.errors if filters.get(e.field)}
            if not bad:
                raise
            for name in sorted(bad):
                problems.append(Problem(name, ", ".join(filters[name])))
                filters[name] = []


@router.get("/opportunities")
def opportunities(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    kind: Many = None,
    country: Many = None,
    region: Many = None,
    area: Many = None,
    isic: Many = None,
    sdg: Many = None,
    status: Many = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    sort: Annotated[str, Query(max_length=20)] = "newest",
    page: PageNumber = 1,
) -> Response:
    """Opportunities the asker may see, filtered, newest first, a page at a time."""
    problems: list[Problem] = []
    raw = {
        "kind": kind,
        "country": country,
        "region": region,
        "area": area,
        "isic": isic,
        "sdg": sdg,
        "status": status,
    }
    every_status = any(v.strip() == EVERY_STATUS for v in status or ())
    raw["status"] = [v for v in status or () if v.strip() != EVERY_STATUS]
    filters = {name: _clean(name, raw[name], problems) for name in FILTER_NAMES}
    # The list shows what is live unless asked otherwise, as the start page counts it.
    live_only = not filters["status"] and not every_status
    if live_only:
        filters["status"] = [Status.PUBLISHED.value]
    if sort not in SORTS:
        problems.append(Problem("sort", sort))
        sort = SORTS[0]
    query = _checked_query(filters, q, problems)
    paged = dataclasses.replace(query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    found = reading.view_opportunities(
        uow=uow,
        by=visit.principal,
        query=paged,
        home=platform.settings.home_country,
        depth=reading.Depth.SUMMARY,
        newest_first=sort == "newest",
    )
    total = found.total
    pages = max(1, -(-total // PAGE_SIZE))
    values = {
        "items": [dict(view.values) for view in found.items],
        "total": total,
        "page": page,
        "pages": pages,
        "page_links": page_numbers(page, pages),
        "first": (page - 1) * PAGE_SIZE + 1,
        "filters": filters,
        "q": (q or "").strip(),
        "sort": sort,
        "sorts": SORTS,
        "filtered": any(v for k, v in filters.items() if k != "status" or not live_only)
        or every_status
        or bool((q or "").strip()),
        "every_status": every_status,
        "problems": problems,
        "choices": filter_choices(visit.language, _may_see_unpublished(visit)),
        "names": Names(visit.language),
        "show_status": _may_see_unpublished(visit),
        "exports": export_links(filters, q) if visit.principal.is_staff else None,
    }
    return render(request, visit, "browse/list.html", values, fragment="browse/_results.html")


def _may_see_unpublished(visit: Visit) -> bool:
    """Staff see every record, members their organisation's drafts and records in review."""
    return visit.principal.is_staff or visit.principal.organisation_id is not None


@router.get("/search")
def search_page(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
    kind: Many = None,
    more: bool = False,
) -> Response:
    """Published opportunities ranked for a free text in any language, as the API's search."""
    problems: list[Problem] = []
    kinds = _clean("kind", kind, problems)
    chosen: list[OpportunityKind] = []
    for value in kinds:
        try:
            chosen.append(OpportunityKind(value))
        except ValueError:
            problems.append(Problem("kind", value))
    text = q.strip()
    hits: list[dict[str, Any]] = []
    top = SEARCH_MORE if more else SEARCH_TOP
    if text:
        found = search(
            uow=uow, by=visit.principal, index=platform.index(), text=text, kinds=chosen, top=top
        )
        hits = [
            {
                **hit.to_dict(),
                "terms": _distinct(hit.matched_terms),
                "title_parts": marked(hit.title, hit.matched_terms, hit.language),
                "teaser_parts": marked(hit.teaser, hit.matched_terms, hit.language),
            }
            for hit in found
        ]
    values = {
        "q": text,
        "kinds": [k.value for k in chosen],
        "hits": hits,
        "may_have_more": bool(text) and not more and len(hits) >= top,
        "problems": problems,
        "names": Names(visit.language),
        "undisclosed": UNDISCLOSED,
    }
    return render(request, visit, "browse/search.html", values)


def _distinct(terms: Sequence[str]) -> list[str]:
    """The terms once each, whatever their case."""
    seen: dict[str, str] = {}
    for term in terms:
        seen.setdefault(term.casefold(), term)
    return list(seen.values())


def marked(text: str, terms: Sequence[str], language: str = "") -> list[tuple[str, bool]]:
    """The text in pieces, each saying whether it is one of the matched terms (to highlight):
    whole words and phrases, in any script (see `matching.terms.spans`)."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for start, end in spans(text, terms, language or None):
        if start > last:
            pieces.append((text[last:start], False))
        pieces.append((text[start:end], True))
        last = end
    if last < len(text) or not pieces:
        pieces.append((text[last:], False))
    return pieces
