"""ISIC Rev.4 in Chinese: ITPO Exchange's own titles for every entry, kept in their own file and
joined to the UN's English and Arabic when read."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest

from itpo.registry import reference as ref

CJK = re.compile(r"[\u3400-\u9fff]")


def data(name: str) -> Any:
    path = resources.files("itpo.registry") / "reference_data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_isic_code_has_one_chinese_title_and_the_file_no_other_code() -> None:
    codes = data("isic.json")
    titles = data("isic_zh.json")["titles"]
    assert set(titles) == set(codes)
    assert len(titles) == 766
    for code, title in titles.items():
        assert title.strip() == title and CJK.search(title), code


def test_the_file_says_it_is_the_platforms_own_translation() -> None:
    document = data("isic_zh.json")
    assert document["official"] is False
    assert "own translation" in document["about"]
    assert "not the UN's Chinese edition" in document["about"]
    assert ref.isic_zh_is_official() is False


def test_two_codes_of_one_level_share_a_chinese_title_only_when_they_share_the_english() -> None:
    english: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in ref.isic().values():
        english[(entry.level, entry.title_zh)].add(entry.title_en)
    shared = {key: titles for key, titles in english.items() if len(titles) > 1}
    assert not shared


def test_one_english_title_has_one_chinese_title_at_every_level() -> None:
    chinese: dict[str, set[str]] = defaultdict(set)
    for entry in ref.isic().values():
        chinese[entry.title_en].add(entry.title_zh)
    assert {title: zh for title, zh in chinese.items() if len(zh) > 1} == {}


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("A", "农业、林业和渔业"),
        ("01", "作物和牲畜生产、狩猎和相关服务活动"),
        ("C", "制造业"),
        ("10", "食品制造"),
        ("0112", "稻谷种植"),
        ("18", "印刷和记录媒介复制"),
        ("2819", "其他通用机械制造"),
        ("3290", "其他未列明制造业"),
        ("3510", "发电、输电和配电"),
        ("7210", "自然科学和工程的研究和试验发展"),
    ],
)
def test_titles_use_the_terms_of_chinas_industry_classification(code: str, title: str) -> None:
    assert ref.isic_entry(code).title_zh == title


def test_every_entry_carries_its_chinese_title_beside_the_uns_english_and_arabic() -> None:
    entry = ref.isic_entry(" 1030 ")
    assert entry.title_en == "Processing and preserving of fruit and vegetables"
    assert entry.title_ar
    assert entry.title_zh == "水果和蔬菜加工和保藏"


def test_a_title_is_chinese_for_chinese_and_english_for_any_other_language() -> None:
    assert ref.isic_title("c", "zh") == "制造业"
    assert ref.isic_title("C", "en") == "Manufacturing"
    assert ref.isic_title("C", "fr") == "Manufacturing"
    with pytest.raises(ref.UnknownCode):
        ref.isic_title("9999", "zh")
