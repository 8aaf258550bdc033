"""The pages' figures, dates, plural forms and list order in English and Chinese."""

from __future__ import annotations

import datetime as dt

import pytest

from itpo.adapters.web.i18n import translate_plural
from itpo.adapters.web.locale_format import collation_key, day, moment, money, money_range, number


@pytest.mark.parametrize(
    ("n", "english"), [(0, "0 fields"), (1, "1 field"), (2, "2 fields"), (1200, "1,200 fields")]
)
def test_a_count_takes_the_plural_form_its_language_gives_it(n: int, english: str) -> None:
    assert translate_plural("en", "{n} field", "{n} fields", n) == english
    # Chinese has one form: the other message, whatever the count.
    assert translate_plural("zh", "{n} field", "{n} fields", n).endswith("fields")


def test_dates_and_times_as_each_language_writes_them() -> None:
    when = dt.datetime(2026, 12, 7, 9, 5, tzinfo=dt.UTC)
    assert day(when.date(), "en") == "7 Dec 2026"
    assert day(when.date(), "zh") == "2026年12月7日"
    assert day("2026-12-07", "en") == "7 Dec 2026"
    assert moment(when, "en") == "7 Dec 2026, 09:05"
    assert moment(when, "zh") == "2026年12月7日 09:05"
    assert day(None, "en") == moment(None, "zh") == "–"


def test_amounts_in_thousands_and_millions_or_in_wan_and_yi() -> None:
    assert money(40_000, "USD", "en") == "USD 40k"
    assert money(1_200_000, "EUR", "en") == "EUR 1.2m"
    assert money(40_000, "USD", "zh") == "USD 4万"
    assert money(120_000_000, "CNY", "zh") == "CNY 1.2亿"
    assert money(950, "USD", "zh") == "USD 950"
    assert money_range(40_000, 120_000, "USD", "zh") == "USD 4万–12万"
    assert number(1234567.891, 2, "en") == "1,234,567.89"
    assert number(None) == "–"


def test_chinese_lists_in_pinyin_order_english_ones_without_regard_to_accents() -> None:
    chinese = ["中国", "肯尼亚", "阿根廷", "巴西", "埃塞俄比亚"]
    assert sorted(chinese, key=collation_key("zh")) == [
        "阿根廷",
        "埃塞俄比亚",
        "巴西",
        "肯尼亚",
        "中国",
    ]
    english = ["Cuba", "Côte d'Ivoire", "Costa Rica", "chile"]
    assert sorted(english, key=collation_key("en")) == [
        "chile",
        "Costa Rica",
        "Côte d'Ivoire",
        "Cuba",
    ]
