"""What a listing asks for, and what it gets back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from itpo.registry.disclosure import Scope
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.model import OpportunityKind, OrganisationKind, Status

T = TypeVar("T")
# Record ids are 32-bit integers in every database; a larger number names no record, and sent
# to the database it would fail there (PostgreSQL: out of range; SQLite: overflow).
MAX_ID = 2**31 - 1
# A page starts at most this far in: no listing holds more, and a larger number would
# overflow the databases' integers rather than name an empty page.
MAX_OFFSET = MAX_ID
MAX_LIMIT = 2**31 - 1


def check_paging(limit: int | None, offset: int) -> None:
    """Refuse a page size or start no listing can honour, naming the field."""
    errors = []
    if limit is not None and not 0 <= limit <= MAX_LIMIT:
        errors.append(FieldError("limit", f"must be a whole number from 0 to {MAX_LIMIT}"))
    if not 0 <= offset <= MAX_OFFSET:
        errors.append(FieldError("offset", f"must be a whole number from 0 to {MAX_OFFSET}"))
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True, slots=True)
class OpportunityQuery:
    """Filters combine with AND; the values inside one filter combine with OR."""

    kinds: tuple[OpportunityKind, ...] = ()
    statuses: tuple[Status, ...] = ()
    countries: frozenset[str] | None = None  # None: no filter; empty: matches nothing
    isic: tuple[str, ...] = ()  # any level: section, division, group or class
    sdgs: tuple[int, ...] = ()
    technology_areas: tuple[str, ...] = ()  # an area or a whole family ("green")
    organisation_id: int | None = None
    text: str | None = None
    # Valid until a day within these two (both included): records about to expire.
    valid_until_between: tuple[dt.date, dt.date] | None = None
    limit: int | None = None
    offset: int = 0
    # What the asking audience may see (registry.disclosure.scope); None: everything.
    scope: Scope | None = None


@dataclass(frozen=True, slots=True)
class OrganisationQuery:
    kinds: tuple[OrganisationKind, ...] = ()
    countries: frozenset[str] | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    limit: int | None
    offset: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
