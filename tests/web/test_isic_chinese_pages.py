"""Chinese pages name sectors by ITPO Exchange's Chinese ISIC titles and say once that these are
its own translation; English pages keep the UN's English titles and say nothing of it."""

from __future__ import annotations

import html

import pytest

from itpo.adapters.reports.results_content import dimension_name
from itpo.adapters.web.pages.work_reasons import reason_in
from itpo.matching.explanation import Reason
from tests.world import World, signed_in

NOTE_ZH = "中文行业名称为 ITPO Exchange 对 ISIC 第4版的自行翻译，并非联合国官方中文版。"
HINT_ZH = "行业名称为 ITPO Exchange 对联合国分类（ISIC 第4版）的自行翻译，并非联合国官方中文版。"
HINT_EN = "Sector titles are those of the UN classification, in English."


def page(world: World, asker: str, address: str) -> str:
    answer = signed_in(world, asker).get(address)
    assert answer.status_code == 200, address
    return html.unescape(answer.text)


def test_the_chinese_opportunity_form_offers_sectors_by_their_chinese_titles(
    world: World,
) -> None:
    chinese = page(world, "member", "/opportunities/new?lang=zh")
    assert '<optgroup label="C 制造业">' in chinese
    assert "2819 其他通用机械制造" in chinese
    assert "1030 水果和蔬菜加工和保藏" in chinese
    assert HINT_ZH in chinese
    assert "Manufacture of other general-purpose machinery" not in chinese
    english = page(world, "member", "/opportunities/new?lang=en")
    assert "2819 Manufacture of other general-purpose machinery" in english
    assert HINT_EN in english and "ITPO Exchange's own" not in english


def test_the_chinese_organisation_form_offers_sectors_by_their_chinese_titles(
    world: World,
) -> None:
    chinese = page(world, "officer", "/organisations/new?lang=zh")
    assert "2819 其他通用机械制造" in chinese
    assert HINT_ZH in chinese


def test_a_chinese_opportunity_page_shows_its_sectors_in_chinese_and_the_note_once(
    world: World,
) -> None:
    address = f"/opportunities/{world.ids['other']}"
    chinese = page(world, "public", f"{address}?lang=zh")
    assert ">2819 其他通用机械制造</a>" in chinese
    assert ">1030 水果和蔬菜加工和保藏</a>" in chinese
    assert chinese.count(NOTE_ZH) == 1
    english = page(world, "public", f"{address}?lang=en")
    assert ">2819 Manufacture of other general-purpose machinery</a>" in english
    assert "ITPO Exchange's own translation" not in english


def test_a_chinese_organisation_page_shows_its_sectors_in_chinese_and_the_note_once(
    world: World,
) -> None:
    chinese = page(world, "public", f"/organisations/{world.organisations['other']}?lang=zh")
    assert '<span class="tag">2819 其他通用机械制造</span>' in chinese
    assert chinese.count(NOTE_ZH) == 1


def test_the_chinese_list_filters_by_sectors_in_chinese_with_the_note_once(
    world: World,
) -> None:
    chinese = page(world, "public", "/opportunities?lang=zh")
    assert '<option value="C" >C 制造业</option>' in chinese
    assert '<option value="10" >– 10 食品制造</option>' in chinese
    assert chinese.count(NOTE_ZH) == 1
    filtered = page(world, "public", "/opportunities?lang=zh&isic=28")
    assert '<option value="28" selected>– 28 未列明机械和设备制造</option>' in filtered


@pytest.mark.parametrize(
    ("facts", "chinese"),
    [
        ({"code": ("2819",), "level": ("class",)}, "行业相同：ISIC 2819（其他通用机械制造）。"),
        ({"division": ("10",)}, "行业相符：同属 ISIC 大类 10（食品制造）。"),
    ],
)
def test_a_sector_reason_written_again_for_a_chinese_page_quotes_the_chinese_title(
    facts: dict[str, tuple[str, ...]], chinese: str
) -> None:
    assert reason_in(Reason("isic", "As matching wrote it.", facts), "zh") == chinese


def test_results_name_a_sector_section_in_the_pages_language() -> None:
    assert dimension_name("zh", "isic_section", "C") == "C 制造业"
    assert dimension_name("en", "isic_section", "C") == "C Manufacturing"
