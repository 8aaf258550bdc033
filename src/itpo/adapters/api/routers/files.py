"""/api/v1/imports, /api/v1/exports and the import template.

An import reads and writes on a worker thread, so the server keeps answering other requests
while a large file is checked; a client that asks for progress (`?progress=true`) gets it as
it happens, one JSON line per step, the report or the refusal last.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from itpo.accounts.principal import Principal
from itpo.adapters.api.auth import PrincipalDep
from itpo.adapters.api.errors import field_detail
from itpo.adapters.api.schemas import Problem
from itpo.adapters.api.security import INTERNAL_ERROR
from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.files.excel_files import write_template
from itpo.adapters.files.formats import FORMATS, read_batch, write_records
from itpo.adapters.http import PlatformDep, UowDep
from itpo.bootstrap import Platform
from itpo.registry.errors import Conflict, ValidationError
from itpo.registry.exporting import export_records
from itpo.registry.importing import (
    OPPORTUNITIES,
    ORGANISATIONS,
    ImportReport,
    import_records,
    require_importer,
)

router = APIRouter(tags=["import and export"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {".csv": "text/csv", ".json": "application/json", ".xlsx": XLSX}
NDJSON = "application/x-ndjson"
CHUNK = 1 << 20
# An upload is kept under the name it was sent with, in these characters and up to this length.
_SAFE_NAME = re.compile(r"[^\w.-]")
MAX_NAME = 100
log = logging.getLogger("itpo.api")


class ImportChangePublic(BaseModel):
    section: str
    row: int
    record_id: int = Field(description="The stored organisation or opportunity")
    field: str = Field(description="name (an organisation renamed) or organisation (moved)")
    before: str
    after: str
    made_by_import: bool = Field(
        description="An import made the record; if not, the import needs allow_moves"
    )


class ImportResult(BaseModel):
    dry_run: bool
    organisations_created: int
    organisations_updated: int
    opportunities_created: int
    opportunities_updated: int
    organisations_unchanged: int = Field(
        0, description="Rows that say the same as their stored organisation: not written"
    )
    opportunities_unchanged: int = Field(
        0, description="Rows that say the same as their stored opportunity: not written"
    )
    changes: list[ImportChangePublic] = Field(
        description="Stored organisations the file renames and opportunities it moves"
    )


def _temporary(suffix: str) -> Path:
    descriptor, name = tempfile.mkstemp(suffix=suffix, prefix="itpo-")
    os.close(descriptor)
    return Path(name)


async def _save_upload(upload: UploadFile, limit_mb: int) -> Path:
    """The upload in a folder of its own under the name it was sent with, so that what the
    readers say of the file names the file the officer knows."""
    sent = Path(upload.filename or "")
    suffix = sent.suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(
            f"unsupported file type {suffix or '(none)'}; use one of {', '.join(FORMATS)}"
        )
    name = _SAFE_NAME.sub("_", sent.stem)[:MAX_NAME] + suffix
    path, written = Path(tempfile.mkdtemp(prefix="itpo-import-")) / name, 0
    with path.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            written += len(chunk)
            if written > limit_mb * CHUNK:
                out.close()
                _remove(path)
                raise FileProblem(f"the file is larger than {limit_mb} MB")
            out.write(chunk)
    return path


def _remove(upload: Path) -> None:
    upload.unlink(missing_ok=True)
    upload.parent.rmdir()


def _result(report: ImportReport) -> dict[str, Any]:
    return {
        "dry_run": report.dry_run,
        "organisations_created": report.organisations_created,
        "organisations_updated": report.organisations_updated,
        "opportunities_created": report.opportunities_created,
        "opportunities_updated": report.opportunities_updated,
        "organisations_unchanged": report.organisations_unchanged,
        "opportunities_unchanged": report.opportunities_unchanged,
        "changes": [
            {
                "section": c.section,
                "row": c.row,
                "record_id": c.record_id,
                "field": c.field,
                "before": c.before,
                "after": c.after,
                "made_by_import": c.made_by_import,
            }
            for c in report.changes
        ],
    }


def _run_import(
    platform: Platform,
    principal: Principal,
    path: Path,
    name: str | None,
    options: dict[str, Any],
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read and import the saved upload (on a worker thread), then remove it."""
    try:
        limits = platform.settings
        batch = read_batch(
            path,
            options["record_type"],
            max_rows=limits.max_import_rows,
            max_unzipped_mb=limits.max_import_unzipped_mb,
        )
        return import_records(
            uow=platform.uow(immediate=True),
            by=principal,
            batch=batch,
            dry_run=options["dry_run"],
            allow_moves=options["allow_moves"],
            source=name,
            now=platform.clock,
            progress=progress,
        )
    finally:
        _remove(path)


