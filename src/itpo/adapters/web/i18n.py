"""The pages' languages: English as written in the templates, Chinese from message catalogues.

A page's text is written in English inside `_()`; the English sentence is its own key, so a
template reads as the page will, and a missing translation shows English rather than a code.
Catalogues are JSON files `messages/<language>/<area>.json`, one per area of the site, so
each area keeps its own; `tests/web` checks that every string the templates use is translated.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from starlette.requests import Request

DEFAULT_LANGUAGE = "en"
# The languages a visitor may pick, each named in itself.
LANGUAGES: Mapping[str, str] = {"en": "English", "zh": "中文"}
LANGUAGE_COOKIE = "itpo_lang"
LANGUAGE_PARAMETER = "lang"


@cache
def catalogue(language: str) -> Mapping[str, str]:
    """Every translated message of one language, from all its area files."""
    if language == DEFAULT_LANGUAGE:
        return {}
    folder = resources.files("itpo.adapters.web") / "messages" / language
    merged: dict[str, str] = {}
    if not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            messages = json.loads(entry.read_text(encoding="utf-8"))
            merged.update({str(k): str(v) for k, v in messages.items()})
    return merged


def translate(language: str, message: str, **values: Any) -> str:
    """The message in the language (English when it has no translation), with `{name}`
    placeholders filled from `values`."""
    text = catalogue(language).get(message, message)
    return text.format(**values) if values else text


def translate_plural(language: str, one: str, other: str, n: int, **values: Any) -> str:
    """The message for a count, in the plural form the language's CLDR rule gives `n` ("1
    field", "3 fields"; Chinese has one form, the `other` message's translation); `{n}` is
    filled with the count written in the language."""
    from itpo.adapters.web.locale_format import number, plural_category

    chosen = one if plural_category(language, n) == "one" else other
    return translate(language, chosen, **{"n": number(n, 0, language), **values})


def pick_language(request: Request) -> str:
    """The page's language: asked for in the address, else remembered in a cookie, else the
    browser's first preference we speak, else English."""
    for asked in (
        request.query_params.get(LANGUAGE_PARAMETER),
        request.cookies.get(LANGUAGE_COOKIE),
    ):
        if asked is not None and asked in LANGUAGES:
            return asked
    return preferred(request.headers.get("accept-language", ""))


def preferred(header: str) -> str:
    """The best language of an Accept-Language header that we speak (weights honoured)."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, parameters = part.strip().partition(";")
        weight = 1.0
        if parameters.strip().startswith("q="):
            try:
                weight = float(parameters.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and weight > 0:
            choices.append((-weight, position, primary))
    return min(choices)[2] if choices else DEFAULT_LANGUAGE
