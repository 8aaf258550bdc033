"""The quality criteria a profile is reviewed against, as Enterprise Europe Network reviews
partnership profiles: clear, complete, specific and genuine. Each has what the reviewer
looks for and, where a machine can see it, findings that point at what is missing; the
decision stays the officer's, since only a person can tell whether an offer is genuine."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from itpo.registry.model import (
    KINDS_WITH_MIN_TRL,
    KINDS_WITH_TRL,
    Opportunity,
    OpportunityKind,
    Organisation,
)

# Shorter than this, a summary or a description seldom says what a reader needs to decide.
MIN_TEASER = 60
MIN_DETAILS = 300
MAX_TITLE_WORDS = 20
# A title in capitals (beyond acronyms) reads as shouting and hides the words.
MAX_CAPITALS_SHARE = 0.5
FIGURE = re.compile(r"\d")
MONEY_KINDS = frozenset({OpportunityKind.INVESTMENT_PROJECT, OpportunityKind.INVESTMENT_MANDATE})


class Criterion(StrEnum):
    CLEAR = "clear"
    COMPLETE = "complete"
    SPECIFIC = "specific"
    GENUINE = "genuine"


# What the reviewer checks under each criterion (the pages translate these sentences).
LOOKS_FOR: dict[Criterion, str] = {
    Criterion.CLEAR: (
        "The title and summary say in plain words what is offered or sought, for whom; "
        "a reader outside the field understands them."
    ),
    Criterion.COMPLETE: (
        "Every field a partner needs to decide is filled: summary, description, sector, "
        "countries, readiness, amounts for investment, and a validity date."
    ),
    Criterion.SPECIFIC: (
        "It names the technology, capacities, figures and the kind of cooperation, rather "
        "than general claims; one profile is one offer or one need."
    ),
    Criterion.GENUINE: (
        "It comes from a real organisation that can deliver or use it, is not advertising or "
        "a duplicate, and its claims are plausible."
    ),
}


# What a finding says, with its placeholders, so the pages can word it in their language.
CAPITALS = "is written in capitals"
TOO_MANY_WORDS = "has more than {count} words"
REPEATS_TITLE = "repeats the title"
TOO_SHORT = "is shorter than {count} characters"
NO_SECTOR = "names no sector"
NO_COUNTRY = "names no country"
NO_TRL = "states no readiness level"
NO_MIN_TRL = "states no readiness sought"
NO_AMOUNT = "states no amount"
NO_VALIDITY = "has no validity date"
NO_AREA = "names no technology area"
NO_COOPERATION = "names no cooperation"
NO_FIGURE = "gives no figure (capacity, size, cost...)"
UNKNOWN_OWNER = "has neither a description nor a website"
DUPLICATE = "repeats the title of profile {other}"
MESSAGES = (
    CAPITALS,
    TOO_MANY_WORDS,
    REPEATS_TITLE,
    TOO_SHORT,
    NO_SECTOR,
    NO_COUNTRY,
    NO_TRL,
    NO_MIN_TRL,
    NO_AMOUNT,
    NO_VALIDITY,
    NO_AREA,
    NO_COOPERATION,
    NO_FIGURE,
    UNKNOWN_OWNER,
    DUPLICATE,
)


@dataclass(frozen=True, slots=True)
class Finding:
    criterion: Criterion
    field: str
    message: str  # one of MESSAGES
    values: Mapping[str, int] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field} {self.message.format(**self.values)}"


def findings(
    opportunity: Opportunity,
    organisation: Organisation | None,
    siblings: Sequence[Opportunity] = (),
) -> list[Finding]:
    """What a machine sees wanting in the profile, by criterion; `siblings` are the
    organisation's other profiles, for duplicates."""
    return [
        *_clear(opportunity),
        *_complete(opportunity),
        *_specific(opportunity),
        *_genuine(opportunity, organisation, siblings),
    ]


def _clear(o: Opportunity) -> list[Finding]:
    found: list[Finding] = []
    letters = [c for c in o.title if c.isalpha() and c.isascii()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > MAX_CAPITALS_SHARE:
        found.append(Finding(Criterion.CLEAR, "title", CAPITALS))
    if len(o.title.split()) > MAX_TITLE_WORDS:
        found.append(Finding(Criterion.CLEAR, "title", TOO_MANY_WORDS, {"count": MAX_TITLE_WORDS}))
    if _same_words(o.title, o.teaser):
        found.append(Finding(Criterion.CLEAR, "teaser", REPEATS_TITLE))
    return found


def _complete(o: Opportunity) -> list[Finding]:
    found: list[Finding] = []
    if len(o.teaser.strip()) < MIN_TEASER:
        found.append(Finding(Criterion.COMPLETE, "teaser", TOO_SHORT, {"count": MIN_TEASER}))
    if len(o.details.strip()) < MIN_DETAILS:
        found.append(Finding(Criterion.COMPLETE, "details", TOO_SHORT, {"count": MIN_DETAILS}))
    if not o.isic_classes:
        found.append(Finding(Criterion.COMPLETE, "isic_classes", NO_SECTOR))
    if not o.countries:
        found.append(Finding(Criterion.COMPLETE, "countries", NO_COUNTRY))
    if o.kind in KINDS_WITH_TRL and o.trl is None:
        found.append(Finding(Criterion.COMPLETE, "trl", NO_TRL))
    if o.kind in KINDS_WITH_MIN_TRL and o.min_trl is None:
        found.append(Finding(Criterion.COMPLETE, "min_trl", NO_MIN_TRL))
    if o.kind in MONEY_KINDS and o.amount_min is None and o.amount_max is None:
        found.append(Finding(Criterion.COMPLETE, "amount_max", NO_AMOUNT))
    if o.valid_until is None:
        found.append(Finding(Criterion.COMPLETE, "valid_until", NO_VALIDITY))
    return found


def _specific(o: Opportunity) -> list[Finding]:
    found: list[Finding] = []
    if not o.technology_areas:
        found.append(Finding(Criterion.SPECIFIC, "technology_areas", NO_AREA))
    if not o.cooperation_types:
        found.append(Finding(Criterion.SPECIFIC, "cooperation_types", NO_COOPERATION))
    if o.details.strip() and not FIGURE.search(o.details):
        found.append(Finding(Criterion.SPECIFIC, "details", NO_FIGURE))
    return found


def _genuine(
    o: Opportunity, organisation: Organisation | None, siblings: Sequence[Opportunity]
) -> list[Finding]:
    found: list[Finding] = []
    if organisation is not None and not (organisation.description or organisation.website):
        found.append(Finding(Criterion.GENUINE, "organisation", UNKNOWN_OWNER))
    for other in siblings:
        if other.id != o.id and other.kind is o.kind and _same_words(other.title, o.title):
            found.append(Finding(Criterion.GENUINE, "title", DUPLICATE, {"other": other.id or 0}))
            break
    return found


def _same_words(a: str, b: str) -> bool:
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    return bool(words(a)) and words(a) == words(b)
