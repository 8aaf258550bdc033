"""What the opportunity form offers to choose from (the reference data, in the page's language)
and the domain's refusals worded for the person who typed the value.

No routes: helpers of the opportunity form (`work_forms.py`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from itpo.adapters.web.i18n import translate
from itpo.adapters.web.locale_format import collation_key
from itpo.registry import reference
from itpo.registry.errors import FieldError
from itpo.registry.model import Condition, CooperationType, Disclosure, OpportunityKind, Status

# The languages records are most often written in at an ITPO, each named in English (the
# page translates the name); a record in another language keeps its code as an option.
LANGUAGE_NAMES: Mapping[str, str] = {
    "en": "English", "zh": "Chinese", "fr": "French", "es": "Spanish", "ar": "Arabic",
    "ru": "Russian", "pt": "Portuguese", "de": "German", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "hi": "Hindi", "id": "Indonesian", "vi": "Vietnamese", "th": "Thai",
    "tr": "Turkish", "sw": "Swahili",
}  # fmt: skip
DISCLOSURE_HELP: Mapping[str, str] = {
    Disclosure.PUBLIC: "Anyone may read the teaser, with your organisation's name.",
    Disclosure.ANONYMOUS: "Anyone may read the teaser; your organisation stays unnamed "
    "until an introduction both sides accept.",
    Disclosure.MEMBERS: "Only signed-in members and officers may see it.",
}
STATUS_HELP: Mapping[str, str] = {
    Status.DRAFT: "Only your organisation and the officers see it.",
    Status.IN_REVIEW: "Waiting for an officer's review; not shown to others yet.",
    Status.PUBLISHED: "Shown as its disclosure allows, and matched with counterparts.",
    Status.EXPIRED: "Past its validity date; no longer matched.",
    Status.CLOSED: "Finished; no longer matched.",
}
FIRST_CURRENCIES = ("USD", "EUR", "CNY", "GBP", "JPY", "CHF")


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    options: tuple[Option, ...]


@lru_cache(maxsize=4)
def _isic_groups(language: str) -> tuple[Group, ...]:
    """ISIC classes under their sections, titled in Chinese on a Chinese page, else in English."""
    groups: dict[str, list[Option]] = {}
    for entry in reference.isic().values():
        if entry.level != "class":
            continue
        section = reference.isic_ancestors(entry.code)[-1]
        title = reference.isic_title(entry.code, language)
        groups.setdefault(section, []).append(Option(entry.code, f"{entry.code} {title}"))
    return tuple(
        Group(f"{code} {reference.isic_title(code, language)}", tuple(options))
        for code, options in groups.items()
    )


def _areas(language: str) -> tuple[Group, ...]:
    areas = reference.technology_areas()

    def name(code: str) -> str:
        return areas[code].name_zh if language == "zh" else areas[code].name_en

    families = [a for a in areas.values() if a.parent is None]
    # Green and AI-for-manufacturing areas first: the office's priorities.
    families.sort(key=lambda a: (not a.green, not a.ai_manufacturing, a.code))
    return tuple(
        Group(
            name(family.code),
            (
                Option(
                    family.code,
                    translate(language, "{family} (the whole family)", family=name(family.code)),
                ),
                *(Option(a.code, name(a.code)) for a in areas.values() if a.parent == family.code),
            ),
        )
        for family in families
    )


def _countries(language: str) -> tuple[Option, ...]:
    named = [Option(c.code, c.name(language)) for c in reference.countries().values()]
    reading_order = collation_key(language)
    return tuple(sorted(named, key=lambda o: reading_order(o.text)))


def _currencies() -> tuple[Option, ...]:
    known = reference.currencies()
    first = [Option(code, f"{code} – {known[code].name}") for code in FIRST_CURRENCIES]
    rest = [
        Option(c.code, f"{c.code} – {c.name}")
        for c in known.values()
        if c.code not in FIRST_CURRENCIES
    ]
    return (*first, *rest)


def _languages(language: str, current: str) -> tuple[Option, ...]:
    options = [Option(code, translate(language, name)) for code, name in LANGUAGE_NAMES.items()]
    if current and current not in LANGUAGE_NAMES:
        options.append(Option(current, current))
    return tuple(options)


def choices(language: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the form's fields offer, named in the page's language."""
    zh = language == "zh"
    return {
        "kinds": [k.value for k in OpportunityKind],
        "languages_offered": _languages(language, str(values.get("language") or "")),
        "countries": _countries(language),
        "isic_groups": _isic_groups(language),
        "area_groups": _areas(language),
        "sdg_options": [
            Option(str(g.number), f"{g.number} {g.title_zh if zh else g.title_en}")
            for g in reference.sdgs()
        ],
        "trl_options": [
            Option(str(t.level), f"TRL {t.level} – {t.title_zh if zh else t.title_en}")
            for t in reference.trl_levels()
        ],
        "cooperation": [t.value for t in CooperationType],
        "conditions": [c.value for c in Condition],
        "currencies": _currencies(),
        "disclosures": [(d.value, DISCLOSURE_HELP[d]) for d in Disclosure],
    }


