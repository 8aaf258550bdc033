"""Matches kept as records: found matches are stored, people decide on them, matching learns.

`match_and_record` is what the API and the CLI call: it scores with the current stored weights,
leaves out pairs someone declined, and keeps every match it shows, so a match has an id that
feedback can name. `learn` turns the decisions into a new version of the weights.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from itpo.accounts.access import may_act_for, require_matching, require_scope
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.ports import AuditedUnitOfWork
from itpo.accounts.principal import Principal, require_administrator, require_staff
from itpo.clock import Clock, utc_now
from itpo.matching.cache import Computed, MatchCache, MatchKey
from itpo.matching.decisions import (
    Decision,
    Match,
    MatchState,
    check_feedback,
    ordered_pair,
    state_after,
)
from itpo.matching.learning import Decision as Example
from itpo.matching.learning import learn_weights
from itpo.matching.reading import near_misses_seen_as, seen_all_as
from itpo.matching.service import (
    INDICATIVE_RATES,
    CandidateIndex,
    MatchReport,
    MatchResult,
    match_report,
)
from itpo.matching.weights import COMPONENTS, ScoringWeights
from itpo.registry.disclosure import Audience
from itpo.registry.errors import NotFound
from itpo.registry.model import Opportunity
from itpo.registry.queries import Page, check_paging
from itpo.registry.services import visible_opportunity

# A stored score is rewritten when it moved by more than this (0-100 scale, scores are shown
# to one decimal), so the score stored is the score shown.
SCORE_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class StoredWeights:
    """A version of the scoring weights, with what it was learned from."""

    weights: ScoringWeights
    decisions: int
    note: str
    created_at: dt.datetime


class MatchRepository(Protocol):
    def for_opportunity(self, opportunity_id: int) -> dict[int, Match]: ...
    def save_many(self, matches: Sequence[Match]) -> list[int]: ...
    def get(self, match_id: int) -> Match | None: ...
    def add_decision(self, match_id: int, decision: Decision, state: MatchState) -> int: ...
    def find(
        self,
        *,
        opportunity_id: int | None,
        states: Collection[MatchState],
        limit: int,
        offset: int,
        organisation_id: int | None = None,
        created_since: dt.datetime | None = None,
    ) -> Page[Match]: ...
    def introduced_counterparts(self, organisation_id: int) -> set[int]: ...
    def decisions(self) -> list[tuple[int, Decision]]: ...


class WeightsRepository(Protocol):
    def current(self) -> StoredWeights | None: ...
    def add(self, stored: StoredWeights) -> None: ...
    def history(self) -> list[StoredWeights]: ...


class MatchingUnitOfWork(AuditedUnitOfWork, Protocol):
    """The audited unit of work, with matches and weights in the same transaction."""

    @property
    def matches(self) -> MatchRepository: ...
    @property
    def weights(self) -> WeightsRepository: ...


def current_weights(uow: MatchingUnitOfWork) -> ScoringWeights:
    """The latest stored weights, or the declared defaults (version 1) before any learning."""
    with uow:
        stored = uow.weights.current()
    return stored.weights if stored is not None else ScoringWeights()


def match_and_record(
    *,
    uow: MatchingUnitOfWork,
    by: Principal,
    index: CandidateIndex,
    opportunity_id: int,
    today: dt.date,
    top: int = 10,
    include_declined: bool = False,
    rates: Mapping[str, float] = INDICATIVE_RATES,
    now: Clock = utc_now,
    cache: MatchCache | None = None,
    generation: int | None = None,
) -> MatchReport:
    """An opportunity's best matches, each kept as a match record with its id and state, as
    the asker may see them (officers, and members of the organisation that owns it), with the
    near misses and, when there is no match, why.

    With a cache and the index's generation, computed matches are reused until the index,
    the weights or the day change, or a shown owner did (looked at once a minute); the stored
    states are read fresh every time."""
    _, seen_by = matchable_opportunity(uow, by, opportunity_id)
    stored = _stored(uow, opportunity_id, today, top, include_declined, cache, generation)
    computed = stored.cached
    if computed is None:
        computed = _compute(uow, index, opportunity_id, today, stored, rates)
        if cache is not None and stored.key is not None:
            cache.put(stored.key, computed)
    results = _shown(uow, stored, computed, top)
    version, known = stored.weights.version, stored.known
    stamp = now()
    changed = [
        _match(opportunity_id, result, version, stamp, known.get(result.opportunity_id))
        for result in results
        if _changed(known.get(result.opportunity_id), opportunity_id, result, version)
    ]
    if changed:
        with uow:
            ids = uow.matches.save_many(changed)
            uow.commit()
        for match, match_id in zip(changed, ids, strict=True):
            known[match.counterpart(opportunity_id)] = dataclasses.replace(match, id=match_id)
    return _report(_with_states(results, known), computed, seen_by)


def _report(results: list[MatchResult], computed: Computed, seen_by: Audience) -> MatchReport:
    return MatchReport(
        tuple(seen_all_as(results, seen_by)),
        tuple(near_misses_seen_as(computed.near_misses, seen_by)),
        computed.no_match if not results else {},
    )


def recorded_matches(
    *,
    uow: MatchingUnitOfWork,
    by: Principal,
    opportunity_id: int,
    today: dt.date,
    cache: MatchCache,
    generation: int,
    top: int = 10,
    include_declined: bool = False,
) -> MatchReport | None:
    """What `match_and_record` would answer, when the cache holds it and every match shown is
    stored as it is: reads only. None when something must be computed or written."""
    _, seen_by = matchable_opportunity(uow, by, opportunity_id)
    stored = _stored(uow, opportunity_id, today, top, include_declined, cache, generation)
    if stored.cached is None:
        return None
    results = _shown(uow, stored, stored.cached, top)
    version = stored.weights.version
    if any(
        _changed(stored.known.get(r.opportunity_id), opportunity_id, r, version) for r in results
    ):
        return None
    return _report(_with_states(results, stored.known), stored.cached, seen_by)


def matchable_opportunity(
    uow: MatchingUnitOfWork, by: Principal, opportunity_id: int
) -> tuple[Opportunity, Audience]:
    """The record and the asker as disclosure sees them, once the asker may see its matches
    (officers, and members of the owning organisation); NotFound for a record hidden from
    them, so a hidden record and a missing one answer alike."""
    found, seen_by = visible_opportunity(uow=uow, by=by, opportunity_id=opportunity_id)
    require_matching(by, found.organisation_id)
    return found, seen_by


@dataclass(frozen=True, slots=True)
class _Stored:
    """What one request reads before it computes anything."""

    weights: ScoringWeights
    known: dict[int, Match]  # stored matches by counterpart
    declined: frozenset[int]  # counterparts to leave out
    depth: int  # how many matches to compute
    key: MatchKey | None
    cached: Computed | None  # still valid


def _stored(
    uow: MatchingUnitOfWork,
    opportunity_id: int,
    today: dt.date,
    top: int,
    include_declined: bool,
    cache: MatchCache | None,
    generation: int | None,
) -> _Stored:
    with uow:  # one read transaction for the weights, the stored matches and the owners
        weights = current_weights(uow)
        known = uow.matches.for_opportunity(opportunity_id)
        declined = frozenset(
            counterpart
            for counterpart, match in known.items()
            if match.state is MatchState.DECLINED and not include_declined
        )
        # Declined pairs are dropped after scoring, so the computed list does not depend on
        # them and can be shared by every caller; it is deep enough to fill `top` without them.
        depth = top + len(declined)
        key = cached = None
        if cache is not None and generation is not None:
            key = MatchKey(opportunity_id, depth, weights.version, generation, today)
            cached = cache.get(key)
            if (
                cached is not None
                and cache.owners_due(key)
                and _owners(uow, cached.owners) != cached.owners
            ):
                cached = None
    return _Stored(weights, known, declined, depth, key, cached)


def _compute(
    uow: MatchingUnitOfWork,
    index: CandidateIndex,
    opportunity_id: int,
    today: dt.date,
    stored: _Stored,
    rates: Mapping[str, float],
) -> Computed:
    with uow:  # the owners' stamps from the same reads as the matches
        report = match_report(
            uow=uow,
            index=index,
            opportunity_id=opportunity_id,
            today=today,
            top=stored.depth,
            weights=stored.weights,
            rates=rates,
        )
        asking = uow.opportunities.get(opportunity_id)
        listed = (*report.results, *report.near_misses)
        shown = {r.organisation_id for r in listed if r.organisation_id is not None}
        if asking is not None:
            shown.add(asking.organisation_id)
        owners = _owners(uow, shown)
        return Computed(report.results, owners, report.near_misses, report.no_match)


def _owners(uow: MatchingUnitOfWork, ids: Iterable[int]) -> dict[int, dt.datetime | None]:
    found = uow.organisations.get_many(ids)
    return {i: o.updated_at for i, o in found.items()}


def _shown(
    uow: MatchingUnitOfWork, stored: _Stored, computed: Computed, top: int
) -> list[MatchResult]:
    results = [r for r in computed.results if r.opportunity_id not in stored.declined][:top]
    unknown = [r.opportunity_id for r in results if r.opportunity_id not in stored.known]
    if unknown and stored.key is not None:
        # A cached answer may name a record deleted since; it must not be stored or shown.
        with uow:
            present = uow.opportunities.get_many(unknown)
        results = [
            r for r in results if r.opportunity_id in stored.known or r.opportunity_id in present
        ]
    return results


def _with_states(results: list[MatchResult], known: Mapping[int, Match]) -> list[MatchResult]:
    return [
        dataclasses.replace(
            result,
            match_id=known[result.opportunity_id].id,
            state=known[result.opportunity_id].state,
        )
        for result in results
    ]


def _changed(stored: Match | None, asking: int, result: MatchResult, version: int) -> bool:
    if stored is None:
        return True
    if stored.weights_version != version:
        return True
    # A pair scores the same from both sides, so whichever side looks keeps the stored score
    # the one shown: the match's list and both records' pages agree.
    return abs(stored.score - result.score) > SCORE_TOLERANCE


def _match(
    asking: int, result: MatchResult, version: int, stamp: dt.datetime, stored: Match | None
) -> Match:
    first, second = ordered_pair(asking, result.opportunity_id)
    if stored is not None:
        return dataclasses.replace(
            stored,
            score=result.score,
            components=dict(result.components),
            weights_version=version,
            updated_at=stamp,
        )
    return Match(
        first_id=first,
        second_id=second,
        score=result.score,
        components=dict(result.components),
        weights_version=version,
        created_at=stamp,
        updated_at=stamp,
    )


def get_match(*, uow: MatchingUnitOfWork, by: Principal, match_id: int) -> Match:
    """One match with every decision taken on it, for those who may act for one of its sides;
    for anyone else it does not exist (a member must not learn which pairs exist beyond its
    own)."""
    require_scope(by, Scope.MATCH)
    with uow:
        found = uow.matches.get(match_id)
        if found is None or not sides_for(uow, by, found):
            raise NotFound("match", match_id)
    return found


def sides_for(uow: MatchingUnitOfWork, by: Principal, match: Match) -> set[int]:
    """The opportunities of the match the asker may decide for: both for officers, their own
    organisation's for a member; none without the match scope."""
    if not by.may(Scope.MATCH) or by.is_anonymous:
        return set()
    pair = (match.first_id, match.second_id)
    with uow:
        owners = {i: o.organisation_id for i, o in uow.opportunities.get_many(pair).items()}
    return {i for i in pair if i in owners and may_act_for(by, owners[i])}


