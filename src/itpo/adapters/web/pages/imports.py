"""/imports: officers import CSV, Excel and JSON files from the page. A file sent is checked
first (a dry run, on a worker thread) and either every bad row is shown, with nothing changed,
or what the import would create, update and leave unchanged, and the renames and moves it
would make. The checked file is kept on the server for its sender for an hour, so importing it
needs no second upload; the import runs in the background while the page follows its rows,
then shows its report. The Excel template and the exports are here too. Who may import, the
checks and the all-or-nothing write are `registry.importing`'s."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.background import BackgroundTask

from itpo.accounts.principal import Principal
from itpo.adapters.files.excel_files import write_template
from itpo.adapters.files.formats import FORMATS, read_batch
from itpo.adapters.files.problems import FileProblem
from itpo.adapters.http import PlatformDep
from itpo.adapters.web.import_runs import ImportRun, ImportRuns, Job
from itpo.adapters.web.pages.exports import XLSX, export_links
from itpo.adapters.web.pages.import_views import (
    change_view,
    changes_anything,
    counts_view,
    problems_view,
    run_view,
    section_name,
)
from itpo.adapters.web.staged_imports import Staged, StagedImports, staged_imports
from itpo.adapters.web.templating import is_htmx, render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.registry.errors import ValidationError
from itpo.registry.importing import (
    OPPORTUNITIES,
    ORGANISATIONS,
    ImportBatch,
    ImportReport,
    import_records,
    require_importer,
)


def _(message: str) -> str:
    """A message the page translates where it shows it (the catalogue test finds it here)."""
    return message


router = APIRouter()
CHUNK = 1 << 20
RECORD_TYPES = ("", ORGANISATIONS, OPPORTUNITIES)
Token = Annotated[str, "the token of a checked file"]
MISSING = _(
    "This checked file is not here: it was imported already, or checked more than an hour ago, or by someone else. Send the file again to check it."
)


def runs_of(request: Request) -> ImportRuns:
    runs = getattr(request.app.state, "import_runs", None)
    if not isinstance(runs, ImportRuns):
        runs = request.app.state.import_runs = ImportRuns()
    return runs


def _importer(visit: Visit) -> int:
    """The signed-in user who may import (the registry decides), by id."""
    user = visit.require_user()
    require_importer(visit.principal)
    assert user.id is not None
    return user.id


def _page(
    request: Request,
    visit: Visit,
    platform: Platform,
    *,
    refused: dict[str, Any] | None = None,
    record_type: str = "",
    status: int = 200,
) -> Response:
    limits = platform.settings
    values = {
        "max_mb": limits.max_upload_mb,
        "max_rows": limits.max_import_rows,
        "formats": FORMATS,
        "record_types": RECORD_TYPES,
        "record_type": record_type,
        "section_name": lambda s: section_name(visit.language, s),
        "exports": export_links(None, None),
        "refused": refused,
    }
    return render(request, visit, "imports/imports.html", values, status=status)


@router.get("/imports")
def imports_page(request: Request, visit: VisitDep, platform: PlatformDep) -> Response:
    """Send a file to check and import; the template; the exports."""
    _importer(visit)
    return _page(request, visit, platform)


@router.get("/imports/template.xlsx")
def import_template(visit: VisitDep) -> FileResponse:
    """The Excel import template, the API's own: a sheet per record type, help on every
    field, allowed values."""
    _importer(visit)
    descriptor, name = tempfile.mkstemp(suffix=".xlsx", prefix="itpo-template-")
    os.close(descriptor)
    target = Path(name)
    write_template(target)
    return FileResponse(
        target,
        media_type=XLSX,
        filename="itpo-import-template.xlsx",
        background=BackgroundTask(target.unlink, missing_ok=True),
    )


@router.post("/imports")
async def check_file(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    file: Annotated[UploadFile | None, File()] = None,
    record_type: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Check the file sent, changing nothing: its bad rows, or what importing it would do."""
    user_id = _importer(visit)
    if record_type not in RECORD_TYPES:
        chosen = _refusal(problem=_("Choose the record type from the list."))
        return _page(request, visit, platform, refused=chosen, status=422)
    if file is None or not file.filename:
        missing = _refusal(problem=_("Choose the file to import."))
        return _page(request, visit, platform, refused=missing, status=422)
    store = staged_imports(platform)
    staged: Staged | None = None
    try:
        staged = await _saved(store, file, user_id, record_type or None, platform)
        report = await run_in_threadpool(_check, platform, visit.principal, staged)
    except (FileProblem, ValidationError) as error:
        if staged is not None:
            store.remove(staged.token)
        if isinstance(error, ValidationError):
            refused = _refusal(file.filename, problems=problems_view(error.errors, visit.language))
        else:
            refused = _refusal(file.filename, problem=str(error))
        return _page(request, visit, platform, refused=refused, record_type=record_type, status=422)
    finally:
        await file.close()
    store.keep(staged, report)
    return RedirectResponse(f"/imports/{staged.token}", status_code=303)


