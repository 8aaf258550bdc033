"""`suggest`, `serves` and their bulk forms: the SDGs a text serves, with a confidence and the
words and sentence behind each, in the text's own language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from itpo.matching.language import detect_language, language_code
from itpo.matching.text import tokenize
from itpo.registry.errors import FieldError, ValidationError
from itpo.sdg.dense import GoalSpace, default_space
from itpo.sdg.goals import parse_sdg
from itpo.sdg.scoring import GoalScore, offered, scores_for, serves_goal

MAX_TEXT_CHARACTERS = 50_000
_MAX_WORDS = 6
# Sentence ends in English and Chinese; a line break ends one too (lists, titles).
_SENTENCE = re.compile(r"[^.!?。！？；;\n]+[.!?。！？；;]*")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A goal the text serves: how sure, the words found and the sentence that carries them
    (as written in the text), and the UN target nearest to the text."""

    sdg: int
    confidence: float
    serves: bool  # the yes/no decision; the others are offered for a person to judge
    words: tuple[str, ...]
    sentence: str | None
    target: str
    target_text: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "sdg": self.sdg,
            "confidence": round(self.confidence, 3),
            "serves": self.serves,
            "words": list(self.words),
            "sentence": self.sentence,
            "target": self.target,
            "target_text": self.target_text,
        }


def suggest(
    text: str, language: str | None = None, *, space: GoalSpace | None = None
) -> list[Suggestion]:
    """The SDGs the text may serve, most likely first, each saying whether it is judged to
    serve it; none for an empty text."""
    return suggest_many([text], [language], space=space)[0]


def suggest_many(
    texts: Sequence[str],
    languages: Sequence[str | None] | None = None,
    *,
    space: GoalSpace | None = None,
) -> list[list[Suggestion]]:
    """`suggest` for many texts at once: one encoder call for them all."""
    space = space or default_space()
    asked = list(languages) if languages is not None else [None] * len(texts)
    cleaned = [_checked(text, i + 1 if len(texts) > 1 else None) for i, text in enumerate(texts)]
    spoken = [
        language_code(lang) or detect_language(text)
        for text, lang in zip(cleaned, asked, strict=True)
    ]
    found: list[list[Suggestion]] = [[] for _ in cleaned]
    filled = [i for i, text in enumerate(cleaned) if text.strip()]
    ranked = scores_for(space, [cleaned[i] for i in filled], [spoken[i] for i in filled])
    for i, scores in zip(filled, ranked, strict=True):
        best = scores[0].confidence
        found[i] = [
            _suggestion(space, cleaned[i], spoken[i], s, serves_goal(s, best))
            for s in offered(scores)
        ]
    return found


def serves(text: str, sdg: object, *, space: GoalSpace | None = None) -> bool:
    """Whether the text serves the goal: the goal is among its suggestions, judged served."""
    return serves_many([(text, sdg)], space=space)[0]


def serves_many(
    pairs: Sequence[tuple[str, object]], *, space: GoalSpace | None = None
) -> list[bool]:
    """`serves` for many (text, goal) pairs, by the same suggestions."""
    goals = [parse_sdg(sdg) for _, sdg in pairs]
    suggested = suggest_many([text for text, _ in pairs], space=space)
    return [
        goal in {s.sdg for s in found if s.serves}
        for goal, found in zip(goals, suggested, strict=True)
    ]


def _checked(text: object, row: int | None) -> str:
    if not isinstance(text, str):
        raise ValidationError([FieldError("text", "must be text", row)])
    if len(text) > MAX_TEXT_CHARACTERS:
        raise ValidationError(
            [FieldError("text", f"is longer than {MAX_TEXT_CHARACTERS:,} characters", row)]
        )
    return text


def _suggestion(
    space: GoalSpace, text: str, language: str, score: GoalScore, serves: bool
) -> Suggestion:
    passage = space.passages[score.nearest]
    target_text = _in_language(space, passage.code, language) or passage.text
    return Suggestion(
        sdg=score.sdg,
        confidence=score.confidence,
        serves=serves,
        words=_words(text, score),
        sentence=_sentence(space, text, score),
        target=passage.code,
        target_text=target_text,
    )


def _in_language(space: GoalSpace, code: str, language: str) -> str | None:
    wanted = "zh" if language == "zh" else "en"
    return next((p.text for p in space.passages if p.code == code and p.language == wanted), None)


def _words(text: str, score: GoalScore) -> tuple[str, ...]:
    strongest = sorted(score.hits, key=lambda h: (-h.weight, h.start))
    shown: dict[str, str] = {}  # one spelling of each word: "Roads" and "roads" are one
    for hit in strongest:
        written = text[hit.start : hit.end]
        shown.setdefault(written.casefold(), written)
    return tuple(list(shown.values())[:_MAX_WORDS])


def _sentence(space: GoalSpace, text: str, score: GoalScore) -> str | None:
    """The sentence with the most keyword weight; without keywords, the sentence that shares
    most words with the goal's nearest UN text (no second encoding: suggestions in bulk stay
    fast)."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    if not sentences:
        return None
    if score.hits:

        def weight(span: tuple[int, int]) -> float:
            return sum(h.weight for h in score.hits if span[0] <= h.start < span[1])

        start, end = max(sentences, key=weight)
        return text[start:end].strip()
    code = space.passages[score.nearest].code
    wanted = {t for p in space.passages if p.code == code for t in tokenize(p.text, p.language)}

    def shared(span: tuple[int, int]) -> int:
        return len(wanted.intersection(tokenize(text[span[0] : span[1]])))

    start, end = max(sentences, key=shared)
    return text[start:end].strip()
