"""FastAPI dependencies: the platform built once per app, a unit of work per request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform


# Async although they do no I/O: FastAPI runs a sync dependency on a worker thread, and two
# needless thread hops per request cost more than the work they do.
async def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


async def get_uow(
    request: Request, platform: Annotated[Platform, Depends(get_platform)]
) -> SqlUnitOfWork:
    # Requests that change things take SQLite's write lock up front (see SqlUnitOfWork).
    return platform.uow(immediate=request.method not in ("GET", "HEAD", "OPTIONS"))


PlatformDep = Annotated[Platform, Depends(get_platform)]
UowDep = Annotated[SqlUnitOfWork, Depends(get_uow)]
