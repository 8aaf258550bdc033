"""One's own account: who I am, changing my password, and my API tokens (created, shown once,
revoked). The same account services as `/api/v1/auth/*` and `/api/v1/tokens`, with their rules
and their audit entries.

The helpers that turn a domain `ValidationError` into messages next to form fields live here
too; the administration pages use them as well."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.accounts import services as accounts
from itpo.accounts.errors import TooManyAttempts
from itpo.accounts.fields import Checks
from itpo.accounts.model import SCOPE_HELP, ApiToken, Role, Scope, User
from itpo.accounts.passwords import MAX_LENGTH, MIN_DISTINCT, MIN_LENGTH
from itpo.accounts.resets import BAD_TOKEN
from itpo.adapters.http import SESSION_COOKIE, PlatformDep, RecordId, UowDep, clock_of
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.i18n import translate
from itpo.adapters.web.templating import is_htmx, render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.registry import services as registry
from itpo.registry.errors import FieldError, NotFound, ValidationError

router = APIRouter()
Secret = Annotated[str, Form(max_length=1024)]
# Notices the account page shows after a change it redirected from (Post/Redirect/Get).
NOTICES: Mapping[str, str] = {
    "password": "Your password is changed.",
    "revoked": "The token is revoked. Programs that used it are refused from now on.",
}
# The most tokens a notice names after a password change (the address carries their ids).
MAX_NAMED_TOKENS = 200
# A token may be given an end up to this far ahead; later than that, leave it open-ended.
MAX_TOKEN_DAYS = 3660

# ----------------------------------------------------------------------------------------
# Domain messages as sentences for people, next to the field they are about.

# The domain's message -> the page's sentence (its own translation key) and its values.
SENTENCES: Mapping[str, tuple[str, Mapping[str, Any]]] = {
    "is required": ("This field is required.", {}),
    "is not the current password": ("This is not your current password.", {}),
    f"must be at least {MIN_LENGTH} characters long": ("Use at least {n} characters.",
                                                       {"n": MIN_LENGTH}),
    f"must be at most {MAX_LENGTH} characters long": ("Use at most {n} characters.",
                                                      {"n": MAX_LENGTH}),
    "is one of the most common passwords; choose another": (
        "This is one of the most common passwords; choose another.", {}),
    f"must use at least {MIN_DISTINCT} different characters": (
        "Use at least {n} different characters.", {"n": MIN_DISTINCT}),
    "must not contain the name part of the email address": (
        "The password must not contain the name part of the email address.", {}),
    "must be in the future": ("Choose a day in the future.", {}),
    "must be a positive whole number": ("Choose one from the list.", {}),
    "must be empty: officers and administrators belong to an office, not to an organisation": (
        "Officers and administrators belong to an office, not to an organisation: leave this "
        "empty.", {}),
    "admin is for administrators' tokens only": (
        "The Administer scope is for administrators only.", {}),
    "name at least one": ("Choose at least one scope.", {}),
    BAD_TOKEN: ("This link is not valid, was used already or has expired; ask for a new one.",
                {}),
}  # fmt: skip
PATTERNS: Sequence[tuple[re.Pattern[str], str]] = (
    (re.compile(r"is not an email address$"), "This is not an email address."),
    (re.compile(r"is not an ISO 3166 country code$"), "Choose a country from the list."),
    (re.compile(r"^name at least one of: "), "Choose at least one scope."),
    (re.compile(r"is not one of: "), "Choose one of the options."),
    (re.compile(r"^no office \d+$"), "There is no such office."),
    (re.compile(r"^no organisation \d+$"), "There is no such organisation."),
)
TOO_LONG = re.compile(r"^is (\d+) characters long; at most (\d+) allowed$")


def sentence(language: str, message: str) -> str:
    """A domain message about a field as a sentence for the page, in its language."""
    if message in SENTENCES:
        text, values = SENTENCES[message]
        return translate(language, text, **values)
    long = TOO_LONG.match(message)
    if long:
        return translate(
            language,
            "This is {length} characters long; at most {limit} fit.",
            length=long.group(1),
            limit=long.group(2),
        )
    for pattern, text in PATTERNS:
        if pattern.search(message):
            return translate(language, text)
    return translate(language, message[:1].upper() + message[1:])


def field_problems(
    language: str, errors: Iterable[FieldError], fields: Iterable[str]
) -> dict[str, list[str]]:
    """Messages by form field; problems of fields the form does not show go under "form"."""
    shown = set(fields)
    found: dict[str, list[str]] = {}
    for error in errors:
        where = error.field if error.field in shown else "form"
        text = sentence(language, error.message)
        if where == "form" and error.field != "form":
            text = f"{error.field}: {text}"
        found.setdefault(where, []).append(text)
    return found


def problem(language: str, field: str, text: str, **values: Any) -> dict[str, list[str]]:
    return {field: [translate(language, text, **values)]}


# ----------------------------------------------------------------------------------------
# The account page


def token_state(token: ApiToken, now: dt.datetime) -> str:
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at is not None and token.expires_at <= now:
        return "expired"
    return "active"


def offered_scopes(user: User) -> list[Scope]:
    """The scopes a token of this user may have: everything its role allows."""
    return [s for s in Scope if s is not Scope.ADMIN or user.role is Role.ADMINISTRATOR]


def _token_rows(tokens: Iterable[ApiToken], now: dt.datetime) -> list[dict[str, Any]]:
    newest_first = sorted(tokens, key=lambda t: t.id or 0, reverse=True)
    return [{"token": t, "state": token_state(t, now)} for t in newest_first]


def _account_values(uow: SqlUnitOfWork, visit: Visit, now: dt.datetime) -> dict[str, Any]:
    # The first service call: the public is sent to sign in by it.
    user = accounts.get_user(uow=uow, by=visit.principal)
    offices = accounts.list_offices(uow=uow, by=visit.principal)
    office = next((o for o in offices if o.id == user.office_id), None)
    organisation = None
    if user.organisation_id is not None:
        try:
            organisation = registry.get_organisation(
                uow=uow, by=visit.principal, organisation_id=user.organisation_id
            )
        except NotFound:
            organisation = None
    tokens = accounts.list_tokens(uow=uow, by=visit.principal)
    scopes = offered_scopes(user)
    return {
        "user": user,
        "office": office,
        "organisation": organisation,
        "tokens": _token_rows(tokens, now),
        "scopes": scopes,
        "scope_help": {s.value: SCOPE_HELP[s] for s in scopes},
        "today": now.date().isoformat(),
        "token_form": {"name": "", "scopes": [Scope.READ.value], "expires_on": ""},
        "password_problems": {},
        "token_problems": {},
        "notice": None,
        "ended": None,
    }


def _page(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    *,
    status: int = 200,
    **changes: Any,
) -> Response:
    values = _account_values(uow, visit, clock_of(request)())
    values.update(changes)
    if changes.get("ended") is not None:
        values["ended"] = _ended(changes["ended"], values["tokens"])
    return render(request, visit, "account/account.html", values, status=status)


def _ended(ended: tuple[int, list[int]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the last password change ended, the revoked tokens named from one's own."""
    sessions, revoked = ended
    named = [row["token"] for row in rows if row["token"].id in set(revoked)]
    return {"sessions": sessions, "tokens": named}


