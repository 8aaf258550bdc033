"""The state a match is in follows from the latest verdict of each party."""

from __future__ import annotations

import datetime as dt

import pytest

from itpo.matching.decisions import (
    Decision,
    Match,
    MatchState,
    Verdict,
    check_feedback,
    ordered_pair,
    state_after,
)
from itpo.registry.errors import ValidationError

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
OFFICER = None


def verdict(side: int | None, what: str, minutes: int) -> Decision:
    return Decision(Verdict(what), side, "why", {}, 1, T0 + dt.timedelta(minutes=minutes))


def match() -> Match:
    return Match(3, 8, 70.0, {}, 1, T0, T0, id=5)


@pytest.mark.parametrize(
    ("decisions", "state"),
    [
        ([], MatchState.PROPOSED),
        ([verdict(OFFICER, "accept", 1)], MatchState.SHORTLISTED),
        ([verdict(3, "accept", 1)], MatchState.INTERESTED),
        ([verdict(3, "accept", 1), verdict(8, "accept", 2)], MatchState.INTRODUCED),
        ([verdict(OFFICER, "accept", 1), verdict(8, "accept", 2)], MatchState.INTERESTED),
        ([verdict(3, "accept", 1), verdict(8, "decline", 2)], MatchState.DECLINED),
        ([verdict(OFFICER, "decline", 1)], MatchState.DECLINED),
        # A changed mind counts: the latest verdict of each party replaces the earlier one.
        ([verdict(8, "decline", 1), verdict(8, "accept", 2)], MatchState.INTERESTED),
        ([verdict(3, "accept", 1), verdict(3, "decline", 2)], MatchState.DECLINED),
        # Order is by time, not by the order the list happens to be in.
        (
            [verdict(8, "accept", 5), verdict(8, "decline", 1), verdict(3, "accept", 2)],
            MatchState.INTRODUCED,
        ),
    ],
)
def test_state_follows_each_partys_latest_verdict(
    decisions: list[Decision], state: MatchState
) -> None:
    assert state_after(decisions, 3, 8) is state


def test_a_pair_is_one_match_whichever_side_asks() -> None:
    assert ordered_pair(8, 3) == ordered_pair(3, 8) == (3, 8)
    with pytest.raises(ValueError, match="two different"):
        ordered_pair(4, 4)
    assert match().counterpart(3) == 8 and match().counterpart(8) == 3
    with pytest.raises(ValueError, match="not part"):
        match().counterpart(4)


def test_feedback_is_checked_and_every_bad_field_named() -> None:
    assert check_feedback(match(), verdict="accept", side=None, reason=None) == (
        Verdict.ACCEPT,
        "",
    )
    assert check_feedback(match(), verdict="decline", side=8, reason="  too far ") == (
        Verdict.DECLINE,
        "too far",
    )
    with pytest.raises(ValidationError) as raised:
        check_feedback(match(), verdict="maybe", side=4, reason="x" * 2001)
    fields = {error.field: error.message for error in raised.value.errors}
    assert set(fields) == {"verdict", "side", "reason"}
    assert "accept or decline" in fields["verdict"]
    assert "not part of match 5" in fields["side"]
    with pytest.raises(ValidationError, match="needs a reason"):
        check_feedback(match(), verdict="decline", side=None, reason="   ")
