"""Matched terms a reader understands: content words and phrases both texts hold, as the
reader's text writes them, never a stop word, a deal word, a stem or a part of a word."""

from __future__ import annotations

import pytest

from itpo.matching.terms import GENERIC_WORDS, generic_keys, shared_terms, spans
from itpo.matching.text import words

LANGUAGES = ("en", "zh", "fr", "es", "pt", "ar")

# Per language: a need and an offer that share one subject and many deal words.
DEALS = {
    "en": (
        "We need a partner company to invest in a solar dryer project and export mangoes.",
        "Our company offers solar dryer technology and seeks investment partners for export.",
        ["solar dryer"],
    ),
    "zh": (
        "寻求合作伙伴投资太阳能干燥项目，生产芒果干并出口。",
        "我们提供太阳能干燥技术，寻求项目合作与投资，支持芒果出口。",
        ["太阳能干燥", "芒果"],
    ),
    "fr": (
        "Nous cherchons un partenaire pour investir dans un projet de séchoir solaire "
        "et produire des mangues séchées.",
        "Notre entreprise offre un séchoir solaire et cherche un investissement pour produire.",
        ["séchoir solaire"],
    ),
    "es": (
        "Buscamos un socio para invertir en un proyecto de secador solar para mangos.",
        "Nuestra empresa ofrece un secador solar y busca inversión para el proyecto.",
        ["secador solar"],
    ),
    "pt": (
        "Procuramos um parceiro para investir num projeto de secador solar de mangas.",
        "A nossa empresa oferece um secador solar e procura investimento para o projeto.",
        ["secador solar"],
    ),
    "ar": (
        "نبحث عن شريك للاستثمار في مشروع مجفف شمسي للمانجو.",
        "شركتنا تقدم مجفف شمسي وتبحث عن استثمار في المشروع.",
        ["مجفف شمسي"],
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_deal_words_are_never_matched_terms_in_any_listed_language(language: str) -> None:
    ours, theirs, expected = DEALS[language]
    assert shared_terms(ours, language, theirs, language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_listed_word_is_one_word_of_its_language_and_not_a_stop_word(language: str) -> None:
    lists = GENERIC_WORDS[language]
    assert lists["deal"] and lists["bare"]
    assert not set(lists["deal"]) & set(lists["bare"])
    for entry in (*lists["deal"], *lists["bare"]):
        found = words(entry, language)
        assert len(found) == 1 and found[0].key, (language, entry, found)


def test_a_word_only_some_records_would_call_generic_stands_in_a_phrase_not_alone() -> None:
    ours = "Water treatment technology for a textile mill, and technology training."
    theirs = "We license our water treatment technology; our technology is proven."
    assert shared_terms(ours, "en", theirs, "en") == ["Water treatment technology"]
    assert shared_terms("technology for mills", "en", "our technology", "en") == []
    assert "technolog" in generic_keys("en", "bare")


def test_phrases_come_first_and_a_word_inside_one_is_not_repeated() -> None:
    ours = "Solar dryer for mango; the dryer halves losses of mango."
    theirs = "A solar dryer is wanted for mango growers."
    assert shared_terms(ours, "en", theirs, "en") == ["Solar dryer", "mango"]


def test_a_phrase_must_stand_together_in_both_texts() -> None:
    ours = "A solar tunnel dryer for mango."
    theirs = "A solar dryer for mango, not a tunnel."
    assert shared_terms(ours, "en", theirs, "en") == ["solar", "tunnel", "dryer", "mango"]


def test_terms_are_written_as_the_readers_text_writes_them_never_as_stems() -> None:
    ours = "Drying equipment for dried mangoes"
    theirs = "We dry mangoes with solar drying."
    # "dried mangoes" and "dry mangoes" meet on their stems (dri mango), shown as written.
    assert shared_terms(ours, "en", theirs, "en") == ["dried mangoes"]
    assert shared_terms("Drying", "en", "drying", "en") == ["Drying"]


def test_a_title_capital_gives_way_to_the_word_as_the_text_writes_it() -> None:
    ours = "Solar Dryers: solar dryers for cocoa"
    assert shared_terms(ours, "en", "solar dryers", "en") == ["solar dryers"]


def test_numbers_and_stop_words_are_never_terms() -> None:
    assert shared_terms("600 tonnes of the mango", "en", "600 tonnes of the mango", "en") == [
        "mango"
    ]


def test_chinese_terms_are_whole_jieba_words_of_the_readers_text() -> None:
    ours = "太阳能-生物质混合式果蔬干燥机，面向芒果合作社"
    theirs = "肯尼亚芒果合作社需要太阳能干燥设备"
    shown = shared_terms(ours, "zh", theirs, "zh")
    assert shown == ["芒果合作社", "太阳能"]
    written = [w.text for w in words(ours, "zh")]
    for term in shown:
        parts = [w.text for w in words(term, "zh")]
        assert any(written[i : i + len(parts)] == parts for i in range(len(written))), term


def test_a_chinese_word_inside_a_longer_word_of_the_other_text_is_not_shared() -> None:
    # 干燥 and 干燥机 are two words: the bigrams meet in the index, the terms do not.
    assert shared_terms("干燥机", "zh", "干燥", "zh") == []


def test_a_lone_chinese_character_is_too_ambiguous_to_show() -> None:
    assert shared_terms("杏和芒果", "zh", "芒果和杏", "zh") == ["芒果"]


def test_only_words_the_index_matched_anchor_a_term() -> None:
    ours, theirs = "solar dryer and cassava mill", "cassava mill with a solar dryer"
    assert shared_terms(ours, "en", theirs, "en", {"cassava"}) == ["cassava mill"]


def test_spans_mark_whole_words_and_phrases_in_any_inflection() -> None:
    text = "Solar Dryers for mango; a solar dryer"
    marked = [text[a:b] for a, b in spans(text, ["solar dryer", "mango"], "en")]
    assert marked == ["Solar Dryers", "mango", "solar dryer"]


def test_spans_find_a_chinese_word_only_where_it_is_a_word() -> None:
    text = "太阳能干燥机和干燥芒果"
    assert [text[a:b] for a, b in spans(text, ["干燥", "芒果"], "zh")] == ["干燥", "芒果"]
    assert spans(text, [], "zh") == []
