"""A match page shows the counterparts a hard condition left out, with the condition named in
the page's language, and says why a record has no match at all."""

from __future__ import annotations

from typing import Any

import pytest

from itpo.registry import services
from tests.actors import OPERATOR
from tests.records import opportunity_data
from tests.world import World, signed_in

# A subject no other record of the world shares: geothermal heat for greenhouses.
HEAT = {
    "isic_classes": ["3530"],
    "technology_areas": ["green.geothermal"],
    "sdgs": [7],
    "cooperation_types": ["supply"],
    "language": "en",
    "amount_min": None,
    "amount_max": None,
}


@pytest.fixture(scope="module")
def heat(world: World) -> dict[str, int]:
    uow = world.platform.uow()

    def make(key: str, org: str, **changes: Any) -> int:
        data = opportunity_data(external_id=f"heat-{key}", organisation=f"org-{org}", **HEAT)
        created = services.create_opportunity(by=OPERATOR, uow=uow, data=data | changes)
        assert created.id is not None
        return created.id

    return {
        "need": make(
            "need",
            "own",
            kind="technology_need",
            trl=None,
            min_trl=None,
            countries=["KEN"],
            title="Geothermal heat for Naivasha flower greenhouses",
            teaser="Flower growers at Lake Naivasha need geothermal heat exchangers for "
            "their greenhouses.",
        ),
        "offer": make(
            "offer",
            "third",
            countries=["ISL"],
            hard_conditions=["markets"],
            title="Geothermal heat exchangers for greenhouses",
            teaser="Plate heat exchangers that bring geothermal heat to flower and vegetable "
            "greenhouses.",
        ),
        "lonely": make(
            "lonely",
            "own",
            kind="technology_need",
            trl=None,
            min_trl=None,
            countries=["KEN"],
            isic_classes=["8530"],
            technology_areas=[],
            title="Lecturers for a university law faculty",
            teaser="A law faculty needs visiting lecturers in constitutional law.",
        ),
    }


def test_a_near_miss_is_listed_apart_with_its_hard_condition_named(
    world: World, heat: dict[str, int]
) -> None:
    client = signed_in(world, "member")
    text = client.get(f"/opportunities/{heat['need']}/matches").text
    assert "<h3>Near misses</h3>" in text
    [item] = text.split('<li class="match near"')[1:]
    assert "Geothermal heat exchangers for greenhouses" in item
    assert (
        "Left out: Kenya is outside the technology offer&#39;s stated markets (Iceland), "
        "which the technology offer makes a hard condition."
    ) in item
    assert 'name="verdict"' not in item  # a near miss is not a match to decide on
    chinese = client.get(f"/opportunities/{heat['need']}/matches?lang=zh").text
    assert "<h3>险些匹配</h3>" in chinese
    assert (
        "未列入：肯尼亚不在该技术供给所列目标市场（冰岛）之内，该技术供给将此设为硬性条件。"
        in chinese
    )


def test_a_record_without_a_match_is_told_why(world: World, heat: dict[str, int]) -> None:
    client = signed_in(world, "member")
    text = client.get(f"/opportunities/{heat['lonely']}/matches").text
    assert "No published technology offer on the platform shares this record&#39;s subject" in text
    chinese = client.get(f"/opportunities/{heat['lonely']}/matches?lang=zh").text
    assert "平台上没有与本条目主题" in chinese


def test_near_misses_are_for_the_owner_and_officers_only(
    world: World, heat: dict[str, int]
) -> None:
    assert (
        signed_in(world, "officer").get(f"/opportunities/{heat['need']}/matches").status_code == 200
    )
    refused = signed_in(world, "other_member").get(f"/opportunities/{heat['need']}/matches")
    assert refused.status_code in (403, 404)
    assert "Near misses" not in refused.text
