"""/practices/import: officers send a CSV, Excel or JSON file of cases, check it (every bad row
in a table, nothing changed) or import it whole; the Excel template; /practices/export/{name},
the cases the visitor may see as CSV, Excel or JSON. The rules are `practice.transfer`'s."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from itpo.adapters.files.practice_files import (
    FORMATS,
    write_case_file,
    write_case_template,
)
from itpo.adapters.files.problems import FileProblem
from itpo.adapters.http import PlatformDep, UowDep
from itpo.adapters.practice_imports import import_case_file
from itpo.adapters.web.pages.exports import XLSX
from itpo.adapters.web.pages.practice_views import sentence
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.practice import transfer
from itpo.registry.errors import ValidationError

router = APIRouter()
CHUNK = 1 << 20
MEDIA = {".csv": "text/csv; charset=utf-8", ".xlsx": XLSX, ".json": "application/json"}
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _page(request: Request, visit: Any, values: dict[str, Any], status: int = 200) -> Response:
    shown = {"refusal": None, "rows": [], "report": None, "name": ""} | values
    return render(request, visit, "practices/import.html", shown, status=status)


@router.get("/practices/import")
def import_page(request: Request, visit: VisitDep) -> Response:
    """The import form, the template and the exports (officers)."""
    visit.require_user()
    transfer.check_importer(by=visit.principal)
    return _page(request, visit, {})


@router.post("/practices/import")
async def import_file(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    file: Annotated[UploadFile, File()],
    check: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Check the file, or import every case in it (officers); a refused file changes nothing."""
    visit.require_user()
    transfer.check_importer(by=visit.principal)
    dry_run = bool(check)
    sent = Path(file.filename or "")
    if sent.suffix.lower() not in FORMATS:
        values = {"refusal": f"{sent.name or '(no file)'}: use a .csv, .xlsx or .json file"}
        return _page(request, visit, values, 422)
    folder = Path(tempfile.mkdtemp(prefix="itpo-cases-"))
    path = folder / (_SAFE.sub("_", sent.stem)[:80] + sent.suffix.lower())
    limit, written = platform.settings.max_upload_mb * CHUNK, 0
    try:
        with path.open("wb") as out:
            while chunk := await file.read(CHUNK):
                written += len(chunk)
                if written > limit:
                    raise FileProblem(
                        f"the file is larger than {platform.settings.max_upload_mb} MB"
                    )
                out.write(chunk)
        report = await run_in_threadpool(
            import_case_file, platform, visit.principal, path, dry_run=dry_run
        )
    except FileProblem as problem:
        return _page(request, visit, {"refusal": str(problem), "name": sent.name}, 422)
    except ValidationError as error:
        rows = [
            {
                "row": e.row,
                "field": e.field,
                "reason": sentence(e, visit.language),
                "said": e.message,
            }
            for e in error.errors
        ]
        return _page(request, visit, {"rows": rows, "name": sent.name}, 422)
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()
    return _page(request, visit, {"report": report.to_dict(), "name": sent.name})


@router.get("/practices/template.xlsx")
def template(visit: VisitDep) -> FileResponse:
    """The Excel template for cases (officers)."""
    visit.require_user()
    transfer.check_importer(by=visit.principal)
    return _file(write_case_template, ".xlsx", "itpo-practice-template.xlsx")


@router.get("/practices/export/{name}")
def export(name: str, visit: VisitDep, platform: PlatformDep, uow: UowDep) -> Response:
    """The cases the visitor may see, as practices.csv, practices.xlsx or practices.json."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(f"unsupported file type {suffix or '(none)'}; use .csv, .xlsx or .json")
    documents = transfer.export_cases(uow=uow, by=visit.principal, now=platform.clock)
    return _file(lambda target: write_case_file(target, documents), suffix, f"practices{suffix}")


def _file(write: Any, suffix: str, name: str) -> FileResponse:
    descriptor, temporary = tempfile.mkstemp(suffix=suffix, prefix="itpo-")
    os.close(descriptor)
    target = Path(temporary)
    write(target)
    return FileResponse(
        target,
        media_type=MEDIA[suffix],
        filename=name,
        background=BackgroundTask(target.unlink, missing_ok=True),
    )
