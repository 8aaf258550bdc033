"""Signing in and out, and setting a new password with a reset token an administrator issued."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.accounts import services as accounts
from itpo.accounts.errors import NotAuthenticated, TooManyAttempts
from itpo.adapters.http import SESSION_COOKIE, PlatformDep, client_address, sign_in
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import VisitDep
from itpo.registry.errors import ValidationError

router = APIRouter()
# Where sign-in returns to when no page asked, or the page asked for is not one of ours.
START_PAGE = "/"
Text = Annotated[str, Form(max_length=1024)]


def local_target(target: str | None) -> str:
    """A page of this site to go back to; anything else (another site, `//host`, a scheme)
    becomes the start page, so a sign-in link cannot send anyone elsewhere."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return START_PAGE
    return target


@router.get("/login")
def login_form(
    request: Request, visit: VisitDep, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    if visit.signed_in:
        return RedirectResponse(local_target(next), status_code=303)
    return render(request, visit, "auth/login.html", {"next": local_target(next), "email": ""})


@router.post("/login")
def login(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    email: Annotated[str, Form(max_length=320)],
    password: Text,
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    values = {"next": local_target(next), "email": email}
    welcome = RedirectResponse(local_target(next), status_code=303)
    try:
        sign_in(platform, request, welcome, email, password)
    except NotAuthenticated:
        problem = {"problem": "The email or the password is not right."}
        return render(request, visit, "auth/login.html", {**values, **problem}, status=401)
    except TooManyAttempts as busy:
        problem = {"problem": "Too many failed sign-ins. Try again later."}
        answer = render(request, visit, "auth/login.html", {**values, **problem}, status=429)
        answer.headers["Retry-After"] = str(busy.retry_after_seconds)
        return answer
    return welcome


@router.post("/logout")
def logout(request: Request, visit: VisitDep, platform: PlatformDep) -> Response:
    session_id = request.cookies.get(SESSION_COOKIE)
    if visit.signed_in and session_id:
        accounts.end_session(
            uow=platform.uow(), session_id=session_id, ip=visit.principal.ip, now=platform.clock
        )
    answer = RedirectResponse(START_PAGE, status_code=303)
    answer.delete_cookie(SESSION_COOKIE, path="/")
    return answer


@router.get("/password-reset")
def reset_form(
    request: Request, visit: VisitDep, token: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    return render(request, visit, "auth/reset.html", {"token": token})


@router.post("/password-reset")
def reset(
    request: Request,
    visit: VisitDep,
    platform: PlatformDep,
    token: Annotated[str, Form(max_length=200)],
    password: Text,
    repeated: Text,
) -> Response:
    values = {"token": token}
    if password != repeated:
        problem = {"problem": "The two passwords are not the same."}
        return render(request, visit, "auth/reset.html", {**values, **problem}, status=422)
    try:
        changed = accounts.finish_password_reset(
            uow=platform.uow(),
            token=token,
            password=password,
            ip=client_address(request),
            policy=platform.account_policy,
            now=platform.clock,
        )
    except ValidationError as invalid:
        problem = {"problem": "; ".join(e.message for e in invalid.errors)}
        return render(request, visit, "auth/reset.html", {**values, **problem}, status=422)
    done = {"done": True, "ended": changed, "next": START_PAGE, "email": ""}
    return render(request, visit, "auth/login.html", done)
