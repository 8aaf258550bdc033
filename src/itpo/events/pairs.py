"""What matching already knows of two participants: the best stored match between their
organisations' opportunities."""

from __future__ import annotations

from collections.abc import Collection

from itpo.events.ports import EventsUnitOfWork
from itpo.matching.decisions import Match, MatchState

MOST_READ = 1000  # an organisation's stored matches read at once


def best_match_between(
    uow: EventsUnitOfWork,
    first_organisation: int,
    second_organisation: int,
    states: Collection[MatchState],
) -> Match | None:
    """Inside the caller's unit of work; None when matching stored nothing between them."""
    found = uow.matches.find(
        opportunity_id=None,
        states=states,
        limit=MOST_READ,
        offset=0,
        organisation_id=first_organisation,
    ).items
    records = uow.opportunities.get_many({i for m in found for i in (m.first_id, m.second_id)})
    theirs = {i for i, o in records.items() if o.organisation_id == second_organisation}
    between = [m for m in found if m.first_id in theirs or m.second_id in theirs]
    return max(between, key=lambda m: m.score) if between else None
