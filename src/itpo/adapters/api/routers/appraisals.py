"""/api/v1/appraisals and /api/v1/opportunities/{id}/appraisals"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, status
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import Problem
from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.reports.html_report import render_html
from itpo.appraisal import services
from itpo.appraisal.document import with_grid_factors
from itpo.appraisal.errors import InvalidInputError, ModelError
from itpo.appraisal.grid_table import GridTableError, parse_grid_table
from itpo.appraisal.services import MAX_DRAWS, MonteCarloOptions, StoredAppraisal
from itpo.appraisal.summary import result_dict

router = APIRouter(tags=["appraisals"])
MODEL_EXAMPLE = {
    "name": "Packing line",
    "currency": "USD",
    "horizon_years": 10,
    "discount_rate": 0.1,
    "phases": {
        "construction": {"start_year": 1, "end_year": 1},
        "production": {"start_year": 2, "end_year": 10, "utilisation": 0.9},
    },
    "investments": [{"name": "Line", "amount": 500000, "year": 1, "useful_life": 10}],
    "products": [
        {"name": "Boxes", "capacity": 100000, "price": 3.0, "variable_cost_per_unit": 1.2}
    ],
}
MISSING: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such opportunity or appraisal"}
}
# A field beside the model's blocks, not one of them: CSV text of a user's grid-factor table
# (columns as for `itpo appraise --grid-factors`), read by the router into the model's
# `green.grid_factors` before the model is read, so a kept appraisal keeps the table.
GRID_FIELD = "grid_factors_csv"
_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class AppraisalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=200, description="Default: the model's name")
    model: dict[str, Any] = Field(
        description="A model document, as in POST /appraisals (with its optional "
        "grid_factors_csv field)"
    )


class AppraisalPublic(BaseModel):
    id: int
    opportunity_id: int
    name: str
    currency: str
    created_at: dt.datetime
    summary: dict[str, Any]


class AppraisalDetail(AppraisalPublic):
    model: dict[str, Any]


DrawsQuery = Annotated[
    int, Query(ge=0, le=MAX_DRAWS, description="Monte Carlo draws of NPV (0 = none)")
]
SeedQuery = Annotated[int, Query(ge=0, description="Seed that makes the draws reproducible")]


def _location(path: str, prefix: list[str | int]) -> list[str | int]:
    """'loans[0].tenor_years' as ['body', 'loans', 0, 'tenor_years']."""
    parts: list[str | int] = [
        int(index) if index else name for name, index in _SEGMENT.findall(path)
    ]
    return [*prefix, *(p for p in parts if p != "$")]


def _refuse(error: ModelError | InvalidInputError, prefix: list[str | int]) -> HTTPException:
    if isinstance(error, InvalidInputError):
        pairs = [(error.argument, str(error).removeprefix(f"{error.argument}: "))]
        prefix = ["query"]
    else:
        pairs = error.errors
    detail = [
        {"loc": _location(path, prefix), "msg": message, "type": "value_error"}
        for path, message in pairs
    ]
    return HTTPException(422, detail=detail)


def _with_grid_csv(model: dict[str, Any], prefix: list[str | int]) -> dict[str, Any]:
    """The model with the table of its GRID_FIELD (if any) as `green.grid_factors`."""
    if GRID_FIELD not in model:
        return model
    rest = {k: v for k, v in model.items() if k != GRID_FIELD}
    text = model[GRID_FIELD]
    if not isinstance(text, str):
        raise HTTPException(
            422,
            detail=[
                {"loc": [*prefix, GRID_FIELD], "msg": "must be CSV text", "type": "value_error"}
            ],
        )
    try:
        return with_grid_factors(rest, parse_grid_table(text, f"{GRID_FIELD} of the request"))
    except GridTableError as error:
        detail: list[dict[str, Any]] = [
            {"loc": [*prefix, GRID_FIELD, row, column], "msg": message, "type": "value_error"}
            for row, column, message in error.problems
        ]
        raise HTTPException(422, detail=detail) from None


def _options(draws: int, seed: int) -> MonteCarloOptions | None:
    return MonteCarloOptions(draws, seed) if draws else None


def _public(stored: StoredAppraisal) -> dict[str, Any]:
    return {
        "id": stored.id,
        "opportunity_id": stored.opportunity_id,
        "name": stored.name,
        "currency": stored.currency,
        "created_at": stored.created_at,
        "summary": stored.summary,
    }


@router.post(
    "/appraisals",
    responses={422: {"description": "The model is invalid; each error names its field"}},
)
def appraise(
    principal: PrincipalDep,
    model: Annotated[dict[str, Any], Body(examples=[MODEL_EXAMPLE])],
    monte_carlo: DrawsQuery = 0,
    seed: SeedQuery = 0,
) -> dict[str, Any]:
    """Appraise a model: indicators, yearly tables, sensitivity, Monte Carlo, green impact.

    An optional `grid_factors_csv` field (CSV text) replaces the IFI grid-factor table.
    Signed-in users only: a large Monte Carlo run is real work."""
    model = _with_grid_csv(model, ["body"])
    try:
        result = services.appraise(
            by=principal, model_data=model, monte_carlo=_options(monte_carlo, seed)
        )
    except (ModelError, InvalidInputError) as error:
        raise _refuse(error, ["body"]) from None
    return result_dict(result)


@router.post(
    "/opportunities/{opportunity_id}/appraisals",
    response_model=AppraisalPublic,
    status_code=status.HTTP_201_CREATED,
    responses={**MISSING, 409: {"model": Problem, "description": "Not an investment project"}},
)
def attach(
    opportunity_id: RecordId,
    body: AppraisalCreate,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    monte_carlo: DrawsQuery = 0,
    seed: SeedQuery = 0,
) -> dict[str, Any]:
    """Appraise a model and keep it with an investment project (and its grid-factor table):
    officers, or members for their own organisation's projects."""
    model = _with_grid_csv(body.model, ["body", "model"])
    try:
        stored = services.attach_appraisal(
            uow=uow,
            by=principal,
            now=platform.clock,
            opportunity_id=opportunity_id,
            model_data=model,
            name=body.name,
            monte_carlo=_options(monte_carlo, seed),
        )
    except (ModelError, InvalidInputError) as error:
        raise _refuse(error, ["body", "model"]) from None
    return _public(stored)


@router.get(
    "/opportunities/{opportunity_id}/appraisals",
    response_model=list[AppraisalPublic],
    responses=MISSING,
)
def list_for_opportunity(
    opportunity_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> list[dict[str, Any]]:
    """The appraisals kept with an opportunity, oldest first: restricted detail, for those
    who may see the project's details."""
    found = services.list_appraisals(
        uow=uow, by=principal, opportunity_id=opportunity_id, now=platform.clock
    )
    return [_public(a) for a in found]


@router.get("/appraisals/{appraisal_id}", response_model=AppraisalDetail, responses=MISSING)
def get_appraisal(
    appraisal_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One kept appraisal: its indicators and the model it was computed from."""
    stored = services.get_appraisal(
        uow=uow, by=principal, appraisal_id=appraisal_id, now=platform.clock
    )
    return {**_public(stored), "model": stored.model}


@router.get(
    "/appraisals/{appraisal_id}/report.html", response_class=HTMLResponse, responses=MISSING
)
def report(
    appraisal_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> HTMLResponse:
    """The report of a kept appraisal, with its charts, as one HTML page."""
    stored = services.get_appraisal(
        uow=uow, by=principal, appraisal_id=appraisal_id, now=platform.clock
    )
    return HTMLResponse(render_html(services.reappraise(stored=stored)))