def require_side(uow: MatchingUnitOfWork, by: Principal, match: Match, side: int | None) -> None:
    """Refuse a verdict a member would give for a side that is not its own (officers may speak
    for either side, or for the office with none)."""
    sides = sides_for(uow, by, match)
    if not by.is_staff and side not in sides:
        raise Forbidden(f"a member decides for its own side: give side {min(sides)}")


def list_matches(
    *,
    uow: MatchingUnitOfWork,
    by: Principal,
    opportunity_id: int | None = None,
    states: Collection[MatchState] = (),
    limit: int = 50,
    offset: int = 0,
) -> Page[Match]:
    """Stored matches, most recently changed first: every match for officers, those of the
    organisation's opportunities for members; of one opportunity (either side) and in given
    states."""
    require_scope(by, Scope.MATCH)
    check_paging(limit, offset)
    organisation_id = None
    if not by.is_staff:
        if by.organisation_id is None:
            raise Forbidden("only officers and members of an organisation have matches")
        organisation_id = by.organisation_id
    if opportunity_id is not None:
        matchable_opportunity(uow, by, opportunity_id)
    with uow:
        return uow.matches.find(
            opportunity_id=opportunity_id,
            states=states,
            limit=limit,
            offset=offset,
            organisation_id=organisation_id,
        )


