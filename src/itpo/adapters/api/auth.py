"""Who is asking, for every request: an API token (`Authorization: Bearer itpo_...`), a session
cookie set by sign-in (with the CSRF header on every unsafe method), or the anonymous public."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool

from itpo.accounts import services as accounts
from itpo.accounts.errors import Forbidden, NotAuthenticated
from itpo.accounts.principal import Principal
from itpo.adapters.http import (
    CSRF_HEADER,
    SAFE_METHODS,
    SESSION_COOKIE,
    PlatformDep,
    active_session,
    client_address,
    reads_inline,
)
from itpo.bootstrap import Platform


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


async def _token_principal(platform: Platform, token: str, ip: str | None) -> Principal:
    # Checked afresh on every request, so a revoked token is refused at once; only the
    # once-a-minute note of its use writes, and a write may wait for the lock: on a thread.
    if not reads_inline(platform):
        return await run_in_threadpool(
            accounts.resolve_token, uow=platform.uow(), token=token, ip=ip
        )
    checked = accounts.check_token(uow=platform.uow(), token=token, ip=ip, now=platform.clock)
    if checked.use_due is not None:
        await run_in_threadpool(
            accounts.note_token_use, uow=platform.uow(), token_id=checked.use_due, at=checked.at
        )
    return checked.principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]
