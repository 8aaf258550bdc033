"""A match's reasons are worded in the record's language; a page in the other language writes
each again from the facts it carries, near misses included, and keeps the original sentence
when the facts do not say enough."""

from __future__ import annotations

import re

import pytest

from itpo.adapters.web.pages.work_reasons import reason_in
from itpo.matching.explanation import Reason, near_miss_in

ORIGINAL = "The sentence as matching wrote it."
CJK = re.compile(r"[\u4e00-\u9fff]")
CASES: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "terms": ("text", {"terms": ("solar", "dryer")}),
    "division": ("isic", {"division": ("10",)}),
    "class": ("isic", {"code": ("1030",), "level": ("class",)}),
    "group": ("isic", {"code": ("103",), "level": ("group",)}),
    "market": ("geography", {"market": ("KEN",)}),
    "same country": ("geography", {"level": ("country",), "countries": ("KEN", "KEN")}),
    "sub-region": ("geography", {"level": ("subregion",), "countries": ("KEN", "UGA")}),
    "least developed": ("geography", {"ldc": ("UGA",)}),
    "contained": ("amount", {"fit": ("contained",)}),
    "overlap": ("amount", {"fit": ("overlap",)}),
    "readiness": ("trl", {"trl": ("8",), "min_trl": ("6",)}),
    "goals": ("sdg", {"goals": ("2", "7")}),
    "areas": ("technology", {"areas": ("green.post_harvest",)}),
    "family": ("technology", {"family": ("green",)}),
    "cooperation": ("cooperation", {"types": ("licensing", "supply")}),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_kind_of_reason_is_written_again_in_chinese_and_in_english(case: str) -> None:
    component, facts = CASES[case]
    reason = Reason(component, ORIGINAL, facts)
    chinese, english = reason_in(reason, "zh"), reason_in(reason, "en")
    assert chinese != ORIGINAL and CJK.search(chinese), chinese
    assert english != ORIGINAL and not CJK.search(english), english


@pytest.mark.parametrize(
    ("component", "facts"),
    [
        ("text", {"terms": ()}),
        ("isic", {}),
        ("isic", {"code": ("9999",), "level": ("class",)}),
        ("sdg", {"goals": ()}),
        ("technology", {}),
        ("cooperation", {"types": ()}),
        ("amount", {}),
        ("a component of tomorrow", {"terms": ("solar",)}),
    ],
)
def test_a_reason_whose_facts_say_too_little_keeps_its_sentence(
    component: str, facts: dict[str, tuple[str, ...]]
) -> None:
    assert reason_in(Reason(component, ORIGINAL, facts), "zh") == ORIGINAL


@pytest.mark.parametrize(
    ("facts", "chinese"),
    [
        ({"rule": ("trl",), "trl": ("6",), "min_trl": ("6",), "side": ("technology_need",)},
         "险些未达"),
        ({"rule": ("markets",), "country": ("UGA",), "market": ("KEN",),
          "side": ("technology_offer",)}, "不在该"),
        ({"rule": ("expiry",), "valid_until": ("2027-01-31",), "side": ("technology_offer",)},
         "2027-01-31"),
    ],
    ids=["readiness", "market", "expiry"],
)  # fmt: skip
def test_a_near_miss_is_written_again_from_its_facts(
    facts: dict[str, tuple[str, ...]], chinese: str
) -> None:
    reason = Reason("near_miss", ORIGINAL, facts)
    assert chinese in near_miss_in(reason, "zh")
    assert near_miss_in(reason, "en").startswith("Nearly missed")


def test_a_near_miss_with_facts_that_cannot_be_read_keeps_its_sentence() -> None:
    for facts in ({"rule": ("no such rule",)}, {"rule": ("trl",), "trl": ("six",)}):
        assert near_miss_in(Reason("near_miss", ORIGINAL, facts), "zh") == ORIGINAL
