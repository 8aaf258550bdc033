"""Explanations: true of the records, free of restricted detail, in the viewer's language."""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests.e2e.claims import Pair, Side, check_sentence
from tests.unit.matching.pairs import RATES, SECRET, TODAY, need, need_party, offer, party

from itpo.matching.eligibility import Party, check
from itpo.matching.explanation import Explanation, explain
from itpo.matching.scoring import reciprocal_score
from itpo.matching.weights import ScoringParameters
from itpo.registry.model import Condition

CHINESE_SECRET = "许可费下限百分之四点五，请私下联系张先生"
TERMS = ["solar", "dryer", "mango", "Royalty", "Zhang", "太阳能", "干燥"]


def chinese_offer() -> Party:
    return party(
        offer(
            title="太阳能隧道式干燥机",
            teaser="日处理2吨的太阳能隧道干燥机，芒果采后损失减半。",
            language="zh",
            details=CHINESE_SECRET,
            trl=7,
        ),
        "CHN",
    )


def explained(a: Party, b: Party, language: str | None = None) -> Explanation:
    eligibility = check(a, b, today=TODAY)
    pair = reciprocal_score(a, b, text_ab=0.8, today=TODAY, rates=RATES)
    return explain(
        a, b, score=pair, eligibility=eligibility, matched_terms=TERMS, language=language, top=8
    )


def assert_explanation_is_true(explanation: Explanation, a: Party, b: Party) -> None:
    """Every sentence read back into its claims and checked against the two records."""
    me, other = Side(a.opportunity, a.organisation), Side(b.opportunity, b.organisation)
    pair = Pair(me, other, TODAY, RATES)
    reasons = list(explanation.reasons)
    if explanation.near_miss:
        reasons.append(explanation.near_miss)
    assert reasons
    for reason in reasons:
        assert check_sentence(reason.text, pair) == reason.component, reason.text
    text = " ".join(explanation.lines())
    for secret in (SECRET, CHINESE_SECRET):
        for word in re.findall(r"\w{3,}", secret):
            assert word not in text, word
    for word in ("Royalty", "Zhang", "4.5", "张先生"):
        assert word not in text


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_statement_is_true_of_the_records_in_both_languages(language: str) -> None:
    a, b = party(offer(trl=7), "CHN"), need_party()
    for viewer, other in ((a, b), (b, a)):
        explanation = explained(viewer, other, language)
        assert explanation.language == language
        assert_explanation_is_true(explanation, viewer, other)


def test_an_english_explanation_names_sector_market_amounts_trl_and_goals() -> None:
    lines = explained(party(offer(trl=7), "CHN"), need_party()).lines()
    text = " ".join(lines)
    assert "Same sector: ISIC 2819 Manufacture of other general-purpose machinery." in lines
    assert "Market fit: Kenya is one of the technology offer's target markets." in lines
    assert (
        "Amounts fit: technology offer USD 50,000–250,000, technology need USD 100,000–200,000."
        in lines
    )
    assert "the technology offer is at TRL 7; the technology need asks for TRL 7 or more" in text
    assert "Both contribute to SDG 2 Zero Hunger." in lines
    assert "Matching terms: solar, dryer, mango." in lines
    assert lines[-1] == "Nearly missed: TRL 7 is exactly the technology need's minimum."


def test_words_only_in_the_restricted_details_never_appear() -> None:
    for language in ("en", "zh"):
        text = " ".join(explained(party(offer(), "CHN"), need_party(), language).lines())
        assert "Royalty" not in text
        assert "Zhang" not in text


def test_a_chinese_offer_and_an_english_need_each_get_their_own_language() -> None:
    zh_offer, en_need = chinese_offer(), need_party()
    for_offer = explained(zh_offer, en_need)
    for_need = explained(en_need, zh_offer)
    assert for_offer.language == "zh"
    assert for_need.language == "en"
    offer_text, need_text = "".join(for_offer.lines()), " ".join(for_need.lines())
    assert "肯尼亚是该技术供给的目标市场之一" in offer_text
    assert "可持续发展目标 2（零饥饿）" in offer_text
    assert "Kenya is one of the technology offer's target markets" in need_text
    # No word stands in both teasers: a word of one language is not a match in the other.
    assert "匹配关键词" not in offer_text and "Matching terms" not in need_text
    assert_explanation_is_true(for_offer, zh_offer, en_need)
    assert_explanation_is_true(for_need, en_need, zh_offer)


def test_a_nearly_missed_market_is_named_with_the_shared_subregion() -> None:
    hard = offer(countries=["TZA"], hard_conditions=[Condition.MARKETS])
    a, b = party(hard, "CHN"), need_party(countries=["KEN"])
    eligibility = check(a, b, today=TODAY)
    pair = reciprocal_score(a, b, text_ab=0.5, today=TODAY, rates=RATES)
    en = explain(b, a, score=pair, eligibility=eligibility)
    zh = explain(b, a, score=pair, eligibility=eligibility, language="zh")
    assert en.near_miss is not None and zh.near_miss is not None
    assert en.near_miss.text == (
        "Nearly missed: Kenya is not among the technology offer's markets, "
        "but shares Eastern Africa with United Republic of Tanzania."
    )
    assert "肯尼亚不在该技术供给的目标市场内" in zh.near_miss.text
    assert "东非" in zh.near_miss.text


def test_reasons_that_have_no_facts_behind_them_are_left_out() -> None:
    bare: dict[str, Any] = {
        "isic_classes": [],
        "sdgs": [],
        "technology_areas": [],
        "amount_min": None,
        "amount_max": None,
    }
    a, b = party(offer(**bare, countries=[], trl=None), "CHN"), party(need(**bare), "BRA")
    lines = explained(a, b).lines()
    text = " ".join(lines)
    for absent in ("ISIC", "Amounts", "SDG", "TRL", "technology areas"):
        assert absent not in text


def test_the_ldc_priority_is_said_only_when_the_setting_gives_it_weight() -> None:
    a, b = party(offer(countries=[]), "CHN"), party(need(countries=["ETH"]), "ETH")
    pair = reciprocal_score(a, b, text_ab=0.5, today=TODAY, rates=RATES)
    eligibility = check(a, b, today=TODAY)
    on = explain(a, b, score=pair, eligibility=eligibility, top=9)
    off = explain(
        a, b, score=pair, eligibility=eligibility, top=9, parameters=ScoringParameters(ldc_bonus=0)
    )
    assert "Ethiopia is a least developed country, a priority." in on.lines()
    assert "least developed" not in " ".join(off.lines())
