"""/appraisals: appraise an investment project from the Excel workbook, from a form of the
model's main inputs or from its model document; keep it with a project its writers choose, or
only see the results; a kept appraisal's results with their charts, and its report as PDF,
Excel or HTML. Who may keep, see and download is decided by the appraisal services; refusals
are shown beside the inputs they name, and nothing is kept from a refused run."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from itpo.accounts.errors import Forbidden
from itpo.adapters.files.appraisal_model_files import (
    MAX_SENT_KB,
    ModelSource,
    template_bytes,
)
from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep
from itpo.adapters.reports.writing import REPORT_TYPES, report_bytes
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.i18n import translate
from itpo.adapters.web.pages import appraisal_forms as forms
from itpo.adapters.web.pages import appraisal_sent as sending
from itpo.adapters.web.pages.appraisal_forms import _
from itpo.adapters.web.pages.appraisal_sent import MAX_JSON_CHARS, Problems, Sent
from itpo.adapters.web.pages.appraisal_views import result_view
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.appraisal import services
from itpo.appraisal.errors import ModelError
from itpo.appraisal.services import (
    MAX_DRAWS,
    AppraisalResult,
    MonteCarloOptions,
    StoredAppraisal,
)
from itpo.bootstrap import Platform
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, NotFound
from itpo.registry.model import Opportunity

router = APIRouter()
SOURCES = ("workbook", "form", "json")
DRAWS, SEED = "2000", "1"
DONE: Mapping[str, str] = {"kept": _("The appraisal is kept with its investment project.")}
RefQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
FormatQuery = Annotated[str, Query(pattern="^(pdf|xlsx|html)$")]


def example_document() -> dict[str, Any]:
    """The worked example that ships with the package: a solar fruit-drying plant."""
    packaged = resources.files("itpo.appraisal") / "examples" / "solar_fruit_drying.json"
    data: dict[str, Any] = json.loads(packaged.read_text(encoding="utf-8"))
    return data


def _start_page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    sent: Mapping[str, str],
    *,
    source: str = "",
    problems: Problems | None = None,
    status: int = 200,
) -> Response:
    projects = services.attachable_projects(uow=uow, by=visit.principal)
    values = {
        "sent": dict(sent),
        "problems": dict(problems or {}),
        "source": source,
        "projects": [{"id": p.id, "title": p.title} for p in projects],
        "sections": forms.SECTIONS,
        "tables": forms.TABLES,
        "choice_names": forms.CHOICE_NAMES,
        "counts": forms.row_counts(sent),
        "max_kb": MAX_SENT_KB,
        "max_draws": MAX_DRAWS,
    }
    return render(request, visit, "appraisals/new.html", values, status=status)


def _filled(data: Mapping[str, Any], **extra: str) -> dict[str, str]:
    """The start page's inputs filled from a model document, its JSON included."""
    return {
        **forms.form_values(data),
        "model_json": json.dumps(data, indent=2, ensure_ascii=False),
        "draws": DRAWS,
        "seed": SEED,
        **extra,
    }


@router.get("/appraisals/new")
def new_appraisal(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    opportunity_id: RefQuery = None,
    example: Annotated[str, Query(max_length=5)] = "",
    copy: RefQuery = None,
) -> Response:
    """Start an appraisal: the workbook to download and send, the form, or the model as JSON;
    filled with the worked example, or with a copy of a kept appraisal's model."""
    visit.require_user()
    project = str(opportunity_id) if opportunity_id else ""
    sent: dict[str, str] = {"draws": DRAWS, "seed": SEED, "opportunity_id": project}
    source = ""
    if copy is not None:
        stored = services.get_appraisal(
            uow=uow, by=visit.principal, appraisal_id=copy, now=platform.clock
        )
        sent = _filled(stored.model, opportunity_id=project or str(stored.opportunity_id))
        # A model with blocks the form lacks (risk ranges, say) opens as its document.
        source = "form" if forms.carries(stored.model) else "json"
    elif example:
        sent = _filled(example_document(), opportunity_id=project)
        source = "form"
    return _start_page(request, visit, uow, sent, source=source)


