"""Creating, changing and deleting an opportunity through a form: officers for any
organisation, members for their own (the registry services decide, and audit each change), a
refused value shown next to its field with nothing saved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from itpo.accounts.principal import Principal
from itpo.adapters.http import PlatformDep, RecordId, UowDep, record_id
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.locale_format import collation_key
from itpo.adapters.web.pages.work_choices import STATUS_HELP, choices, field_problems
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.registry import services
from itpo.registry.errors import ValidationError
from itpo.registry.model import Opportunity
from itpo.registry.queries import OrganisationQuery
from itpo.registry.records import record_to_mapping

router = APIRouter()
SINGLE_FIELDS = (
    "kind", "title", "teaser", "details", "language", "trl", "min_trl", "amount_min",
    "amount_max", "currency", "energy_mwh_per_year", "co2_tonnes_per_year", "disclosure",
    "status", "valid_until",
)  # fmt: skip
LIST_FIELDS = (
    "countries",
    "isic_classes",
    "technology_areas",
    "sdgs",
    "cooperation_types",
    "hard_conditions",
)
MAX_ORGANISATIONS = 5000  # an office's whole register, for the officers' owner list
CHOOSE_OWNER = "Choose the organisation that owns the opportunity."


async def read_form(request: Request) -> FormData:
    """The form as sent (Starlette keeps it, so the CSRF check's reading is reused)."""
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


def typed(form: FormData) -> dict[str, Any]:
    """What the person sent, as text and lists of text: the domain parses it, and a refused
    form shows it again as typed."""
    values: dict[str, Any] = {name: str(form.get(name) or "") for name in SINGLE_FIELDS}
    values.update({name: [str(v) for v in form.getlist(name)] for name in LIST_FIELDS})
    values["organisation_id"] = str(form.get("organisation_id") or "").strip()
    return values


def from_record(found: Opportunity) -> dict[str, Any]:
    """A stored opportunity as the form shows it."""
    mapping = record_to_mapping(found)
    values: dict[str, Any] = {}
    for name in SINGLE_FIELDS:
        value = mapping[name]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        values[name] = "" if value is None else str(getattr(value, "value", value))
    values.update(
        {name: [str(getattr(v, "value", v)) for v in mapping[name]] for name in LIST_FIELDS}
    )
    values["organisation_id"] = str(found.organisation_id)
    return values


def blank(visit: Visit, kind: str) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(SINGLE_FIELDS, "")
    values.update({name: [] for name in LIST_FIELDS})
    values.update(kind=kind, language=visit.language, disclosure="public", status="draft")
    owner = visit.principal.organisation_id
    values["organisation_id"] = "" if owner is None else str(owner)
    return values


def owner_of(principal: Principal, raw: str) -> int | None:
    """The organisation the form names; a member's own when it names none."""
    named = record_id(raw)
    if named is not None:
        return named
    return None if principal.is_staff or raw else principal.organisation_id


def domain_data(values: Mapping[str, Any], organisation_id: int | None) -> dict[str, Any]:
    return {
        **{k: values[k] for k in (*SINGLE_FIELDS, *LIST_FIELDS)},
        "organisation_id": organisation_id,
    }


def _form(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    values: Mapping[str, Any],
    *,
    editing: Opportunity | None = None,
    problems: Mapping[str, str] | None = None,
    status: int = 200,
) -> Response:
    principal = visit.principal
    if principal.is_staff:
        page = services.list_organisations(
            uow=uow, by=principal, query=OrganisationQuery(limit=MAX_ORGANISATIONS)
        )
        reading_order = collation_key(visit.language)
        organisations = sorted(page.items, key=lambda o: reading_order(o.name))
    else:
        own = principal.organisation_id
        organisations = (
            [services.get_organisation(uow=uow, by=principal, organisation_id=own)] if own else []
        )
    context = {
        "v": values,
        "editing": editing,
        "problems": dict(problems or {}),
        "organisations": organisations,
        "choose_owner": principal.is_staff,
        **choices(visit.language, values),
    }
    current = editing.status if editing is not None else None
    context["statuses"] = [
        (s.value, STATUS_HELP[s]) for s in services.statuses_for(principal, current)
    ]
    return render(request, visit, "work/form.html", context, status=status)


def _refused(invalid: ValidationError, language: str) -> dict[str, str]:
    return field_problems(invalid.errors, language)


@router.get("/opportunities/new")
def new_opportunity(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    kind: str = "technology_offer",
    organisation_id: str = "",
) -> Response:
    """An empty form; officers choose the owner (the one named in the address first), a
    member's own organisation owns it."""
    visit.require_user()
    services.require_author(visit.principal)
    values = blank(visit, kind[:40])
    named = record_id(organisation_id[:40])
    if named is not None:
        values["organisation_id"] = str(named)
    return _form(request, visit, uow, values)


@router.post("/opportunities/new")
def create_opportunity(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, form: FormDep
) -> Response:
    """Create the opportunity (audited by the service), or show the form again with each
    problem."""
    visit.require_user()
    principal = visit.principal
    services.require_author(principal)
    values = typed(form)
    organisation_id = owner_of(principal, values["organisation_id"])
    try:
        # Without an owner the service still checks every other field, so all the form's
        # problems come back in one round.
        created = services.create_opportunity(
            uow=uow, by=principal, data=domain_data(values, organisation_id), now=platform.clock
        )
    except ValidationError as invalid:
        problems = _refused(invalid, visit.language)
        if organisation_id is None:
            problems.pop("organisation", None)
            problems["organisation_id"] = CHOOSE_OWNER
        return _form(request, visit, uow, values, problems=problems, status=422)
    return RedirectResponse(f"/opportunities/{created.id}", status_code=303)


@router.get("/opportunities/{opportunity_id:int}/edit")
def edit_opportunity(
    request: Request, opportunity_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """The opportunity's form, filled in, with a way to delete it."""
    visit.require_user()
    found = services.editable_opportunity(
        uow=uow, by=visit.principal, opportunity_id=opportunity_id, now=platform.clock
    )
    return _form(request, visit, uow, from_record(found), editing=found)


@router.post("/opportunities/{opportunity_id:int}/edit")
def update_opportunity(
    request: Request,
    opportunity_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    form: FormDep,
) -> Response:
    """Save the changed opportunity (audited by the service), or show the form again."""
    visit.require_user()
    principal = visit.principal
    found = services.get_opportunity(uow=uow, by=principal, opportunity_id=opportunity_id)
    values = typed(form)
    organisation_id = owner_of(principal, values["organisation_id"]) or found.organisation_id
    try:
        services.update_opportunity(
            uow=uow,
            by=principal,
            opportunity_id=opportunity_id,
            changes=domain_data(values, organisation_id),
            now=platform.clock,
        )
    except ValidationError as invalid:
        problems = _refused(invalid, visit.language)
        return _form(request, visit, uow, values, editing=found, problems=problems, status=422)
    return RedirectResponse(f"/opportunities/{opportunity_id}", status_code=303)


@router.post("/opportunities/{opportunity_id:int}/delete")
def delete_opportunity(
    opportunity_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Delete the opportunity (audited by the service); back to the list of opportunities."""
    visit.require_user()
    services.delete_opportunity(
        uow=uow, by=visit.principal, opportunity_id=opportunity_id, now=platform.clock
    )
    return RedirectResponse("/opportunities", status_code=303)