@router.post(
    "/imports",
    response_model=ImportResult,
    responses={
        200: {"content": {NDJSON: {}}, "description": "The report (or, with progress, a stream)"},
        409: {"model": Problem, "description": "It renames or moves records no import made"},
        422: {"model": Problem, "description": "Bad rows; nothing was written"},
    },
)
async def import_file(
    platform: PlatformDep,
    principal: PrincipalDep,
    file: Annotated[UploadFile, File()],
    dry_run: Annotated[bool, Query(description="Check every row; change nothing")] = False,
    record_type: Annotated[
        str | None, Query(pattern=f"^({ORGANISATIONS}|{OPPORTUNITIES})$")
    ] = None,
    allow_moves: Annotated[
        bool,
        Query(
            description="Let the file rename organisations and move opportunities that no "
            "import made (a dry run lists them)"
        ),
    ] = False,
    progress: Annotated[
        bool, Query(description="Stream progress as JSON lines, the report last")
    ] = False,
) -> Any:
    """Import a CSV, Excel or JSON file: every row is written, or none (officers)."""
    require_importer(principal)
    path = await _save_upload(file, platform.settings.max_upload_mb)
    options = {"record_type": record_type, "dry_run": dry_run, "allow_moves": allow_moves}
    if progress:
        lines = _progress_lines(platform, principal, path, file.filename, options)
        return StreamingResponse(lines, media_type=NDJSON)
    report = await run_in_threadpool(_run_import, platform, principal, path, file.filename, options)
    return _result(report)


async def _progress_lines(
    platform: Platform,
    principal: Principal,
    path: Path,
    name: str | None,
    options: dict[str, Any],
) -> AsyncIterator[bytes]:
    """The import's steps as they happen, then its report or its refusal, one JSON a line."""
    loop = asyncio.get_running_loop()
    steps: asyncio.Queue[int] = asyncio.Queue()
    done = 0

    def tick(rows: int) -> None:
        loop.call_soon_threadsafe(steps.put_nowait, rows)

    work = asyncio.ensure_future(
        run_in_threadpool(_run_import, platform, principal, path, name, options, tick)
    )
    yield _line({"stage": "reading"})
    while not work.done() or not steps.empty():
        getting = asyncio.ensure_future(steps.get())
        await asyncio.wait({getting, work}, return_when=asyncio.FIRST_COMPLETED)
        if getting.done():
            done += getting.result()
            yield _line({"stage": "importing", "rows": done})
        else:
            getting.cancel()
    yield _line(_outcome(work))


def _outcome(work: asyncio.Future[ImportReport]) -> dict[str, Any]:
    """The last line: the report, or the refusal as the non-streaming answer would give it."""
    error = work.exception()
    if error is None:
        return {"stage": "done", "status": 200, "result": _result(work.result())}
    if isinstance(error, ValidationError):
        detail: Any = [field_detail(e, "body") for e in error.errors]
        return {"stage": "refused", "status": 422, "detail": detail}
    if isinstance(error, FileProblem):
        return {"stage": "refused", "status": 422, "detail": str(error)}
    if isinstance(error, Conflict):
        return {"stage": "refused", "status": 409, "detail": str(error)}
    # The answer has begun, so it cannot become a 500: the last line says what it would have.
    log.error("import failed", exc_info=error)
    return {"stage": "failed", "status": 500, "detail": INTERNAL_ERROR["detail"]}


def _line(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode() + b"\n"


@router.get(
    "/exports/{name}",
    response_class=FileResponse,
    responses={200: {"content": {m: {} for m in MEDIA.values()}}},
)
def export_file(
    name: Annotated[str, "opportunities.csv, organisations.csv, export.xlsx or export.json"],
    platform: PlatformDep,
    uow: UowDep,
    principal: PrincipalDep,
) -> FileResponse:
    """Everything as CSV (one record type, by file name), Excel or JSON, restricted detail
    included (officers, with a token that may read; every export is audited)."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in MEDIA:
        raise FileProblem(
            f"unsupported file type {suffix or '(none)'}; use one of {', '.join(FORMATS)}"
        )
    section = ORGANISATIONS if path.stem == ORGANISATIONS else OPPORTUNITIES
    organisations, opportunities = export_records(
        uow=uow, by=principal, source=path.name, now=platform.clock
    )
    target = _temporary(suffix)
    write_records(target, organisations, opportunities, section)
    return FileResponse(
        target,
        media_type=MEDIA[suffix],
        filename=path.name,
        background=BackgroundTask(target.unlink, missing_ok=True),
    )


@router.get(
    "/imports/template.xlsx", response_class=FileResponse, responses={200: {"content": {XLSX: {}}}}
)
def import_template() -> FileResponse:
    """The Excel import template: a sheet per record type, help on every field, allowed values."""
    target = _temporary(".xlsx")
    write_template(target)
    return FileResponse(
        target,
        media_type=XLSX,
        filename="itpo-import-template.xlsx",
        background=BackgroundTask(target.unlink, missing_ok=True),
    )
