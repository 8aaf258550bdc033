"""/api/v1/diagnostics: the readiness questionnaire, taking and submitting a diagnostic,
reading one with its scores and gaps, an organisation's list and progress, the draft needs
and their matching offers, and the take-away report as HTML or PDF."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.schemas import Problem
from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep
from itpo.adapters.reports.diagnostic_html import diagnostic_html
from itpo.adapters.reports.diagnostic_pdf import diagnostic_pdf
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.diagnostic import offers, presenting, progress, services
from itpo.diagnostic.offers import MAX_OFFERS, NeedOffers
from itpo.diagnostic.services import DiagnosticSheet

router = APIRouter(tags=["diagnostics"])
ANSWERS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "A bad API token"},
    403: {"model": Problem, "description": "Not allowed for this user or token"},
    404: {"model": Problem, "description": "No such diagnostic, or not one the asker may see"},
    409: {"model": Problem, "description": "The diagnostic is already submitted"},
}


class DiagnosticCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisation_id: int = Field(ge=1, le=MAX_ID, description="The manufacturer assessed")
    answers: dict[str, Any] = Field(
        description="Each dimension's band 0-5, by dimension id (see the questionnaire)",
        max_length=100,
    )
    language: str = Field("en", description="en or zh: the language of its draft needs")
    taken_on: dt.date | None = Field(None, description="The day assessed (default today)")
    submit: bool = Field(True, description="Score it and draft its needs (every answer given)")


class DiagnosticSubmit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: dict[str, Any] = Field(default_factory=dict, max_length=100)


@router.get("/diagnostics/questionnaire")
def get_questionnaire() -> dict[str, Any]:
    """The questionnaire: building blocks, dimensions with their six bands, sector priorities."""
    return presenting.questionnaire_dict()


@router.post("/diagnostics", status_code=201, responses={**ANSWERS, 422: {"model": Problem}})
def create_diagnostic(
    body: DiagnosticCreate, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Take a diagnostic of an organisation (its members, officers); submitted at once unless
    `submit` is false."""
    made = services.take_diagnostic(
        uow=uow,
        by=principal,
        organisation_id=body.organisation_id,
        answers=body.answers,
        language=body.language,
        taken_on=body.taken_on,
        submit=body.submit,
        now=platform.clock,
    )
    assert made.id is not None
    return presenting.sheet_dict(
        services.diagnostic_sheet(uow=uow, by=principal, diagnostic_id=made.id)
    )


@router.get("/diagnostics", responses=ANSWERS)
def list_diagnostics(
    uow: UowDep,
    principal: PrincipalDep,
    organisation_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only this firm's")
    ] = None,
) -> list[dict[str, Any]]:
    """Diagnostics the asker may see, newest first: a member's own organisation's, every one
    for officers."""
    found = services.list_diagnostics(uow=uow, by=principal, organisation_id=organisation_id)
    return [presenting.summary_dict(s) for s in found]


@router.get("/diagnostics/progress/{organisation_id}", responses=ANSWERS)
def get_progress(organisation_id: RecordId, uow: UowDep, principal: PrincipalDep) -> dict[str, Any]:
    """The change of each dimension over the organisation's submitted assessments."""
    return presenting.progress_dict(
        progress.organisation_progress(uow=uow, by=principal, organisation_id=organisation_id)
    )


@router.get("/diagnostics/{diagnostic_id}", responses=ANSWERS)
def get_diagnostic(
    diagnostic_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One diagnostic with its scores, gaps and draft needs."""
    return presenting.sheet_dict(
        services.diagnostic_sheet(
            uow=uow, by=principal, diagnostic_id=diagnostic_id, now=platform.clock
        )
    )


@router.post("/diagnostics/{diagnostic_id}/submit", responses={**ANSWERS, 422: {"model": Problem}})
def submit_diagnostic(
    diagnostic_id: RecordId,
    body: DiagnosticSubmit,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """Complete a draft diagnostic, score it and draft its needs."""
    services.submit_diagnostic(
        uow=uow, by=principal, diagnostic_id=diagnostic_id, answers=body.answers, now=platform.clock
    )
    return presenting.sheet_dict(
        services.diagnostic_sheet(uow=uow, by=principal, diagnostic_id=diagnostic_id)
    )


@router.get("/diagnostics/{diagnostic_id}/needs", responses=ANSWERS)
def get_need_offers(
    diagnostic_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    top: Annotated[int, Query(ge=1, le=MAX_OFFERS, description="Offers per need")] = 3,
) -> list[dict[str, Any]]:
    """Each draft need of the diagnostic with the live technology offers that answer it."""
    found = offers.need_offers(
        uow=uow,
        by=principal,
        index=platform.index(),
        diagnostic_id=diagnostic_id,
        top=top,
        cases=platform.case_index(),
    )
    return presenting.offers_dict(found)


def _report(
    platform: Platform, uow: SqlUnitOfWork, principal: Principal, diagnostic_id: int
) -> tuple[DiagnosticSheet, list[NeedOffers]]:
    sheet = services.diagnostic_sheet(
        uow=uow, by=principal, diagnostic_id=diagnostic_id, now=platform.clock
    )
    found = offers.need_offers(
        uow=uow,
        by=principal,
        index=platform.index(),
        diagnostic_id=diagnostic_id,
        cases=platform.case_index(),
    )
    return sheet, found


@router.get("/diagnostics/{diagnostic_id}/report.html", responses=ANSWERS)
def report_html(
    diagnostic_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> HTMLResponse:
    """The take-away report as one HTML page."""
    return HTMLResponse(diagnostic_html(*_report(platform, uow, principal, diagnostic_id)))


@router.get("/diagnostics/{diagnostic_id}/report.pdf", responses=ANSWERS)
def report_pdf(
    diagnostic_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> Response:
    """The take-away report as PDF, with the spider chart."""
    body = diagnostic_pdf(*_report(platform, uow, principal, diagnostic_id))
    name = f"diagnostic-{diagnostic_id}.pdf"
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
