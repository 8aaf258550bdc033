"""What a listing asks for, and what it gets back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from itpo.registry.disclosure import Scope
from itpo.registry.model import OpportunityKind, OrganisationKind, Status

T = TypeVar("T")


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
