"""Writing a practice case through a form: officers for the office (or for an organisation),
members for their own organisation. Texts in English and Chinese side by side, sources and
figures one a line (as in the import file); a refused form comes back with every problem
beside its field and nothing saved."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.practice_views import THEMES, form_problems
from itpo.adapters.web.pages.work_choices import choices
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.practice import services
from itpo.practice.fields import TEXT_PARTS, case_document
from itpo.practice.flat import FIGURES_HELP, SOURCES_HELP, document_of_row, flat_row
from itpo.practice.model import PracticeCase
from itpo.registry import services as registry
from itpo.registry.errors import ValidationError
from itpo.registry.queries import OrganisationQuery

router = APIRouter()
LANGUAGES = ("en", "zh")
SINGLE = ("theme", "country", "city", "year", "original_language", "sources", "figures")
LISTS = ("isic_classes", "technology_areas", "sdgs")
TEXTS = tuple(f"{part}_{lang}" for lang in LANGUAGES for part in TEXT_PARTS)
MAX_ORGANISATIONS = 5000


async def read_form(request: Request) -> FormData:
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


def typed(form: FormData) -> dict[str, Any]:
    """The form as sent, as text and lists of text, to parse and to show again if refused."""
    values: dict[str, Any] = {name: str(form.get(name) or "") for name in (*SINGLE, *TEXTS)}
    values.update({name: [str(v) for v in form.getlist(name)] for name in LISTS})
    values["partners"] = str(form.get("partners") or "")
    values["illustrative"] = bool(form.get("illustrative"))
    values["organisation_id"] = str(form.get("organisation_id") or "").strip()
    return values


def as_document(values: dict[str, Any]) -> dict[str, Any]:
    """What the form says as a case document: the same reading as an import's row."""
    row = {name: values[name] for name in (*SINGLE, *TEXTS, *LISTS)}
    row["partners"] = ";".join(p.strip() for p in values["partners"].splitlines() if p.strip())
    row["illustrative"] = "true" if values["illustrative"] else ""
    document = document_of_row(row)
    told = list(document["texts"])
    if len(told) == 1 and row["original_language"] not in told:
        # Written in one language only: that is its original, whichever the page offered.
        document["original_language"] = told[0]
    document["organisation"] = values["organisation_id"] or None
    return document


def from_case(case: PracticeCase) -> dict[str, Any]:
    row = flat_row(case_document(case))
    values: dict[str, Any] = {
        name: "" if row.get(name) is None else str(row[name]) for name in SINGLE
    }
    values.update({name: str(row.get(name) or "") for name in TEXTS})
    values.update({name: [str(v) for v in getattr(case, name)] for name in LISTS})
    values["partners"] = "\n".join(case.partners)
    values["illustrative"] = case.illustrative
    values["organisation_id"] = "" if case.organisation_id is None else str(case.organisation_id)
    return values


def blank(language: str) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys((*SINGLE, *TEXTS), "")
    values.update({name: [] for name in LISTS})
    values.update(partners="", illustrative=False, organisation_id="", original_language=language)
    return values


def _form(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    values: dict[str, Any],
    *,
    editing: dict[str, Any] | None = None,
    problems: dict[str, str] | None = None,
) -> Response:
    offered = choices(visit.language, {})
    organisations: list[Any] = []
    if visit.principal.is_staff:
        organisations = list(
            registry.list_organisations(
                uow=uow, by=visit.principal, query=OrganisationQuery(limit=MAX_ORGANISATIONS)
            ).items
        )
    form = {
        "v": values,
        "editing": editing,
        "problems": problems or {},
        "themes": list(THEMES.items()),
        "countries": offered["countries"],
        "isic_groups": offered["isic_groups"],
        "area_groups": offered["area_groups"],
        "sdg_options": offered["sdg_options"],
        "text_languages": [("en", "English"), ("zh", "Chinese")],
        "text_parts": TEXT_PARTS,
        "organisations": organisations,
        "sources_help": SOURCES_HELP,
        "figures_help": FIGURES_HELP,
    }
    return render(request, visit, "practices/form.html", form, status=422 if problems else 200)


@router.get("/practices/new")
def new_case(request: Request, visit: VisitDep, uow: UowDep) -> Response:
    """The form for a new case (officers, and members for their organisation)."""
    visit.require_user()
    return _form(request, visit, uow, blank(visit.language))


@router.post("/practices/new")
def create_case(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, form: FormDep
) -> Response:
    visit.require_user()
    values = typed(form)
    try:
        case = services.create_case(
            uow=uow, by=visit.principal, data=as_document(values), now=platform.clock
        )
    except ValidationError as error:
        return _form(
            request, visit, uow, values, problems=form_problems(error.errors, visit.language)
        )
    return RedirectResponse(f"/practices/{case.id}?done=created", status_code=303)


@router.get("/practices/{case_id:int}/edit")
def edit_case(request: Request, case_id: RecordId, visit: VisitDep, uow: UowDep) -> Response:
    """The case's form, filled in (its writers and officers)."""
    visit.require_user()
    case = services.case_to_edit(uow=uow, by=visit.principal, case_id=case_id)
    editing = {"id": case.id, "title": case.text_in(visit.language).title}
    return _form(request, visit, uow, from_case(case), editing=editing)


@router.post("/practices/{case_id:int}/edit")
def save_case(
    request: Request,
    case_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    form: FormDep,
) -> Response:
    visit.require_user()
    values = typed(form)
    case = services.case_to_edit(uow=uow, by=visit.principal, case_id=case_id)
    editing = {"id": case.id, "title": case.text_in(visit.language).title}
    document = as_document(values)
    document["external_id"] = case.external_id
    try:
        services.update_case(
            uow=uow, by=visit.principal, case_id=case_id, data=document, now=platform.clock
        )
    except ValidationError as error:
        problems = form_problems(error.errors, visit.language)
        return _form(request, visit, uow, values, editing=editing, problems=problems)
    return RedirectResponse(f"/practices/{case_id}?done=saved", status_code=303)
