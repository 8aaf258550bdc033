"""A reason in Chinese names its sector by ITPO Exchange's Chinese ISIC title; in English, by
the UN's English title."""

from __future__ import annotations

from tests.unit.matching.pairs import RATES, TODAY, need, need_party, offer, offer_party, party

from itpo.matching.eligibility import Party, check
from itpo.matching.explanation import Explanation, explain
from itpo.matching.scoring import reciprocal_score
from itpo.matching.shortfalls import no_match_reason
from itpo.registry.model import CooperationType, OpportunityKind


def explained(a: Party, b: Party, language: str) -> Explanation:
    return explain(
        a,
        b,
        score=reciprocal_score(a, b, text_ab=0.8, today=TODAY, rates=RATES),
        eligibility=check(a, b, today=TODAY),
        language=language,
        top=9,
    )


def sector_reason(explanation: Explanation) -> str:
    (found,) = [r.text for r in explanation.reasons if r.component == "isic"]
    return found


def test_a_chinese_same_sector_reason_quotes_the_chinese_title() -> None:
    a, b = offer_party(), need_party()
    assert sector_reason(explained(a, b, "zh")) == "行业相同：ISIC 2819（其他通用机械制造）。"
    assert sector_reason(explained(a, b, "en")) == (
        "Same sector: ISIC 2819 Manufacture of other general-purpose machinery."
    )


def test_a_chinese_related_sectors_reason_quotes_the_shared_levels_chinese_title() -> None:
    a, b = offer_party(isic_classes=["2811"]), need_party(isic_classes=["2819"])
    assert sector_reason(explained(a, b, "zh")) == "行业相近：同属 ISIC 中类 281（通用机械制造）。"


def test_a_chinese_sector_fit_through_a_technology_quotes_the_divisions_chinese_title() -> None:
    mandate = offer_party(
        kind=OpportunityKind.INVESTMENT_MANDATE,
        isic_classes=[],
        technology_areas=["green.solar_pv"],
        trl=None,
        min_trl=None,
        cooperation_types=[CooperationType.LOAN],
        countries=["UGA"],
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
    text = sector_reason(explained(mandate, project, "zh"))
    assert text.startswith("行业相符：同属 ISIC 大类 35（电力、燃气、蒸汽和空调供应）（")


def test_a_chinese_no_match_reason_names_the_records_sectors_in_chinese() -> None:
    asking = offer()
    kinds = [OpportunityKind.TECHNOLOGY_NEED]
    chinese = no_match_reason(asking, kinds=kinds, subject_shared=False, near_misses=0, lang="zh")
    english = no_match_reason(asking, kinds=kinds, subject_shared=False, near_misses=0, lang="en")
    assert "ISIC 2819 其他通用机械制造" in chinese.text
    assert "ISIC 2819 Manufacture of other general-purpose machinery" in english.text
