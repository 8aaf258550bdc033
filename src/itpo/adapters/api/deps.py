"""FastAPI dependencies: the platform built once per app, a unit of work per request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.bootstrap import Platform


def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


def get_uow(platform: Annotated[Platform, Depends(get_platform)]) -> SqlUnitOfWork:
    return platform.uow()


PlatformDep = Annotated[Platform, Depends(get_platform)]
UowDep = Annotated[SqlUnitOfWork, Depends(get_uow)]