def give_feedback(
    *,
    uow: MatchingUnitOfWork,
    by: Principal,
    match_id: int,
    verdict: str,
    reason: str | None = None,
    side: int | None = None,
    now: Clock = utc_now,
) -> Match:
    """Record an accept or a decline, by one side's owner (naming its side) or by an officer
    (side None, or a side the officer speaks for). A verdict can unlock a counterpart's
    restricted detail, so it is audited with who gave it."""
    with uow:
        match = get_match(uow=uow, by=by, match_id=match_id)
        require_side(uow, by, match, side)
        parsed, text = check_feedback(match, verdict=verdict, side=side, reason=reason)
        decision = Decision(
            verdict=parsed,
            side=side,
            reason=text,
            components=dict(match.components),
            weights_version=match.weights_version,
            decided_at=now(),
            decided_by_id=by.user_id,
            decided_by=by.label,
        )
        state = state_after([*match.decisions, decision], match.first_id, match.second_id)
        decision_id = uow.matches.add_decision(match_id, decision, state)
        detail = {"side": side, "state": state.value, "reason": text}
        record(
            uow=uow,
            by=by,
            action=f"match.{parsed.value}",
            subject_type="match",
            subject_id=match_id,
            detail=detail,
            now=lambda: decision.decided_at,
        )
        uow.commit()
    decisions = (*match.decisions, dataclasses.replace(decision, id=decision_id))
    return dataclasses.replace(
        match, decisions=decisions, state=state, updated_at=decision.decided_at
    )


