"""Paging parameters shared by every listing."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from itpo.config import Settings

LimitQuery = Annotated[int | None, Query(ge=0, description="Page size (default 50, at most 1000).")]
OffsetQuery = Annotated[int, Query(ge=0, description="Records to skip.")]


def page_limit(settings: Settings, limit: int | None) -> int:
    if limit is None:
        return settings.page_size
    return min(limit, settings.max_page_size)


# Record ids are 32-bit integers in every database; a larger number cannot name a record, and
# sent to the database it would fail there (PostgreSQL: out of range; SQLite: overflow).
MAX_ID = 2**31 - 1
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id")]
RecordIdFilter = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="Only records linked to this id")
]
