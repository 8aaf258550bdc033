"""The live technology offers that answer each draft need of a diagnostic, and the practice
cases that show how others met it, found at once. A draft is not in the live index, so the
need's own words are searched among offers, and each hit says why: the words it shares and the
technology areas both name; an offer with neither is not shown. Cases come from the practice
search, with the sector and technology areas the need and the case share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from itpo.accounts.principal import Principal
from itpo.diagnostic.model import NeedLink
from itpo.diagnostic.ports import DiagnosticUnitOfWork
from itpo.diagnostic.services import diagnostic_sheet
from itpo.matching.searching import SearchHit, SearchIndex, search
from itpo.practice.ports import CaseIndex, PracticeUnitOfWork
from itpo.practice.search import CaseHit, cases_for_text
from itpo.registry.model import Opportunity, OpportunityKind

DEFAULT_OFFERS = 3
DEFAULT_CASES = 2
MAX_OFFERS = 20
# Candidates asked of retrieval per offer shown, since those without a reason are dropped.
SPARE = 3


@dataclass(frozen=True, slots=True)
class OfferMatch:
    hit: SearchHit
    shared_areas: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NeedOffers:
    link: NeedLink
    need: Opportunity
    offers: Sequence[OfferMatch]
    cases: Sequence[CaseHit] = ()


class NeedsUnitOfWork(DiagnosticUnitOfWork, PracticeUnitOfWork, Protocol):
    """Diagnostics and practice cases in one unit of work."""


def need_offers(
    *,
    uow: NeedsUnitOfWork,
    by: Principal,
    index: SearchIndex,
    diagnostic_id: int,
    top: int = DEFAULT_OFFERS,
    cases: CaseIndex | None = None,
) -> list[NeedOffers]:
    """Each draft need of the diagnostic with the best live offers the asker may see, and
    with `cases` the practice cases close to it."""
    sheet = diagnostic_sheet(uow=uow, by=by, diagnostic_id=diagnostic_id)
    wanted = max(1, min(top, MAX_OFFERS))
    found = []
    for link, need in sheet.needs:
        hits = search(
            uow=uow,
            by=by,
            index=index,
            text=f"{need.title}\n{need.teaser}",
            language=need.language,
            kinds=(OpportunityKind.TECHNOLOGY_OFFER,),
            top=SPARE * wanted,
        )
        explained = [_explained(uow, need, h) for h in hits]
        # An offer retrieval ranks high but that shares neither words nor a technology area
        # with the need has no reason to give; it is left out rather than shown without one.
        kept = [o for o in explained if o.hit.matched_terms or o.shared_areas]
        found.append(NeedOffers(link, need, kept[:wanted], _cases(uow, by, cases, need)))
    return found


def _cases(
    uow: NeedsUnitOfWork, by: Principal, index: CaseIndex | None, need: Opportunity
) -> list[CaseHit]:
    if index is None:
        return []
    return cases_for_text(
        uow=uow,
        index=index,
        by=by,
        text=f"{need.title}\n{need.teaser}",
        language=need.language,
        sectors=need.isic_classes,
        areas=need.technology_areas,
        sdgs=need.sdgs,
        top=DEFAULT_CASES,
    )


def _explained(uow: DiagnosticUnitOfWork, need: Opportunity, hit: SearchHit) -> OfferMatch:
    with uow:
        offer = uow.opportunities.get(hit.opportunity_id)
    areas = set(offer.technology_areas) if offer is not None else set()
    return OfferMatch(hit, tuple(a for a in need.technology_areas if a in areas))
