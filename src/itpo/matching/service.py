"""Matches for one opportunity: retrieve candidates, keep the eligible, score both ways, explain."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from itpo.matching.decisions import MatchState
from itpo.matching.eligibility import Eligibility, Party, Rule, check
from itpo.matching.engine import Hit
from itpo.matching.explanation import Reason, explain
from itpo.matching.scoring import MIN_RELEVANCE, PairScore, reciprocal_score
from itpo.matching.shortfalls import left_out_by, lowered_by, no_match_reason
from itpo.matching.text import surface_words
from itpo.matching.weights import ScoringParameters, ScoringWeights
from itpo.registry.errors import Conflict, NotFound
from itpo.registry.model import (
    COMPATIBLE_KINDS,
    Disclosure,
    Opportunity,
    OpportunityKind,
    Status,
)
from itpo.registry.ports import UnitOfWork

# Enough candidates that the structured components (sector, market, amount) can lift a record
# the text ranked modestly, few enough that loading them stays a few milliseconds.
CANDIDATES = 300
# A counterpart scoring under this share of the record's best is noise beside it: a strong
# match shown with weak ones buries it, and an officer reads the first few.
RELATIVE_FLOOR = 0.6
# Counterparts left out by a hard condition shown beside the matches, best first.
NEAR_MISSES = 5
# The languages a record's "why no match" sentence is kept in.
REASON_LANGUAGES = ("en", "zh")

# Indicative US dollars per unit. The amount component compares ranges on a log scale, where
# a rate a few percent off moves nothing, so a small fixed table is enough until rates are
# a setting; a currency missing here makes the amount component neutral, never wrong.
INDICATIVE_RATES: Mapping[str, float] = MappingProxyType(
    {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CNY": 0.14, "JPY": 0.0067, "CHF": 1.13}
)


class CandidateIndex(Protocol):
    """What matching needs from the retrieval index: similar records of the kinds asked for."""

    def __contains__(self, document_id: object) -> bool: ...
    def similar(
        self, document_id: str, *, top: int, kinds: Collection[OpportunityKind] | None = None
    ) -> list[Hit]: ...


class NotMatchable(Conflict):
    """The record cannot be matched now: it is not published, or past its validity date."""


@dataclass(frozen=True, slots=True)
class MatchResult:
    """One counterpart of the asking record, with its score (0-100) and the reasons in words.

    A result holds what is true of the pair, the counterpart's owner included, and is shared
    by everyone who asks for the record's matches (it is cached): what one asker may see of it
    is decided when it is shown (`matching.reading`)."""

    opportunity_id: int
    kind: OpportunityKind
    title: str
    organisation: str  # the counterpart's owner, whatever its disclosure
    countries: tuple[str, ...]  # the counterpart's own, as it states them
    score: float
    components: Mapping[str, float]
    reasons: tuple[str, ...]
    near_miss: str | None
    # Each reason's component and the facts it states (codes, countries, terms, figures), for
    # programs that check or translate them; same order as `reasons`.
    explained: tuple[Reason, ...] = ()
    near: Reason | None = None  # the near miss with its facts
    # What disclosure needs to know of the counterpart, and the owner's country, which stands
    # in for its place when the record states none.
    organisation_id: int | None = None
    owner_country: str | None = None
    status: Status = Status.PUBLISHED
    disclosure: Disclosure = Disclosure.PUBLIC
    # Set once the match is kept as a record (see tracking.match_and_record).
    match_id: int | None = None
    state: MatchState | None = None
    # For a near miss: the hard conditions that left the counterpart out (empty for a match).
    left_out: tuple[Reason, ...] = ()
    relevance: float = 0.0  # what the two are about, in [0, 1] (`scoring.weighted`)

    @property
    def id(self) -> int:
        return self.opportunity_id

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON: the CLI's --json and the API answer."""
        return {
            "opportunity_id": self.opportunity_id,
            "kind": self.kind.value,
            "title": self.title,
            "organisation": self.organisation,
            "countries": list(self.countries),
            "score": self.score,
            "components": dict(self.components),
            "reasons": list(self.reasons),
            "near_miss": self.near_miss,
            "explained": [
                {"component": r.component, "text": r.text, "facts": _plain_facts(r.facts)}
                for r in self.explained
            ],
            "match_id": self.match_id,
            "state": self.state.value if self.state is not None else None,
            "relevance": self.relevance,
            "left_out": [
                {"component": r.component, "text": r.text, "facts": _plain_facts(r.facts)}
                for r in self.left_out
            ],
        }


