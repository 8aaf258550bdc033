"""/api/v1/practices: practice cases — list and search, read in a language, write, review,
versions, the live offers and needs a case applies to, import and export; and
/api/v1/opportunities/{id}/similar-practices, the cases like an opportunity."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Query, UploadFile
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.background import BackgroundTask

from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.routers.files import MEDIA, XLSX, _remove, _save_upload
from itpo.adapters.api.schemas import Problem
from itpo.adapters.files.practice_files import write_case_file, write_case_template
from itpo.adapters.files.problems import FileProblem
from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.practice_imports import import_case_file
from itpo.practice import search, services, transfer
from itpo.practice.fields import case_document
from itpo.practice.model import CaseStatus, CaseVersion, PracticeCase
from itpo.practice.services import CaseFilter, may_edit

router = APIRouter(tags=["practices"])
ANSWERS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "A bad API token"},
    403: {"model": Problem, "description": "Not allowed for this user or token"},
    404: {"model": Problem, "description": "No such case, or not one the asker may see"},
    409: {"model": Problem, "description": "Not a step the case's status allows"},
    422: {"model": Problem, "description": "Bad fields, each named; nothing was written"},
}
CASE_BODY = Body(
    description="The case: theme, country, city, isic_classes, technology_areas, sdgs, year, "
    "partners, illustrative, original_language, texts ({language: {title, problem, done, "
    "results}}), sources ([{citation, url}]), figures ([{value, unit, year, source, label: "
    "{language: text}}]); see docs/record-format.md",
    examples=[
        {
            "theme": "energy_efficiency",
            "country": "KEN",
            "texts": {
                "en": {
                    "title": "Solar drying for a mango co-operative",
                    "problem": "A third of the harvest spoiled before it reached a buyer.",
                    "done": "The co-operative installed solar-biomass hybrid dryers.",
                    "results": "Losses fell and dried mango found an export buyer.",
                }
            },
            "sources": [{"citation": "Publisher, Title, 2020", "url": "https://example.org/case"}],
            "figures": [
                {
                    "value": 30,
                    "unit": "%",
                    "year": 2020,
                    "source": 0,
                    "label": {"en": "losses avoided"},
                }
            ],
        }
    ],
)


class Reason(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(
        description="Why, for the case's writers (10-2000 characters)", max_length=10_000
    )


def case_out(case: PracticeCase, by: Principal, language: str | None = None) -> dict[str, Any]:
    shown = case.told_in(language or case.original_language)
    return case_document(case) | {
        "id": case.id,
        "status": case.status.value,
        "version": case.version,
        "organisation_id": case.organisation_id,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "published_at": case.published_at,
        "shown_language": shown,
        "title": case.texts[shown].title,
        "may_edit": may_edit(by, case),
    }


def _version(v: CaseVersion) -> dict[str, Any]:
    return {
        "version": v.version,
        "step": v.step.value,
        "at": v.at,
        "by": v.by_label,
        "note": v.note,
    }


@router.get("/practices", responses=ANSWERS)
def list_practices(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    q: Annotated[str | None, Query(max_length=2000, description="Search in any language")] = None,
    lang: Annotated[str | None, Query(max_length=35, description="The answer's language")] = None,
    theme: Annotated[str | None, Query(max_length=40)] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
    sdg: Annotated[int | None, Query(ge=1, le=17)] = None,
    isic: Annotated[str | None, Query(pattern="^[0-9]{1,4}$")] = None,
    status: Annotated[CaseStatus | None, Query()] = None,
) -> dict[str, Any]:
    """Cases the asker may see, newest change first; with `q`, the published cases most
    relevant to it (in any language), best first, each with the words it shares."""
    language = (lang or "en").split("-")[0].lower()
    if q is not None:
        hits = search.search_cases(
            uow=uow, index=platform.case_index(), by=principal, text=q, language=lang
        )
        return {"items": [h.to_dict(language) for h in hits], "total": len(hits)}
    where = CaseFilter(
        theme=theme, country=country.upper() if country else None, sdg=sdg, isic=isic, status=status
    )
    cases = services.list_cases(uow=uow, by=principal, where=where)
    return {"items": [case_out(c, principal, language) for c in cases], "total": len(cases)}


@router.post("/practices", status_code=201, responses=ANSWERS)
def create_practice(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    data: Annotated[dict[str, Any], CASE_BODY],
) -> dict[str, Any]:
    """Write a new case, as a draft (officers, and members for their organisation)."""
    case = services.create_case(uow=uow, by=principal, data=data, now=platform.clock)
    return case_out(case, principal)


@router.get(
    "/practices/template.xlsx",
    response_class=FileResponse,
    responses={200: {"content": {XLSX: {}}}},
)
def practice_template() -> FileResponse:
    """The Excel template for cases: one row a case, help on every column."""
    target = _temporary(".xlsx")
    write_case_template(target)
    return _file(target, "itpo-practice-template.xlsx")


@router.get(
    "/practices/export/{name}",
    response_class=FileResponse,
    responses={200: {"content": {m: {} for m in MEDIA.values()}}, **ANSWERS},
)
def export_practices(
    name: Annotated[str, "practices.csv, practices.xlsx or practices.json"],
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> FileResponse:
    """The cases the asker may see as CSV, Excel or JSON, in the shape an import reads
    (audited)."""
    suffix = Path(name).suffix.lower()
    if suffix not in MEDIA:
        raise FileProblem(f"unsupported file type {suffix or '(none)'}; use .csv, .xlsx or .json")
    documents = transfer.export_cases(uow=uow, by=principal, now=platform.clock)
    target = _temporary(suffix)
    write_case_file(target, documents)
    return _file(target, Path(name).name)


@router.post("/practices/import", responses=ANSWERS)
async def import_practices(
    platform: PlatformDep,
    principal: PrincipalDep,
    file: Annotated[UploadFile, File()],
    dry_run: Annotated[bool, Query(description="Check every row; change nothing")] = False,
) -> dict[str, Any]:
    """Import cases from CSV, Excel or JSON: every row is written, or none (officers)."""
    transfer.check_importer(by=principal)
    path = await _save_upload(file, platform.settings.max_upload_mb)
    try:
        report = await run_in_threadpool(
            import_case_file, platform, principal, path, dry_run=dry_run
        )
    finally:
        _remove(path)
    return report.to_dict()


@router.get("/practices/{case_id}", responses=ANSWERS)
def get_practice(
    case_id: RecordId,
    uow: UowDep,
    principal: PrincipalDep,
    lang: Annotated[str | None, Query(max_length=35)] = None,
) -> dict[str, Any]:
    """A case, its title in `lang` when it has that translation."""
    case = services.get_case(uow=uow, by=principal, case_id=case_id)
    return case_out(case, principal, (lang or case.original_language).split("-")[0].lower())


@router.put("/practices/{case_id}", responses=ANSWERS)
def update_practice(
    case_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    data: Annotated[dict[str, Any], CASE_BODY],
) -> dict[str, Any]:
    """Replace a case's content (a new version); a member's change to a published case goes
    back to review."""
    case = services.update_case(
        uow=uow, by=principal, case_id=case_id, data=data, now=platform.clock
    )
    return case_out(case, principal)


@router.post("/practices/{case_id}/submit", responses=ANSWERS)
def submit_practice(
    case_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Ask the office to publish a draft case."""
    case = services.submit_case(uow=uow, by=principal, case_id=case_id, now=platform.clock)
    return case_out(case, principal)


