"""The questionnaire, the scores and the gaps by sector, and answers checked into bands."""

from __future__ import annotations

import pytest
from tests.diagnostics import answers

from itpo.diagnostic.answers import checked_answers
from itpo.diagnostic.questionnaire import questionnaire
from itpo.diagnostic.scoring import gaps, scores
from itpo.registry.errors import ValidationError
from itpo.registry.reference import technology_areas

FORM = questionnaire()


def test_the_questionnaire_has_sixteen_dimensions_in_three_blocks_with_six_bands_each() -> None:
    assert [b.id for b in FORM.blocks] == ["process", "technology", "organisation"]
    assert [len(FORM.in_block(b.id)) for b in FORM.blocks] == [3, 9, 4]
    for d in FORM.dimensions:
        assert len(d.bands) == 6, d.id
        assert all(b.en and b.zh and b.en != b.zh for b in d.bands), d.id
        assert len({b.en for b in d.bands}) == 6, d.id  # each band says something of its own
        assert d.help.en and d.help.zh and d.name.zh != d.name.en
        assert d.technology_areas and set(d.technology_areas) <= set(technology_areas())


def test_each_sector_weighs_dimensions_of_the_questionnaire_and_says_why() -> None:
    for sector in FORM.sectors:
        assert 1 <= sector.target <= 5
        assert set(sector.priorities) <= set(FORM.ids()), sector.id
        for p in sector.priorities.values():
            assert p.weight > 1 and p.reason.en and p.reason.zh


@pytest.mark.parametrize(
    ("isic", "sector"),
    [
        (["1050"], "food_beverage"),
        (["1311", "1410"], "textiles_apparel"),
        (["2100"], "chemicals_pharma"),
        (["2392"], "rubber_plastics_minerals"),
        (["2410"], "metals"),
        (["2710"], "electronics_electrical"),
        (["2819"], "machinery"),
        (["2910"], "vehicles"),
        (["3100"], "other"),
        (["0122", "1030"], "food_beverage"),  # the first manufacturing class decides
        ([], "other"),
    ],
)
def test_the_sector_comes_from_the_first_manufacturing_isic_class(
    isic: list[str], sector: str
) -> None:
    assert FORM.sector_of(isic).id == sector


def test_scores_average_each_block_and_the_whole() -> None:
    given = answers(1, operations=4, supply_chain=1, product_lifecycle=1, talent=5)
    found = scores(given, FORM, FORM.sector("other"))
    by_block = {b.block: b.average for b in found.blocks}
    assert by_block == {"process": 2.0, "technology": 1.0, "organisation": 2.0}
    assert found.overall == round((4 + 1 + 1 + 9 * 1 + 5 + 3) / 16, 2)


def test_the_same_answers_rank_gaps_by_what_matters_for_the_sector() -> None:
    given = answers(1)
    food = [g.dimension.id for g in gaps(given, FORM, FORM.sector("food_beverage"))[:3]]
    textiles = [g.dimension.id for g in gaps(given, FORM, FORM.sector("textiles_apparel"))[:3]]
    assert food == ["product_lifecycle", "supply_chain", "intelligence_facility"]
    assert textiles == ["supply_chain", "automation_shop_floor", "intelligence_facility"]
    top = gaps(given, FORM, FORM.sector("food_beverage"))[0]
    assert (top.band, top.target, top.weight, top.priority) == (1, 3, 2.0, 4.0)
    assert "trace" in top.reason.en and top.reason.zh


def test_a_gap_is_weight_times_distance_so_a_far_gap_outranks_a_weighty_near_one() -> None:
    given = answers(3, operations=2, talent=0)  # "other": operations weighs 1.4, talent 1.3
    found = gaps(given, FORM, FORM.sector("other"))
    assert [(g.dimension.id, g.priority) for g in found] == [("talent", 3.9), ("operations", 1.4)]


def test_a_firm_at_its_target_everywhere_is_shown_its_next_bands() -> None:
    given = answers(4, talent=5)
    found = gaps(given, FORM, FORM.sector("metals"))
    assert found and all(g.target == g.band + 1 for g in found)
    assert "talent" not in {g.dimension.id for g in found}  # band 5 has no next band
    assert found[0].dimension.id == "intelligence_shop_floor"


def test_scores_keep_the_top_gaps_asked_for() -> None:
    assert len(scores(answers(0), FORM, FORM.sector("vehicles"), top=5).gaps) == 5


@pytest.mark.parametrize("bad", [6, -1, "x", "", True, 2.5, None, "³", [1]])
def test_a_band_out_of_range_is_refused_naming_its_field(bad: object) -> None:
    with pytest.raises(ValidationError) as refused:
        checked_answers(answers(2, connectivity_shop_floor=bad), FORM, complete=True)
    assert [e.field for e in refused.value.errors] == ["answers.connectivity_shop_floor"]
    assert "band from 0 to 5" in refused.value.errors[0].message


def test_bands_sent_as_text_or_whole_floats_are_read() -> None:
    read = checked_answers(answers(2, operations="4", talent=3.0), FORM, complete=True)
    assert read["operations"] == 4 and read["talent"] == 3


def test_an_unknown_dimension_and_missing_answers_are_named_in_one_round() -> None:
    given = answers(2, smell=3)
    del given["leadership"], given["talent"]
    with pytest.raises(ValidationError) as refused:
        checked_answers(given, FORM, complete=True)
    assert {e.field for e in refused.value.errors} == {
        "answers.smell",
        "answers.leadership",
        "answers.talent",
    }


def test_a_draft_may_leave_answers_out_but_not_send_bad_ones() -> None:
    assert checked_answers({"operations": 0}, FORM, complete=False) == {"operations": 0}
    with pytest.raises(ValidationError):
        checked_answers({"operations": 7}, FORM, complete=False)
    with pytest.raises(ValidationError) as refused:
        checked_answers(["operations"], FORM, complete=False)
    assert refused.value.errors[0].field == "answers"