@dataclass(frozen=True, slots=True)
class MatchReport:
    """A record's matches, the counterparts a hard condition left out (near misses), and,
    when it has no match, why, in each of REASON_LANGUAGES."""

    results: tuple[MatchResult, ...]
    near_misses: tuple[MatchResult, ...] = ()
    no_match: Mapping[str, Reason] = field(default_factory=dict)

    def why_none(self, language: str) -> Reason | None:
        """The reason there is no match, in `language` (English when it is not kept)."""
        if self.results:
            return None
        return self.no_match.get(language) or self.no_match.get("en")


def text_relevance(fused: float) -> float:
    """The fused retrieval score (a weighted z-score against the best hundred) in 0..1.

    A logistic keeps the scale absolute: z = 0 (an ordinary member of the head) scores 0.5, a
    clear outlier approaches 1. A rank-based squash would give every record's first candidate
    full marks even when nothing in the collection is about the same thing.
    """
    if math.isinf(fused) or math.isnan(fused):
        return 0.0
    return 1.0 / (1.0 + math.exp(-fused))


def find_matches(
    *,
    uow: UnitOfWork,
    index: CandidateIndex,
    opportunity_id: int,
    today: dt.date,
    top: int = 10,
    weights: ScoringWeights | None = None,
    parameters: ScoringParameters | None = None,
    rates: Mapping[str, float] = INDICATIVE_RATES,
    candidates: int = CANDIDATES,
    exclude: Collection[int] = (),
) -> list[MatchResult]:
    """The best `top` counterparts of a live opportunity worth an introduction, best first,
    explained. Counterparts in `exclude` (pairs someone declined) are left out."""
    report = match_report(
        uow=uow,
        index=index,
        opportunity_id=opportunity_id,
        today=today,
        top=top,
        weights=weights,
        parameters=parameters,
        rates=rates,
        candidates=candidates,
        exclude=exclude,
    )
    return list(report.results)


def match_report(
    *,
    uow: UnitOfWork,
    index: CandidateIndex,
    opportunity_id: int,
    today: dt.date,
    top: int = 10,
    weights: ScoringWeights | None = None,
    parameters: ScoringParameters | None = None,
    rates: Mapping[str, float] = INDICATIVE_RATES,
    candidates: int = CANDIDATES,
    exclude: Collection[int] = (),
) -> MatchReport:
    """`find_matches`, with the near misses and, when there is no match, the reason."""
    with uow:
        asking = _asking(uow, opportunity_id, today)
        key = str(opportunity_id)
        if key not in index:
            raise NotMatchable(f"opportunity {opportunity_id} is not in the matching index yet")
        kinds = COMPATIBLE_KINDS[asking.kind]
        excluded = set(exclude)
        similar = index.similar(key, top=candidates + len(excluded), kinds=kinds)
        hits = {int(h.id): h for h in similar if int(h.id) not in excluded}
        found = uow.opportunities.get_many(hits)
        owners = uow.organisations.get_many(
            {asking.organisation_id, *(o.organisation_id for o in found.values())}
        )
    if asking.organisation_id not in owners:
        raise NotFound("organisation", asking.organisation_id)
    me = Party(asking, owners[asking.organisation_id])
    context = _Context(today, weights, parameters, rates)
    sorting = _Sorting()
    for other in found.values():
        if other.organisation_id in owners:
            sorting.add(me, Party(other, owners[other.organisation_id]), hits, context)
    ranked = _best(sorting.matches)
    if ranked:
        floor = RELATIVE_FLOOR * ranked[0].score.score
        ranked = [pair for pair in ranked if pair.score.score >= floor]
    # Explaining is the costly step per pair, so only the pairs shown are explained.
    results = tuple(_result(me, pair, context) for pair in ranked[:top])
    near = tuple(_result(me, pair, context) for pair in _best(sorting.near)[:NEAR_MISSES])
    no_match: dict[str, Reason] = {}
    if not results:
        no_match = {
            lang: no_match_reason(
                asking,
                kinds=kinds,
                subject_shared=sorting.subject_shared,
                near_misses=len(near),
                lang=lang,
            )
            for lang in REASON_LANGUAGES
        }
    return MatchReport(results, near, MappingProxyType(no_match))


