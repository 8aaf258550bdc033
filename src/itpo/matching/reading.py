"""Matches and search hits as one asker may see them.

A computed match is shared by everyone who asks for a record's matches (it is cached), so it
holds the counterpart's owner whatever its disclosure; this is where each asker's view is cut
from it, with the same rules as every other view of a record (`registry.disclosure`): the owner
of an anonymous counterpart stays unnamed, and so does anything that would place it, the owner's
country standing in for a record that states none, and the reasons drawn from that country.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from itpo.matching.decisions import Decision, Match
from itpo.matching.explanation import Reason
from itpo.matching.service import MatchResult
from itpo.registry.disclosure import UNDISCLOSED, Audience, owner_shown

# Reasons about where the parties are, and the near miss of a market.
PLACE_COMPONENTS = frozenset({"geography"})
PLACE_RULES = frozenset({"markets"})


def seen_as(result: MatchResult, audience: Audience) -> MatchResult:
    """The result as the audience may see it."""
    if owner_shown(audience, result):
        countries = result.countries or _owner_place(result)
        return dataclasses.replace(result, countries=countries)
    if result.countries:
        return dataclasses.replace(result, organisation=UNDISCLOSED)
    # The record states no place, so every place in its reasons is its owner's.
    explained = tuple(r for r in result.explained if r.component not in PLACE_COMPONENTS)
    near = None if _names_a_market(result.near) else result.near
    return dataclasses.replace(
        result,
        organisation=UNDISCLOSED,
        explained=explained,
        reasons=tuple(r.text for r in explained),
        near=near,
        near_miss=near.text if near else None,
    )


def seen_all_as(results: Iterable[MatchResult], audience: Audience) -> list[MatchResult]:
    return [seen_as(result, audience) for result in results]


def near_misses_seen_as(results: Iterable[MatchResult], audience: Audience) -> list[MatchResult]:
    """Near misses as the audience may see them; one left out only by where its unnamed owner
    is would show that place, so it is not shown at all."""
    seen = []
    for result in results:
        view = seen_as(result, audience)
        if view.organisation == UNDISCLOSED and not result.countries:
            left_out = tuple(r for r in view.left_out if r.component not in PLACE_COMPONENTS)
            if not left_out:
                continue
            view = dataclasses.replace(view, left_out=left_out)
        seen.append(view)
    return seen


def _owner_place(result: MatchResult) -> tuple[str, ...]:
    return (result.owner_country,) if result.owner_country else ()


def _names_a_market(near: Reason | None) -> bool:
    return near is not None and bool(set(near.facts.get("rule", ())) & PLACE_RULES)


def match_dict(match: Match) -> dict[str, Any]:
    """A stored match with every verdict, as plain values for JSON (the API and the CLI)."""
    return {
        "id": match.id,
        "opportunity_ids": [match.first_id, match.second_id],
        "score": match.score,
        "components": dict(match.components),
        "weights_version": match.weights_version,
        "state": match.state.value,
        "created_at": match.created_at.isoformat(),
        "updated_at": match.updated_at.isoformat(),
        "decisions": [decision_dict(d) for d in match.decisions],
    }


def decision_dict(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "verdict": decision.verdict.value,
        "side": decision.side,
        "reason": decision.reason,
        "weights_version": decision.weights_version,
        "decided_at": decision.decided_at.isoformat(),
        "decided_by": decision.decided_by,
    }
