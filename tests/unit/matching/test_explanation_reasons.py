"""What a reason says and leaves out: real words, the sector behind a technology, converted
amounts, one sentence per market, and always what the two records are about."""

from __future__ import annotations

from tests.e2e.claims import Pair, Side, check_sentence
from tests.unit.matching.pairs import RATES, TODAY, need, need_party, offer, party

from itpo.matching.eligibility import Party, check
from itpo.matching.explanation import Explanation, Reason, explain, public_terms, public_text
from itpo.matching.scoring import reciprocal_score
from itpo.matching.text import surface_words, tokenize
from itpo.registry.model import CooperationType, Opportunity, OpportunityKind


def explained(a: Party, b: Party, terms: tuple[str, ...] = (), top: int = 9) -> Explanation:
    pair = reciprocal_score(a, b, text_ab=0.8, today=TODAY, rates=RATES)
    eligibility = check(a, b, today=TODAY)
    return explain(a, b, score=pair, eligibility=eligibility, matched_terms=terms, top=top)


def reason(explanation: Explanation, component: str) -> Reason:
    (found,) = [r for r in explanation.reasons if r.component == component]
    return found


def assert_true(explanation: Explanation, a: Party, b: Party) -> None:
    me, other = Side(a.opportunity, a.organisation), Side(b.opportunity, b.organisation)
    pair = Pair(me, other, TODAY, RATES)
    for r in explanation.reasons:
        assert check_sentence(r.text, pair) == r.component, r.text


def test_matching_terms_are_words_of_both_teasers_once_each_without_deal_words() -> None:
    a = offer(
        title="Solar mango dryer", teaser="Dryers for mango cooperatives; loans of USD 2 million."
    )
    b = need(
        title="Mango drying", teaser="Our mangoes need a dryer; a loan of 2 million is approved."
    )
    terms = [
        "Solar",
        "mango",
        "Mango",
        "mangoes",
        "dryer",
        "Dryers",
        "loans",
        "million",
        "2",
        "USD",
    ]
    assert public_terms(terms, a, b) == ["mango", "dryer"]


def test_a_word_only_in_the_restricted_details_is_never_a_matching_term() -> None:
    a, b = offer(details="Royalty floor agreed"), need(details="Royalty floor agreed")
    assert public_terms(["Royalty", "solar"], a, b) == ["solar"]


def shared_index_terms(a: Opportunity, b: Opportunity) -> list[str]:
    """What the index matches between two records, as `a` writes it (see service._words)."""
    shared = set(tokenize(public_text(a), a.language)) & set(tokenize(public_text(b), b.language))
    return surface_words(public_text(a), shared, a.language)


def test_two_chinese_records_share_whole_chinese_words_in_the_readers_writing() -> None:
    a = offer(
        title="太阳能隧道式芒果干燥机",
        teaser="日处理2吨鲜芒果的太阳能隧道干燥机，适合非洲合作社。",
        language="zh",
    )
    b = need(
        title="芒果合作社需要太阳能干燥机",
        teaser="肯尼亚合作社寻求投资，每年浪费三分之一芒果。",
        language="zh",
    )
    assert public_terms(shared_index_terms(a, b), a, b) == ["太阳能", "芒果", "干燥机", "合作社"]
    assert public_terms(shared_index_terms(b, a), b, a) == ["芒果", "合作社", "太阳能", "干燥机"]
    text = reason(explained(party(a), party(b), tuple(shared_index_terms(a, b))), "text").text
    assert text == "匹配关键词：太阳能、芒果、干燥机、合作社。"


def test_french_records_share_french_phrases_as_the_reader_writes_them() -> None:
    a = offer(
        title="Séchoirs solaires pour mangues",
        teaser="Des séchoirs solaires qui réduisent les pertes de mangues.",
        language="fr",
    )
    b = need(
        title="Séchoir solaire cherché",
        teaser="Notre coopérative cherche un séchoir solaire pour ses mangues ; projet financé.",
        language="fr",
    )
    assert public_terms(shared_index_terms(a, b), a, b) == ["séchoirs solaires", "mangues"]
    assert public_terms(shared_index_terms(b, a), b, a) == ["séchoir solaire", "mangues"]


def test_no_phrase_runs_from_the_title_into_the_teaser() -> None:
    a = offer(title="Solar coolers for villages", teaser="Milk cooling for dairies.")
    b = need(title="Coolers wanted", teaser="Our villages milk their cows at dawn.")
    assert public_terms(shared_index_terms(a, b), a, b) == ["coolers", "villages", "Milk"]