Count = Annotated[int | None, Query(ge=0, le=1_000_000)]
Ids = Annotated[str, Query(max_length=MAX_NAMED_TOKENS * 12)]


@router.get("/account")
def account(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    notice: str | None = None,
    ended: Count = None,
    revoked: Ids = "",
) -> Response:
    """Who I am, my password, my API tokens; after a password change, what it ended."""
    shown = NOTICES.get(notice or "")
    if notice != "password" or ended is None:
        return _page(request, visit, uow, notice=shown)
    ids = [int(i) for i in revoked.split(",") if i.strip().isdigit() and len(i.strip()) < 12]
    return _page(request, visit, uow, notice=shown, ended=(ended, ids[:MAX_NAMED_TOKENS]))


@router.post("/account/password")
def change_password(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    current_password: Secret = "",
    new_password: Secret = "",
    repeated: Secret = "",
) -> Response:
    """Change my password; my other sessions end and my API tokens are revoked, this session
    stays."""
    language = visit.language
    if new_password and repeated != new_password:
        found = problem(language, "repeated", "The two new passwords are not the same.")
        return _page(request, visit, uow, status=422, password_problems=found)
    try:
        changed = accounts.change_password(
            uow=platform.uow(),
            by=visit.principal,
            current_password=current_password,
            new_password=new_password,
            keep_session=request.cookies.get(SESSION_COOKIE),
            policy=platform.account_policy,
            now=platform.clock,
        )
    except ValidationError as invalid:
        fields = ("current_password", "new_password", "repeated")
        found = field_problems(language, invalid.errors, fields)
        return _page(request, visit, uow, status=422, password_problems=found)
    except TooManyAttempts:
        text = "Too many wrong passwords for this account. Try again later."
        found = problem(language, "current_password", text)
        return _page(request, visit, uow, status=429, password_problems=found)
    revoked = ",".join(str(t.id) for t in changed.tokens_revoked[:MAX_NAMED_TOKENS])
    target = f"/account?notice=password&ended={changed.sessions_ended}&revoked={revoked}"
    return RedirectResponse(target, status_code=303)


