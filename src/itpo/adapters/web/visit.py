"""Who is looking at a page: the session behind the cookie, the page's language, and the token
every form of the page carries against cross-site requests.

A signed-in visitor's forms carry the session's CSRF token. A visitor not signed in (the
sign-in and password-reset forms) gets a random token in a cookie of its own that the form
repeats: a page on another site can make the browser send the cookie but cannot read it to
put it in the form. HTMX requests send the token as the `X-CSRF-Token` header instead.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.model import User
from itpo.accounts.principal import Principal
from itpo.adapters.http import (
    CSRF_HEADER,
    SAFE_METHODS,
    PlatformDep,
    active_session,
    client_address,
)
from itpo.adapters.web.i18n import pick_language
from itpo.bootstrap import Platform

FORM_COOKIE = "itpo_form"
CSRF_FIELD = "csrf_token"
FORM_TOKEN_LENGTH = 43  # secrets.token_urlsafe(32)
EXPIRED_FORM = "This form has expired. Reload the page and send it again."


@dataclass(frozen=True, slots=True)
class Visit:
    """One page request: who, in which language, and the token its forms must send back."""

    principal: Principal
    user: User | None
    language: str
    csrf_token: str
    # True when the token is new and must be set in the form cookie of the answer.
    new_form_token: bool = False

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    def require_user(self) -> User:
        """The signed-in user; pages that need one send the public to the sign-in page."""
        if self.user is None:
            raise NotAuthenticated("sign in to see this page")
        return self.user


async def visit(request: Request, platform: PlatformDep) -> Visit:
    """The visit behind a page request; a form sent without its token is refused (403)."""
    principal, user, session_token = await run_in_threadpool(_signed_in, request, platform)
    language = pick_language(request)
    if session_token is not None:
        token, new = session_token, False
    else:
        cookie = request.cookies.get(FORM_COOKIE, "")
        well_formed = len(cookie) == FORM_TOKEN_LENGTH and cookie.isascii()
        token, new = (cookie, False) if well_formed else (secrets.token_urlsafe(32), True)
    found = Visit(principal, user, language, token, new)
    request.state.visit = found
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER)
        if sent is None:
            form = await request.form()
            field = form.get(CSRF_FIELD)
            sent = field if isinstance(field, str) else None
        if new or not sent or not secrets.compare_digest(sent.encode(), token.encode()):
            raise Forbidden(EXPIRED_FORM)
    return found


def _signed_in(request: Request, platform: Platform) -> tuple[Principal, User | None, str | None]:
    active = active_session(request, platform)
    if active is None:
        return Principal.anonymous(client_address(request)), None, None
    return active.principal, active.user, active.csrf_token


def anonymous_visit(request: Request) -> Visit:
    """For answers given before a visit was known (an unknown address, say)."""
    known = getattr(request.state, "visit", None)
    if isinstance(known, Visit):
        return known
    return Visit(
        Principal.anonymous(client_address(request)),
        None,
        pick_language(request),
        request.cookies.get(FORM_COOKIE, ""),
    )


VisitDep = Annotated[Visit, Depends(visit)]
