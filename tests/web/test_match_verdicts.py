"""A match offers only the verdicts still open to its viewer: no Accept once both sides have
met or the viewer has accepted, nothing once another side has declined."""

from __future__ import annotations

import datetime as dt
import re

from itpo.matching.decisions import (
    Decision,
    Match,
    MatchState,
    Verdict,
    verdict_of,
    verdicts_open,
)
from tests.world import World, signed_in

ACCEPT_BUTTON = 'name="verdict" value="accept"'
DECLINE_BUTTON = 'name="verdict" value="decline"'


def test_an_introduced_match_offers_no_acceptance(world: World) -> None:
    page = signed_in(world, "member").get(f"/matches/{world.match_id}").text
    assert "Introduced" in page
    assert ACCEPT_BUTTON not in page and DECLINE_BUTTON in page


def test_the_verdicts_left_after_each_state() -> None:
    everything = frozenset(Verdict)
    assert verdicts_open(MatchState.PROPOSED, None) == everything
    assert verdicts_open(MatchState.INTERESTED, Verdict.ACCEPT) == {Verdict.DECLINE}
    assert verdicts_open(MatchState.INTRODUCED, Verdict.ACCEPT) == {Verdict.DECLINE}
    assert verdicts_open(MatchState.DECLINED, None) == frozenset()
    assert verdicts_open(MatchState.DECLINED, Verdict.ACCEPT) == frozenset()
    assert verdicts_open(MatchState.DECLINED, Verdict.DECLINE) == {Verdict.ACCEPT}


def test_the_latest_verdict_of_a_side_counts() -> None:
    at = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    match = Match(
        first_id=1,
        second_id=2,
        score=70,
        components={},
        weights_version=1,
        created_at=at,
        updated_at=at,
        decisions=(
            Decision(Verdict.ACCEPT, 1, "", {}, 1, at),
            Decision(Verdict.DECLINE, 1, "too far", {}, 1, at + dt.timedelta(hours=1)),
        ),
    )
    assert verdict_of(match, 1) is Verdict.DECLINE and verdict_of(match, 2) is None


def test_after_the_introduction_each_side_sees_who_to_write_to(world: World) -> None:
    member = signed_in(world, "member").get(f"/matches/{world.match_id}").text
    assert 'id="contacts"' in member
    # The member's own side is not listed as a counterpart; the other side's people are.
    assert "member@meru.example" not in member.split('id="contacts"')[1].split("</section>")[0]
    outsider = signed_in(world, "other_member").get(f"/matches/{world.match_id}")
    assert outsider.status_code == 404


def test_the_match_page_says_why_the_pair_was_proposed(world: World) -> None:
    english = signed_in(world, "member").get(f"/matches/{world.match_id}").text
    reasons = english.split('id="match-reasons"')[1].split("</ul>")[0]
    assert reasons.count("<li>") >= 2
    chinese = signed_in(world, "member").get(f"/matches/{world.match_id}?lang=zh").text
    assert "推荐理由" in chinese
    assert re.search(r"[\u4e00-\u9fff]", chinese.split('id="match-reasons"')[1].split("</ul>")[0])
