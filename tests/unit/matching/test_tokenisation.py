"""Index terms for English, Chinese, Arabic, French and Spanish text."""

from __future__ import annotations

from itpo.matching.language import detect_language
from itpo.matching.text import cjk_bigrams, fold, surface_words, tokenize


def test_english_text_is_lower_cased_stemmed_and_rid_of_stop_words() -> None:
    assert tokenize("The Solar Dryers for drying Mangoes", "en") == [
        "solar",
        "dryer",
        "dri",
        "mango",
    ]


def test_plural_and_singular_english_words_meet_on_one_stem() -> None:
    assert tokenize("technologies", "en") == tokenize("technology", "en")


def test_chinese_text_becomes_overlapping_character_bigrams() -> None:
    assert tokenize("太阳能干燥", "zh") == ["太阳", "阳能", "能干", "干燥"]


def test_a_lone_chinese_character_stands_for_itself() -> None:
    assert cjk_bigrams("水") == ["水"]


def test_latin_words_inside_chinese_text_are_kept_whole() -> None:
    assert tokenize("LED路灯", "zh") == ["led", "路灯"]


def test_accents_are_folded_so_french_words_match_without_them() -> None:
    assert fold("Énergie Séchoir") == "energie sechoir"
    assert tokenize("énergie", "fr") == tokenize("energie", "fr")


def test_french_and_spanish_stop_words_are_dropped() -> None:
    assert "les" not in tokenize("les panneaux solaires", "fr")
    assert "para" not in tokenize("secador solar para mangos", "es")


def test_arabic_text_is_split_into_words_without_stop_words() -> None:
    terms = tokenize("طاقة شمسية في المصنع", "ar")
    assert len(terms) == 3
    assert all(term.isalpha() for term in terms)


def test_language_is_guessed_from_script_and_function_words() -> None:
    assert detect_language("Solar dryer for the mango growers") == "en"
    assert detect_language("Séchoir solaire pour les mangues et le manioc") == "fr"
    assert detect_language("Secador solar para los mangos y la yuca") == "es"
    assert detect_language("太阳能干燥机") == "zh"
    assert detect_language("太陽光発電のシステム") == "ja"
    assert detect_language("مجفف شمسي") == "ar"


def test_text_without_letters_falls_back_to_the_default_language() -> None:
    assert detect_language("2024 - 5 MW", default="fr") == "fr"


def test_matched_terms_are_shown_as_the_words_the_text_used() -> None:
    text = "Cold Storage rooms for the fishing industry; storage of fish"
    terms = tokenize("fish storage", "en")
    assert surface_words(text, terms, "en") == ["Storage", "fishing", "storage", "fish"]


def test_chinese_matched_terms_are_the_shared_bigrams() -> None:
    assert surface_words("太阳能冷库", ["太阳", "冷库"], "zh") == ["太阳", "冷库"]
