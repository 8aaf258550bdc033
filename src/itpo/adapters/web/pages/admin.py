"""Administration: users (list, create, disable and enable, unlock, password-reset links) and
offices (the audit log is in `audit.py`). Administrators only: each page is refused by the
first account service it calls, the same services as `/api/v1/users` and `/api/v1/offices`,
so the same rules hold and the same entries are written."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.accounts import services as accounts
from itpo.accounts.model import Role, User, UserQuery
from itpo.accounts.passwords import generate_password
from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep, clock_of
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.errors import error_page
from itpo.adapters.web.pages.account import field_problems, problem
from itpo.adapters.web.templating import is_htmx, render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.mail import sending
from itpo.mail.links import SiteLinks
from itpo.registry import reference
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, NotFound, ValidationError
from itpo.registry.queries import OrganisationQuery

router = APIRouter()
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]
Choice = Annotated[str, Query(max_length=40)]
USERS_PAGE = "/admin/users"
USER_FIELDS = ("email", "display_name", "role", "password", "office_id", "organisation_id")
OFFICE_FIELDS = ("name", "country", "city")
BAD_FILTER = "A filter of this address has a value this page does not know."


def pages(total: int, size: int) -> int:
    return max(1, math.ceil(total / size))


def _organisations(uow: SqlUnitOfWork, visit: Visit) -> list[Any]:
    query = OrganisationQuery(limit=None)
    every = registry.list_organisations(uow=uow, by=visit.principal, query=query)
    return sorted(every.items, key=lambda o: o.name.casefold())


def _names(uow: SqlUnitOfWork, visit: Visit, users: list[User]) -> dict[int, str]:
    """The names of the organisations these users belong to."""
    names: dict[int, str] = {}
    for wanted in {u.organisation_id for u in users if u.organisation_id is not None}:
        try:
            found = registry.get_organisation(uow=uow, by=visit.principal, organisation_id=wanted)
            names[wanted] = found.name
        except NotFound:
            continue
    return names


def _back(target: str | None) -> str:
    """Where a form without JavaScript returns: a users page of ours, nothing else."""
    if target and target.startswith(USERS_PAGE) and not target.startswith(USERS_PAGE + "/"):
        return target
    return USERS_PAGE


# ----------------------------------------------------------------------------------------
# Users


@router.get("/admin/users")
def users(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    role: Choice = "",
    office: Choice = "",
    state: Choice = "",
    page: PageNumber = 1,
    created: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    """Every user, filtered by role, office and state, a page at a time, with who is locked
    out by failed sign-ins."""
    # The first service call: it sends the public to sign in and refuses everyone else.
    choices = accounts.user_choices(uow=uow, by=visit.principal)
    made = None
    if created is not None:
        try:
            made = accounts.get_user(uow=uow, by=visit.principal, user_id=created)
        except NotFound:
            made = None
    roles = [r.value for r in choices.roles]
    office_ids = {str(o.id) for o in choices.offices}
    if (
        role not in ("", *roles)
        or office not in ("", *office_ids)
        or state not in ("", "active", "disabled")
    ):
        return error_page(request, 400, BAD_FILTER)
    size = platform.settings.page_size
    query = UserQuery(
        roles=(Role(role),) if role else (),
        office_id=int(office) if office else None,
        active={"active": True, "disabled": False}.get(state),
        limit=size,
        offset=(page - 1) * size,
    )
    found = accounts.list_users(uow=uow, by=visit.principal, query=query)
    values = {
        "users": found.items,
        "locks": accounts.sign_in_locks(
            uow=uow, by=visit.principal, users=found.items, now=platform.clock
        ),
        "created": made,
        "total": found.total,
        "page": page,
        "pages": pages(found.total, size),
        "filters": {"role": role, "office": office, "state": state},
        "filtered": bool(role or office or state),
        "roles": roles,
        "offices": choices.offices,
        "office_names": {o.id: o.name for o in choices.offices},
        "organisation_names": _names(uow, visit, list(found.items)),
        "back": str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
    }
    return render(request, visit, "admin/users.html", values, fragment="admin/_users_results.html")


def _row(request: Request, visit: Visit, uow: SqlUnitOfWork, user: User, **extra: Any) -> Response:
    offices = {o.id: o.name for o in accounts.list_offices(uow=uow, by=visit.principal)}
    values = {
        "user": user,
        "locks": accounts.sign_in_locks(
            uow=uow, by=visit.principal, users=[user], now=clock_of(request)
        ),
        "office_names": offices,
        "organisation_names": _names(uow, visit, [user]),
        "back": USERS_PAGE,
        **extra,
    }
    return render(request, visit, "admin/_user_row.html", values)


def _switch(
    request: Request, visit: Visit, uow: SqlUnitOfWork, user_id: int, enable: bool, back: str
) -> Response:
    change = accounts.enable_user if enable else accounts.disable_user
    try:
        changed = change(uow=uow, by=visit.principal, user_id=user_id, now=clock_of(request))
    except Conflict as refused:
        if not is_htmx(request):
            raise
        user = accounts.get_user(uow=uow, by=visit.principal, user_id=user_id)
        return _row(request, visit, uow, user, refusal=str(refused))
    if not is_htmx(request):
        return RedirectResponse(_back(back), status_code=303)
    return _row(request, visit, uow, changed, changed_now=True)


Back = Annotated[str, Form(max_length=2000)]


@router.post("/admin/users/{user_id:int}/disable")
def disable(
    request: Request, visit: VisitDep, uow: UowDep, user_id: RecordId, back: Back = USERS_PAGE
) -> Response:
    """Disable a user: no sign-in; their sessions and tokens end now."""
    return _switch(request, visit, uow, user_id, False, back)


@router.post("/admin/users/{user_id:int}/enable")
def enable(
    request: Request, visit: VisitDep, uow: UowDep, user_id: RecordId, back: Back = USERS_PAGE
) -> Response:
    """Let a disabled user sign in again."""
    return _switch(request, visit, uow, user_id, True, back)


def _reset_link(request: Request, token: str) -> str:
    return SiteLinks(str(request.base_url)).password_reset(token)


@router.post("/admin/users/{user_id:int}/unlock")
def unlock(
    request: Request, visit: VisitDep, uow: UowDep, user_id: RecordId, back: Back = USERS_PAGE
) -> Response:
    """Let a user locked out by failed sign-ins sign in again, from every address."""
    unlocked = accounts.unlock_user(
        uow=uow, by=visit.principal, user_id=user_id, now=clock_of(request)
    )
    if not is_htmx(request):
        return RedirectResponse(_back(back), status_code=303)
    return _row(request, visit, uow, unlocked, unlocked_now=True)


@router.post("/admin/users/{user_id:int}/password-reset")
def password_reset(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, user_id: RecordId
) -> Response:
    """A one-time, expiring link for the user to set a new password, shown once."""
    return _reset_issued(request, visit, platform, uow, user_id, created=False)


def _reset_issued(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    user_id: int,
    *,
    created: bool,
) -> Response:
    """A one-time reset link for the user, issued by the administrator and shown once."""
    issued = sending.send_password_reset(
        uow=uow,
        by=visit.principal,
        user_id=user_id,
        links=platform.links(),
        policy=platform.account_policy,
        now=platform.clock,
    )
    values = {
        "user": issued.user,
        "link": _reset_link(request, issued.token),
        "expires_at": issued.expires_at,
        "created": created,
    }
    return render(request, visit, "admin/reset_issued.html", values, status=201)


def _new_user_page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    choices: accounts.UserChoices,
    typed: dict[str, str],
    problems: dict[str, list[str]],
    status: int = 200,
) -> Response:
    values = {
        "form": typed,
        "problems": problems,
        "roles": [r.value for r in choices.roles],
        "staff_roles": [r.value for r in choices.staff_roles],
        "offices": choices.offices,
        "organisations": _organisations(uow, visit),
    }
    return render(request, visit, "admin/user_new.html", values, status=status)


@router.get("/admin/users/new")
def new_user(request: Request, visit: VisitDep, uow: UowDep) -> Response:
    """The form for a new user."""
    choices = accounts.user_choices(uow=uow, by=visit.principal)
    typed = dict.fromkeys(USER_FIELDS, "")
    typed["role"] = Role.MEMBER.value
    return _new_user_page(request, visit, uow, choices, typed, {})


def _identifier(language: str, field: str, text: str) -> tuple[int | None, dict[str, list[str]]]:
    if not text.strip():
        return None, {}
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_ID:
        return None, problem(language, field, "Choose one from the list.")
    return int(text), {}


Text = Annotated[str, Form(max_length=1024)]


@router.post("/admin/users")
def create_user(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    email: Text = "",
    display_name: Text = "",
    role: Text = "",
    password: Text = "",
    office_id: Text = "",
    organisation_id: Text = "",
) -> Response:
    """Store a new user; without a password, the answer is a reset link for them to set one."""
    choices = accounts.user_choices(uow=uow, by=visit.principal)
    language = visit.language
    typed = {
        "email": email,
        "display_name": display_name,
        "role": role,
        "password": "",
        "office_id": office_id,
        "organisation_id": organisation_id,
    }
    office, bad_office = _identifier(language, "office_id", office_id)
    organisation, bad_organisation = _identifier(language, "organisation_id", organisation_id)
    if bad_office or bad_organisation:
        found = {**bad_office, **bad_organisation}
        return _new_user_page(request, visit, uow, choices, typed, found, status=422)
    generated = not password
    try:
        user = accounts.create_user(
            uow=uow,
            by=visit.principal,
            email=email,
            display_name=display_name,
            role=role,
            password=password or generate_password(email),
            office_id=office,
            organisation_id=organisation,
            policy=platform.account_policy,
            now=platform.clock,
        )
    except ValidationError as invalid:
        found = field_problems(language, invalid.errors, USER_FIELDS)
        return _new_user_page(request, visit, uow, choices, typed, found, status=422)
    except Conflict:
        found = problem(language, "email", "A user with this email exists already.")
        return _new_user_page(request, visit, uow, choices, typed, found, status=422)
    if not generated:
        return RedirectResponse(f"{USERS_PAGE}?created={user.id}", status_code=303)
    assert user.id is not None
    return _reset_issued(request, visit, platform, uow, user.id, created=True)


# ----------------------------------------------------------------------------------------
# Offices


def _offices_page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    typed: dict[str, str],
    problems: dict[str, list[str]],
    status: int = 200,
    created: int | None = None,
) -> Response:
    offices = accounts.user_choices(uow=uow, by=visit.principal).offices
    key = "name_zh" if visit.language == "zh" else "name_en"
    named = ((c.code, getattr(c, key) or c.name_en) for c in reference.countries().values())
    countries = sorted(named, key=lambda pair: pair[1])
    counts = {o.id: _user_count(uow, visit, o.id) for o in offices if o.id is not None}
    values = {
        "offices": offices,
        "countries": countries,
        "country_names": dict(countries),
        "counts": counts,
        "form": typed,
        "problems": problems,
        "created": next((o for o in offices if o.id == created), None),
    }
    return render(request, visit, "admin/offices.html", values, status=status)


def _user_count(uow: SqlUnitOfWork, visit: Visit, office_id: int) -> int:
    query = UserQuery(office_id=office_id, limit=0)
    return accounts.list_users(uow=uow, by=visit.principal, query=query).total


@router.get("/admin/offices")
def offices(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    created: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    """The offices of this installation, and a form for another."""
    blank = dict.fromkeys(OFFICE_FIELDS, "")
    return _offices_page(request, visit, uow, blank, {}, created=created)


@router.post("/admin/offices")
def create_office(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    name: Text = "",
    country: Annotated[str, Form(max_length=40)] = "",
    city: Text = "",
) -> Response:
    """Store a new office."""
    typed = {"name": name, "country": country, "city": city}
    try:
        office = accounts.create_office(
            uow=uow,
            by=visit.principal,
            name=name,
            country=country,
            city=city or None,
            now=clock_of(request),
        )
    except ValidationError as invalid:
        found = field_problems(visit.language, invalid.errors, OFFICE_FIELDS)
        return _offices_page(request, visit, uow, typed, found, status=422)
    except Conflict:
        found = problem(visit.language, "name", "An office with this name exists already.")
        return _offices_page(request, visit, uow, typed, found, status=422)
    return RedirectResponse(f"/admin/offices?created={office.id}", status_code=303)


# ----------------------------------------------------------------------------------------
# The audit log
