"""/api/v1/results: the office's results over a period, and the deals behind each figure."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.deal_schemas import DealSummary
from itpo.adapters.api.schemas import Problem
from itpo.adapters.http import MAX_ID, LimitQuery, OffsetQuery, PlatformDep, UowDep, page_limit
from itpo.pipeline import deals, results
from itpo.pipeline.ports import DealQuery
from itpo.pipeline.presenting import deal_summary_dict
from itpo.pipeline.results_model import Period

router = APIRouter(prefix="/results", tags=["results"])
OfficeQuery = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="One office; default every office")
]
YearQuery = Annotated[int | None, Query(ge=1900, le=2999, description="A calendar year")]
DayQuery = Annotated[dt.date | None, Query(description="With start/end: a period of days")]
NO_OFFICE: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such office"},
    422: {"model": Problem, "description": "A bad period, named"},
}


class MeasurePublic(BaseModel):
    projected: float = Field(description="From the parties' plans (USD for money)")
    verified: float = Field(description="Verified by a second officer against evidence")


class ResultsPublic(BaseModel):
    office_id: int | None
    period: dict[str, dt.date]
    generated_at: dt.datetime
    opportunities_by_kind: dict[str, int]
    matches: dict[str, int] = Field(description="proposed, introduced, declined")
    interactions_by_kind: dict[str, int]
    deals: int
    deals_by_stage: dict[str, int]
    deals_by_status: dict[str, int]
    agreements_by_type: dict[str, int]
    measures: dict[str, MeasurePublic]
    pipeline_projected: float = Field(description="USD projected on live deals not yet signed")
    verified_deals: int
    breakdowns: dict[str, list[dict[str, Any]]] = Field(
        description="By country, region, country_group, isic_section, technology_area, sdg, "
        "direction: each row's key, deals, agreements and measures"
    )
    funnel: dict[str, int]
    median_days: dict[str, float | None]
    monthly: list[dict[str, Any]]
    drill_down: dict[str, list[int]] = Field(description="Each figure's key: the deals it counts")
    rates: dict[str, float]
    unconverted: list[str]
    illustrative_deals: int


class DrillDown(BaseModel):
    key: str
    deal_ids: list[int] = Field(description="Every deal the figure counts")
    items: list[DealSummary] = Field(description="This page of them")
    total: int
    limit: int | None
    offset: int


@router.get("", response_model=ResultsPublic, responses=NO_OFFICE)
def office_results(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    office_id: OfficeQuery = None,
    year: YearQuery = None,
    start: DayQuery = None,
    end: DayQuery = None,
) -> dict[str, Any]:
    """What an office (or every office) achieved over a period, projected and verified apart
    (officers and administrators). Default: this year."""
    period = Period.chosen(today=platform.today(), year=year, start=start, end=end)
    found = results.office_results(
        uow=uow,
        by=principal,
        period=period,
        rates=platform.rates(),
        office_id=office_id,
        now=platform.clock,
    )
    return found.as_dict()


@router.get("/deals", response_model=DrillDown, responses=NO_OFFICE)
def results_deals(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    key: Annotated[str, Query(max_length=100, description="A key of `drill_down`")],
    office_id: OfficeQuery = None,
    year: YearQuery = None,
    start: DayQuery = None,
    end: DayQuery = None,
    limit: LimitQuery = None,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """The deals one figure of the results counts."""
    period = Period.chosen(today=platform.today(), year=year, start=start, end=end)
    ids = results.drill_down(
        uow=uow,
        by=principal,
        period=period,
        key=key,
        rates=platform.rates(),
        office_id=office_id,
        now=platform.clock,
    )
    size = page_limit(platform.settings, limit)
    shown = ids[offset : offset + size]
    page = deals.list_deals(uow=uow, by=principal, query=DealQuery(ids=shown, limit=None))
    order = {deal_id: rank for rank, deal_id in enumerate(shown)}
    listed = sorted(page.items, key=lambda deal: order.get(deal.id or 0, 0))
    rates = platform.rates()
    return {
        "key": key,
        "deal_ids": list(ids),
        "items": [deal_summary_dict(deal, rates) for deal in listed],
        "total": len(ids),
        "limit": size,
        "offset": offset,
    }
