"""What a pair falls short on, in words both languages can read, each sentence true to the
records: terms that lowered a score, hard conditions that left a counterpart out, and why a
record has no counterpart."""

from __future__ import annotations

from tests.e2e.claims import Pair, Side, check_sentence
from tests.unit.matching.pairs import RATES, TODAY, need_party, offer, offer_party, party

from itpo.matching.eligibility import Party, check
from itpo.matching.explanation import Reason
from itpo.matching.shortfalls import left_out_by, lowered_by, no_match_reason, worded_in
from itpo.registry.model import Condition, CooperationType, OpportunityKind


def assert_true(reasons: list[Reason], a: Party, b: Party) -> None:
    pair = Pair(
        Side(a.opportunity, a.organisation), Side(b.opportunity, b.organisation), TODAY, RATES
    )
    assert reasons
    for reason in reasons:
        for text in reason.facts["wording"]:
            assert check_sentence(text, pair) == reason.component, text


def test_a_market_a_cooperation_type_and_an_amount_apart_each_lower_the_score_in_words() -> None:
    a = offer_party(
        countries=["TZA"],
        cooperation_types=[CooperationType.SUPPLY],
        amount_min=10_000,
        amount_max=20_000,
        currency="USD",
    )
    b = need_party(
        countries=["BRA"],
        cooperation_types=[CooperationType.EQUITY],
        amount_min=1_000_000,
        amount_max=2_000_000,
        currency="USD",
    )
    eligibility = check(a, b, today=TODAY, rates=RATES)
    assert eligibility.eligible
    reasons = lowered_by(a, b, eligibility, "en")
    assert [r.component for r in reasons] == ["geography", "cooperation", "amount"]
    assert reasons[0].text == (
        "Score lowered: Brazil is outside the technology offer's stated markets "
        "(United Republic of Tanzania)."
    )
    assert reasons[1].text == (
        "Score lowered: no cooperation type in common (the technology offer accepts supply, "
        "the technology need equity)."
    )
    assert worded_in(reasons[0], "zh") == (
        "得分降低：巴西不在该技术供给所列目标市场（坦桑尼亚联合共和国）之内。"
    )
    assert_true(reasons, a, b)


def test_a_hard_condition_leaves_the_counterpart_out_and_names_the_side_that_set_it() -> None:
    a = offer_party(countries=["TZA"], hard_conditions=[Condition.MARKETS], trl=5)
    b = need_party(countries=["BRA"], min_trl=6)
    eligibility = check(a, b, today=TODAY, rates=RATES)
    assert eligibility.left_out_by_terms
    reasons = left_out_by(a, b, eligibility.failures, "zh")
    texts = [r.text for r in reasons]
    assert (
        "未列入：巴西不在该技术供给所列目标市场（坦桑尼亚联合共和国）之内，该技术供给将此设为硬性条件。"
        in texts
    )
    assert worded_in(reasons[0], "en") == (
        "Left out: Brazil is outside the technology offer's stated markets "
        "(United Republic of Tanzania), which the technology offer makes a hard condition."
    )
    assert "未列入：该技术供给处于 TRL 5，低于技术需求要求的最低 TRL 6。" in texts
    assert_true(reasons, a, b)


def test_a_sentence_about_a_hard_condition_nobody_set_fails_the_check() -> None:
    a, b = offer_party(countries=["TZA"]), need_party(countries=["BRA"])
    pair = Pair(Side(a.opportunity, a.organisation), Side(b.opportunity, b.organisation), TODAY)
    claim = (
        "Left out: Brazil is outside the technology offer's stated markets "
        "(United Republic of Tanzania), which the technology offer makes a hard condition."
    )
    try:
        check_sentence(claim, pair)
    except AssertionError:
        return
    raise AssertionError("a false claim passed")


def test_why_a_record_has_no_match_says_what_was_found() -> None:
    kinds = {OpportunityKind.TECHNOLOGY_OFFER}
    need = need_party().opportunity
    none = no_match_reason(need, kinds=kinds, subject_shared=False, near_misses=0, lang="en")
    assert none.text == (
        "No published technology offer on the platform shares this record's subject "
        "(ISIC 2819 Manufacture of other general-purpose machinery; ISIC 1030 Processing and "
        "preserving of fruit and vegetables; Post-harvest technologies)."
    )
    assert none.facts["why"] == ("subject",)
    far = no_match_reason(need, kinds=kinds, subject_shared=True, near_misses=0, lang="zh")
    assert far.facts["why"] == ("relevance",) and "均不值得引荐" in far.text
    near = no_match_reason(need, kinds=kinds, subject_shared=True, near_misses=2, lang="en")
    assert "2 left out by a hard condition are shown as near misses" in near.text
    assert worded_in(near, "en") is None  # not a shortfall of a pair
    bare = party(offer(isic_classes=[], technology_areas=[]))
    unstated = no_match_reason(
        bare.opportunity, kinds=kinds, subject_shared=False, near_misses=0, lang="en"
    )
    assert "no sector or technology stated" in unstated.text
