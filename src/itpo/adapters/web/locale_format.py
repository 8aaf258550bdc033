"""Numbers, amounts, dates, plural forms and the order of lists, as each of the pages'
languages writes them: CLDR's rules through Babel, and pinyin order for Chinese lists.

English pages write dates the way the UN system does (7 Dec 2026) and amounts as people say
them (USD 40k, EUR 1.2m); Chinese pages write 2026年12月7日 and amounts in 万 and 亿
(USD 4万, EUR 1.2亿), which is how a Chinese reader counts money.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import cache

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_compact_decimal, format_decimal
from pypinyin import Style, lazy_pinyin

# The CLDR locale each page language formats with: British English for the UN's date order.
LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN"}
DASH = "–"
SCALES = ((1e9, "bn"), (1e6, "m"), (1e3, "k"))


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(LOCALES.get(language, LOCALES["en"]))


def plural_category(language: str, n: float | int) -> str:
    """CLDR's plural category of `n` in the language: "one" or "other" in English, always
    "other" in Chinese (which does not inflect)."""
    return str(_locale(language).plural_form(abs(n)))


def number(value: float | int | None, digits: int = 0, language: str = "en") -> str:
    """A figure with the language's separators and exactly `digits` decimals; a dash for none."""
    if value is None:
        return DASH
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return str(format_decimal(value, format=pattern, locale=_locale(language)))


def _scaled(amount: float | int, language: str) -> str:
    if language == "zh" and abs(amount) >= 1e4:
        return str(format_compact_decimal(amount, fraction_digits=1, locale=_locale(language)))
    for size, suffix in SCALES:
        if abs(amount) >= size:
            return f"{amount / size:,.1f}".removesuffix(".0") + suffix
    return number(amount, 0, language)


def money(amount: float | int | None, currency: str | None, language: str = "en") -> str:
    """An amount as people say it: USD 40k, EUR 1.2m (Chinese: USD 4万, EUR 120万)."""
    if amount is None:
        return DASH
    return f"{currency or ''} {_scaled(amount, language)}".strip()


def money_range(
    low: float | int | None, high: float | int | None, currency: str | None, language: str = "en"
) -> str:
    """A range with its currency once: USD 40k–120k."""
    if low is None or high is None or low == high:
        return money(high if low is None else low, currency, language)
    return f"{currency or ''} {_scaled(low, language)}–{_scaled(high, language)}".strip()


def _parsed(value: dt.date | dt.datetime | str) -> dt.date | dt.datetime:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def day(value: dt.date | dt.datetime | str | None, language: str = "en") -> str:
    """A day as the language writes it: 7 Dec 2026, 2026年12月7日."""
    if value is None:
        return DASH
    parsed = _parsed(value)
    when = parsed.date() if isinstance(parsed, dt.datetime) else parsed
    return str(format_date(when, "medium", locale=_locale(language)))


def moment(value: dt.datetime | str | None, language: str = "en") -> str:
    """A day and time (as stored, in UTC): 7 Dec 2026, 09:30; 2026年12月7日 09:30."""
    if value is None:
        return DASH
    parsed = _parsed(value)
    if not isinstance(parsed, dt.datetime):
        return day(parsed, language)
    pattern = "d MMM y, HH:mm" if language != "zh" else "y年M月d日 HH:mm"
    return str(format_datetime(parsed, pattern, tzinfo=parsed.tzinfo, locale=_locale(language)))


def _folded(text: str) -> str:
    """Accents and case set aside, so Côte d'Ivoire sorts beside Costa Rica."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _pinyin(text: str) -> str:
    return _folded(" ".join(lazy_pinyin(text, style=Style.NORMAL, errors="default")))


def collation_key(language: str) -> Callable[[str], tuple[str, str]]:
    """The order a list is read in: alphabetical in English, by pinyin in Chinese (the order
    of Chinese dictionaries and indexes), ties broken by the text itself."""
    if language == "zh":
        return lambda text: (_pinyin(text), text)
    return lambda text: (_folded(text), text)
