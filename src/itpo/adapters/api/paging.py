"""Paging parameters shared by every listing."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from itpo.config import Settings

LimitQuery = Annotated[int | None, Query(ge=0, description="Page size (default 50, at most 1000).")]
OffsetQuery = Annotated[int, Query(ge=0, description="Records to skip.")]


def page_limit(settings: Settings, limit: int | None) -> int:
    if limit is None:
        return settings.page_size
    return min(limit, settings.max_page_size)
