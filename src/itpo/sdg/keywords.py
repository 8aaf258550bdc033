"""Lexical evidence: the project's weighted SDG keywords (data/keywords.json) found in a
text on word boundaries (English) or on jieba's word boundaries (Chinese), longest phrase
first, so "renewable energy" counts once as a phrase and not again as "energy"."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from itpo.matching.text import chinese_words, fold
from itpo.sdg.goals import DATA

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Hit:
    """A keyword of a goal found in the text: where, as written, and its weight."""

    sdg: int
    keyword: str
    weight: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A keyword as words: each whole, or a prefix (a trailing *); the last may be plural."""

    keyword: str
    weight: float
    words: tuple[str, ...]
    prefix: tuple[bool, ...]

    def matches(self, tokens: list[tuple[str, int, int]], gaps: list[bool], at: int) -> int:
        """How many tokens from `at` the phrase covers, or 0."""
        if at + len(self.words) > len(tokens):
            return 0
        last = len(self.words) - 1
        for i, (word, prefix) in enumerate(zip(self.words, self.prefix, strict=True)):
            token = tokens[at + i][0]
            if i and not gaps[at + i]:
                return 0
            if prefix:
                if not token.startswith(word):
                    return 0
            elif token != word and not (i == last and token in (word + "s", word + "es")):
                return 0
        return len(self.words)


@dataclass(frozen=True, slots=True)
class _Latin:
    """A goal's English keywords indexed by their first word (whole, or its first letters
    for a prefix), longest first, so each token is tried against a few phrases only."""

    whole: dict[str, tuple[_Phrase, ...]]
    prefixed: dict[str, tuple[_Phrase, ...]]
    exclusions: _Latin | None = None
    # A text's words recur across texts: each word's phrases are worked out once.
    known: dict[str, tuple[_Phrase, ...]] = field(default_factory=dict)

    def candidates(self, token: str) -> tuple[_Phrase, ...]:
        found = self.known.get(token)
        if found is None:
            found = self.known[token] = self._candidates(token)
        return found

    def _candidates(self, token: str) -> tuple[_Phrase, ...]:
        found = [*self.whole.get(token, ()), *self.prefixed.get(token[:_STEM], ())]
        if token.endswith("s"):
            found.extend(
                p for p in self.whole.get(token.removesuffix("s"), ()) if len(p.words) == 1
            )
            found.extend(
                p for p in self.whole.get(token.removesuffix("es"), ()) if len(p.words) == 1
            )
        return tuple(sorted(found, key=lambda p: -len(p.words)))


_STEM = 3
_WORD = re.compile(r"\w+")
_JOIN = re.compile(r"[\s\-&'’/]{1,3}")


def _phrase(keyword: str, weight: float) -> _Phrase:
    pieces = _WORD.findall(keyword.lower())
    prefix = [False] * len(pieces)
    if keyword.endswith("*"):
        prefix[-1] = True
    return _Phrase(keyword, weight, tuple(pieces), tuple(prefix))


def _index(phrases: list[_Phrase]) -> _Latin:
    whole: dict[str, list[_Phrase]] = {}
    prefixed: dict[str, list[_Phrase]] = {}
    for phrase in phrases:
        first = phrase.words[0]
        if phrase.prefix[0]:
            prefixed.setdefault(first[:_STEM], []).append(phrase)
        else:
            whole.setdefault(first, []).append(phrase)
    return _Latin(
        {k: tuple(v) for k, v in whole.items()}, {k: tuple(v) for k, v in prefixed.items()}
    )


def _latin(entry: dict[str, list[str]], exclusions: list[str]) -> _Latin:
    index = _index([_phrase(k, float(w)) for w, words in entry.items() for k in words])
    masked = _index([_phrase(k, 0.0) for k in exclusions]) if exclusions else None
    return _Latin(index.whole, index.prefixed, masked)


@dataclass(frozen=True, slots=True)
class _Chinese:
    keywords: tuple[tuple[str, float], ...]  # longest first
    exclusions: tuple[str, ...]


def _chinese(entry: dict[str, list[str]], exclusions: list[str]) -> _Chinese:
    ranked = sorted(
        ((k, float(w)) for w, words in entry.items() for k in words), key=lambda kw: -len(kw[0])
    )
    return _Chinese(tuple(ranked), tuple(exclusions))


@lru_cache(maxsize=1)
def _lists() -> dict[int, tuple[_Latin, _Chinese]]:
    raw = json.loads((DATA / "keywords.json").read_text(encoding="utf-8"))["goals"]
    return {
        int(sdg): (
            _latin(entry["en"], entry["exclude"]["en"]),
            _chinese(entry["zh"], entry["exclude"]["zh"]),
        )
        for sdg, entry in raw.items()
    }


