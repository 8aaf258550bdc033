"""Why a stored match was proposed, for its page: the pair scored again today from the side
the asker speaks for (the first record for officers), and explained as the matches list
explains it, in the page's language. The text part of the score is the one kept with the
match; the words the two share are the index's and are not repeated here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from itpo.accounts.principal import Principal
from itpo.matching.eligibility import Party, check
from itpo.matching.explanation import explain
from itpo.matching.scoring import reciprocal_score
from itpo.matching.shortfalls import lowered_by
from itpo.matching.tracking import MatchingUnitOfWork, get_match, sides_for
from itpo.matching.weights import ScoringWeights


def match_reasons(
    *,
    uow: MatchingUnitOfWork,
    by: Principal,
    match_id: int,
    today: dt.date,
    rates: Mapping[str, float],
    language: str,
) -> tuple[str, ...]:
    """The reasons of the match, best first; empty when a side is gone. NotFound for anyone
    who may not see the match."""
    match = get_match(uow=uow, by=by, match_id=match_id)
    own = sides_for(uow, by, match)
    mine = match.first_id if by.is_staff or not own else min(own)
    theirs = match.counterpart(mine)
    with uow:
        found = uow.opportunities.get_many((mine, theirs))
        owners = uow.organisations.get_many({o.organisation_id for o in found.values()})
        stored = uow.weights.current()
    if mine not in found or theirs not in found:
        return ()
    sides = [found[i] for i in (mine, theirs)]
    if any(o.organisation_id not in owners for o in sides):
        return ()
    me, other = (Party(o, owners[o.organisation_id]) for o in sides)
    # Today's weights: the reasons say why the pair stands as it would be found now.
    chosen: ScoringWeights | None = stored.weights if stored is not None else None
    eligibility = check(me, other, today=today, rates=rates)
    pair = reciprocal_score(
        me,
        other,
        text_ab=match.components.get("text", 0.0),
        today=today,
        rates=rates,
        weights=chosen,
    )
    explanation = explain(
        me, other, score=pair, eligibility=eligibility, weights=chosen, language=language
    )
    lowered = lowered_by(me, other, eligibility, explanation.language)
    return tuple(r.text for r in (*explanation.reasons, *lowered))