@router.post("/practices/{case_id}/publish", responses=ANSWERS)
def publish_practice(
    case_id: RecordId, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Publish a case (officers)."""
    case = services.publish_case(uow=uow, by=principal, case_id=case_id, now=platform.clock)
    return case_out(case, principal)


@router.post("/practices/{case_id}/send-back", responses=ANSWERS)
def send_back_practice(
    case_id: RecordId, body: Reason, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Return a case to its writers as a draft, saying why (officers)."""
    case = services.send_back_case(
        uow=uow, by=principal, case_id=case_id, reason=body.reason, now=platform.clock
    )
    return case_out(case, principal)


@router.post("/practices/{case_id}/withdraw", responses=ANSWERS)
def withdraw_practice(
    case_id: RecordId, body: Reason, platform: PlatformDep, uow: UowDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Take a published case off the site, saying why (officers)."""
    case = services.withdraw_case(
        uow=uow, by=principal, case_id=case_id, reason=body.reason, now=platform.clock
    )
    return case_out(case, principal)


@router.get("/practices/{case_id}/versions", responses=ANSWERS)
def practice_versions(case_id: RecordId, uow: UowDep, principal: PrincipalDep) -> dict[str, Any]:
    """The case's kept versions, oldest first (officers and the writing organisation)."""
    kept = services.case_versions(uow=uow, by=principal, case_id=case_id)
    return {"items": [_version(v) for v in kept]}


@router.get("/practices/{case_id}/versions/{version}", responses=ANSWERS)
def practice_version(
    case_id: RecordId,
    version: Annotated[int, PathParam(ge=1, le=1_000_000, description="The version")],
    uow: UowDep,
    principal: PrincipalDep,
) -> dict[str, Any]:
    """The case as it was at that version."""
    case = services.case_version(uow=uow, by=principal, case_id=case_id, version=version)
    return case_document(case) | {"id": case_id, "version": version}


@router.get("/practices/{case_id}/opportunities", responses=ANSWERS)
def practice_opportunities(
    case_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    lang: Annotated[str | None, Query(max_length=35)] = None,
) -> dict[str, Any]:
    """The live technology offers and needs the case applies to, as the asker may see them."""
    hits = search.opportunities_for_case(
        uow=uow,
        index=platform.index(),
        by=principal,
        case_id=case_id,
        language=(lang or "en").split("-")[0].lower(),
    )
    return {"items": [h.to_dict() for h in hits]}


@router.get("/opportunities/{opportunity_id}/similar-practices", responses=ANSWERS)
def similar_practices(
    opportunity_id: RecordId,
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    top: Annotated[int, Query(ge=1, le=10)] = 3,
    lang: Annotated[str | None, Query(max_length=35)] = None,
) -> dict[str, Any]:
    """The published cases most like the opportunity, each with why (none when no case is
    close enough)."""
    hits = search.similar_cases(
        uow=uow,
        index=platform.case_index(),
        by=principal,
        opportunity_ids=[opportunity_id],
        top=top,
    )
    language = (lang or "en").split("-")[0].lower()
    return {"items": [h.to_dict(language) for h in hits]}


def _temporary(suffix: str) -> Path:
    descriptor, name = tempfile.mkstemp(suffix=suffix, prefix="itpo-")
    os.close(descriptor)
    return Path(name)


def _file(target: Path, name: str) -> FileResponse:
    media = MEDIA.get(target.suffix, "application/octet-stream")
    return FileResponse(
        target,
        media_type=media,
        filename=name,
        background=BackgroundTask(target.unlink, missing_ok=True),
    )