def find_hits(text: str, language: str) -> list[Hit]:
    """Every goal's keywords in the text. English lists are read in every text (Latin words
    such as "AI" or "CO2" turn up in Chinese too); Chinese lists where there is Chinese."""
    folded = fold(text) if len(fold(text)) == len(text) else text.lower()
    bounds = _word_bounds(text) if language == "zh" or _HAN.search(text) else None
    tokens, gaps = _tokens(folded)
    starts = _starts(tokens)
    hits: list[Hit] = []
    for sdg, (latin, chinese) in _lists().items():
        hits.extend(_latin_hits(sdg, latin, tokens, gaps, starts))
        if bounds is not None:
            hits.extend(_chinese_hits(sdg, chinese, text, bounds))
    return hits


def _tokens(folded: str) -> tuple[list[tuple[str, int, int]], list[bool]]:
    """The words with their offsets, and whether each follows the one before within a phrase
    (a space, a hyphen, an apostrophe; not a full stop)."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
    gaps = [False] + [
        _JOIN.fullmatch(folded[tokens[i - 1][2] : tokens[i][1]]) is not None
        for i in range(1, len(tokens))
    ]
    return tokens, gaps


def _spans(
    lists: _Latin, tokens: list[tuple[str, int, int]], gaps: list[bool], starts: list[int]
) -> list[tuple[_Phrase, int, int]]:
    """Phrases found from the tokens that can start one, leftmost first, longest first."""
    found: list[tuple[_Phrase, int, int]] = []
    free = 0  # tokens before this one are taken by a phrase already found
    for at in starts:
        if at < free:
            continue
        for phrase in lists.candidates(tokens[at][0]):
            covered = phrase.matches(tokens, gaps, at)
            if covered:
                found.append((phrase, at, at + covered))
                free = at + covered
                break
    return found


def _starts(tokens: list[tuple[str, int, int]]) -> list[int]:
    """The tokens that may start a keyword of some goal: most words of a text start none."""
    whole, stems = _first_words()
    return [
        i
        for i, (token, _, _) in enumerate(tokens)
        if token in whole
        or token[:_STEM] in stems
        or token.removesuffix("s") in whole
        or token.removesuffix("es") in whole
    ]


@lru_cache(maxsize=1)
def _first_words() -> tuple[frozenset[str], frozenset[str]]:
    whole: set[str] = set()
    stems: set[str] = set()
    for latin, _ in _lists().values():
        for lists in (latin, latin.exclusions):
            if lists is not None:
                whole.update(lists.whole)
                stems.update(lists.prefixed)
    return frozenset(whole), frozenset(stems)


def _latin_hits(
    sdg: int,
    lists: _Latin,
    tokens: list[tuple[str, int, int]],
    gaps: list[bool],
    starts: list[int],
) -> list[Hit]:
    masked: set[int] = set()
    if lists.exclusions is not None:
        for _, first, last in _spans(lists.exclusions, tokens, gaps, starts):
            masked.update(range(first, last))
    return [
        Hit(sdg, phrase.keyword, phrase.weight, tokens[first][1], tokens[last - 1][2])
        for phrase, first, last in _spans(lists, tokens, gaps, starts)
        if not masked.intersection(range(first, last))
    ]


def _word_bounds(text: str) -> frozenset[int]:
    """Where jieba puts word boundaries in the text (offsets), for short Chinese keywords:
    "水" is water in "水和环境卫生" but not in "水平"."""
    bounds, at = {0}, 0
    for piece in chinese_words(text):
        at += len(piece)
        bounds.add(at)
    return frozenset(bounds)


def _chinese_hits(sdg: int, lists: _Chinese, text: str, bounds: frozenset[int]) -> list[Hit]:
    taken = [False] * len(text)
    for phrase in lists.exclusions:
        for start in _occurrences(text, phrase):
            taken[start : start + len(phrase)] = [True] * len(phrase)
    hits: list[Hit] = []
    for keyword, weight in lists.keywords:
        for start in _occurrences(text, keyword):
            end = start + len(keyword)
            if any(taken[start:end]):
                continue
            if len(keyword) <= 2 and not (start in bounds and end in bounds):
                continue
            taken[start:end] = [True] * len(keyword)
            hits.append(Hit(sdg, keyword, weight, start, end))
    return hits


def _occurrences(text: str, phrase: str) -> list[int]:
    found, at = [], text.find(phrase)
    while at >= 0:
        found.append(at)
        at = text.find(phrase, at + len(phrase))
    return found