def _refusal(
    name: str | None = None, *, problem: str | None = None, problems: Any = None
) -> dict[str, Any]:
    """Why a file sent was not checked: a problem with the file itself (`name` given) or of
    the form, or its bad rows."""
    return {"name": name, "problem": problem, "problems": problems}


async def _saved(
    store: StagedImports,
    upload: UploadFile,
    user_id: int,
    record_type: str | None,
    platform: Platform,
) -> Staged:
    """The upload in a folder of its own, under the name it was sent with, so that what the
    readers say of the file names the file the officer knows."""
    name = upload.filename or ""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        raise FileProblem(
            f"{name}: unsupported file type {suffix or '(none)'}; use one of {', '.join(FORMATS)}"
        )
    limit = platform.settings.max_upload_mb
    staged = store.open(user_id, name, suffix, record_type)
    written = 0
    with staged.file.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            written += len(chunk)
            if written > limit * CHUNK:
                store.remove(staged.token)
                raise FileProblem(
                    f"{name} is larger than {limit} MB, the most one upload takes "
                    "(ITPO_MAX_UPLOAD_MB)"
                )
            out.write(chunk)
    return staged


def _read(platform: Platform, staged: Staged) -> ImportBatch:
    limits = platform.settings
    return read_batch(
        staged.file,
        staged.record_type,
        max_rows=limits.max_import_rows,
        max_unzipped_mb=limits.max_import_unzipped_mb,
    )


def _check(platform: Platform, principal: Principal, staged: Staged) -> ImportReport:
    """The dry run, on a worker thread: every row read and checked, nothing written."""
    return import_records(
        uow=platform.uow(immediate=True),
        by=principal,
        batch=_read(platform, staged),
        dry_run=True,
        source=staged.name,
        now=platform.clock,
    )


@router.get("/imports/{upload}")
def checked_page(
    request: Request, upload: Token, visit: VisitDep, platform: PlatformDep
) -> Response:
    """A checked file: what importing it would do, and the button; while it is imported, its
    progress; after, its report or why it was refused."""
    user_id = _importer(visit)
    run = runs_of(request).get(upload, user_id)
    if run is not None:
        values = {"token": upload, "run": run_view(run, visit.language), "staged": None}
        return render(request, visit, "imports/checked.html", _with_names(visit, values))
    staged = staged_imports(platform).find(upload, user_id)
    if staged is None or staged.report is None:
        return _missing(request, visit)
    report = staged.report
    values = {
        "token": upload,
        "run": None,
        "staged": {
            "name": staged.name,
            "counts": counts_view(report),
            "changed": changes_anything(report),
            "changes": [change_view(c) for c in report.changes],
            "to_allow": len(report.to_allow),
        },
    }
    return render(request, visit, "imports/checked.html", _with_names(visit, values))


def _with_names(visit: Visit, values: dict[str, Any]) -> dict[str, Any]:
    return {**values, "section_name": lambda s: section_name(visit.language, s)}


def _missing(request: Request, visit: Visit) -> Response:
    values = {"status": 404, "title": "Not found", "message": MISSING}
    return render(request, visit, "error.html", values, status=404)


@router.post("/imports/{upload}/commit")
def commit(
    request: Request,
    upload: Token,
    visit: VisitDep,
    platform: PlatformDep,
    allow_moves: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Import the checked file in the background, all of it or nothing; the page follows."""
    user_id = _importer(visit)
    runs = runs_of(request)
    staged = staged_imports(platform).claim(upload, user_id)
    if staged is None:
        if runs.get(upload, user_id) is not None:  # sent twice: the first is running
            return RedirectResponse(f"/imports/{upload}", status_code=303)
        return _missing(request, visit)
    run = ImportRun(upload, user_id, staged.name, staged.records, staged.opportunities)
    runs.start(run, _job(platform, visit.principal, staged, allow_moves == "yes"))
    return RedirectResponse(f"/imports/{upload}", status_code=303)


def _job(platform: Platform, principal: Principal, staged: Staged, allow_moves: bool) -> Job:
    def job(progress: Callable[[int], None]) -> ImportReport:
        try:
            return import_records(
                uow=platform.uow(immediate=True),
                by=principal,
                batch=_read(platform, staged),
                allow_moves=allow_moves,
                source=staged.name,
                now=platform.clock,
                progress=progress,
            )
        finally:
            staged_imports(platform).remove(staged.token)

    return job


@router.get("/imports/{upload}/progress")
def import_progress(
    request: Request, upload: Token, visit: VisitDep, platform: PlatformDep
) -> Response:
    """How the import stands, for the page to show every second; once it is done the page
    reloads with the report."""
    user_id = _importer(visit)
    run = runs_of(request).get(upload, user_id)
    if run is None and staged_imports(platform).find(upload, user_id) is None:
        return _missing(request, visit)
    values = {"token": upload, "run": run_view(run, visit.language) if run else None}
    response = render(request, visit, "imports/_run.html", _with_names(visit, values))
    if run is not None and run.finished and is_htmx(request):
        response.headers["HX-Redirect"] = f"/imports/{upload}"
    return response
