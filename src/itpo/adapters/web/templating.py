"""Pages from Jinja2 templates: the visit, the language and the helpers every template uses.

Templates autoescape everything and fail on an undefined name (StrictUndefined), so a typo in
a template is an error in the tests, not a blank on a page. An HTMX request for a page that
has a fragment gets the fragment alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.requests import Request
from starlette.responses import HTMLResponse

from itpo.adapters.web import locale_format
from itpo.adapters.web.i18n import (
    LANGUAGE_COOKIE,
    LANGUAGE_PARAMETER,
    LANGUAGES,
    translate,
    translate_plural,
)
from itpo.adapters.web.labels import LABELS
from itpo.adapters.web.visit import CSRF_FIELD, FORM_COOKIE, Visit

ENVIRONMENT = Environment(
    loader=PackageLoader("itpo.adapters.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
YEAR_SECONDS = 365 * 86400


def is_htmx(request: Request) -> bool:
    """An HTMX request that will swap part of a page (not a history restore, which needs all)."""
    return (
        request.headers.get("hx-request") == "true"
        and request.headers.get("hx-history-restore-request") != "true"
    )


def render(
    request: Request,
    visit: Visit,
    template: str,
    values: Mapping[str, Any] | None = None,
    *,
    status: int = 200,
    fragment: str | None = None,
) -> HTMLResponse:
    """The template filled for the visit; `fragment` instead when HTMX asks for part of it."""
    chosen = fragment if fragment is not None and is_htmx(request) else template
    language = visit.language
    context = {
        "request": request,
        "visit": visit,
        "lang": language,
        "languages": LANGUAGES,
        "csrf_field": CSRF_FIELD,
        "_": partial(translate, language),
        "_n": partial(translate_plural, language),
        "label": partial(label, language),
        "query_with": partial(query_with, request),
        **(values or {}),
    }
    html = ENVIRONMENT.get_template(chosen).render(context)
    response = HTMLResponse(html, status_code=status)
    # Pages depend on who asks and in which language: no shared cache may keep them.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "Cookie, Accept-Language, HX-Request"
    secure = request.url.scheme == "https"
    if visit.new_form_token:
        response.set_cookie(
            FORM_COOKIE, visit.csrf_token, httponly=True, samesite="lax", secure=secure, path="/"
        )
    if request.query_params.get(LANGUAGE_PARAMETER) in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=YEAR_SECONDS,
            samesite="lax",
            secure=secure,
            path="/",
        )
    return response


def label(language: str, value: Any) -> str:
    """A code's name for people (a kind, a status, a role...), in the page's language."""
    key = getattr(value, "value", value)
    return translate(language, LABELS.get(str(key), str(key)))


def query_with(request: Request, **changes: Any) -> str:
    """This page's address with some query parameters changed (None removes one)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    for name, value in changes.items():
        if value is None or value == "":
            continue
        values = value if isinstance(value, list | tuple) else [value]
        kept.extend((name, str(v)) for v in values)
    return f"{request.url.path}?{urlencode(kept)}" if kept else request.url.path


def money_range(
    low: float | int | None, high: float | int | None, currency: str | None, language: str = "en"
) -> str:
    """A range with its currency once: USD 40k–120k (see `locale_format`)."""
    return locale_format.money_range(low, high, currency, language)


def _language(context: Context) -> str:
    return str(context.get("lang") or "en")


# The filters write figures and dates in the page's language.
@pass_context
def _number(context: Context, value: float | int | None, digits: int = 0) -> str:
    return locale_format.number(value, digits, _language(context))


@pass_context
def _money(context: Context, amount: float | int | None, currency: str | None) -> str:
    return locale_format.money(amount, currency, _language(context))


@pass_context
def _money_range(
    context: Context, low: float | int | None, high: float | int | None, currency: str | None
) -> str:
    return locale_format.money_range(low, high, currency, _language(context))


@pass_context
def _day(context: Context, value: dt.date | dt.datetime | str | None) -> str:
    return locale_format.day(value, _language(context))


@pass_context
def _moment(context: Context, value: dt.datetime | str | None) -> str:
    return locale_format.moment(value, _language(context))


@pass_context
def _sorted_for_reading(
    context: Context, items: Iterable[Any], attribute: str | None = None
) -> list[Any]:
    """A list in the order the page's language reads it (pinyin for Chinese)."""
    key = locale_format.collation_key(_language(context))
    return sorted(items, key=lambda i: key(str(getattr(i, attribute) if attribute else i)))


ENVIRONMENT.filters.update(
    number=_number, money=_money, day=_day, moment=_moment, collated=_sorted_for_reading
)
ENVIRONMENT.globals.update(money_range=_money_range)
