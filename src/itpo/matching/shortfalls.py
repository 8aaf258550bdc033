"""What a pair falls short on, in words: the terms that lowered its score, the hard conditions
that left a counterpart out, and why a record has no counterpart at all (English or Chinese).

Like every reason, each sentence is written from the records' public fields and carries the
facts it states, so it can be checked against the records and worded again in another language.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from itpo.matching import places as geo
from itpo.matching.amounts import stated_range
from itpo.matching.eligibility import (
    Eligibility,
    Failure,
    Party,
    Rule,
    area_codes,
    roles,
    sector_codes,
    trl_pair,
)
from itpo.matching.explanation import COOPERATION, KINDS, Reason
from itpo.registry import reference
from itpo.registry.model import Condition, Opportunity, OpportunityKind

# The component each term belongs to, so a shortfall sits beside the reasons of its component.
COMPONENT = {
    Rule.MARKETS: "geography",
    Rule.COOPERATION: "cooperation",
    Rule.AMOUNT: "amount",
    Rule.TRL: "trl",
}
LANGUAGES = ("en", "zh")
CONDITIONS = {
    Rule.MARKETS: Condition.MARKETS,
    Rule.COOPERATION: Condition.COOPERATION,
    Rule.AMOUNT: Condition.AMOUNT,
}


def _pick(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _kind(opportunity: Opportunity, lang: str) -> str:
    return KINDS[opportunity.kind][1 if lang == "zh" else 0]


def _join(names: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def _countries(codes: Sequence[str], lang: str) -> str:
    return _join([reference.country(code).name(lang) for code in codes], lang)


def _types(opportunity: Opportunity, lang: str) -> str:
    chosen = [t for t in COOPERATION if t in opportunity.cooperation_types]
    return _join([COOPERATION[t][1 if lang == "zh" else 0] for t in chosen], lang)


def _money(opportunity: Opportunity) -> str:
    low, high = stated_range(opportunity) or (0.0, 0.0)
    currency = str(opportunity.currency).strip().upper()
    return f"{currency} {low:,.0f}" if low == high else f"{currency} {low:,.0f}–{high:,.0f}"


def _markets(a: Party, b: Party, lang: str) -> tuple[str, dict[str, tuple[str, ...]]] | None:
    pair = roles(a.opportunity, b.opportunity)
    if pair is None:
        return None
    provider, seeker = pair
    seeker_party = a if seeker is a.opportunity else b
    location = list(geo.places(seeker, seeker_party.organisation))
    markets = list(geo.known(provider.countries))
    where = (
        _countries(location, lang) if location else _pick(lang, "an unknown country", "未知国家")
    )
    kind, listed = _kind(provider, lang), _countries(markets, lang)
    text = _pick(
        lang,
        f"{where} is outside the {kind}'s stated markets ({listed})",
        f"{where}不在该{kind}所列目标市场（{listed}）之内",
    )
    return text, {"countries": tuple(location), "markets": tuple(markets)}


def _cooperation(
    a: Opportunity, b: Opportunity, lang: str
) -> tuple[str, dict[str, tuple[str, ...]]]:
    text = _pick(
        lang,
        f"no cooperation type in common (the {_kind(a, lang)} accepts {_types(a, lang)}, "
        f"the {_kind(b, lang)} {_types(b, lang)})",
        f"双方没有共同的合作方式（{_kind(a, lang)}接受{_types(a, lang)}，"
        f"{_kind(b, lang)}接受{_types(b, lang)}）",
    )
    facts = {
        "ours": tuple(t.value for t in a.cooperation_types),
        "theirs": tuple(t.value for t in b.cooperation_types),
    }
    return text, facts


def _amount(a: Opportunity, b: Opportunity, lang: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    text = _pick(
        lang,
        f"the amounts do not overlap ({_kind(a, lang)} {_money(a)}, {_kind(b, lang)} {_money(b)})",
        f"金额范围不重叠（{_kind(a, lang)} {_money(a)}，{_kind(b, lang)} {_money(b)}）",
    )
    return text, {"amounts": (_money(a), _money(b))}


def _trl(a: Opportunity, b: Opportunity, lang: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    pair = trl_pair(a, b)
    assert pair is not None  # a TRL failure needs both levels stated
    floor, ready = pair
    text = _pick(
        lang,
        f"the {_kind(ready, lang)} is at TRL {ready.trl}, below the {_kind(floor, lang)}'s "
        f"minimum of TRL {floor.min_trl}",
        f"该{_kind(ready, lang)}处于 TRL {ready.trl}，低于{_kind(floor, lang)}要求的最低 "
        f"TRL {floor.min_trl}",
    )
    return text, {"trl": (str(ready.trl),), "min_trl": (str(floor.min_trl),)}


def _words(
    rule: Rule, a: Party, b: Party, lang: str
) -> tuple[str, dict[str, tuple[str, ...]]] | None:
    x, y = a.opportunity, b.opportunity
    if rule is Rule.MARKETS:
        return _markets(a, b, lang)
    if rule is Rule.COOPERATION:
        return _cooperation(x, y, lang)
    if rule is Rule.AMOUNT:
        return _amount(x, y, lang)
    if rule is Rule.TRL:
        return _trl(x, y, lang)
    return None


def lowered_by(a: Party, b: Party, eligibility: Eligibility, lang: str) -> list[Reason]:
    """The terms the pair does not meet that only lowered its score, one sentence each."""
    found = []
    for failure in eligibility.mismatches:
        wording = tuple(_lowered(failure, a, b, language) for language in LANGUAGES)
        if all(wording):
            found.append(_reason(failure, a, b, lang, wording))
    return found


def _lowered(failure: Failure, a: Party, b: Party, lang: str) -> str:
    said = _words(failure.rule, a, b, lang)
    if said is None:
        return ""
    return _pick(lang, f"Score lowered: {said[0]}.", f"得分降低：{said[0]}。")


def left_out_by(a: Party, b: Party, failures: Collection[Failure], lang: str) -> list[Reason]:
    """The hard conditions that left a counterpart out, one sentence each, naming the side
    that set it (a minimum TRL is the asking side's by its nature)."""
    found = []
    for failure in failures:
        wording = tuple(_left_out(failure, a, b, language) for language in LANGUAGES)
        if all(wording):
            found.append(_reason(failure, a, b, lang, wording))
    return found


def _left_out(failure: Failure, a: Party, b: Party, lang: str) -> str:
    said = _words(failure.rule, a, b, lang)
    if said is None:
        return ""
    condition = CONDITIONS.get(failure.rule)
    setters = [o for o in (a.opportunity, b.opportunity) if condition in o.hard_conditions]
    if condition is None or not setters:
        return _pick(lang, f"Left out: {said[0]}.", f"未列入：{said[0]}。")
    kind = _kind(setters[0], lang)
    return _pick(
        lang,
        f"Left out: {said[0]}, which the {kind} makes a hard condition.",
        f"未列入：{said[0]}，该{kind}将此设为硬性条件。",
    )


def _reason(failure: Failure, a: Party, b: Party, lang: str, wording: tuple[str, ...]) -> Reason:
    """The sentence in `lang`, with its facts and its wording in every language kept, so a
    page in the other language shows it without the records at hand."""
    said = _words(failure.rule, a, b, lang)
    assert said is not None  # only called with a wording for every language
    facts = {**said[1], "rule": (failure.rule.value,), "wording": wording}
    return Reason(COMPONENT[failure.rule], wording[LANGUAGES.index(lang)], facts)


def worded_in(reason: Reason, language: str) -> str | None:
    """A shortfall's sentence in `language`, when the reason is one and keeps it."""
    wording = reason.facts.get("wording", ())
    if len(wording) != len(LANGUAGES) or language not in LANGUAGES:
        return None
    return wording[LANGUAGES.index(language)]


def no_match_reason(
    asking: Opportunity,
    *,
    kinds: Collection[OpportunityKind],
    subject_shared: bool,
    near_misses: int,
    lang: str,
) -> Reason:
    """Why a record has no counterpart worth an introduction, true to what was found."""
    names = [KINDS[k][1 if lang == "zh" else 0] for k in sorted(kinds)]
    wanted = ("或" if lang == "zh" else " or ").join(names)
    subject = _subject(asking, lang)
    facts: dict[str, tuple[str, ...]] = {
        "kinds": tuple(sorted(k.value for k in kinds)),
        "near_misses": (str(near_misses),),
    }
    if near_misses:
        text = _pick(
            lang,
            f"No {wanted} meets this record's terms and conditions; "
            f"{near_misses} left out by a hard condition {'is' if near_misses == 1 else 'are'} "
            "shown as near misses.",
            f"没有满足本条目条件的{wanted}；{near_misses} 个因硬性条件未列入的对象作为“险些匹配”列出。",
        )
        return Reason("none", text, {**facts, "why": ("conditions",)})
    if not subject_shared:
        text = _pick(
            lang,
            f"No published {wanted} on the platform shares this record's subject ({subject}).",
            f"平台上没有与本条目主题（{subject}）相同的已发布{wanted}。",
        )
        return Reason("none", text, {**facts, "why": ("subject",)})
    text = _pick(
        lang,
        f"Every published {wanted} that shares this record's sector or technology ({subject}) "
        "is about something else: none is close enough to be worth an introduction.",
        f"与本条目行业或技术（{subject}）相关的已发布{wanted}内容相去较远，均不值得引荐。",
    )
    return Reason("none", text, {**facts, "why": ("relevance",)})


def _subject(opportunity: Opportunity, lang: str) -> str:
    areas = reference.technology_areas()
    named = [
        f"ISIC {code} {reference.isic_title(code, lang)}" for code in sector_codes(opportunity)
    ]
    named += [
        areas[code].name_zh if lang == "zh" else areas[code].name_en
        for code in area_codes(opportunity)
    ]
    if not named:
        return _pick(lang, "no sector or technology stated", "未注明行业或技术")
    return _join(named[:3], lang if lang == "zh" else "en").replace(", ", "; ")
