"""Who is asking, for every request: an API token (`Authorization: Bearer itpo_...`), a session
cookie set by sign-in (with the CSRF header on every unsafe method), or the anonymous public."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from itpo.accounts import services as accounts
from itpo.accounts.access import audience
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.model import User
from itpo.accounts.policy import AccountPolicy
from itpo.accounts.principal import Principal
from itpo.accounts.sessions import ActiveSession, StartedSession
from itpo.adapters.api.deps import PlatformDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform
from itpo.registry import services as registry
from itpo.registry.disclosure import Audience, Stage, stage
from itpo.registry.errors import NotFound
from itpo.registry.model import Opportunity

SESSION_COOKIE = "itpo_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def reads_inline(platform: Platform) -> bool:
    """Whether a few reads may run on the event loop: on SQLite in WAL mode a read waits on no
    network and no writer, and costs less than the hop to a worker thread would."""
    return platform.engine.dialect.name == "sqlite"


async def get_principal(request: Request, platform: PlatformDep) -> Principal:
    """The one asking. A bad token is refused (401); a stale session cookie reads as the
    public, so an expired sign-in never locks anyone out of public pages."""
    ip = client_address(request)
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthenticated("send the API token as 'Authorization: Bearer itpo_...'")
        return await _token_principal(platform, token.strip(), ip)
    if not request.cookies.get(SESSION_COOKIE):
        return Principal.anonymous(ip)
    active = await run_in_threadpool(active_session, request, platform)
    if active is None:
        return Principal.anonymous(ip)
    # A cookie rides along on any request the browser makes, a header only on the app's own:
    # an unsafe method must prove it came from a page of ours.
    if request.method not in SAFE_METHODS and not active.csrf_matches(
        request.headers.get(CSRF_HEADER)
    ):
        raise Forbidden(f"the {CSRF_HEADER} header is missing or wrong; it is given at sign-in")
    return active.principal


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
        )
    except NotAuthenticated:
        return None


async def _token_principal(platform: Platform, token: str, ip: str | None) -> Principal:
    # Checked afresh on every request, so a revoked token is refused at once; only the
    # once-a-minute note of its use writes, and a write may wait for the lock: on a thread.
    if not reads_inline(platform):
        return await run_in_threadpool(
            accounts.resolve_token, uow=platform.uow(), token=token, ip=ip
        )
    checked = accounts.check_token(uow=platform.uow(), token=token, ip=ip)
    if checked.use_due is not None:
        await run_in_threadpool(
            accounts.note_token_use, uow=platform.uow(), token_id=checked.use_due, at=checked.at
        )
    return checked.principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def sign_in(
    platform: Platform, request: Request, response: Response, email: str, password: str
) -> tuple[User, StartedSession]:
    """Check the credentials (NotAuthenticated, TooManyAttempts), start a session and set its
    cookie on the response: the API's sign-in and the pages' alike."""
    ip = client_address(request)
    policy = platform.account_policy
    user = accounts.authenticate(
        uow=platform.uow(), email=email, password=password, ip=ip, policy=policy
    )
    assert user.id is not None
    started = accounts.start_session(
        uow=platform.uow(),
        user_id=user.id,
        ip=ip,
        user_agent=request.headers.get("user-agent"),
        policy=policy,
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


@contextmanager
def audited(
    uow: SqlUnitOfWork,
    principal: Principal,
    action: str,
    subject_type: str,
    detail: dict[str, Any] | None = None,
) -> Iterator[dict[str, Any]]:
    """One transaction for a change and its audit entry: both are kept, or neither.

    The block puts the subject's id in the yielded dict under "id" once it knows it."""
    note: dict[str, Any] = {}
    with uow:
        yield note
        record(
            uow=uow,
            by=principal,
            action=action,
            subject_type=subject_type,
            subject_id=note.get("id"),
            detail={**(detail or {}), **note.get("detail", {})},
        )
        uow.commit()


def audience_of(principal: Principal, uow: SqlUnitOfWork) -> Audience:
    """The principal as disclosure sees it, with the opportunities its organisation was
    introduced to (one query, members only)."""
    introduced: set[int] = set()
    if principal.organisation_id is not None and not principal.is_staff:
        with uow:
            introduced = uow.matches.introduced_counterparts(principal.organisation_id)
    return audience(principal, introduced)


def visible_opportunity(
    uow: SqlUnitOfWork, principal: Principal, opportunity_id: int
) -> tuple[Opportunity, Audience]:
    """The opportunity and the asker's audience; NotFound when the asker may not know it
    exists, so a hidden record and a missing one answer alike."""
    found = registry.get_opportunity(uow=uow, opportunity_id=opportunity_id)
    seen_by = audience_of(principal, uow)
    if stage(seen_by, found) is Stage.HIDDEN:
        raise NotFound("opportunity", opportunity_id)
    return found, seen_by
