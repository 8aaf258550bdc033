"""A light language guess from script and function words, for records that do not say."""

from __future__ import annotations

import re
from collections import Counter

CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kana", re.compile(r"[\u3040-\u30ff]")),
    ("han", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("hangul", re.compile(r"[\uac00-\ud7af]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent words that tell the Latin-script languages apart; ties go to the default.
_MARKERS: dict[str, frozenset[str]] = {
    "en": _words("the and of to in for with is are this that on by from"),
    "fr": _words("le la les des du et est une pour dans avec sur par aux qui"),
    "es": _words("el los las del y es una para con por en que se al más"),
    "pt": _words("o os as do da dos das e é um uma para com por não em"),
    "de": _words("der die das und ist nicht mit für von zu den ein eine auf im"),
    "it": _words("il lo gli della delle e è un una per con che di nel sono"),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _script_counts(text: str) -> Counter[str]:
    return Counter({name: len(pattern.findall(text)) for name, pattern in _SCRIPTS})


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's main language; `default` when there is nothing to go on."""
    counts = _script_counts(text)
    if counts["kana"] and counts["kana"] * 5 >= counts["han"]:
        return "ja"
    script, count = max(counts.items(), key=lambda item: item[1])
    if count == 0:
        return default
    non_latin = {"han": "zh", "hangul": "ko", "arabic": "ar", "cyrillic": "ru", "kana": "ja"}
    if script in non_latin:
        return non_latin[script]
    words = [w.lower() for w in _WORD.findall(text)]
    votes = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    best = max(votes, key=lambda lang: (votes[lang], lang == default))
    return best if votes[best] > 0 else default


def language_code(tag: str | None) -> str | None:
    """ "zh-CN", "ZH" or "zh_Hans" as "zh"; None or "" stays None."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-")[0].lower() or None
