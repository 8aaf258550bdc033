"""The sentence of facts the demo builder adds to an illustrative record's details.

It states the record's places, readiness, amount and kinds of cooperation in the record's
language (English, Chinese or French), with country names from the platform's reference data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from demo_records import Amount, Opportunity

from itpo.registry import reference

# Short country names for running text, where the UN name is long.
SHORT_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "BOL": "Bolivia",
        "TZA": "Tanzania",
        "GBR": "the United Kingdom",
        "USA": "the United States",
        "LAO": "Lao PDR",
        "COD": "DR Congo",
        "KOR": "the Republic of Korea",
        "MDA": "Moldova",
        "NLD": "the Netherlands",
        "PHL": "the Philippines",
        "ARE": "the United Arab Emirates",
    },
    "zh": {
        "BOL": "玻利维亚",
        "TZA": "坦桑尼亚",
        "LAO": "老挝",
        "GBR": "英国",
        "USA": "美国",
        "KOR": "韩国",
        "COD": "刚果（金）",
        "ARE": "阿联酋",
    },
    "fr": {"BOL": "Bolivie", "TZA": "Tanzanie", "COD": "RD Congo"},
}

COOPERATION_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "licensing": "licensing",
        "joint_venture": "joint venture",
        "equity": "equity",
        "loan": "loans",
        "supply": "supply",
        "distribution": "distribution",
        "technical_assistance": "technical assistance",
        "joint_rnd": "joint R&D",
    },
    "zh": {
        "licensing": "技术许可",
        "joint_venture": "合资",
        "equity": "股权投资",
        "loan": "贷款",
        "supply": "设备供货",
        "distribution": "分销代理",
        "technical_assistance": "技术援助",
        "joint_rnd": "联合研发",
    },
    "fr": {
        "licensing": "licence",
        "joint_venture": "coentreprise",
        "equity": "prise de participation",
        "loan": "prêt",
        "supply": "fourniture",
        "distribution": "distribution",
        "technical_assistance": "assistance technique",
        "joint_rnd": "R&D conjointe",
    },
}

CURRENCY_ZH = {"USD": "美元", "EUR": "欧元", "CNY": "元人民币", "GBP": "英镑", "JPY": "日元"}


@dataclass(frozen=True)
class Phrases:
    """How one language says each fact; `{}` is where the value goes."""

    places: dict[str, str]  # by kind
    amounts: dict[str, str]  # by kind
    trl: str
    min_trl: str
    cooperation: str
    separator: str
    end: str


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        places={
            "technology_offer": "Target markets: {}",
            "technology_need": "Location: {}",
            "investment_mandate": "Regions: {}",
            "investment_project": "Location: {}",
        },
        amounts={
            "technology_offer": "indicative price {}",
            "technology_need": "budget {}",
            "investment_mandate": "ticket size {}",
            "investment_project": "financing sought {}",
        },
        trl="readiness TRL {}",
        min_trl="minimum readiness TRL {}",
        cooperation="cooperation: {}",
        separator="; ",
        end=".",
    ),
    "fr": Phrases(
        places={
            "technology_offer": "Marchés visés : {}",
            "technology_need": "Localisation : {}",
            "investment_mandate": "Zones d'investissement : {}",
            "investment_project": "Localisation du projet : {}",
        },
        amounts={
            "technology_offer": "prix indicatif : {}",
            "technology_need": "budget : {}",
            "investment_mandate": "ticket : {}",
            "investment_project": "financement recherché : {}",
        },
        trl="maturité technologique TRL {}",
        min_trl="TRL minimal demandé : {}",
        cooperation="coopération : {}",
        separator=" ; ",
        end=".",
    ),
    "zh": Phrases(
        places={
            "technology_offer": "目标市场：{}",
            "technology_need": "所在地：{}",
            "investment_mandate": "投资区域：{}",
            "investment_project": "项目所在地：{}",
        },
        amounts={
            "technology_offer": "参考价格：{}",
            "technology_need": "预算：{}",
            "investment_mandate": "单笔投资规模：{}",
            "investment_project": "融资需求：{}",
        },
        trl="技术成熟度 TRL {}",
        min_trl="要求技术成熟度不低于 TRL {}",
        cooperation="合作方式：{}",
        separator="；",
        end="。",
    ),
}


def country_name(code: str, lang: str) -> str:
    return SHORT_NAMES.get(lang, {}).get(code) or reference.country(code).name(lang)


def join(items: Sequence[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    last = {"en": " and ", "fr": " et "}[lang]
    return ", ".join(items[:-1]) + last + items[-1]


def _in_words_en(value: float) -> str:
    if value >= 1e9:
        return f"{value / 1e9:g} billion"
    if value >= 1e6:
        return f"{value / 1e6:g} million"
    return f"{value:,.0f}"


def _in_words_zh(value: float) -> str:
    if value >= 1e8:
        return f"{value / 1e8:g}亿"
    if value >= 1e4:
        return f"{value / 1e4:g}万"
    return f"{value:,.0f}"


def _span_en(low: float, high: float) -> str:
    if high >= 1e6 and low >= 1e6 and low != high:
        unit, word = (1e9, "billion") if low >= 1e9 else (1e6, "million")
        return f"{low / unit:g}–{high / unit:g} {word}"
    return _in_words_en(low) if low == high else f"{_in_words_en(low)}–{_in_words_en(high)}"


def _french(span: str) -> str:
    span = span.replace(",", "\u202f").replace(".", ",")
    span = span.replace("million", "millions").replace("billion", "milliards")
    if span.startswith(("1 millions", "1 milliards")):
        span = span.replace("millions", "million").replace("milliards", "milliard")
    return span


def money(amount: Amount, lang: str) -> str:
    low, high, currency = amount.low, amount.high, amount.currency
    if lang == "zh":
        span = _in_words_zh(low) if low == high else f"{_in_words_zh(low)}–{_in_words_zh(high)}"
        return f"{span}{CURRENCY_ZH.get(currency, ' ' + currency)}"
    if lang == "fr":
        return f"{_french(_span_en(low, high))} {currency}"
    return f"{currency} {_span_en(low, high)}"


def facts_sentence(opp: Opportunity) -> str:
    """One sentence of the record's structured facts; empty when it states none of them."""
    lang = opp.language
    say = PHRASES[lang]
    parts: list[str] = []
    if opp.countries:
        places = [country_name(c, lang) for c in opp.countries]
        parts.append(say.places[opp.kind].format(join(places, lang)))
    if opp.trl:
        parts.append(say.trl.format(opp.trl))
    if opp.min_trl:
        parts.append(say.min_trl.format(opp.min_trl))
    if opp.amount:
        parts.append(say.amounts[opp.kind].format(money(opp.amount, lang)))
    if opp.cooperation_types:
        words = COOPERATION_WORDS[lang]
        parts.append(say.cooperation.format(join([words[c] for c in opp.cooperation_types], lang)))
    text = say.separator.join(parts)
    return text[0].upper() + text[1:] + say.end if text else ""
