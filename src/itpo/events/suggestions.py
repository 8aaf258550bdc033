"""Whom a participant should meet: the other participants whose live opportunities the
matching engine pairs with its own, the best pair first, each with the match's reasons.

Matching decides what the asker may see of each counterpart record; a suggestion is made
only where the asker may also see who owns it, so an event never ties an organisation to a
record it keeps anonymous (officers see every owner)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from itpo.accounts.access import may_act_for, require_scope
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.events.model import MeetingRequest, RequestState
from itpo.events.ports import EventsUnitOfWork
from itpo.matching.cache import MatchCache
from itpo.matching.service import INDICATIVE_RATES, CandidateIndex, MatchResult, NotMatchable
from itpo.matching.tracking import match_and_record
from itpo.registry.disclosure import UNDISCLOSED
from itpo.registry.errors import NotFound
from itpo.registry.model import Opportunity, Status
from itpo.registry.queries import OpportunityQuery

# Counterparts read per own opportunity: deep enough that the event's participants show up
# among the whole registry's best matches.
DEPTH = 100
MOST_OWN = 20  # own opportunities matched, the most recently changed first
OPEN = (RequestState.PENDING, RequestState.ACCEPTED)


@dataclass(frozen=True, slots=True)
class Suggestion:
    participant_id: int  # the participant to meet
    organisation: str
    own: Opportunity  # the asker's record the match starts from
    match: MatchResult  # the counterpart record, as the asker may see it, with the reasons
    open_request: MeetingRequest | None  # a request between the two still pending or accepted

    @property
    def score(self) -> float:
        return self.match.score


def suggestions_for(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    participant_id: int,
    index: CandidateIndex,
    today: dt.date,
    top: int = 10,
    rates: Mapping[str, float] = INDICATIVE_RATES,
    cache: MatchCache | None = None,
    generation: int | None = None,
    now: Clock = utc_now,
) -> list[Suggestion]:
    """The participant's best counterparts at its event (its own members and officers), one
    per participant, the strongest match first; a participant already asked is marked.
    Matching stores the matches it finds, so the asker needs the scope that lets it match."""
    require_scope(by, Scope.MATCH)
    with uow:
        participant = uow.events.participant(participant_id)
        if participant is None or not may_act_for(by, participant.organisation_id):
            raise NotFound("participant", participant_id)
        others = {
            p.organisation_id: p.id or 0
            for p in uow.events.participants(participant.event_id)
            if p.id != participant_id
        }
        names = {i: o.name for i, o in uow.organisations.get_many(others).items()}
        requests = uow.events.requests(participant.event_id)
        own = uow.opportunities.list(
            OpportunityQuery(
                organisation_id=participant.organisation_id,
                statuses=(Status.PUBLISHED,),
                limit=MOST_OWN,
            )
        ).items
    best: dict[int, Suggestion] = {}
    for record in own:
        if record.id is None or (record.valid_until is not None and record.valid_until < today):
            continue
        try:
            report = match_and_record(
                uow=uow,
                by=by,
                index=index,
                opportunity_id=record.id,
                today=today,
                top=DEPTH,
                rates=rates,
                now=now,
                cache=cache,
                generation=generation,
            )
        except NotMatchable:
            continue
        for result in report.results:
            other = others.get(result.organisation_id or 0)
            if other is None or result.organisation == UNDISCLOSED:
                continue
            kept = best.get(other)
            if kept is None or result.score > kept.score:
                best[other] = Suggestion(
                    participant_id=other,
                    organisation=names.get(result.organisation_id or 0, result.organisation),
                    own=record,
                    match=result,
                    open_request=_open_between(requests, participant_id, other),
                )
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.participant_id))
    return ranked[:top]


def _open_between(
    requests: Sequence[MeetingRequest], one: int, other: int
) -> MeetingRequest | None:
    pair = {one, other}
    for request in requests:
        if {request.from_id, request.to_id} == pair and request.state in OPEN:
            return request
    return None