def _best(pairs: list[_Scored]) -> list[_Scored]:
    return sorted(pairs, key=lambda pair: (-pair.score.score, _id(pair.other.opportunity)))


@dataclass(frozen=True, slots=True)
class _Context:
    today: dt.date
    weights: ScoringWeights | None
    parameters: ScoringParameters | None
    rates: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class _Scored:
    other: Party
    hit: Hit
    eligibility: Eligibility
    score: PairScore


def _id(opportunity: Opportunity) -> int:
    assert opportunity.id is not None  # stored records always have one
    return opportunity.id


def _asking(uow: UnitOfWork, opportunity_id: int, today: dt.date) -> Opportunity:
    asking = uow.opportunities.get(opportunity_id)
    if asking is None:
        raise NotFound("opportunity", opportunity_id)
    if not asking.is_live(today):
        state = asking.status.value.replace("_", " ")
        why = "it is past its validity date" if state == "published" else f"its status is {state}"
        raise NotMatchable(
            f"opportunity {opportunity_id} cannot be matched: {why}; "
            "it must be published and within its validity date"
        )
    return asking


class _Sorting:
    """Candidates sorted as they are scored: matches, near misses, and whether any candidate
    shared the asking record's subject at all."""

    def __init__(self) -> None:
        self.matches: list[_Scored] = []
        self.near: list[_Scored] = []
        self.subject_shared = False

    def add(self, me: Party, other: Party, hits: Mapping[int, Hit], context: _Context) -> None:
        eligibility = check(me, other, today=context.today, rates=context.rates)
        if not eligibility.eligible and not eligibility.left_out_by_terms:
            if not any(f.rule is Rule.SUBJECT for f in eligibility.failures):
                self.subject_shared = True
            return
        self.subject_shared = True
        hit = hits[_id(other.opportunity)]
        # The text part of a pair's score is the same from both sides (`Hit.similarity`), so
        # the match shows one score on both records' pages and wherever it is listed.
        pair = reciprocal_score(
            me,
            other,
            text_ab=hit.similarity,
            today=context.today,
            rates=context.rates,
            weights=context.weights,
            parameters=context.parameters,
        )
        if pair.relevance < MIN_RELEVANCE:
            return
        scored = _Scored(other, hit, eligibility, pair)
        (self.matches if eligibility.eligible else self.near).append(scored)


def _result(me: Party, scored: _Scored, context: _Context) -> MatchResult:
    explanation = explain(
        me,
        scored.other,
        score=scored.score,
        eligibility=scored.eligibility,
        matched_terms=_words(me.opportunity, scored.hit.matched_terms),
        weights=context.weights,
        parameters=context.parameters,
    )
    them, organisation = scored.other.opportunity, scored.other.organisation
    lang = explanation.language
    lowered = tuple(lowered_by(me, scored.other, scored.eligibility, lang))
    left_out = tuple(left_out_by(me, scored.other, scored.eligibility.failures, lang))
    reasons = explanation.reasons + lowered
    return MatchResult(
        opportunity_id=_id(them),
        kind=them.kind,
        title=them.title,
        organisation=organisation.name,
        countries=tuple(them.countries),
        score=round(scored.score.score, 1),
        components={name: round(v, 3) for name, v in scored.score.features().items()},
        reasons=tuple(reason.text for reason in reasons),
        near_miss=explanation.near_miss.text if explanation.near_miss else None,
        explained=reasons,
        near=explanation.near_miss,
        organisation_id=them.organisation_id,
        owner_country=organisation.country,
        status=them.status,
        disclosure=them.disclosure,
        left_out=left_out,
        relevance=round(scored.score.relevance, 3),
    )


def _plain_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in facts.items()}


def _words(asking: Opportunity, terms: Sequence[str]) -> list[str]:
    """Index terms (stems, bigrams) as the asking record writes them, from its public text."""
    return surface_words(f"{asking.title} {asking.teaser}", terms, asking.language)
