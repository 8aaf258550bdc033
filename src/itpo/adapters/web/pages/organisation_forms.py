"""Creating, changing and deleting an organisation through the pages: officers create and
delete, officers and the organisation's own members change its profile (the registry services
decide, and audit each change). A refused form shows every problem beside its field, with
nothing saved; a deletion the registry refuses says why, with nothing deleted."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from itpo.adapters.http import PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.i18n import translate
from itpo.adapters.web.pages.browse_common import ORGANISATION_KINDS, ORGANISATION_SIZES
from itpo.adapters.web.pages.work_choices import LANGUAGE_NAMES, Option, choices, problem_text
from itpo.adapters.web.pages.work_forms import FormDep
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.registry import reading, services
from itpo.registry.errors import Conflict, FieldError, ValidationError
from itpo.registry.model import Organisation
from itpo.registry.records import record_to_mapping

router = APIRouter()
SINGLE_FIELDS = ("name", "kind", "country", "city", "website", "size", "description")
LIST_FIELDS = ("isic_classes", "languages")
# Refusals of an organisation's fields the opportunity form never meets, as sentences for the
# form; any other refusal is worded as the opportunity form words it.
PATTERNS: Sequence[tuple[re.Pattern[str], str]] = [
    (re.compile(r"is not an http\(s\) address$"),
     "Not a web address: it starts with https:// or http://."),
    (re.compile(r"^holds the control character"),
     "Holds a character no text may hold: type it again."),
]  # fmt: skip


def typed(form: FormData) -> dict[str, Any]:
    """What the person sent, as text and lists of text: the registry parses it, and a refused
    form shows it again as typed."""
    values: dict[str, Any] = {name: str(form.get(name) or "") for name in SINGLE_FIELDS}
    values.update({name: [str(v) for v in form.getlist(name)] for name in LIST_FIELDS})
    return values


def from_record(found: Organisation) -> dict[str, Any]:
    """A stored organisation as the form shows it."""
    mapping = record_to_mapping(found)
    values: dict[str, Any] = {
        name: "" if mapping[name] is None else str(getattr(mapping[name], "value", mapping[name]))
        for name in SINGLE_FIELDS
    }
    values.update({name: [str(v) for v in mapping[name]] for name in LIST_FIELDS})
    return values


def blank() -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(SINGLE_FIELDS, "")
    values.update({name: [] for name in LIST_FIELDS}, kind="company")
    return values


def field_problems(errors: Sequence[FieldError], language: str) -> dict[str, str]:
    """One message per field, in the page's language: every refusal of the round."""
    problems: dict[str, list[str]] = {}
    for error in errors:
        problems.setdefault(error.field, []).append(_problem(error, language))
    return {field: " ".join(dict.fromkeys(texts)) for field, texts in problems.items()}


def _problem(error: FieldError, language: str) -> str:
    for pattern, sentence in PATTERNS:
        if pattern.search(error.message):
            return translate(language, sentence)
    return problem_text(error, language)


def _languages(language: str, chosen: Sequence[str]) -> list[Option]:
    options = [Option(code, translate(language, name)) for code, name in LANGUAGE_NAMES.items()]
    options.extend(Option(code, code) for code in chosen if code not in LANGUAGE_NAMES)
    return options


def _form(
    request: Request,
    visit: Visit,
    values: Mapping[str, Any],
    *,
    editing: reading.OrganisationView | None = None,
    problems: Mapping[str, str] | None = None,
    status: int = 200,
) -> Response:
    offered = choices(visit.language, {})
    context = {
        "v": values,
        "editing": editing,
        "problems": dict(problems or {}),
        "kinds": [
            (code, translate(visit.language, text)) for code, text in ORGANISATION_KINDS.items()
        ],
        "sizes": [
            (code, translate(visit.language, text)) for code, text in ORGANISATION_SIZES.items()
        ],
        "countries": offered["countries"],
        "isic_groups": offered["isic_groups"],
        "languages_offered": _languages(visit.language, values["languages"]),
    }
    return render(request, visit, "organisations/form.html", context, status=status)


@router.get("/organisations/new")
def new_organisation(request: Request, visit: VisitDep) -> Response:
    """An empty form (officers)."""
    visit.require_user()
    services.require_organisation_creator(visit.principal)
    return _form(request, visit, blank())


@router.post("/organisations/new")
def create_organisation(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, form: FormDep
) -> Response:
    """Create the organisation (audited by the service), or show the form again with every
    problem beside its field."""
    visit.require_user()
    services.require_organisation_creator(visit.principal)
    values = typed(form)
    try:
        created = services.create_organisation(
            uow=uow, by=visit.principal, data=values, now=platform.clock
        )
    except ValidationError as invalid:
        problems = field_problems(invalid.errors, visit.language)
        return _form(request, visit, values, problems=problems, status=422)
    return RedirectResponse(f"/organisations/{created.id}?done=created", status_code=303)


@router.get("/organisations/{organisation_id:int}/edit")
def edit_organisation(
    request: Request, organisation_id: RecordId, visit: VisitDep, uow: UowDep
) -> Response:
    """The organisation's form, filled in (officers, and its own members)."""
    visit.require_user()
    found = services.editable_organisation(
        uow=uow, by=visit.principal, organisation_id=organisation_id
    )
    view = _view(uow, visit, organisation_id)
    return _form(request, visit, from_record(found), editing=view)


@router.post("/organisations/{organisation_id:int}/edit")
def update_organisation(
    request: Request,
    organisation_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    form: FormDep,
) -> Response:
    """Save the changed profile (audited by the service), or show the form again."""
    visit.require_user()
    services.editable_organisation(uow=uow, by=visit.principal, organisation_id=organisation_id)
    values = typed(form)
    try:
        services.update_organisation(
            uow=uow,
            by=visit.principal,
            organisation_id=organisation_id,
            changes=values,
            now=platform.clock,
        )
    except ValidationError as invalid:
        problems = field_problems(invalid.errors, visit.language)
        view = _view(uow, visit, organisation_id)
        return _form(request, visit, values, editing=view, problems=problems, status=422)
    return RedirectResponse(f"/organisations/{organisation_id}?done=saved", status_code=303)


@router.get("/organisations/{organisation_id:int}/delete")
def confirm_deletion(
    request: Request, organisation_id: RecordId, visit: VisitDep, uow: UowDep
) -> Response:
    """What deleting the organisation does, or what holds it back, and the button (officers)."""
    visit.require_user()
    return _deletion_page(request, visit, uow, organisation_id)


@router.post("/organisations/{organisation_id:int}/delete")
def delete_organisation(
    request: Request,
    organisation_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
) -> Response:
    """Delete the organisation (audited by the service), or say why it is kept."""
    visit.require_user()
    try:
        services.delete_organisation(
            uow=uow, by=visit.principal, organisation_id=organisation_id, now=platform.clock
        )
    except Conflict:
        return _deletion_page(request, visit, uow, organisation_id, status=409)
    return RedirectResponse("/", status_code=303)


def _deletion_page(
    request: Request, visit: Visit, uow: SqlUnitOfWork, organisation_id: int, status: int = 200
) -> Response:
    deletion = services.organisation_deletion(
        uow=uow, by=visit.principal, organisation_id=organisation_id
    )
    values = {"deletion": deletion, "organisation": deletion.organisation, "refused": status == 409}
    return render(request, visit, "organisations/delete.html", values, status=status)


def _view(uow: SqlUnitOfWork, visit: Visit, organisation_id: int) -> reading.OrganisationView:
    return reading.view_organisation(uow=uow, by=visit.principal, organisation_id=organisation_id)
