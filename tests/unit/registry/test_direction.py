"""Direction of exchange is derived from where the parties are."""

from __future__ import annotations

from itpo.registry.direction import direction
from itpo.registry.model import Direction


def test_a_shanghai_offer_aimed_at_kenya_is_outbound() -> None:
    assert direction("CHN", ["KEN"], home="CHN") is Direction.OUTBOUND


def test_a_german_offer_aimed_at_china_is_inbound() -> None:
    assert direction("DEU", ["CHN", "VNM"], home="CHN") is Direction.INBOUND


def test_a_kenyan_need_met_from_india_is_south_south() -> None:
    assert direction("IND", ["KEN"], home="CHN") is Direction.SOUTH_SOUTH


def test_a_french_fund_investing_in_senegal_is_international() -> None:
    assert direction("FRA", ["SEN"], home="CHN") is Direction.INTERNATIONAL


def test_a_chinese_need_in_china_is_domestic() -> None:
    assert direction("CHN", ["CHN"], home="CHN") is Direction.DOMESTIC