@router.get("/appraisals/template.xlsx")
def template(visit: VisitDep, example: Annotated[str, Query(max_length=5)] = "") -> Response:
    """The Excel workbook to fill in: blank, or with the worked example."""
    visit.require_user()
    data = example_document() if example else None
    name = "appraisal-example.xlsx" if example else "appraisal-template.xlsx"
    return Response(
        template_bytes(data),
        media_type=REPORT_TYPES["xlsx"],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/appraisals")
async def run_appraisal(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Appraise the model sent: keep it with the chosen investment project and show it, or
    show the results of a run that is not kept."""
    visit.require_user()
    form = await request.form()
    try:
        values = {k: v for k, v in form.items() if isinstance(v, str)}
        upload = form.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            content = await upload.read(MAX_SENT_KB * 1024 + 1)
            sent = Sent(values, upload.filename, content)
        else:
            sent = Sent(values)
    finally:
        await form.close()  # the sent file's spooled copy
    # The model is computed on a worker thread: a long Monte Carlo run must not hold the others.
    return await run_in_threadpool(_run, request, visit, platform, uow, sent)


def _run(
    request: Request, visit: Visit, platform: Platform, uow: SqlUnitOfWork, given: Sent
) -> Response:
    say = partial(translate, visit.language)
    sent = given.values
    source = sent.get("source", "")
    if source not in SOURCES:
        source = "workbook" if given.file is not None else "form"
    problems: Problems = {}
    options = sending.options_of(sent, problems, say)
    target = sending.target_of(sent, problems, say)
    data, placing = sending.document_of(given, source, problems, say)
    if isinstance(placing, forms.FormDocument) and placing.problems:
        problems.update(sending.place([], source, placing, sent, visit.language))
    # Cells of a workbook that could not be read are named with the model's refusals.
    unread = list(placing.problems) if isinstance(placing, ModelSource) else []
    result: AppraisalResult | None = None
    kept = None
    if data is not None:
        refused: list[tuple[str, str]] = []
        try:
            if target is not None and not problems and not unread:
                kept = services.attach_appraisal(
                    uow=uow,
                    by=visit.principal,
                    opportunity_id=target,
                    model_data=data,
                    name=sent.get("appraisal_name", "").strip() or None,
                    monte_carlo=options,
                    now=platform.clock,
                )
            else:
                # A run that is refused anyway needs no simulation to name its problems.
                draws = None if problems or unread else options
                result = services.appraise(by=visit.principal, model_data=data, monte_carlo=draws)
        except (NotFound, Forbidden, Conflict) as error:
            problems["opportunity_id"] = [say(sending.project_problem(error))]
            # The model's own problems are named in the same round.
            try:
                services.appraise(by=visit.principal, model_data=data)
            except ModelError as model_error:
                refused = model_error.errors
        except ModelError as error:
            refused = error.errors
        if refused or unread:
            problems.update(
                sending.place([*unread, *refused], source, placing, sent, visit.language)
            )
    if problems:
        return _start_page(request, visit, uow, sent, source=source, problems=problems, status=422)
    if kept is not None:
        return RedirectResponse(f"/appraisals/{kept.id}?done=kept", status_code=303)
    assert result is not None and data is not None
    return _results_page(request, visit, uow, result, model=data, options=options)


def _results_page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    result: AppraisalResult,
    *,
    model: Mapping[str, Any] | None = None,
    options: MonteCarloOptions | None = None,
    kept: StoredAppraisal | None = None,
    project: Opportunity | None = None,
    done: str = "",
) -> Response:
    projects = [] if kept is not None else services.attachable_projects(uow=uow, by=visit.principal)
    values = {
        "view": result_view(result, visit.language),
        "kept": kept,
        "project": project,
        "projects": [{"id": p.id, "title": p.title} for p in projects],
        "model_json": json.dumps(model, ensure_ascii=False) if model is not None else "",
        "draws": str(options.draws) if options else "0",
        "seed": str(options.seed) if options else "0",
        "done": DONE.get(done),
    }
    return render(request, visit, "appraisals/result.html", values)


def _kept(
    platform: Platform, uow: SqlUnitOfWork, visit: Visit, appraisal_id: int
) -> StoredAppraisal:
    return services.get_appraisal(
        uow=uow, by=visit.principal, appraisal_id=appraisal_id, now=platform.clock
    )


@router.get("/appraisals/{appraisal_id:int}")
def appraisal_page(
    request: Request,
    appraisal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    done: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    """A kept appraisal's results: for those who may see its project's details."""
    visit.require_user()
    stored = _kept(platform, uow, visit, appraisal_id)
    project = registry.get_opportunity(
        uow=uow, by=visit.principal, opportunity_id=stored.opportunity_id
    )
    result = services.reappraise(stored=stored)
    return _results_page(request, visit, uow, result, kept=stored, project=project, done=done)


def _download(result: AppraisalResult, kind: str, name: str) -> Response:
    return Response(
        report_bytes(result, kind),
        media_type=REPORT_TYPES[kind],
        headers={"Content-Disposition": f'attachment; filename="{name}.{kind}"'},
    )


@router.get("/appraisals/{appraisal_id:int}/report")
def kept_report(
    appraisal_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    format: FormatQuery = "pdf",
) -> Response:
    """A kept appraisal's report, with its charts, as PDF, Excel or HTML."""
    visit.require_user()
    stored = _kept(platform, uow, visit, appraisal_id)
    return _download(services.reappraise(stored=stored), format, f"appraisal-{appraisal_id}")


@router.post("/appraisals/report")
async def run_report(request: Request, visit: VisitDep) -> Response:
    """The report of a run that was not kept, computed again from the model it was run on."""
    visit.require_user()
    form = await request.form()
    sent = {k: v for k, v in form.items() if isinstance(v, str)}
    return await run_in_threadpool(_report_of_run, visit, sent)


def _report_of_run(visit: Visit, sent: Mapping[str, str]) -> Response:
    kind = sent.get("format", "")
    problems: Problems = {}
    options = sending.options_of(sent, problems, partial(translate, visit.language))
    try:
        data = json.loads(sent.get("model_json", "")[:MAX_JSON_CHARS])
        if kind not in REPORT_TYPES or problems or not isinstance(data, dict):
            raise ValueError("not a report this page asks for")
        result = services.appraise(by=visit.principal, model_data=data, monte_carlo=options)
    except ValueError:  # a model error too: the results page sends the model it showed
        raise HTTPException(status_code=422) from None
    return _download(result, kind, "appraisal")
