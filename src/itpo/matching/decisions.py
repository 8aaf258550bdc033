"""Matches as records that people act on: a pair of opportunities, its score, and decisions.

A match is the pair itself, stored once whichever side asked, so both owners and the officers
see and decide on the same record. Its state follows from the decisions: each party's latest
verdict counts, a decline by anyone closes the match, and an introduction needs both sides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from itpo.registry.errors import FieldError, ValidationError

MAX_REASON = 2000


class MatchState(StrEnum):
    PROPOSED = "proposed"  # found by matching, nobody has decided yet
    SHORTLISTED = "shortlisted"  # an officer recommends the introduction
    INTERESTED = "interested"  # one side wants to meet the other
    INTRODUCED = "introduced"  # both sides accepted: contacts may be exchanged
    DECLINED = "declined"  # someone's latest verdict is no


class Verdict(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"


STATE_HELP: Mapping[MatchState, str] = MappingProxyType(
    {
        MatchState.PROPOSED: "Found by matching; nobody has decided yet.",
        MatchState.SHORTLISTED: "An officer accepted it and recommends the introduction.",
        MatchState.INTERESTED: "One side accepted and waits for the other.",
        MatchState.INTRODUCED: "Both sides accepted: the introduction is made.",
        MatchState.DECLINED: "Someone's latest verdict is a decline; it is not proposed again.",
    }
)


def ordered_pair(one: int, other: int) -> tuple[int, int]:
    """The pair's key: the lower opportunity id first, so A-B and B-A are one match."""
    if one == other:
        raise ValueError("a match needs two different opportunities")
    return (one, other) if one < other else (other, one)


@dataclass(frozen=True, slots=True)
class Decision:
    """One party's verdict on a match, with the components the pair had when it was judged.

    `side` is the opportunity whose owner decided, or None for a promotion officer. The
    components are kept with the verdict because learning must see what the person saw,
    not today's recomputed score.
    """

    verdict: Verdict
    side: int | None
    reason: str
    components: Mapping[str, float]
    weights_version: int
    decided_at: dt.datetime
    id: int | None = None
    # Who gave the verdict: the user (None: the command line) and how the audit log names them.
    decided_by_id: int | None = None
    decided_by: str = ""

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPT


@dataclass(frozen=True, slots=True)
class Match:
    """A scored pair of opportunities; `first_id` < `second_id`."""

    first_id: int
    second_id: int
    score: float
    components: Mapping[str, float]
    weights_version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    decisions: tuple[Decision, ...] = ()
    state: MatchState = MatchState.PROPOSED
    id: int | None = None

    def counterpart(self, opportunity_id: int) -> int:
        if opportunity_id == self.first_id:
            return self.second_id
        if opportunity_id == self.second_id:
            return self.first_id
        raise ValueError(f"opportunity {opportunity_id} is not part of this match")


def verdict_of(match: Match, side: int | None) -> Verdict | None:
    """The latest verdict given for one side (None: the office's), if any."""
    given = [d for d in match.decisions if d.side == side]
    return max(given, key=lambda d: d.decided_at).verdict if given else None


def verdicts_open(state: MatchState, given: Verdict | None) -> frozenset[Verdict]:
    """The verdicts still worth offering: none that repeats the one already given, and no
    acceptance once both sides have met or one has declined (a decline may be taken back only
    by the side that gave it, by accepting again)."""
    offered = set(Verdict) - ({given} if given is not None else set())
    if state is MatchState.INTRODUCED:
        offered.discard(Verdict.ACCEPT)
    if state is MatchState.DECLINED and given is not Verdict.DECLINE:
        offered.clear()
    return frozenset(offered)


def state_after(decisions: Iterable[Decision], first_id: int, second_id: int) -> MatchState:
    """The state the decisions lead to; each party's latest verdict is the one that counts."""
    latest: dict[int | None, Verdict] = {}
    # A stable sort: verdicts of the same moment keep their order, the one being given last.
    for decision in sorted(decisions, key=lambda d: d.decided_at):
        latest[decision.side] = decision.verdict
    if Verdict.DECLINE in latest.values():
        return MatchState.DECLINED
    if latest.get(first_id) is Verdict.ACCEPT and latest.get(second_id) is Verdict.ACCEPT:
        return MatchState.INTRODUCED
    if latest.get(first_id) is Verdict.ACCEPT or latest.get(second_id) is Verdict.ACCEPT:
        return MatchState.INTERESTED
    if latest.get(None) is Verdict.ACCEPT:
        return MatchState.SHORTLISTED
    return MatchState.PROPOSED


def check_feedback(
    match: Match, *, verdict: str, side: int | None, reason: str | None
) -> tuple[Verdict, str]:
    """The verdict and reason, or a ValidationError naming every bad field."""
    errors: list[FieldError] = []
    parsed: Verdict | None = None
    try:
        parsed = Verdict(verdict)
    except ValueError:
        errors.append(FieldError("verdict", f"must be accept or decline, not {verdict!r}"))
    text = (reason or "").strip()
    if parsed is Verdict.DECLINE and not text:
        errors.append(FieldError("reason", "a decline needs a reason, so matching can learn"))
    if len(text) > MAX_REASON:
        errors.append(FieldError("reason", f"at most {MAX_REASON} characters, not {len(text)}"))
    if side is not None and side not in (match.first_id, match.second_id):
        errors.append(
            FieldError(
                "side",
                f"opportunity {side} is not part of match {match.id} "
                f"(its opportunities are {match.first_id} and {match.second_id})",
            )
        )
    if errors or parsed is None:
        raise ValidationError(errors)
    return parsed, text