def _expiry(
    language: str, text: str, today: dt.date
) -> tuple[dt.datetime | None, dict[str, list[str]]]:
    """The end of the chosen day (UTC), or a message about the field."""
    if not text.strip():
        return None, {}
    try:
        chosen = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None, problem(language, "expires_on", "Give a date as YYYY-MM-DD.")
    if chosen < today:
        return None, problem(language, "expires_on", "Choose a day in the future.")
    if chosen > today + dt.timedelta(days=MAX_TOKEN_DAYS):
        return None, problem(language, "expires_on", "Choose a day within ten years.")
    end = dt.datetime.combine(chosen + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return end, {}


@router.post("/account/tokens")
def create_token(
    request: Request,
    visit: VisitDep,
    uow: UowDep,
    name: Annotated[str, Form(max_length=1000)] = "",
    scopes: Annotated[list[str] | None, Form(max_length=10)] = None,
    expires_on: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """A new API token for me, shown on the answer page once and never again."""
    language = visit.language
    typed = {"name": name, "scopes": list(scopes or []), "expires_on": expires_on}
    expires_at, found = _expiry(language, expires_on, clock_of(request)().date())
    if found:
        # Nothing is written while the date is wrong; the other fields get their say too.
        checks = Checks()
        checks.text("name", name, max_length=100)
        if not scopes:
            checks.add("scopes", "name at least one")
        found |= field_problems(language, checks.errors, ("name", "scopes"))
        return _page(request, visit, uow, status=422, token_form=typed, token_problems=found)
    try:
        issued = accounts.create_token(
            uow=uow,
            by=visit.principal,
            name=name,
            scopes=scopes or [],
            expires_at=expires_at,
            now=clock_of(request),
        )
    except ValidationError as invalid:
        found = field_problems(language, invalid.errors, ("name", "scopes", "expires_on"))
        return _page(request, visit, uow, status=422, token_form=typed, token_problems=found)
    return render(
        request,
        visit,
        "account/token_created.html",
        {"issued": issued.token, "token": issued.record},
        status=201,
    )


@router.post("/account/tokens/{token_id:int}/revoke")
def revoke_token(request: Request, visit: VisitDep, uow: UowDep, token_id: RecordId) -> Response:
    """Revoke one of my tokens; with HTMX the answer is the token's new row."""
    revoked = accounts.revoke_token(
        uow=uow, by=visit.principal, token_id=token_id, now=clock_of(request)
    )
    if not is_htmx(request):
        return RedirectResponse("/account?notice=revoked", status_code=303)
    row = {"token": revoked, "state": token_state(revoked, clock_of(request)())}
    return render(request, visit, "account/_token_row.html", {"row": row, "just_revoked": True})
