"""Text to index terms: one tokeniser for English, Chinese, Japanese, Arabic, French, Spanish."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from itpo.matching.language import CJK_LANGUAGES, detect_language

# Runs of letters and digits (no underscore) or single ideographs / kana / hangul; the CJK
# ranges come first so a mixed "太阳能dryer" splits into its scripts.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE)
_CJK_RUN = re.compile(rf"[{_CJK}]+")
# Kana voicing marks change the word (か / が), unlike Latin accents.
_KANA_MARKS = frozenset("\u3099\u309a")

# Short lists of high-frequency function words, kept small on purpose: a long list removes
# words like "power" or "system" that carry meaning in technology descriptions.
STOP_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words)
    for language, words in json.loads(
        (Path(__file__).parent / "data" / "stop_words.json").read_text(encoding="utf-8")
    ).items()
}

_SNOWBALL = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
    "pt": "portuguese",
    "de": "german",
    "it": "italian",
    "ru": "russian",
}


def fold(text: str) -> str:
    """NFKC, case-folded, without combining marks (é -> e, Arabic short vowels dropped)."""
    if text.isascii():  # most records: nothing to fold but the case
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if c in _KANA_MARKS or not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", bare)


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping character bigrams; a lone character stands for itself."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Callable[[str], str] | None:
    algorithm = _SNOWBALL.get(language)
    if algorithm is None:
        return None
    try:
        module: Any = import_module("snowballstemmer")
    except ImportError:  # the stemmer is an improvement, not a requirement
        return None
    stem: Callable[[str], str] = module.stemmer(algorithm).stemWord
    return lru_cache(maxsize=200_000)(stem)


@lru_cache(maxsize=16)
def _folded_stop_words(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in STOP_WORDS.get(language, STOP_WORDS["en"]))


def tokenize(text: str, language: str | None = None) -> list[str]:
    """Index terms of a text: folded words minus stop words, stemmed; CJK as bigrams."""
    language = language or detect_language(text)
    stop = _folded_stop_words(language)
    stem = _stemmer(language if language not in CJK_LANGUAGES else "en")
    terms: list[str] = []
    for token in _TOKEN.findall(fold(text)):
        if _CJK_RUN.fullmatch(token):
            terms.extend(cjk_bigrams(token))
        elif token not in stop and not (len(token) == 1 and token.isascii()):
            terms.append(stem(token) if stem else token)
    return terms


def surface_words(text: str, terms: Iterable[str], language: str | None = None) -> list[str]:
    """The words of `text` behind index terms, as written: "storage" rather than "storag"."""
    wanted = set(terms)
    language = language or detect_language(text)
    found: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        word = match.group()
        if _CJK_RUN.fullmatch(word):
            for bigram in cjk_bigrams(word):
                if bigram in wanted:
                    found.setdefault(bigram)
        elif set(tokenize(word, language)) & wanted:
            found.setdefault(word)
    return list(found)
