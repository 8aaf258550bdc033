"""Eligibility: each rule, its message for officers, the terms that only lower a score unless
a side insists on them, and the constraints nearly missed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tests.unit.matching.pairs import RATES, TODAY, need, need_party, offer_party, party

from itpo.matching.eligibility import Failure, Rule, check
from itpo.registry.model import Condition, CooperationType, OpportunityKind, Status


def rules(failures: Iterable[Failure]) -> set[Rule]:
    return {f.rule for f in failures}


def test_a_live_offer_and_need_that_fit_are_eligible() -> None:
    result = check(offer_party(), need_party(), today=TODAY)
    assert result.eligible
    assert result.messages() == []


def test_two_offers_are_not_matched_and_the_message_names_both_kinds() -> None:
    other = offer_party(organisation_id=3)
    result = check(offer_party(), other, today=TODAY)
    assert rules(result.failures) == {Rule.KINDS}
    assert result.messages() == ["A technology offer is not matched with a technology offer."]


def test_a_mandate_matches_a_project_but_not_a_need() -> None:
    mandate = offer_party(kind=OpportunityKind.INVESTMENT_MANDATE, trl=None, min_trl=None)
    project = need_party(kind=OpportunityKind.INVESTMENT_PROJECT, min_trl=None)
    assert check(mandate, project, today=TODAY).eligible
    assert Rule.KINDS in rules(check(mandate, need_party(), today=TODAY).failures)


def test_a_draft_is_not_live_and_the_message_says_so() -> None:
    result = check(offer_party(status=Status.DRAFT), need_party(), today=TODAY)
    assert rules(result.failures) == {Rule.LIVE}
    assert "is draft, not published" in result.messages()[0]


def test_an_expired_need_fails_and_one_expiring_today_still_passes() -> None:
    expired = check(
        offer_party(), need_party(valid_until=TODAY - dt.timedelta(days=1)), today=TODAY
    )
    assert rules(expired.failures) == {Rule.LIVE}
    assert "expired on 2026-11-26" in expired.messages()[0]
    last_day = check(offer_party(), need_party(valid_until=TODAY), today=TODAY)
    assert last_day.eligible
    assert [m.rule for m in last_day.near_misses] == [Rule.EXPIRY]


def test_two_records_of_one_organisation_are_not_matched() -> None:
    result = check(offer_party(), need_party(organisation_id=1), today=TODAY)
    assert rules(result.failures) == {Rule.ORGANISATION}
    assert result.messages() == ["Both opportunities belong to the same organisation."]


def test_a_need_outside_the_offers_markets_only_lowers_the_score_with_both_named() -> None:
    result = check(
        offer_party(countries=["KEN", "TZA"]), need_party(countries=["BRA"]), today=TODAY
    )
    assert result.eligible and not result.failures
    assert [f.rule for f in result.mismatches] == [Rule.MARKETS]
    assert result.mismatches[0].message == (
        "The technology need is in Brazil, outside the technology offer's markets "
        "(Kenya, United Republic of Tanzania)."
    )


def test_markets_the_offer_makes_a_hard_condition_leave_the_need_out() -> None:
    hard = offer_party(countries=["KEN", "TZA"], hard_conditions=[Condition.MARKETS])
    result = check(hard, need_party(countries=["BRA"]), today=TODAY)
    assert rules(result.failures) == {Rule.MARKETS}
    assert result.left_out_by_terms
    assert result.mismatches == ()
    assert result.near_misses == ()


def test_an_offer_without_markets_is_open_to_every_country() -> None:
    assert check(offer_party(countries=[]), need_party(countries=["BRA"]), today=TODAY).eligible


def test_a_hard_market_in_the_same_subregion_fails_but_is_reported_as_nearly_met() -> None:
    hard = offer_party(countries=["TZA"], hard_conditions=[Condition.MARKETS])
    result = check(hard, need_party(countries=["KEN"]), today=TODAY)
    assert rules(result.failures) == {Rule.MARKETS}
    (miss,) = result.near_misses
    assert (miss.rule, miss.passed, miss.country, miss.market) == (
        Rule.MARKETS,
        False,
        "KEN",
        "TZA",
    )
    assert "shares Eastern Africa with United Republic of Tanzania" in miss.message


def test_a_need_without_countries_is_placed_at_its_organisations_country() -> None:
    assert not check(offer_party(), party(need(countries=[]), "TZA"), today=TODAY).mismatches
    outside = check(offer_party(), party(need(countries=[]), "BRA"), today=TODAY)
    assert rules(outside.mismatches) == {Rule.MARKETS}


def test_an_offer_one_trl_short_of_the_minimum_fails() -> None:
    result = check(offer_party(trl=6), need_party(min_trl=7), today=TODAY)
    assert rules(result.failures) == {Rule.TRL}
    assert result.messages() == [
        "The technology offer is at TRL 6, below the technology need's minimum of TRL 7."
    ]


def test_an_offer_exactly_at_the_minimum_trl_passes_as_a_near_miss() -> None:
    result = check(offer_party(trl=7), need_party(min_trl=7), today=TODAY)
    assert result.eligible
    (miss,) = result.near_misses
    assert (miss.rule, miss.trl, miss.min_trl, miss.passed) == (Rule.TRL, 7, 7, True)


def test_trl_is_not_checked_when_either_side_leaves_it_out() -> None:
    assert check(offer_party(trl=None), need_party(min_trl=9), today=TODAY).eligible
    assert check(offer_party(trl=2), need_party(min_trl=None), today=TODAY).eligible


def test_cooperation_types_without_overlap_lower_the_score_unless_a_side_insists() -> None:
    offer = offer_party(cooperation_types=[CooperationType.SUPPLY])
    types = [CooperationType.JOINT_VENTURE, CooperationType.EQUITY]
    result = check(offer, need_party(cooperation_types=types), today=TODAY)
    assert result.eligible
    assert [f.message for f in result.mismatches] == [
        "No cooperation type in common: the technology offer accepts supply, "
        "the technology need equity, joint venture."
    ]
    insisting = need_party(cooperation_types=types, hard_conditions=[Condition.COOPERATION])
    assert rules(check(offer, insisting, today=TODAY).failures) == {Rule.COOPERATION}
    assert check(offer_party(), need_party(cooperation_types=[]), today=TODAY).mismatches == ()


def test_amounts_apart_lower_the_score_unless_a_side_insists() -> None:
    offer = offer_party(amount_min=10_000, amount_max=20_000, currency="USD")
    need_ = need_party(amount_min=1_000_000, amount_max=2_000_000, currency="USD")
    result = check(offer, need_, today=TODAY, rates=RATES)
    assert result.eligible
    assert rules(result.mismatches) == {Rule.AMOUNT}
    assert "USD 10,000–20,000" in result.mismatches[0].message
    insisting = need_party(
        amount_min=1_000_000,
        amount_max=2_000_000,
        currency="USD",
        hard_conditions=[Condition.AMOUNT],
    )
    assert rules(check(offer, insisting, today=TODAY, rates=RATES).failures) == {Rule.AMOUNT}
    assert check(offer, need_, today=TODAY).mismatches == ()  # no rates: nothing compared


def test_every_failed_rule_is_reported_not_only_the_first() -> None:
    result = check(
        offer_party(
            status=Status.CLOSED, trl=3, countries=["BRA"], hard_conditions=[Condition.MARKETS]
        ),
        need_party(organisation_id=1),
        today=TODAY,
    )
    assert rules(result.failures) == {Rule.LIVE, Rule.ORGANISATION, Rule.MARKETS, Rule.TRL}
    assert not result.left_out_by_terms  # a closed record is not a near miss


def test_records_that_share_no_sector_technology_or_word_are_not_matched() -> None:
    scanner = offer_party(
        title="Portable ultrasound scanners",
        teaser="Hand-held ultrasound for district hospitals.",
        isic_classes=["2660"],
        technology_areas=["health.medical_devices"],
    )
    result = check(scanner, need_party(), today=TODAY)
    assert rules(result.failures) == {Rule.SUBJECT}
    assert result.messages() == [
        "Nothing in common: the technology offer (ISIC 2660, health.medical_devices) and the "
        "technology need (ISIC 2819, ISIC 1030, green.post_harvest) share no ISIC division, "
        "technology area or word."
    ]


def test_one_shared_isic_division_or_technology_area_is_enough() -> None:
    tea_line = {"isic_classes": ["2825", "1079"], "technology_areas": ["industry.agro_processing"]}
    assert check(offer_party(**tea_line), need_party(isic_classes=["1030"]), today=TODAY).eligible
    same_area = {"isic_classes": ["2660"], "technology_areas": ["green.post_harvest"]}
    assert check(offer_party(**same_area), need_party(), today=TODAY).eligible


def test_a_section_or_a_technology_family_alone_is_too_broad_to_connect() -> None:
    kiln = offer_party(isic_classes=["2392"], technology_areas=["green.energy_efficiency"])
    dryer_need = need_party(isic_classes=["1030"], technology_areas=["green.post_harvest"])
    assert rules(check(kiln, dryer_need, today=TODAY).failures) == {Rule.SUBJECT}


def test_technology_areas_reach_the_sector_of_a_record_that_states_only_isic() -> None:
    mandate = offer_party(
        kind=OpportunityKind.INVESTMENT_MANDATE,
        isic_classes=[],
        trl=None,
        min_trl=None,
        technology_areas=["green.solar_pv", "infrastructure.power_grid"],
    )
    power = need_party(
        kind=OpportunityKind.INVESTMENT_PROJECT,
        isic_classes=["3510"],
        technology_areas=[],
        min_trl=None,
    )
    assert check(mandate, power, today=TODAY).eligible
    schools = need_party(
        kind=OpportunityKind.INVESTMENT_PROJECT,
        isic_classes=["8510"],
        technology_areas=[],
        min_trl=None,
    )
    assert rules(check(mandate, schools, today=TODAY).failures) == {Rule.SUBJECT}


def test_records_stating_no_sector_or_technology_are_judged_by_their_words() -> None:
    bare: dict[str, list[str]] = {"isic_classes": [], "technology_areas": []}
    dryer = offer_party(**bare)
    assert check(dryer, need_party(**bare), today=TODAY).eligible  # "solar", "dryer", "mango"
    unrelated = need_party(**bare, title="School roofs", teaser="Safer classrooms in Nepal.")
    assert rules(check(dryer, unrelated, today=TODAY).failures) == {Rule.SUBJECT}
    chinese = need_party(
        **bare, title="学校屋顶加固", teaser="尼泊尔学校的抗震改造。", language="zh"
    )
    assert check(dryer, chinese, today=TODAY).eligible  # two languages: the text decides