# The domain's refusals (registry.fields, registry.records) as sentences for the form; each
# pattern's groups fill the sentence. A refusal not listed here is shown in the domain's words.
PATTERNS: Sequence[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^is required when an amount is given$"), "Choose the currency of the amounts."),
    (re.compile(r"^is required$"), "Required."),
    (re.compile(r"^is (?P<n>\d+) characters long; at most (?P<max>\d+) allowed$"),
     "Too long: {n} characters, at most {max}."),
    (re.compile(r"is not a (finite )?number$"), "Not a number."),
    (re.compile(r"is not a whole number$"), "Must be a whole number."),
    (re.compile(r"^(?P<value>-?\d+) is outside (?P<low>\d+)-(?P<high>\d+)$"),
     "Must be between {low} and {high}."),
    (re.compile(r"is negative$"), "Must not be negative."),
    (re.compile(r"is implausibly large$"), "Too large to be right."),
    (re.compile(r"is above amount_max"), "The lowest amount is above the highest."),
    (re.compile(r"^applies to offers and projects"),
     "TRL applies to offers and projects; for a need or a mandate give the minimum TRL."),
    (re.compile(r"^applies to needs and mandates"),
     "The minimum TRL applies to needs and mandates; for an offer or a project give its TRL."),
    (re.compile(r"is not a date"), "Not a date: write it as YYYY-MM-DD."),
    (re.compile(r"is not one of:"), "Choose one of the options."),
    (re.compile(r"^(?P<q>['\"])(?P<value>.*)(?P=q) is not an ISO 3166 country code$"),
     "Unknown country: {value}."),
    (re.compile(r"^(?P<q>['\"])(?P<value>.*)(?P=q) is not an ISIC Rev.4 class"),
     "Unknown ISIC class: {value}."),
    (re.compile(r"^(?P<q>['\"])(?P<value>.*)(?P=q) is not a technology area"),
     "Unknown technology area: {value}."),
    (re.compile(r"^(?P<q>['\"])(?P<value>.*)(?P=q) is not an ISO 4217 currency code$"),
     "Unknown currency: {value}."),
    (re.compile(r"is not an ISO 639-1 language code"),
     "Not a language code: two letters, such as en or zh."),
    (re.compile(r"^no organisation"), "No such organisation."),
    (re.compile(r"^markets needs"), "To hold counterparts to your markets, choose at least one country."),
    (re.compile(r"^cooperation needs"),
     "To hold counterparts to your cooperation types, choose at least one type."),
    (re.compile(r"^amount needs"),
     "To hold counterparts to your amount range, give the lowest or the highest amount."),
]  # fmt: skip


def problem_text(error: FieldError, language: str) -> str:
    for pattern, sentence in PATTERNS:
        found = pattern.search(error.message)
        if found:
            values = {k: v for k, v in found.groupdict().items() if k != "q" and v is not None}
            return translate(language, sentence, **values)
    return error.message


def field_problems(errors: Sequence[FieldError], language: str) -> dict[str, str]:
    """One message per field, in the page's language; `organisation` counts as the owner."""
    problems: dict[str, list[str]] = {}
    for error in errors:
        field = "organisation_id" if error.field == "organisation" else error.field
        problems.setdefault(field, []).append(problem_text(error, language))
    return {field: " ".join(dict.fromkeys(texts)) for field, texts in problems.items()}
