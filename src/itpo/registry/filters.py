"""Turn the filters people type (CLI options, query parameters) into a checked query."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from itpo.registry import reference
from itpo.registry.errors import FieldError, ValidationError
from itpo.registry.fields import (
    FieldProblem,
    choice,
    control_problem,
    country_code,
    integer,
    unique,
)
from itpo.registry.model import OpportunityKind, OrganisationKind, Status
from itpo.registry.queries import OpportunityQuery, OrganisationQuery, check_paging

T = TypeVar("T")


def _each(
    name: str, values: Sequence[str], parse: Callable[[str], Any], errors: list[FieldError]
) -> list[Any]:
    parsed = []
    for raw in values:
        for value in (v.strip() for v in raw.split(",")):
            if not value:
                continue
            try:
                parsed.append(parse(value))
            except (FieldProblem, reference.UnknownCode) as problem:
                errors.append(FieldError(name, str(problem)))
    return unique(parsed)


def _isic_code(value: str) -> str:
    code = value.upper() if value.isalpha() else value
    reference.isic_entry(code)
    return code


def _area(value: str) -> str:
    code = value.lower()
    if not reference.is_technology_area(code):
        raise FieldProblem(f"{value!r} is not a technology area")
    return code


def _countries(
    countries: Sequence[str], regions: Sequence[str], errors: list[FieldError]
) -> frozenset[str] | None:
    chosen: frozenset[str] | None = None
    if countries:
        chosen = frozenset(_each("country", countries, country_code, errors))
    if regions:
        in_regions: set[str] = set()
        for members in _each("region", regions, reference.countries_in_region, errors):
            in_regions |= members
        chosen = frozenset(in_regions) if chosen is None else chosen & in_regions
    return chosen


def opportunity_query(
    *,
    kind: Sequence[str] = (),
    status: Sequence[str] = (),
    country: Sequence[str] = (),
    region: Sequence[str] = (),
    isic: Sequence[str] = (),
    sdg: Sequence[str] = (),
    area: Sequence[str] = (),
    q: str | None = None,
    organisation_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> OpportunityQuery:
    """A query from user filters; raises ValidationError naming each bad filter."""
    errors: list[FieldError] = []
    query = OpportunityQuery(
        kinds=tuple(_each("kind", kind, choice(OpportunityKind), errors)),
        statuses=tuple(_each("status", status, choice(Status), errors)),
        countries=_countries(country, region, errors),
        isic=tuple(_each("isic", isic, _isic_code, errors)),
        sdgs=tuple(_each("sdg", sdg, integer(1, 17), errors)),
        technology_areas=tuple(_each("area", area, _area, errors)),
        organisation_id=organisation_id,
        text=_text(q, errors),
        limit=limit,
        offset=offset,
    )
    _check_paging(limit, offset, errors)
    if errors:
        raise ValidationError(errors)
    return query


def organisation_query(
    *,
    kind: Sequence[str] = (),
    country: Sequence[str] = (),
    region: Sequence[str] = (),
    q: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> OrganisationQuery:
    """A query from user filters; raises ValidationError naming each bad filter."""
    errors: list[FieldError] = []
    query = OrganisationQuery(
        kinds=tuple(_each("kind", kind, choice(OrganisationKind), errors)),
        countries=_countries(country, region, errors),
        text=_text(q, errors),
        limit=limit,
        offset=offset,
    )
    _check_paging(limit, offset, errors)
    if errors:
        raise ValidationError(errors)
    return query


def _text(q: str | None, errors: list[FieldError]) -> str | None:
    if not q or not q.strip():
        return None
    problem = control_problem(q)
    if problem:
        errors.append(FieldError("q", problem))
        return None
    return q.strip()


def _check_paging(limit: int | None, offset: int, errors: list[FieldError]) -> None:
    try:
        check_paging(limit, offset)
    except ValidationError as invalid:
        errors.extend(invalid.errors)
