"""What the exchange holds, counted for its start page: published opportunities by kind, by
the regions and countries they name and by sector, each as the asker may see them (a record
hidden from the asker is not counted, so a count never reveals it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal
from itpo.registry import reference
from itpo.registry.model import Opportunity, OpportunityKind, Status
from itpo.registry.queries import OpportunityQuery
from itpo.registry.services import list_opportunities


@dataclass(frozen=True, slots=True)
class Tally:
    code: str  # a kind, an M49 sub-region, an ISIC section or an ISO 3166 alpha-3 country
    count: int


@dataclass(frozen=True, slots=True)
class RegistryFigures:
    """A record naming two countries of one region counts once for the region and once for
    each country, so a breakdown's counts may add up to more than the total."""

    total: int
    kinds: tuple[Tally, ...]  # every kind, in the kinds' order
    regions: tuple[Tally, ...]  # most first
    sectors: tuple[Tally, ...]
    countries: tuple[Tally, ...]


def published_figures(*, uow: AuditedUnitOfWork, by: Principal) -> RegistryFigures:
    found = list_opportunities(
        uow=uow, by=by, query=OpportunityQuery(statuses=(Status.PUBLISHED,))
    ).items
    kinds = Counter(o.kind for o in found)
    return RegistryFigures(
        total=len(found),
        kinds=tuple(Tally(k.value, kinds[k]) for k in OpportunityKind),
        regions=_ranked(_each(found, _regions)),
        sectors=_ranked(_each(found, _sections)),
        countries=_ranked(_each(found, lambda o: set(o.countries))),
    )


def _each(found: Iterable[Opportunity], named: Callable[[Opportunity], set[str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for opportunity in found:
        counts.update(named(opportunity))
    return counts


def _ranked(counts: Counter[str]) -> tuple[Tally, ...]:
    return tuple(Tally(code, n) for code, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))


def _regions(opportunity: Opportunity) -> set[str]:
    found: set[str] = set()
    for code in opportunity.countries:
        if reference.is_country(code):
            sub = reference.country(code).subregion_code
            if sub:
                found.add(sub)
    return found


def _sections(opportunity: Opportunity) -> set[str]:
    found: set[str] = set()
    for code in opportunity.isic_classes:
        for candidate in (code, *reference.isic_ancestors(code)):
            entry = reference.isic().get(candidate)
            if entry is not None and entry.level == "section":
                found.add(candidate)
    return found
