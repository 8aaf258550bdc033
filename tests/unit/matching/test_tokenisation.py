"""Index terms for English, Chinese, Arabic, French and Spanish text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from itpo.matching import text
from itpo.matching.language import detect_language
from itpo.matching.text import chinese_words, cjk_bigrams, fold, surface_words, tokenize, words


def test_english_text_is_lower_cased_stemmed_and_rid_of_stop_words() -> None:
    assert tokenize("The Solar Dryers for drying Mangoes", "en") == [
        "solar",
        "dryer",
        "dri",
        "mango",
    ]


def test_plural_and_singular_english_words_meet_on_one_stem() -> None:
    assert tokenize("technologies", "en") == tokenize("technology", "en")


def test_chinese_text_becomes_jieba_words_then_its_character_bigrams() -> None:
    assert tokenize("太阳能干燥", "zh") == ["太阳能", "干燥", "太阳", "阳能", "能干", "干燥"]


def test_chinese_is_segmented_into_whole_words() -> None:
    assert chinese_words("太阳能干燥芒果") == ("太阳能", "干燥", "芒果")
    assert chinese_words("农业合作社") == ("农业", "合作社")


def test_words_of_the_trade_stay_whole_that_the_bundled_dictionary_would_cut() -> None:
    assert "冷链" in chinese_words("冷链物流")
    assert "离网" in chinese_words("离网光伏")
    assert "厌氧" in chinese_words("厌氧处理")


def test_chinese_stop_words_are_words_without_an_index_term() -> None:
    found = words("芒果的干燥", "zh")
    assert [(w.text, w.key) for w in found] == [("芒果", "芒果"), ("的", None), ("干燥", "干燥")]
    assert "的" not in tokenize("芒果的干燥", "zh")


def test_japanese_and_korean_keep_character_bigrams() -> None:
    assert tokenize("太陽光発電", "ja") == ["太陽", "陽光", "光発", "発電"]
    assert tokenize("태양광", "ko") == ["태양", "양광"]


def test_a_lone_chinese_character_stands_for_itself() -> None:
    assert cjk_bigrams("水") == ["水"]


def test_latin_words_inside_chinese_text_are_kept_whole() -> None:
    assert [(w.text, w.key) for w in words("LED路灯", "zh")] == [("LED", "led"), ("路灯", "路灯")]
    assert {"led", "路灯"} == set(tokenize("LED路灯", "zh"))


def test_accents_are_folded_so_french_words_match_without_them() -> None:
    assert fold("Énergie Séchoir") == "energie sechoir"
    assert tokenize("énergie", "fr") == tokenize("energie", "fr")


def test_french_and_spanish_stop_words_are_dropped() -> None:
    assert "les" not in tokenize("les panneaux solaires", "fr")
    assert "para" not in tokenize("secador solar para mangos", "es")


def test_portuguese_german_italian_and_russian_have_stop_words_of_their_own() -> None:
    assert tokenize("secador solar para as mangas", "pt") == tokenize("secador solar mangas", "pt")
    assert "und" not in tokenize("Solartrockner und Pumpen", "de")
    assert "della" not in tokenize("essiccatore della frutta", "it")
    assert len(tokenize("сушилка для манго", "ru")) == 2


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


def test_chinese_matched_terms_are_whole_words_never_a_part_of_one() -> None:
    assert surface_words("太阳能冷库", tokenize("冷库太阳能", "zh"), "zh") == ["太阳能", "冷库"]
    # Bigrams alone (太阳, 能干) stand for no word of the text: nothing to show.
    assert surface_words("太阳能干燥", ["太阳", "能干"], "zh") == []
    assert surface_words("太阳能干燥", ["太阳能"], "zh") == ["太阳能"]


def test_the_segmenter_starts_quietly_and_writes_nothing(tmp_path: Path) -> None:
    environment = {**os.environ, "TMPDIR": str(tmp_path), "TMP": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-W",
            "error",
            "-c",
            "from itpo.matching.text import tokenize; print(tokenize('太阳能干燥芒果', 'zh')[:3])",
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == "['太阳能', '干燥', '芒果']"
    assert done.stderr == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("scheme", "terms"),
    [
        ("bigrams", ["太阳", "阳能", "能的", "的干", "干燥"]),
        ("words", ["太阳能", "干燥"]),  # the stop word 的 dropped
        ("words+bigrams", ["太阳能", "干燥", "太阳", "阳能", "能的", "的干", "干燥"]),
    ],
)
def test_each_chinese_index_scheme_the_benchmark_compares_still_works(
    monkeypatch: pytest.MonkeyPatch, scheme: str, terms: list[str]
) -> None:
    monkeypatch.setattr(text, "CHINESE_INDEX", scheme)
    assert tokenize("太阳能的干燥", "zh") == terms
