"""/api/v1/imports, /api/v1/exports and the import template."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from itpo.accounts.access import require_staff_write
from itpo.adapters.api.auth import PrincipalDep, audited
from itpo.adapters.api.deps import PlatformDep, UowDep
from itpo.adapters.api.schemas import ImportResult, Problem
from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.files.excel_files import write_template
from itpo.adapters.files.formats import FORMATS, read_batch, write_records
from itpo.registry.exporting import export_records
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS, import_records

router = APIRouter(tags=["import and export"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {".csv": "text/csv", ".json": "application/json", ".xlsx": XLSX}
CHUNK = 1 << 20


def _temporary(suffix: str) -> Path:
    descriptor, name = tempfile.mkstemp(suffix=suffix, prefix="itpo-")
    os.close(descriptor)
    return Path(name)


async def _save_upload(upload: UploadFile, limit_mb: int) -> Path:
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(
            f"unsupported file type {suffix or '(none)'}; use one of {', '.join(FORMATS)}"
        )
    path, written = _temporary(suffix), 0
    with path.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            written += len(chunk)
            if written > limit_mb * CHUNK:
                path.unlink()
                raise FileProblem(f"the file is larger than {limit_mb} MB")
            out.write(chunk)
    return path


@router.post("/imports", response_model=ImportResult,
             responses={422: {"model": Problem, "description": "Bad rows; nothing was written"}})  # fmt: skip
async def import_file(
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
    file: Annotated[UploadFile, File()],
    dry_run: Annotated[bool, Query(description="Check every row; change nothing")] = False,
    record_type: Annotated[
        str | None, Query(pattern=f"^({ORGANISATIONS}|{OPPORTUNITIES})$")
    ] = None,
) -> ImportResult:
    """Import a CSV, Excel or JSON file: every row is written, or none (officers)."""
    require_staff_write(principal, "import files")
    path = await _save_upload(file, platform.settings.max_upload_mb)
    try:
        batch = read_batch(path, record_type)
        detail = {"file": file.filename, "dry_run": dry_run}
        with audited(uow, principal, "import", "file", detail) as note:
            report = import_records(uow=uow, batch=batch, dry_run=dry_run)
            note["detail"] = {
                "organisations": report.organisations_created + report.organisations_updated,
                "opportunities": report.opportunities_created + report.opportunities_updated,
            }
    finally:
        path.unlink(missing_ok=True)
    return ImportResult(dry_run=report.dry_run, organisations_created=report.organisations_created,
                        organisations_updated=report.organisations_updated,
                        opportunities_created=report.opportunities_created,
                        opportunities_updated=report.opportunities_updated)  # fmt: skip


@router.get("/exports/{name}", response_class=FileResponse,
            responses={200: {"content": {m: {} for m in MEDIA.values()}}})  # fmt: skip
def export_file(
    name: Annotated[str, "opportunities.csv, organisations.csv, export.xlsx or export.json"],
    uow: UowDep,
    principal: PrincipalDep,
) -> FileResponse:
    """Everything as CSV (one record type, by file name), Excel or JSON, restricted detail
    included (officers; every export is audited)."""
    require_staff_write(principal, "export the registry")
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in MEDIA:
        raise FileProblem(
            f"unsupported file type {suffix or '(none)'}; use one of {', '.join(FORMATS)}"
        )
    section = ORGANISATIONS if path.stem == ORGANISATIONS else OPPORTUNITIES
    with audited(uow, principal, "export", "file", {"file": path.name}):
        organisations, opportunities = export_records(uow=uow)
    target = _temporary(suffix)
    write_records(target, organisations, opportunities, section)
    return FileResponse(target, media_type=MEDIA[suffix], filename=path.name,
                        background=BackgroundTask(target.unlink, missing_ok=True))  # fmt: skip


@router.get("/imports/template.xlsx", response_class=FileResponse,
            responses={200: {"content": {XLSX: {}}}})  # fmt: skip
def import_template() -> FileResponse:
    """The Excel import template: a sheet per record type, help on every field, allowed values."""
    target = _temporary(".xlsx")
    write_template(target)
    return FileResponse(target, media_type=XLSX, filename="itpo-import-template.xlsx",
                        background=BackgroundTask(target.unlink, missing_ok=True))  # fmt: skip
