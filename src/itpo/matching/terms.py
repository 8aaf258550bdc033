"""The words and phrases two texts share that say what they are about, as one of them writes them.

A matched term is a content word or a phrase of adjacent words that both texts hold, never a
stop word, a number, a part of a Chinese word, or a word about the deal or the record
("need", "project", "项目"); a word too general to stand alone ("technology", "系统") is kept
only inside a phrase. The lists are data: data/generic_words.json.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from itpo.matching.language import CJK_LANGUAGES
from itpo.matching.text import Word, words

GENERIC_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    language: {kind: tuple(listed) for kind, listed in lists.items()}
    for language, lists in json.loads(
        (Path(__file__).parent / "data" / "generic_words.json").read_text(encoding="utf-8")
    ).items()
    if not language.startswith("_")
}
# Longer runs of shared words read as a quotation, not a term.
MAX_PHRASE = 4


@lru_cache(maxsize=32)
def generic_keys(language: str, kind: str) -> frozenset[str]:
    """The word keys (stems, Chinese words) of the `kind` list ("deal" or "bare") for a text
    in `language`: its own list and the English one, since English words turn up anywhere."""
    listed = [*GENERIC_WORDS.get(language, {}).get(kind, ()), *GENERIC_WORDS["en"][kind]]
    if language in CJK_LANGUAGES:
        listed += GENERIC_WORDS.get("zh", {}).get(kind, ())
    return frozenset(w.key for entry in listed for w in words(entry, language) if w.key)


def standalone(word: Word, language: str) -> bool:
    """Whether a word says enough to be a matched term on its own."""
    key = word.key
    if key is None or key.isdigit():
        return False
    if len(word.text) < 2:  # a lone character, Chinese or Latin, is too ambiguous
        return False
    return key not in generic_keys(language, "deal") and key not in generic_keys(language, "bare")


def usable(word: Word, language: str) -> bool:
    """Whether a word may stand inside a phrase: anything but a stop word, a number or a
    deal word."""
    key = word.key
    return key is not None and not key.isdigit() and key not in generic_keys(language, "deal")


def adjacent(text: str, first: Word, second: Word) -> bool:
    """Whether two words follow each other with nothing but a space or a hyphen between."""
    between = text[first.end : second.start]
    return second.start >= first.end and len(between) <= 1 and between in ("", " ", "-")


def _runs(text: str, found: Sequence[Word], keep: Collection[int]) -> list[list[int]]:
    """Maximal runs of adjacent words whose positions are in `keep`."""
    runs: list[list[int]] = []
    for i in sorted(keep):
        if runs and runs[-1][-1] == i - 1 and adjacent(text, found[i - 1], found[i]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _sequences(text: str, language: str) -> tuple[set[str], set[tuple[str, ...]]]:
    """A text's word keys, and every run of 2 to MAX_PHRASE adjacent usable words it holds."""
    found = words(text, language)
    usable_at = [i for i, w in enumerate(found) if usable(w, language)]
    keys = {w.key for w in found if w.key}
    phrases: set[tuple[str, ...]] = set()
    for run in _runs(text, found, usable_at):
        run_keys = [str(found[i].key) for i in run]
        for size in range(2, MAX_PHRASE + 1):
            phrases.update(tuple(run_keys[s : s + size]) for s in range(len(run_keys) - size + 1))
    return keys, phrases


@dataclass(frozen=True, slots=True)
class _Found:
    keys: tuple[str, ...]
    start: int
    text: str


def shared_terms(
    ours: str,
    our_language: str,
    theirs: str,
    their_language: str,
    matched: Collection[str] | None = None,
) -> list[str]:
    """The meaningful words and phrases of `ours` that `theirs` holds too, as `ours` writes
    them: phrases first, then single words, each in the order `ours` first uses it.

    With `matched` (index terms), a term must hold a word the index matched; the other words
    of a phrase need only stand in both texts.
    """
    found = words(ours, our_language)
    their_keys, their_phrases = _sequences(theirs, their_language)
    shared = [i for i, w in enumerate(found) if usable(w, our_language) and w.key in their_keys]
    anchors = {
        i
        for i in shared
        if standalone(found[i], our_language) and (matched is None or found[i].matched(matched))
    }
    chosen: dict[tuple[str, ...], _Found] = {}
    for run in _runs(ours, found, shared):
        for part in _split(run, found, their_phrases):
            if anchors.intersection(part):
                _keep(chosen, ours, [found[i] for i in part])
    inside = {key for keys in chosen if len(keys) > 1 for key in keys}
    terms = [f for keys, f in chosen.items() if len(keys) > 1 or keys[0] not in inside]
    terms.sort(key=lambda f: (-len(f.keys), f.start))
    return [f.text for f in terms]


def _split(run: list[int], found: Sequence[Word], phrases: set[tuple[str, ...]]) -> list[list[int]]:
    """A run of shared words cut into the longest phrases the other text holds, left to right,
    and single words."""
    parts: list[list[int]] = []
    at = 0
    while at < len(run):
        size = min(MAX_PHRASE, len(run) - at)
        while size > 1 and tuple(str(found[i].key) for i in run[at : at + size]) not in phrases:
            size -= 1
        parts.append(run[at : at + size])
        at += size
    return parts


def _keep(chosen: dict[tuple[str, ...], _Found], text: str, part: list[Word]) -> None:
    """Remember a term once, as written where it first appears, unless a later occurrence
    is written in lower case where the first is capitalised (a title's "Solar")."""
    keys = tuple(str(w.key) for w in part)
    written = text[part[0].start : part[-1].end]
    here = _Found(keys, part[0].start, written)
    before = chosen.get(keys)
    if before is None:
        chosen[keys] = here
    elif before.text[:1].isupper() and written[:1].islower() and not before.text.isupper():
        chosen[keys] = _Found(keys, before.start, written)


def spans(text: str, terms: Sequence[str], language: str | None = None) -> list[tuple[int, int]]:
    """Where the terms stand in the text, as (start, end), longest term first at each word:
    whole words only, so "干燥" is not found inside "干燥机", while "Solar Dryers" is found
    for "solar dryer" (words meet by their keys: stems, Chinese words)."""
    wanted = {
        keys for term in terms if (keys := tuple(w.key for w in words(term, language) if w.key))
    }
    longest = max((len(keys) for keys in wanted), default=0)
    found = words(text, language)
    marks: list[tuple[int, int]] = []
    at = 0
    while at < len(found):
        size = min(longest, len(found) - at)
        while size and not _holds(text, found[at : at + size], wanted):
            size -= 1
        if size:
            marks.append((found[at].start, found[at + size - 1].end))
        at += max(size, 1)
    return marks


def _holds(text: str, part: Sequence[Word], wanted: Collection[tuple[str | None, ...]]) -> bool:
    joined = all(adjacent(text, a, b) for a, b in pairwise(part))
    return joined and tuple(w.key for w in part) in wanted
