"""Why a pair matched, in words, in English or Chinese, written from the records' public fields.

Each statement is built from fields of the two records and the reference tables, never from
the restricted `details`, so an explanation can be shown to anyone who can see the match.
Each reason also carries the facts it states (codes, countries, words, figures), so a reader
or a test can check the sentence against the records without parsing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from itpo.matching import places as geo
from itpo.matching.amounts import stated_range
from itpo.matching.eligibility import (
    AREA_DIVISIONS,
    Eligibility,
    NearMiss,
    Party,
    Rule,
    divisions,
    roles,
    sector_codes,
    trl_pair,
)
from itpo.matching.scoring import PairScore, area_similarity
from itpo.matching.terms import shared_terms
from itpo.matching.text import tokenize
from itpo.matching.weights import ScoringParameters, ScoringWeights
from itpo.registry import reference
from itpo.registry.model import CooperationType, Opportunity, OpportunityKind

LANGUAGES = ("en", "zh")
KINDS = {
    OpportunityKind.TECHNOLOGY_OFFER: ("technology offer", "技术供给"),
    OpportunityKind.TECHNOLOGY_NEED: ("technology need", "技术需求"),
    OpportunityKind.INVESTMENT_PROJECT: ("investment project", "投资项目"),
    OpportunityKind.INVESTMENT_MANDATE: ("investment mandate", "投资意向"),
}
COOPERATION = {
    CooperationType.LICENSING: ("licensing", "技术许可"),
    CooperationType.JOINT_VENTURE: ("joint venture", "合资"),
    CooperationType.EQUITY: ("equity", "股权投资"),
    CooperationType.LOAN: ("loan", "贷款"),
    CooperationType.SUPPLY: ("supply", "供货"),
    CooperationType.DISTRIBUTION: ("distribution", "分销"),
    CooperationType.TECHNICAL_ASSISTANCE: ("technical assistance", "技术援助"),
    CooperationType.JOINT_RND: ("joint R&D", "联合研发"),
}
# ISIC levels as the Chinese national classification names them; ISIC titles themselves exist
# only in English (and Arabic) in the reference, so Chinese sentences quote the English title.
ISIC_LEVELS = {
    4: ("class", "小类"),
    3: ("group", "中类"),
    2: ("division", "大类"),
    1: ("section", "门类"),
}
GEOGRAPHY_LEVELS = {geo.COUNTRY: "country", geo.SUBREGION: "subregion", geo.REGION: "region"}
# More words than this reads as a list, not a reason.
MAX_TERMS = 6
# Matching words stand for the whole text score from this many on; fewer say less.
FULL_TERMS = 3
# What says what the two records are about; an explanation says it first.
SUBJECT_COMPONENTS = ("text", "isic", "technology")

Facts = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Reason:
    component: str  # the scoring component it explains, or "near_miss"
    text: str
    facts: Facts = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Explanation:
    language: str
    reasons: tuple[Reason, ...]
    near_miss: Reason | None

    def lines(self) -> list[str]:
        tail = [self.near_miss.text] if self.near_miss else []
        return [reason.text for reason in self.reasons] + tail


def _language(code: str) -> str:
    return "zh" if code.strip().lower().startswith("zh") else "en"


def _kind(opportunity: Opportunity, lang: str) -> str:
    en, zh = KINDS[opportunity.kind]
    return zh if lang == "zh" else en


def _pick(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _sentences(parts: Sequence[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(parts)


def public_text(opportunity: Opportunity) -> str:
    return f"{opportunity.title} {opportunity.teaser}"


def public_terms(terms: Sequence[str], a: Opportunity, b: Opportunity) -> list[str]:
    """The matched words that stand in both records' public title and teaser, as `a` writes
    them: meaningful words and phrases only (see `matching.terms`), never a deal word, a
    number or a part of a Chinese word.

    A word found only in `details` is never kept: details are neither indexed nor read here.
    """
    wanted = {t for term in terms for t in tokenize(term, a.language)}
    # Title and teaser on lines of their own, so no phrase runs from one into the other.
    ours, theirs = f"{a.title}\n{a.teaser}", f"{b.title}\n{b.teaser}"
    return shared_terms(ours, a.language, theirs, b.language, wanted)[:MAX_TERMS]


def _terms(terms: Sequence[str], lang: str) -> Reason | None:
    if not terms:
        return None
    text = _pick(lang, f"Matching terms: {', '.join(terms)}.", f"匹配关键词：{'、'.join(terms)}。")
    return Reason("text", text, {"terms": tuple(terms)})


def _sector(a: Opportunity, b: Opportunity, lang: str) -> Reason | None:
    pairs = [
        (reference.isic_proximity(x, y), x)
        for x in sector_codes(a)
        for y in sector_codes(b)
        if reference.is_isic_class(x) and reference.is_isic_class(y)
    ]
    if not pairs or max(pairs)[0] == 0:
        return _sector_bridge(a, b, lang)
    level, code = max(pairs, key=lambda pair: pair[0])
    entry = reference.isic_entry(code)
    for _ in range(4 - level):  # climb to the level both share
        assert entry.parent is not None
        entry = reference.isic_entry(entry.parent)
    level_en, level_zh = ISIC_LEVELS[level]
    facts = {"code": (entry.code,), "level": (level_en,)}
    if level == 4:
        return Reason(
            "isic",
            _pick(
                lang,
                f"Same sector: ISIC {entry.code} {entry.title_en}.",
                f"行业相同：ISIC {entry.code}（{entry.title_zh}）。",
            ),
            facts,
        )
    text = _pick(
        lang,
        f"Related sectors: both under ISIC {level_en} {entry.code} {entry.title_en}.",
        f"行业相近：同属 ISIC {level_zh} {entry.code}（{entry.title_zh}）。",
    )
    return Reason("isic", text, facts)


def _sector_bridge(a: Opportunity, b: Opportunity, lang: str) -> Reason | None:
    """A division one side states and the other reaches through a technology area."""
    ours, theirs = divisions(a), divisions(b)
    shared = sorted(d for d in ours if d in theirs)
    if not shared:
        return None
    division = reference.isic_entry(shared[0])
    bases = (ours[division.code], theirs[division.code])
    sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    named = sep.join(
        f"{_kind(o, lang)}{colon}{_basis(code, lang)}"
        for o, code in zip((a, b), bases, strict=True)
    )
    text = _pick(
        lang,
        f"Sector fit: both in ISIC division {division.code} {division.title_en} ({named}).",
        f"行业相符：同属 ISIC 大类 {division.code}（{division.title_zh}）（{named}）。",
    )
    return Reason("isic", text, {"division": (division.code,), "bases": bases})


def _basis(code: str, lang: str) -> str:
    if code in AREA_DIVISIONS:
        area = reference.technology_areas()[code]
        return area.name_zh if lang == "zh" else area.name_en
    return f"ISIC {code}"


def _market(a: Party, b: Party, lang: str, ldc_priority: bool) -> Reason | None:
    fit = _market_fit(a, b, lang)
    pair = roles(a.opportunity, b.opportunity)
    if not ldc_priority or pair is None:
        return fit
    seeker = a if pair[1] is a.opportunity else b
    location = geo.location(seeker.opportunity, seeker.organisation)
    market = fit.facts.get("market", ()) if fit else ()
    # The market already named, when it is one, rather than another country of the project.
    ldcs = sorted((c for c in location if reference.country(c).ldc), key=lambda c: c not in market)
    if not ldcs:
        return fit
    name = reference.country(ldcs[0]).name(lang)
    facts = {**(fit.facts if fit else {}), "ldc": (ldcs[0],)}
    if fit is not None and market == (ldcs[0],):
        text = _pick(
            lang,
            f"{fit.text[:-1]}, and a least developed country, a priority.",
            f"{fit.text[:-1]}，且为最不发达国家，属优先对象。",
        )
        return Reason("geography", text, facts)
    extra = _pick(
        lang,
        f"{name} is a least developed country, a priority.",
        f"{name}为最不发达国家，属优先对象。",
    )
    return Reason("geography", _sentences([fit.text, extra] if fit else [extra], lang), facts)


def _market_fit(a: Party, b: Party, lang: str) -> Reason | None:
    pair = roles(a.opportunity, b.opportunity)
    if pair is not None and geo.known(pair[0].countries):
        provider, seeker = pair
        seeker_party = a if seeker is a.opportunity else b
        shared = [
            c
            for c in geo.places(seeker, seeker_party.organisation)
            if c in geo.known(provider.countries)
        ]
        if shared:
            name, kind = reference.country(shared[0]).name(lang), _kind(provider, lang)
            text = _pick(
                lang,
                f"Market fit: {name} is one of the {kind}'s target markets.",
                f"市场相符：{name}是该{kind}的目标市场之一。",
            )
            return Reason("geography", text, {"market": (shared[0],)})
    ours = geo.places(a.opportunity, a.organisation)
    closest = geo.closest(ours, geo.places(b.opportunity, b.organisation))
    if closest is None or closest[0] == geo.NOWHERE:
        return None
    level, x, y = closest
    area = geo.shared_area_name(x, y, level, lang)
    facts = {"level": (GEOGRAPHY_LEVELS[level],), "countries": (x, y)}
    if level == geo.COUNTRY:
        return Reason("geography", _pick(lang, f"Both are in {area}.", f"双方均在{area}。"), facts)
    nx, ny = reference.country(x).name(lang), reference.country(y).name(lang)
    text = _pick(lang, f"{nx} and {ny} are both in {area}.", f"{nx}和{ny}同属{area}。")
    return Reason("geography", text, facts)


def _figure(value: float) -> str:
    """A converted amount, to three significant figures: it is indicative, not exact."""
    return f"{float(f'{value:.3g}'):,.0f}"


def _money(opportunity: Opportunity, rates: Mapping[str, float], convert: bool, lang: str) -> str:
    low, high = stated_range(opportunity) or (0.0, 0.0)
    currency = str(opportunity.currency).strip().upper()
    said = f"{currency} {low:,.0f}" if low == high else f"{currency} {low:,.0f}–{high:,.0f}"
    rate = rates.get(currency)
    if not convert or currency == "USD" or rate is None:
        return said
    usd = _figure(low * rate) if low == high else f"{_figure(low * rate)}–{_figure(high * rate)}"
    return _pick(lang, f"{said} (about USD {usd})", f"{said}（约合 USD {usd}）")


def _amount(a: Opportunity, b: Opportunity, score: PairScore, lang: str) -> Reason | None:
    part = score.forward.components["amount"]
    if not part.stated or part.value <= 0:
        return None
    rates = dict(part.rates)
    convert = str(a.currency).strip().upper() != str(b.currency).strip().upper()
    ka, kb = _kind(a, lang), _kind(b, lang)
    ma, mb = _money(a, rates, convert, lang), _money(b, rates, convert, lang)
    fits = part.value >= 1
    facts = {
        "fit": ("contained" if fits else "overlap",),
        "rates": tuple(f"{code}={rate}" for code, rate in sorted(rates.items())),
    }
    if fits:
        return Reason(
            "amount",
            _pick(lang, f"Amounts fit: {ka} {ma}, {kb} {mb}.", f"金额相符：{ka} {ma}，{kb} {mb}。"),
            facts,
        )
    return Reason(
        "amount",
        _pick(
            lang, f"Amounts overlap: {ka} {ma}, {kb} {mb}.", f"金额部分重叠：{ka} {ma}，{kb} {mb}。"
        ),
        facts,
    )


def _trl(a: Opportunity, b: Opportunity, lang: str) -> Reason | None:
    pair = trl_pair(a, b)
    if pair is None:
        return None
    asking, ready = pair
    if ready.trl is None or asking.min_trl is None or ready.trl < asking.min_trl:
        return None
    kr, ka = _kind(ready, lang), _kind(asking, lang)
    facts = {"trl": (str(ready.trl),), "min_trl": (str(asking.min_trl),)}
    return Reason(
        "trl",
        _pick(
            lang,
            f"Readiness fits: the {kr} is at TRL {ready.trl}; the {ka} asks for TRL {asking.min_trl} or more.",
            f"成熟度相符：该{kr}处于 TRL {ready.trl}，{ka}要求至少 TRL {asking.min_trl}。",
        ),
        facts,
    )


def _sdgs(a: Opportunity, b: Opportunity, lang: str) -> Reason | None:
    shared = sorted(set(a.sdgs) & set(b.sdgs))
    if not shared:
        return None
    goals = [reference.sdg(n) for n in shared]
    names_en = "; ".join(f"SDG {g.number} {g.title_en}" for g in goals)
    names_zh = "；".join(f"可持续发展目标 {g.number}（{g.title_zh}）" for g in goals)
    text = _pick(lang, f"Both contribute to {names_en}.", f"双方均助力{names_zh}。")
    return Reason("sdg", text, {"goals": tuple(str(n) for n in shared)})


def _technology(a: Opportunity, b: Opportunity, lang: str) -> Reason | None:
    areas = reference.technology_areas()
    ours = [x for x in a.technology_areas if x in areas]
    theirs = [y for y in b.technology_areas if y in areas]
    shared = [x for x in ours if x in theirs]
    if shared:
        names = [areas[x].name_zh if lang == "zh" else areas[x].name_en for x in shared]
        return Reason(
            "technology",
            _pick(
                lang,
                f"Shared technology areas: {', '.join(names)}.",
                f"共同技术领域：{'、'.join(names)}。",
            ),
            {"areas": tuple(shared)},
        )
    related = [(x, y) for x in ours for y in theirs if area_similarity(x, y) > 0]
    if not related:
        return None
    x, y = related[0]
    family = areas[areas[x].parent or x]
    name = family.name_zh if lang == "zh" else family.name_en
    return Reason(
        "technology",
        _pick(
            lang,
            f"Related technology: both are in the {name} family.",
            f"技术相关：双方同属“{name}”领域。",
        ),
        {"family": (family.code,), "pair": (x, y)},
    )


def _cooperation(a: Opportunity, b: Opportunity, lang: str) -> Reason | None:
    shared = [t for t in COOPERATION if t in a.cooperation_types and t in b.cooperation_types]
    if not shared:
        return None
    names = [COOPERATION[t][1] if lang == "zh" else COOPERATION[t][0] for t in shared]
    text = _pick(lang, f"Both accept {', '.join(names)}.", f"双方均接受{'、'.join(names)}。")
    return Reason("cooperation", text, {"types": tuple(t.value for t in shared)})


def near_miss_text(miss: NearMiss, lang: str) -> str:
    kind = KINDS[miss.side][1 if lang == "zh" else 0] if miss.side else ""
    if miss.rule is Rule.TRL:
        return _pick(
            lang,
            f"Nearly missed: TRL {miss.trl} is exactly the {kind}'s minimum.",
            f"险些未达：TRL {miss.trl} 恰好等于该{kind}要求的最低成熟度。",
        )
    if miss.rule is Rule.MARKETS and miss.country and miss.market:
        name, market = (
            reference.country(miss.country).name(lang),
            reference.country(miss.market).name(lang),
        )
        area = geo.shared_area_name(miss.country, miss.market, geo.SUBREGION, lang)
        return _pick(
            lang,
            f"Nearly missed: {name} is not among the {kind}'s markets, but shares {area} with {market}.",
            f"险些不符：{name}不在该{kind}的目标市场内，但与{market}同属{area}。",
        )
    if miss.rule is Rule.EXPIRY:
        return _pick(
            lang,
            f"Nearly missed: the {kind} expires on {miss.valid_until}.",
            f"即将到期：该{kind}有效期至 {miss.valid_until}。",
        )
    return miss.message


def near_miss_in(reason: Reason, lang: str) -> str:
    """A near miss worded again in `lang` from the facts it keeps (`near_miss_facts`)."""
    facts = reason.facts

    def one(name: str) -> str | None:
        values = facts.get(name, ())
        return values[0] if values else None

    trl, min_trl, until, side = one("trl"), one("min_trl"), one("valid_until"), one("side")
    try:
        miss = NearMiss(
            rule=Rule(one("rule") or ""),
            message=reason.text,
            passed=True,
            country=one("country"),
            market=one("market"),
            trl=int(trl) if trl else None,
            min_trl=int(min_trl) if min_trl else None,
            valid_until=dt.date.fromisoformat(until) if until else None,
            side=OpportunityKind(side) if side else None,
        )
    except ValueError:
        return reason.text
    return near_miss_text(miss, lang)


def near_miss_facts(miss: NearMiss) -> Facts:
    values = {
        "rule": miss.rule.value,
        "trl": miss.trl,
        "min_trl": miss.min_trl,
        "country": miss.country,
        "market": miss.market,
        "valid_until": miss.valid_until,
        "side": miss.side.value if miss.side else None,
    }
    return {name: (str(value),) for name, value in values.items() if value is not None}


def explain(
    a: Party,
    b: Party,
    *,
    score: PairScore,
    eligibility: Eligibility,
    matched_terms: Sequence[str] = (),
    weights: ScoringWeights | None = None,
    parameters: ScoringParameters | None = None,
    language: str | None = None,
    top: int = 4,
) -> Explanation:
    """The top reasons b matches a, in a's language unless `language` is given (en or zh)."""
    lang = _language(language or a.opportunity.language)
    x, y = a.opportunity, b.opportunity
    builders: dict[str, Callable[[], Reason | None]] = {
        "text": lambda: _terms(public_terms(matched_terms, x, y), lang),
        "isic": lambda: _sector(x, y, lang),
        "geography": lambda: _market(a, b, lang, ldc_priority),
        "amount": lambda: _amount(x, y, score, lang),
        "trl": lambda: _trl(x, y, lang),
        "sdg": lambda: _sdgs(x, y, lang),
        "technology": lambda: _technology(x, y, lang),
        "cooperation": lambda: _cooperation(x, y, lang),
    }
    weights = weights or ScoringWeights()
    ldc_priority = (parameters or ScoringParameters()).ldc_bonus > 0
    features = score.features()

    def strength(reason: Reason) -> float:
        value = weights[reason.component] * features[reason.component]
        if reason.component == "text":  # one shared word carries less than the text score
            value *= min(1.0, len(reason.facts["terms"]) / FULL_TERMS)
        return value

    # What the two are about comes first, the best of it leading: the first reason is the one
    # a list shows. Then the rest, strongest contribution to the score first.
    reasons = [reason for build in builders.values() if (reason := build())]
    reasons.sort(key=lambda r: (r.component not in SUBJECT_COMPONENTS, -strength(r)))
    misses = eligibility.near_misses
    near = None
    if misses:
        near = Reason("near_miss", near_miss_text(misses[0], lang), near_miss_facts(misses[0]))
    return Explanation(lang, tuple(reasons[:top]), near)
