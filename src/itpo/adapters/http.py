"""What the API and the pages share about a request: the platform and a unit of work, paging and
record ids, the sign-in session behind the cookie and its CSRF secret, the client's address,
and which paths belong to the API rather than to the pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response

from itpo.accounts import services as accounts
from itpo.accounts.errors import NotAuthenticated
from itpo.accounts.model import User
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.sessions import ActiveSession, StartedSession
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.clock import Clock
from itpo.config import Settings
from itpo.registry.queries import MAX_ID as MAX_ID  # the pages and routers bound their ids by it
from itpo.registry.queries import MAX_OFFSET

API_PREFIX = "/api/v1"
# The API answers in JSON, the interactive docs are pages of their own; everything else is a
# page of the web app.
API_PATHS = ("/api/", "/openapi.json")
DOCS_PATHS = ("/docs",)
SESSION_COOKIE = "itpo_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


# Async although they do no I/O: FastAPI runs a sync dependency on a worker thread, and two
# needless thread hops per request cost more than the work they do.
async def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


async def get_uow(
    request: Request, platform: Annotated[Platform, Depends(get_platform)]
) -> SqlUnitOfWork:
    # Requests that change things take SQLite's write lock up front (see SqlUnitOfWork).
    return platform.uow(immediate=request.method not in SAFE_METHODS)


PlatformDep = Annotated[Platform, Depends(get_platform)]


def clock_of(request: Request) -> Clock:
    """The platform's clock, for the services a request calls."""
    platform: Platform = request.app.state.platform
    return platform.clock


UowDep = Annotated[SqlUnitOfWork, Depends(get_uow)]

LimitQuery = Annotated[int | None, Query(ge=0, description="Page size (default 50, at most 1000).")]
OffsetQuery = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Records to skip.")]

RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id")]
RecordIdFilter = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="Only records linked to this id")
]


def record_id(text: str) -> int | None:
    """The record id a form field holds, or None: ASCII digits only (`str.isdigit` also takes
    "²" and other digits `int` refuses), within the ids a database can hold."""
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def page_limit(settings: Settings, limit: int | None) -> int:
    if limit is None:
        return settings.page_size
    return min(limit, settings.max_page_size)


def is_page(request: Request) -> bool:
    """Whether the request is for a page (answered in HTML) rather than the API or its docs."""
    return not request.url.path.startswith((*API_PATHS, *DOCS_PATHS))


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def reads_inline(platform: Platform) -> bool:
    """Whether a few reads may run on the event loop: on SQLite in WAL mode a read waits on no
    network and no writer, and costs less than the hop to a worker thread would."""
    return platform.engine.dialect.name == "sqlite"


def active_session(request: Request, platform: Platform) -> ActiveSession | None:
    """The live session behind the request's cookie, kept alive; None for no cookie or a
    stale one (the API's requests and the pages' alike)."""
    session_id = request.cookies.get(SESSION_COOKIE)
    if not session_id:
        return None
    try:
        return accounts.resolve_session(
            uow=platform.uow(),
            session_id=session_id,
            ip=client_address(request),
            policy=platform.account_policy,
            now=platform.clock,
        )
    except NotAuthenticated:
        return None


def sign_in(
    platform: Platform, request: Request, response: Response, email: str, password: str
) -> tuple[User, StartedSession]:
    """Check the credentials (NotAuthenticated, TooManyAttempts), start a session and set its
    cookie on the response: the API's sign-in and the pages' alike."""
    ip = client_address(request)
    policy = platform.account_policy
    user = accounts.authenticate(
        uow=platform.uow(),
        email=email,
        password=password,
        ip=ip,
        policy=policy,
        now=platform.clock,
    )
    assert user.id is not None
    started = accounts.start_session(
        uow=platform.uow(),
        user_id=user.id,
        ip=ip,
        user_agent=request.headers.get("user-agent"),
        policy=policy,
        now=platform.clock,
    )
    set_session_cookie(response, request, started.session_id, policy)
    return user, started


def set_session_cookie(
    response: Response, request: Request, session_id: str, policy: AccountPolicy
) -> None:
    """The sign-in cookie: script cannot read it, other sites' forms do not carry it, and it
    travels only over TLS when the site is served over TLS."""
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=int(policy.session_max_days * 86400),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
