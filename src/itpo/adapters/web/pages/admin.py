"""Administration: users (list, create, disable and enable, password-reset links) and offices
(the audit log is in `audit.py`). Administrators only, through the same account services as
`/api/v1/users` and `/api/v1/offices`, so the same rules hold and the same entries are written."""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.accounts import services as accounts
from itpo.accounts.model import STAFF_ROLES, Role, User, UserQuery
from itpo.accounts.passwords import generate_password
from itpo.accounts.principal import require_administrator
from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.errors import error_page
from itpo.adapters.web.pages.account import field_problems, problem
from itpo.adapters.web.templating import is_htmx, render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
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


def administrator(visit: Visit) -> User:
    """The signed-in administrator; the public signs in first, everyone else is refused."""
    user = visit.require_user()
    require_administrator(visit.principal)
    return user


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
    """Every user, filtered by role, office and state, a page at a time."""
    administrator(visit)
    made = None
    if created is not None:
        try:
            made = accounts.get_user(uow=uow, by=visit.principal, user_id=created)
        except NotFound:
            made = None
    offices = accounts.list_offices(uow=uow)
    roles = [r.value for r in Role]
    office_ids = {str(o.id) for o in offices}
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
        "created": made,
        "total": found.total,
        "page": page,
        "pages": pages(found.total, size),
        "filters": {"role": role, "office": office, "state": state},
        "filtered": bool(role or office or state),
        "roles": roles,
        "offices": offices,
        "office_names": {o.id: o.name for o in offices},
        "organisation_names": _names(uow, visit, list(found.items)),
        "back": str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
    }
    return render(request, visit, "admin/users.html", values,
                  fragment="admin/_users_results.html")  # fmt: skip


def _row(request: Request, visit: Visit, uow: SqlUnitOfWork, user: User, **extra: Any) -> Response:
    offices = {o.id: o.name for o in accounts.list_offices(uow=uow)}
    values = {"user": user, "office_names": offices, "organisation_names": _names(uow, visit, [user]),
              "back": USERS_PAGE, **extra}  # fmt: skip
    return render(request, visit, "admin/_user_row.html", values)


def _switch(
    request: Request, visit: Visit, uow: SqlUnitOfWork, user_id: int, enable: bool, back: str
) -> Response:
    administrator(visit)
    change = accounts.enable_user if enable else accounts.disable_user
    try:
        changed = change(uow=uow, by=visit.principal, user_id=user_id)
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
    return f"{request.base_url}password-reset?token={quote(token, safe='')}"


@router.post("/admin/users/{user_id:int}/password-reset")
def password_reset(
    request: Request, visit: VisitDep, platform: PlatformDep, uow: UowDep, user_id: RecordId
) -> Response:
    """A one-time, expiring link for the user to set a new password, shown once."""
    administrator(visit)
    user = accounts.get_user(uow=uow, by=visit.principal, user_id=user_id)
    return _reset_issued(request, visit, platform, uow, user, created=False)


def _reset_issued(
    request: Request,
    visit: Visit,
    platform: Platform,
    uow: SqlUnitOfWork,
    user: User,
    *,
    created: bool,
) -> Response:
    """A one-time reset link for the user, issued by the administrator and shown once."""
    issued = accounts.start_password_reset(
        uow=uow,
        email=user.email,
        ip=visit.principal.ip,
        policy=platform.account_policy,
        by=visit.principal,
    )
    if issued is None:
        raise Conflict(f"user {user.id} is disabled; enable them first")
    values = {"user": user, "link": _reset_link(request, issued.token),
              "expires_at": issued.expires_at, "created": created}  # fmt: skip
    return render(request, visit, "admin/reset_issued.html", values, status=201)


def _new_user_page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    typed: dict[str, str],
    problems: dict[str, list[str]],
    status: int = 200,
) -> Response:
    values = {"form": typed, "problems": problems, "roles": [r.value for r in Role],
              "staff_roles": [r.value for r in STAFF_ROLES],
              "offices": accounts.list_offices(uow=uow), "organisations": _organisations(uow, visit)}  # fmt: skip
    return render(request, visit, "admin/user_new.html", values, status=status)


@router.get("/admin/users/new")
def new_user(request: Request, visit: VisitDep, uow: UowDep) -> Response:
    """The form for a new user."""
    administrator(visit)
    typed = dict.fromkeys(USER_FIELDS, "")
    typed["role"] = Role.MEMBER.value
    return _new_user_page(request, visit, uow, typed, {})


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
    administrator(visit)
    language = visit.language
    typed = {"email": email, "display_name": display_name, "role": role, "password": "",
             "office_id": office_id, "organisation_id": organisation_id}  # fmt: skip
    office, bad_office = _identifier(language, "office_id", office_id)
    organisation, bad_organisation = _identifier(language, "organisation_id", organisation_id)
    if bad_office or bad_organisation:
        found = {**bad_office, **bad_organisation}
        return _new_user_page(request, visit, uow, typed, found, status=422)
    generated = not password
    try:
        user = accounts.create_user(
            uow=uow, by=visit.principal, email=email, display_name=display_name, role=role,
            password=password or generate_password(email), office_id=office,
            organisation_id=organisation, policy=platform.account_policy,
        )  # fmt: skip
    except ValidationError as invalid:
        found = field_problems(language, invalid.errors, USER_FIELDS)
        return _new_user_page(request, visit, uow, typed, found, status=422)
    except Conflict:
        found = problem(language, "email", "A user with this email exists already.")
        return _new_user_page(request, visit, uow, typed, found, status=422)
    if not generated:
        return RedirectResponse(f"{USERS_PAGE}?created={user.id}", status_code=303)
    return _reset_issued(request, visit, platform, uow, user, created=True)


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
    offices = accounts.list_offices(uow=uow)
    key = "name_zh" if visit.language == "zh" else "name_en"
    countries = sorted(((c.code, getattr(c, key) or c.name_en) for c in reference.countries()
                        .values()), key=lambda pair: pair[1])  # fmt: skip
    counts = {o.id: accounts.list_users(uow=uow, by=visit.principal,
                                        query=UserQuery(office_id=o.id, limit=0)).total
              for o in offices}  # fmt: skip
    values = {"offices": offices, "countries": countries, "country_names": dict(countries),
              "counts": counts, "form": typed, "problems": problems,
              "created": next((o for o in offices if o.id == created), None)}  # fmt: skip
    return render(request, visit, "admin/offices.html", values, status=status)


@router.get("/admin/offices")
def offices(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    created: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    """The offices of this installation, and a form for another."""
    administrator(visit)
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
    administrator(visit)
    typed = {"name": name, "country": country, "city": city}
    try:
        office = accounts.create_office(
            uow=uow, by=visit.principal, name=name, country=country, city=city or None
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
