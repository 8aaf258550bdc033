"""Text to index terms: one tokeniser for English, Chinese, Japanese, Arabic, French, Spanish.

Chinese is segmented into words by jieba (its bundled dictionary and a few words of the
trade, see data/chinese_words.json); Japanese and Korean become character bigrams.
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from itpo.matching.language import CJK_LANGUAGES, detect_language

_DATA = Path(__file__).parent / "data"
# Runs of letters and digits (no underscore) or single ideographs / kana / hangul; the CJK
# ranges come first so a mixed "太阳能dryer" splits into its scripts.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE)
_CJK_RUN = re.compile(rf"[{_CJK}]+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Kana voicing marks change the word (か / が), unlike Latin accents.
_KANA_MARKS = frozenset("\u3099\u309a")
_BIGRAM_LANGUAGES = CJK_LANGUAGES - {"zh"}

# Short lists of high-frequency function words, kept small on purpose: a long list removes
# words like "power" or "system" that carry meaning in technology descriptions.
STOP_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words)
    for language, words in json.loads(
        (_DATA / "stop_words.json").read_text(encoding="utf-8")
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

# How Chinese becomes index terms: jieba's words (less stop words) and the run's character
# bigrams, which still meet across compounds the dictionary cuts differently (干燥 / 干燥机).
# On the demo's Chinese records (benchmarks/chinese_lexical.py) both together rank better
# with BM25 than either alone; "words" and "bigrams" stay selectable to measure again.
CHINESE_INDEX = "words+bigrams"


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


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """jieba's segmenter over its bundled dictionary, built here rather than by jieba.

    jieba's own start reads and writes a cache file in the shared temporary folder and logs
    each step; building the word table directly costs about half a second once per process,
    writes nothing and says nothing.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, deprecated in setuptools
        jieba: Any = import_module("jieba")
    segmenter = jieba.Tokenizer()
    segmenter.FREQ, segmenter.total = segmenter.gen_pfdict(segmenter.get_dict_file())
    segmenter.initialized = True
    words = json.loads((_DATA / "chinese_words.json").read_text(encoding="utf-8"))
    for word in words:
        segmenter.add_word(word)  # a frequency that keeps the word whole
    return segmenter


@lru_cache(maxsize=20_000)  # explanations read the same texts again
def chinese_words(run: str) -> tuple[str, ...]:
    """The words of a run of Chinese characters, as jieba's dictionary segments them.

    Without jieba's HMM, which guesses new words from single characters ("万至", "区光"):
    a word is one of the dictionary's, and a word segments alone as it did in its sentence.
    """
    if len(run) == 1:
        return (run,)
    return tuple(_segmenter().lcut(run, HMM=False))


def is_chinese(run: str, language: str) -> bool:
    """Whether a CJK run is segmented into Chinese words (Japanese and Korean keep bigrams)."""
    return language not in _BIGRAM_LANGUAGES and bool(_HAN_RUN.fullmatch(run))


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
    words = STOP_WORDS.get(language, STOP_WORDS["en"])
    if language in CJK_LANGUAGES:  # Latin words in Chinese or Japanese text are English
        words = words | STOP_WORDS["en"]
    return frozenset(fold(word) for word in words)


def _chinese_terms(run: str) -> list[str]:
    if CHINESE_INDEX == "bigrams":
        return cjk_bigrams(run)
    stop = _folded_stop_words("zh")
    words = [word for word in chinese_words(run) if word not in stop]
    if CHINESE_INDEX == "words+bigrams":
        return words + [pair for pair in cjk_bigrams(run) if len(pair) == 2]
    return words


def _run_terms(run: str, language: str) -> list[str]:
    return _chinese_terms(run) if is_chinese(run, language) else cjk_bigrams(run)


def tokenize(text: str, language: str | None = None) -> list[str]:
    """Index terms of a text: folded words minus stop words, stemmed; Chinese as jieba
    words, Japanese and Korean as bigrams."""
    language = language or detect_language(text)
    stop = _folded_stop_words(language)
    stem = _stemmer(language if language not in CJK_LANGUAGES else "en")
    terms: list[str] = []
    for token in _TOKEN.findall(fold(text)):
        if _CJK_RUN.fullmatch(token):
            terms.extend(_run_terms(token, language))
        elif token not in stop and not (len(token) == 1 and token.isascii()):
            terms.append(stem(token) if stem else token)
    return terms


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text as written, where it stands, its index terms, and the term that is
    the word itself (`key`: a stem, a whole Chinese word; None for a stop word). A Japanese
    or Korean bigram counts as a word."""

    text: str
    start: int
    end: int
    terms: tuple[str, ...]
    key: str | None
    chinese: bool = False

    def matched(self, wanted: Collection[str]) -> bool:
        """Whether the index matched this word: the word itself, or every term it makes."""
        if self.key is None:
            return False
        return self.key in wanted or all(term in wanted for term in self.terms)


def words(text: str, language: str | None = None) -> tuple[Word, ...]:
    """The words of a text in order, stop words included (with no terms)."""
    return _words(text, language or detect_language(text))


@lru_cache(maxsize=4096)  # an explanation reads both texts, and each text in many pairs
def _words(text: str, language: str) -> tuple[Word, ...]:
    found: list[Word] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if not _CJK_RUN.fullmatch(token):
            terms = tuple(tokenize(token, language))
            key = terms[0] if terms else None
            found.append(Word(token, match.start(), match.end(), terms, key))
        elif is_chinese(token, language):
            found.extend(_chinese_word_list(token, match.start()))
        else:
            found.extend(_bigram_words(token, match.start()))
    return tuple(found)


def _chinese_word_list(run: str, offset: int) -> Iterator[Word]:
    folded = fold(run)
    same_length = len(folded) == len(run)  # compatibility ideographs fold one to one
    at = 0
    for piece in chinese_words(folded):
        written = run[at : at + len(piece)] if same_length else piece
        terms = tuple(_chinese_terms(piece))
        key = None if piece in _folded_stop_words("zh") else piece
        yield Word(written, offset + at, offset + at + len(piece), terms, key, chinese=True)
        at += len(piece)


def _bigram_words(run: str, offset: int) -> Iterator[Word]:
    folded = fold(run)
    for i, pair in enumerate(cjk_bigrams(folded)):
        yield Word(run[i : i + len(pair)], offset + i, offset + i + len(pair), (pair,), pair)


def surface_words(text: str, terms: Iterable[str], language: str | None = None) -> list[str]:
    """The words of `text` behind index terms, as written: "storage" rather than "storag",
    a whole Chinese word ("太阳能") rather than a part of it."""
    wanted = set(terms)
    found: dict[str, None] = {}
    for word in words(text, language):
        if word.matched(wanted):
            found.setdefault(word.text)
    return list(found)
