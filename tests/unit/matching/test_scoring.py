"""Scoring: each component at its boundaries, directional scores and reciprocity."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.matching.pairs import RATES, TODAY, need, need_party, offer, offer_party, party

from itpo.matching.scoring import (
    NEUTRAL,
    TERMS_SHARE,
    amount_fit,
    combine,
    freshness,
    geography_fit,
    isic_fit,
    jaccard,
    reciprocal_score,
    score,
    sdg_fit,
    technology_fit,
    trl_fit,
)
from itpo.matching.weights import COMPONENTS, ScoringParameters, ScoringWeights
from itpo.registry.model import CooperationType

NO_LDC = ScoringParameters(ldc_bonus=0.0)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2819", "2819", 1.0),  # same class
        ("2819", "2811", 0.75),  # group 281
        ("2819", "2821", 0.5),  # division 28
        ("2819", "1030", 0.25),  # section C
        ("2819", "0111", 0.0),  # C against A
    ],
)
def test_isic_proximity_orders_class_group_division_section(
    a: str, b: str, expected: float
) -> None:
    assert isic_fit([a], [b]).value == expected


def test_isic_takes_the_best_pair_over_both_lists_and_is_neutral_when_one_is_empty() -> None:
    assert isic_fit(["0111", "2819"], ["1030", "2819"]).value == 1.0
    assert isic_fit([], ["2819"]) == isic_fit(["2819"], [])
    assert not isic_fit([], ["2819"]).stated
    assert isic_fit([], ["2819"]).value == NEUTRAL


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [("KEN", "KEN", 1.0), ("KEN", "TZA", 0.6), ("KEN", "NGA", 0.3), ("KEN", "BRA", 0.0)],
)
def test_geography_orders_country_subregion_region(ours: str, theirs: str, expected: float) -> None:
    a = party(offer(countries=[]), ours)  # open to every market: nearness is what counts
    b = party(need(countries=[theirs]))
    assert geography_fit(a, b, NO_LDC).value == pytest.approx(expected)


def test_a_providers_stated_markets_outrank_nearness() -> None:
    need_in_tanzania = party(need(countries=["TZA"]))
    outside = geography_fit(party(offer(countries=["KEN"])), need_in_tanzania, NO_LDC)
    assert (outside.value, outside.stated) == (0.0, True)
    inside = geography_fit(party(offer(countries=["BRA", "TZA"])), need_in_tanzania, NO_LDC)
    assert inside.value == 1.0


def test_a_need_in_a_least_developed_country_gets_the_ldc_bonus() -> None:
    a, b = party(offer(countries=[]), "KEN"), party(need(countries=["ETH"]), "ETH")
    assert geography_fit(a, b, NO_LDC).value == pytest.approx(0.6)
    assert geography_fit(a, b, ScoringParameters(ldc_bonus=0.1)).value == pytest.approx(0.7)
    same = party(need(countries=["ETH"]), "ETH")
    assert geography_fit(party(offer(countries=["ETH"])), same, ScoringParameters()).value == 1.0


def test_cooperation_overlap_is_jaccard_and_neutral_when_unstated() -> None:
    assert jaccard(["licensing", "supply"], ["licensing", "supply"]).value == 1.0
    assert jaccard(["licensing", "supply"], ["licensing"]).value == 0.5
    assert jaccard(["licensing"], ["equity"]).value == 0.0
    assert jaccard([], ["equity"]).value == NEUTRAL


def test_amounts_that_contain_each_other_fit_fully_and_disjoint_ones_not_at_all() -> None:
    wide, inside = offer(amount_min=10_000, amount_max=1_000_000), need()
    assert amount_fit(wide, inside, RATES).value == 1.0
    assert amount_fit(inside, wide, RATES).value == 1.0
    far = need(amount_min=2_000_000, amount_max=5_000_000)
    assert amount_fit(offer(), far, RATES).value == 0.0


def test_amounts_overlap_partly_on_a_log_scale() -> None:
    a = offer(amount_min=100_000, amount_max=1_000_000)
    b = need(amount_min=316_228, amount_max=10_000_000)
    assert amount_fit(a, b, RATES).value == pytest.approx(0.5, abs=1e-3)


def test_amounts_are_compared_after_currency_conversion() -> None:
    # CNY 1,000,000 is USD 140,000 at the test rate: inside the need's USD 100,000-200,000.
    cny = offer(amount_min=1_000_000, amount_max=1_000_000, currency="CNY")
    assert amount_fit(cny, need(), RATES).value == 1.0
    assert amount_fit(offer(amount_min=1_000_000, amount_max=1_000_000), need(), RATES).value == 0.0


def test_an_amount_comparison_keeps_the_rates_it_converted_with() -> None:
    cny = offer(amount_min=1_000_000, amount_max=1_000_000, currency="CNY")
    assert amount_fit(cny, need(), RATES).rates == (("CNY", 0.14), ("USD", 1.0))
    assert amount_fit(offer(currency="XYZ"), need(), RATES).rates == ()


def test_missing_amounts_or_unknown_currencies_are_neutral_not_zero() -> None:
    for a in (offer(amount_min=None, amount_max=None), offer(currency=None), offer(currency="XYZ")):
        part = amount_fit(a, need(), RATES)
        assert (part.value, part.stated) == (NEUTRAL, False)
    assert amount_fit(offer(amount_min=None), need(), RATES).stated  # one bound is enough


def test_trl_fit_matters_on_the_side_that_states_a_minimum() -> None:
    assert trl_fit(need(min_trl=7), offer(trl=9)).value == 1.0
    assert trl_fit(need(min_trl=7), offer(trl=7)).value == 1.0
    assert trl_fit(need(min_trl=7), offer(trl=6)).value == 0.5
    assert trl_fit(need(min_trl=7), offer(trl=3)).value == 0.0
    assert not trl_fit(offer(trl=3), need(min_trl=7)).stated  # the offer asks for nothing


def test_sdg_and_technology_overlap_count_shared_items_and_families_partly() -> None:
    assert sdg_fit([2, 7], [2, 7]).value == 1.0
    assert sdg_fit([2, 7], [2, 12]).value == 0.5
    assert sdg_fit([7], [12]).value == 0.0
    assert technology_fit(["green.post_harvest"], ["green.post_harvest"]).value == 1.0
    assert technology_fit(["green.post_harvest"], ["green.solar_pv"]).value == 0.5
    assert technology_fit(["green.solar_pv"], ["ai_manufacturing.digital_twin"]).value == 0.0
    assert technology_fit([], ["green"]).value == NEUTRAL


def test_freshness_halves_every_half_life_from_the_newer_record() -> None:
    old = offer(created_at=dt.datetime(2024, 1, 1))
    new = need(created_at=dt.datetime(2026, 11, 27), updated_at=None)
    assert freshness(old, new, TODAY, 180).value == 1.0
    half = need(created_at=dt.datetime.combine(TODAY - dt.timedelta(days=180), dt.time()))
    assert freshness(old, half, TODAY, 180).value == pytest.approx(0.5)
    assert freshness(offer(created_at=None), need(created_at=None), TODAY, 180).value == NEUTRAL


def test_terms_refine_a_pairs_relevance_but_cannot_outweigh_it() -> None:
    on_subject = need_party(cooperation_types=[CooperationType.EQUITY], countries=["BRA"])
    good_terms_off_subject = need_party(technology_areas=["digital.fintech"], isic_classes=["6419"])
    relevant = score(offer_party(), on_subject, text=0.9, today=TODAY, rates=RATES)
    irrelevant = score(offer_party(), good_terms_off_subject, text=0.2, today=TODAY, rates=RATES)
    assert relevant.fit < irrelevant.fit
    assert relevant.value > irrelevant.value
    assert relevant.value >= relevant.relevance * (1 - TERMS_SHARE)


def test_a_sector_nobody_states_says_nothing_about_the_subject() -> None:
    bare: dict[str, list[str]] = {"isic_classes": [], "technology_areas": []}
    stated = score(offer_party(), need_party(), text=0.6, today=TODAY, rates=RATES)
    unstated = score(offer_party(**bare), need_party(**bare), text=0.6, today=TODAY, rates=RATES)
    assert unstated.relevance == pytest.approx(0.6)
    assert stated.relevance > unstated.relevance  # the pair shares its sector and areas


def test_a_directional_score_is_a_weighted_mean_in_the_unit_interval() -> None:
    perfect = score(offer_party(), need_party(), text=1.0, today=TODAY, rates=RATES)
    nothing = score(offer_party(), need_party(), text=0.0, today=TODAY, rates=RATES)
    assert 0.0 <= nothing.value < perfect.value <= 1.0
    only_text = ScoringWeights(dict.fromkeys(COMPONENTS, 0.0) | {"text": 1.0})
    assert score(
        offer_party(), need_party(), text=0.3, today=TODAY, rates=RATES, weights=only_text
    ).value == pytest.approx(0.3)


def test_the_need_side_sees_the_trl_fit_and_the_offer_side_does_not() -> None:
    a, b = offer_party(trl=6), need_party(min_trl=7)
    assert score(b, a, text=0.5, today=TODAY, rates=RATES).components["trl"].value == 0.5
    assert not score(a, b, text=0.5, today=TODAY, rates=RATES).components["trl"].stated


def test_the_harmonic_combination_prefers_a_balanced_pair() -> None:
    assert combine(0.6, 0.6) == pytest.approx(0.6)
    assert combine(0.9, 0.3) == pytest.approx(0.45)
    assert combine(1.0, 0.0) == 0.0


def test_a_pair_both_sides_want_ranks_above_one_only_one_side_wants() -> None:
    a, b = offer_party(), need_party()
    mutual = reciprocal_score(a, b, text_ab=0.7, text_ba=0.7, today=TODAY, rates=RATES)
    one_sided = reciprocal_score(a, b, text_ab=1.0, text_ba=0.4, today=TODAY, rates=RATES)
    assert one_sided.forward.value > mutual.forward.value
    assert mutual.score > one_sided.score
    assert 0 <= one_sided.score <= 100