def test_a_mandate_reaches_a_projects_sector_through_its_technology_and_says_so() -> None:
    mandate = party(
        offer(
            kind=OpportunityKind.INVESTMENT_MANDATE,
            isic_classes=[],
            technology_areas=["green.solar_pv"],
            trl=None,
            min_trl=None,
            cooperation_types=[CooperationType.LOAN],
            countries=["UGA"],
        ),
        "GBR",
    )
    project = party(
        need(
            kind=OpportunityKind.INVESTMENT_PROJECT,
            isic_classes=["3510"],
            technology_areas=[],
            min_trl=None,
            trl=None,
            cooperation_types=[CooperationType.LOAN],
            countries=["UGA"],
        ),
        "UGA",
    )
    explanation = explained(mandate, project)
    sector = reason(explanation, "isic")
    assert sector.text == (
        "Sector fit: both in ISIC division 35 Electricity, gas, steam and air conditioning "
        "supply (investment mandate: Solar photovoltaics; investment project: ISIC 3510)."
    )
    assert sector.facts == {"division": ("35",), "bases": ("green.solar_pv", "3510")}
    assert_true(explanation, mandate, project)
    chinese = explain(
        mandate,
        project,
        score=reciprocal_score(mandate, project, text_ab=0.8, today=TODAY, rates=RATES),
        eligibility=check(mandate, project, today=TODAY),
        language="zh",
        top=9,
    )
    assert "行业相符：同属 ISIC 大类 35（" in reason(chinese, "isic").text
    assert "投资意向：太阳能光伏；投资项目：ISIC 3510" in reason(chinese, "isic").text


def test_amounts_in_two_currencies_are_also_given_in_dollars() -> None:
    a = party(offer(amount_min=100_000, amount_max=200_000, currency="EUR"), "CHN")
    b = need_party(amount_min=1_000_000, amount_max=1_400_000, currency="CNY")
    explanation = explained(a, b)
    assert reason(explanation, "amount").text == (
        "Amounts fit: technology offer EUR 100,000–200,000 (about USD 110,000–220,000), "
        "technology need CNY 1,000,000–1,400,000 (about USD 140,000–196,000)."
    )
    assert_true(explanation, a, b)


def test_ranges_that_only_overlap_are_not_said_to_fit() -> None:
    a, b = (
        party(offer(amount_min=50_000, amount_max=150_000), "CHN"),
        need_party(amount_min=100_000, amount_max=400_000),
    )
    amount = reason(explained(a, b), "amount")
    assert amount.text.startswith("Amounts overlap: technology offer USD 50,000–150,000")
    assert amount.facts["fit"] == ("overlap",)


def test_a_market_that_is_a_least_developed_country_is_said_in_one_sentence() -> None:
    a, b = party(offer(countries=["ETH", "KEN"]), "CHN"), party(need(countries=["ETH"]), "ETH")
    market = reason(explained(a, b), "geography")
    assert market.text == (
        "Market fit: Ethiopia is one of the technology offer's target markets, "
        "and a least developed country, a priority."
    )
    assert market.facts == {"market": ("ETH",), "ldc": ("ETH",)}
    zh = explain(
        a,
        b,
        score=reciprocal_score(a, b, text_ab=0.5, today=TODAY, rates=RATES),
        eligibility=check(a, b, today=TODAY),
        language="zh",
        top=9,
    )
    assert reason(zh, "geography").text == (
        "市场相符：埃塞俄比亚是该技术供给的目标市场之一，且为最不发达国家，属优先对象。"
    )


def test_every_explanation_says_what_the_two_records_share_even_when_it_ranks_low() -> None:
    a, b = party(offer(countries=["ETH"]), "CHN"), party(need(countries=["ETH"]), "ETH")
    short = explained(a, b, top=1)
    assert [r.component for r in short.reasons] in (["isic"], ["technology"], ["text"])


def test_each_reason_carries_the_facts_its_sentence_states() -> None:
    explanation = explained(party(offer(trl=7), "CHN"), need_party(), ("solar", "dryer"))
    facts = {r.component: r.facts for r in explanation.reasons}
    assert facts["isic"] == {"code": ("2819",), "level": ("class",)}
    assert facts["geography"] == {"market": ("KEN",)}
    assert facts["trl"] == {"trl": ("7",), "min_trl": ("7",)}
    assert facts["sdg"] == {"goals": ("2",)}
    assert facts["technology"] == {"areas": ("green.post_harvest",)}
    assert facts["cooperation"] == {"types": ("licensing",)}
    assert facts["text"] == {"terms": ("solar", "dryer")}
    assert explanation.near_miss is not None
    assert explanation.near_miss.facts["rule"] == ("trl",)