@dataclass(frozen=True, slots=True)
class LearningReport:
    """What `learn` did: the weights before and after, and how well each ranks the decisions."""

    before: ScoringWeights
    after: ScoringWeights
    decisions: int
    accepted: int
    agreement_before: float  # share of (accepted, declined) pairs each set of weights orders right
    agreement_after: float
    stored: bool


def learn(
    *,
    uow: MatchingUnitOfWork,
    by: Principal,
    dry_run: bool = False,
    min_decisions: int | None = None,
    now: Clock = utc_now,
) -> LearningReport:
    """Learn new weights from the decisions; unless dry_run, store them as the next version.

    New weights change every record's matches, so only administrators store them; officers
    may look at what they would be (dry_run). Raises LearningRefused when the decisions cannot
    support new weights."""
    if dry_run:
        require_staff(by)
    else:
        require_administrator(by)
    with uow:
        stored = uow.weights.current()
        rows = uow.matches.decisions()
    before = stored.weights if stored is not None else ScoringWeights()
    examples = _examples(rows)
    options = {} if min_decisions is None else {"min_decisions": min_decisions}
    after = learn_weights(examples, current=before, **options)
    accepted = sum(1 for example in examples if example.accepted)
    report = LearningReport(
        before=before,
        after=after,
        decisions=len(examples),
        accepted=accepted,
        agreement_before=agreement(examples, before),
        agreement_after=agreement(examples, after),
        stored=not dry_run,
    )
    if not dry_run:
        note = (
            f"learned from {len(examples)} decisions ({accepted} accepted); agreement "
            f"{report.agreement_before:.3f} -> {report.agreement_after:.3f}"
        )
        with uow:
            uow.weights.add(StoredWeights(after, len(examples), note, now()))
            record(
                uow=uow,
                by=by,
                action="weights.learn",
                subject_type="weights",
                detail={"note": note},
                now=now,
            )
            uow.commit()
    return report


def _examples(rows: Sequence[tuple[int, Decision]]) -> list[Example]:
    """One example per party and match: a changed mind replaces the earlier verdict."""
    latest: dict[tuple[int, int | None], Decision] = {}
    for match_id, decision in sorted(rows, key=lambda r: (r[1].decided_at, r[1].id or 0)):
        latest[(match_id, decision.side)] = decision
    return [
        Example(dict(decision.components), decision.accepted, decision.reason)
        for decision in latest.values()
    ]


def agreement(examples: Sequence[Example], weights: ScoringWeights) -> float:
    """The share of (accepted, declined) pairs whose weighted components rank the accepted one
    higher, ties counting half: the area under the ROC curve of the weighted mean."""
    if not examples:
        return float("nan")
    w = np.asarray([weights[name] for name in COMPONENTS])
    x = np.asarray(
        [[example.features.get(name, 0.5) for name in COMPONENTS] for example in examples]
    )
    score = x @ w / w.sum()
    label = np.asarray([example.accepted for example in examples])
    good, bad = score[label], score[~label]
    if len(good) == 0 or len(bad) == 0:
        return float("nan")
    difference = good[:, None] - bad[None, :]
    return float(((difference > 0).sum() + 0.5 * (difference == 0).sum()) / difference.size)


def weights_history(*, uow: MatchingUnitOfWork, by: Principal) -> list[StoredWeights]:
    """Every stored version of the weights, oldest first (version 1, the defaults, is implied);
    officers and administrators."""
    require_staff(by)
    with uow:
        return uow.weights.history()
