"""Why a pair matched, in the page's language: matching words its reasons in the asking
record's language, and keeps the facts each one states, so a reason in the other language is
written again from those facts (and a near miss from the pair's eligibility check).

No routes: helpers of the match pages (`work.py`, `work_list.py`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from itpo.adapters.web.i18n import translate
from itpo.adapters.web.labels import LABELS
from itpo.matching import places
from itpo.matching.explanation import GEOGRAPHY_LEVELS, ISIC_LEVELS, Reason, near_miss_in
from itpo.matching.service import MatchResult
from itpo.matching.shortfalls import worded_in
from itpo.registry import reference
from itpo.registry.disclosure import UNDISCLOSED

Facts = Mapping[str, Sequence[str]]
LEVEL_NUMBERS = {name: number for number, name in GEOGRAPHY_LEVELS.items()}
ISIC_LEVEL_NAMES = dict(ISIC_LEVELS.values())


@dataclass(frozen=True, slots=True)
class ShownMatch:
    """One counterpart as a match page shows it, every sentence in the page's language."""

    result: MatchResult
    organisation: str | None  # None: the counterpart's owner is not disclosed
    countries: tuple[str, ...]
    reasons: tuple[str, ...]
    near_miss: str | None
    left_out: tuple[str, ...] = ()  # a near miss: the hard conditions that left it out

    @property
    def bar(self) -> int:
        return max(0, min(10, round(self.result.score / 10)))


def explanation_language(record_language: str) -> str:
    """The language matching words a record's reasons in (see matching.explanation)."""
    return "zh" if record_language.strip().lower().startswith("zh") else "en"


def country_name(code: str, language: str) -> str:
    try:
        return reference.country(code).name(language)
    except reference.UnknownCode:
        return code


def shown_matches(
    results: Sequence[MatchResult], asking_language: str, language: str
) -> list[ShownMatch]:
    """The results, as the matching services gave them to the asker, with their reasons in
    `language`: sentences written again from the facts each result carries."""
    same = explanation_language(asking_language) == language
    return [
        ShownMatch(
            result=result,
            organisation=None if result.organisation == UNDISCLOSED else result.organisation,
            countries=tuple(country_name(code, language) for code in result.countries),
            reasons=tuple(
                reason.text if same else reason_in(reason, language) for reason in result.explained
            ),
            near_miss=(
                result.near_miss
                if same or result.near is None
                else near_miss_in(result.near, language)
            ),
            left_out=tuple(
                reason.text if same else reason_in(reason, language) for reason in result.left_out
            ),
        )
        for result in results
    ]


def reason_in(reason: Reason, language: str) -> str:
    """The reason written again in `language` from its facts; its own text when the facts do
    not say enough."""
    if (kept := worded_in(reason, language)) is not None:
        return kept
    write = WRITERS.get(reason.component)
    try:
        written = write(reason.facts, language) if write else None
    except (KeyError, IndexError, ValueError, reference.UnknownCode):
        written = None
    return written or reason.text


def _t(language: str, message: str, **values: str) -> str:
    return translate(language, message, **values)


def _join(items: Sequence[str], language: str) -> str:
    return ("、" if language == "zh" else ", ").join(items)


def _terms(facts: Facts, language: str) -> str | None:
    terms = list(facts.get("terms", ()))
    if not terms:
        return None
    return _t(language, "Matching terms: {terms}.", terms=_join(terms, language))


def _isic(facts: Facts, language: str) -> str | None:
    if facts.get("division"):
        code = facts["division"][0]
        title = reference.isic_title(code, language)
        return _t(
            language, "Sector fit: both in ISIC division {code} {title}.", code=code, title=title
        )
    if not facts.get("code"):
        return None
    code, level = facts["code"][0], facts["level"][0]
    title = reference.isic_title(code, language)
    if level == "class":
        return _t(language, "Same sector: ISIC {code} {title}.", code=code, title=title)
    named = ISIC_LEVEL_NAMES[level] if language == "zh" else level
    return _t(
        language,
        "Related sectors: both under ISIC {level} {code} {title}.",
        level=named,
        code=code,
        title=title,
    )


def _geography(facts: Facts, language: str) -> str | None:
    parts: list[str] = []
    if facts.get("market"):
        market = country_name(facts["market"][0], language)
        parts.append(
            _t(language, "Market fit: {country} is one of the target markets.", country=market)
        )
    elif facts.get("level") and len(facts.get("countries", ())) == 2:
        one, two = facts["countries"]
        level = LEVEL_NUMBERS[facts["level"][0]]
        area = places.shared_area_name(one, two, level, language)
        if level == places.COUNTRY:
            parts.append(_t(language, "Both are in {area}.", area=area))
        else:
            parts.append(
                _t(
                    language,
                    "{one} and {two} are both in {area}.",
                    one=country_name(one, language),
                    two=country_name(two, language),
                    area=area,
                )
            )
    if facts.get("ldc"):
        parts.append(
            _t(
                language,
                "{country} is a least developed country, a priority.",
                country=country_name(facts["ldc"][0], language),
            )
        )
    return ("" if language == "zh" else " ").join(parts) or None


def _amount(facts: Facts, language: str) -> str | None:
    if not facts.get("fit"):
        return None
    if facts["fit"][0] == "contained":
        return _t(language, "Amounts fit: one side's range lies within the other's.")
    return _t(language, "Amounts overlap: the two ranges partly overlap.")


def _trl(facts: Facts, language: str) -> str | None:
    return _t(
        language,
        "Readiness fits: TRL {trl} offered, TRL {min_trl} or more asked.",
        trl=facts["trl"][0],
        min_trl=facts["min_trl"][0],
    )


def _sdgs(facts: Facts, language: str) -> str | None:
    goals = [reference.sdg(int(n)) for n in facts.get("goals", ())]
    if not goals:
        return None
    named = [
        _t(
            language,
            "SDG {number} {title}",
            number=str(g.number),
            title=g.title_zh if language == "zh" else g.title_en,
        )
        for g in goals
    ]
    return _t(language, "Both contribute to {goals}.", goals=_join(named, language))


def _area_name(code: str, language: str) -> str:
    area = reference.technology_areas()[code]
    return area.name_zh if language == "zh" else area.name_en


def _technology(facts: Facts, language: str) -> str | None:
    if facts.get("areas"):
        names = [_area_name(code, language) for code in facts["areas"]]
        return _t(language, "Shared technology areas: {areas}.", areas=_join(names, language))
    if facts.get("family"):
        family = _area_name(facts["family"][0], language)
        return _t(language, "Related technology: both are in the {family} family.", family=family)
    return None


def _cooperation(facts: Facts, language: str) -> str | None:
    names = [translate(language, LABELS.get(t, t)) for t in facts.get("types", ())]
    if not names:
        return None
    return _t(language, "Both accept {types}.", types=_join(names, language))


WRITERS: Mapping[str, Callable[[Facts, str], str | None]] = {
    "text": _terms,
    "isic": _isic,
    "geography": _geography,
    "amount": _amount,
    "trl": _trl,
    "sdg": _sdgs,
    "technology": _technology,
    "cooperation": _cooperation,
}
