"""Why a pair matched, in words, in English or Chinese, written from the records' public fields.

Each statement is built from fields of the two records and the reference tables, never from
the restricted `details`, so an explanation can be shown to anyone who can see the match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from itpo.matching import places as geo
from itpo.matching.eligibility import Eligibility, NearMiss, Party, Rule, roles, trl_pair
from itpo.matching.scoring import PairScore, area_similarity
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


@dataclass(frozen=True, slots=True)
class Reason:
    component: str  # the scoring component it explains, or "near_miss"
    text: str


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


def _join(items: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def public_terms(terms: Sequence[str], a: Opportunity, b: Opportunity) -> list[str]:
    """Matched words that appear in a title or teaser; a word only in `details` is dropped."""
    public = " ".join([a.title, a.teaser, b.title, b.teaser]).casefold()
    return [term for term in dict.fromkeys(terms) if term.strip() and term.casefold() in public]


def _sector(a: Opportunity, b: Opportunity, lang: str) -> str | None:
    pairs = [
        (reference.isic_proximity(x, y), x)
        for x in a.isic_classes
        for y in b.isic_classes
        if reference.is_isic_class(x) and reference.is_isic_class(y)
    ]
    if not pairs or max(pairs)[0] == 0:
        return None
    level, code = max(pairs, key=lambda pair: pair[0])
    entry = reference.isic_entry(code)
    for _ in range(4 - level):  # climb to the level both share
        assert entry.parent is not None
        entry = reference.isic_entry(entry.parent)
    level_en, level_zh = ISIC_LEVELS[level]
    if level == 4:
        return _pick(lang, f"Same sector: ISIC {entry.code} {entry.title_en}.",
                     f"行业相同：ISIC {entry.code}（{entry.title_en}）。")  # fmt: skip
    return _pick(lang, f"Related sectors: both under ISIC {level_en} {entry.code} {entry.title_en}.",
                 f"行业相近：同属 ISIC {level_zh} {entry.code}（{entry.title_en}）。")  # fmt: skip


def _terms(terms: Sequence[str], lang: str) -> str | None:
    if not terms:
        return None
    # "Matching", not "shared": across languages a word may stand in one record only.
    return _pick(lang, f"Matching terms: {', '.join(terms)}.", f"匹配关键词：{'、'.join(terms)}。")


def _market(a: Party, b: Party, lang: str, ldc_priority: bool) -> str | None:
    text = _market_fit(a, b, lang)
    pair = roles(a.opportunity, b.opportunity)
    if ldc_priority and pair is not None:
        seeker = a if pair[1] is a.opportunity else b
        ldcs = [
            c
            for c in geo.location(seeker.opportunity, seeker.organisation)
            if reference.country(c).ldc
        ]
        if ldcs:
            name = reference.country(ldcs[0]).name(lang)
            extra = _pick(lang, f"{name} is a least developed country, a priority.",
                          f"{name}为最不发达国家，属优先对象。")  # fmt: skip
            text = f"{text} {extra}" if text else extra
    return text


def _market_fit(a: Party, b: Party, lang: str) -> str | None:
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
            return _pick(lang, f"Market fit: {name} is one of the {kind}'s target markets.",
                         f"市场相符：{name}是该{kind}的目标市场之一。")  # fmt: skip
    ours = geo.places(a.opportunity, a.organisation)
    closest = geo.closest(ours, geo.places(b.opportunity, b.organisation))
    if closest is None or closest[0] == geo.NOWHERE:
        return None
    level, x, y = closest
    area = geo.shared_area_name(x, y, level, lang)
    if level == geo.COUNTRY:
        return _pick(lang, f"Both are in {area}.", f"双方均在{area}。")
    nx, ny = reference.country(x).name(lang), reference.country(y).name(lang)
    return _pick(lang, f"{nx} and {ny} are both in {area}.", f"{nx}和{ny}同属{area}。")


def _money(opportunity: Opportunity) -> str:
    low, high, currency = opportunity.amount_min, opportunity.amount_max, opportunity.currency
    if low is not None and high is not None and low != high:
        return f"{currency} {low:,.0f}–{high:,.0f}"
    return f"{currency} {(low if low is not None else high):,.0f}"


def _amount(a: Opportunity, b: Opportunity, score: PairScore, lang: str) -> str | None:
    part = score.forward.components["amount"]
    if not part.stated or part.value <= 0:
        return None
    ka, kb = _kind(a, lang), _kind(b, lang)
    return _pick(lang, f"Amounts fit: {ka} {_money(a)}, {kb} {_money(b)}.",
                 f"金额相符：{ka} {_money(a)}，{kb} {_money(b)}。")  # fmt: skip


def _trl(a: Opportunity, b: Opportunity, lang: str) -> str | None:
    pair = trl_pair(a, b)
    if pair is None or pair[1].trl is None or pair[0].min_trl is None:
        return None
    asking, ready = pair
    if ready.trl is None or asking.min_trl is None or ready.trl < asking.min_trl:
        return None
    kr, ka = _kind(ready, lang), _kind(asking, lang)
    return _pick(lang, f"Readiness fits: the {kr} is at TRL {ready.trl}; the {ka} asks for TRL {asking.min_trl} or more.",
                 f"成熟度相符：该{kr}处于 TRL {ready.trl}，{ka}要求至少 TRL {asking.min_trl}。")  # fmt: skip


def _sdgs(a: Opportunity, b: Opportunity, lang: str) -> str | None:
    shared = sorted(set(a.sdgs) & set(b.sdgs))
    if not shared:
        return None
    goals = [reference.sdg(n) for n in shared]
    names_en = "; ".join(f"SDG {g.number} {g.title_en}" for g in goals)
    names_zh = "；".join(f"可持续发展目标 {g.number}（{g.title_zh}）" for g in goals)
    return _pick(lang, f"Both contribute to {names_en}.", f"双方均助力{names_zh}。")


def _technology(a: Opportunity, b: Opportunity, lang: str) -> str | None:
    areas = reference.technology_areas()
    ours = [x for x in a.technology_areas if x in areas]
    theirs = [y for y in b.technology_areas if y in areas]
    shared = [x for x in ours if x in theirs]
    if shared:
        names = [areas[x].name_zh if lang == "zh" else areas[x].name_en for x in shared]
        return _pick(lang, f"Shared technology areas: {', '.join(names)}.",
                     f"共同技术领域：{'、'.join(names)}。")  # fmt: skip
    related = [(x, y) for x in ours for y in theirs if area_similarity(x, y) > 0]
    if not related:
        return None
    x = related[0][0]
    family = areas[areas[x].parent or x]
    name = family.name_zh if lang == "zh" else family.name_en
    return _pick(lang, f"Related technology: both are in the {name} family.",
                 f"技术相关：双方同属“{name}”领域。")  # fmt: skip


def _cooperation(a: Opportunity, b: Opportunity, lang: str) -> str | None:
    shared = [t for t in COOPERATION if t in a.cooperation_types and t in b.cooperation_types]
    if not shared:
        return None
    names = [COOPERATION[t][1] if lang == "zh" else COOPERATION[t][0] for t in shared]
    return _pick(lang, f"Both accept {', '.join(names)}.", f"双方均接受{'、'.join(names)}。")


def near_miss_text(miss: NearMiss, lang: str) -> str:
    kind = KINDS[miss.side][1 if lang == "zh" else 0] if miss.side else ""
    if miss.rule is Rule.TRL:
        return _pick(lang, f"Nearly missed: TRL {miss.trl} is exactly the {kind}'s minimum.",
                     f"险些未达：TRL {miss.trl} 恰好等于该{kind}要求的最低成熟度。")  # fmt: skip
    if miss.rule is Rule.MARKETS and miss.country and miss.market:
        name, market = (
            reference.country(miss.country).name(lang),
            reference.country(miss.market).name(lang),
        )
        area = geo.shared_area_name(miss.country, miss.market, geo.SUBREGION, lang)
        return _pick(lang, f"Nearly missed: {name} is not among the {kind}'s markets, but shares {area} with {market}.",
                     f"险些不符：{name}不在该{kind}的目标市场内，但与{market}同属{area}。")  # fmt: skip
    if miss.rule is Rule.EXPIRY:
        return _pick(lang, f"Nearly missed: the {kind} expires on {miss.valid_until}.",
                     f"即将到期：该{kind}有效期至 {miss.valid_until}。")  # fmt: skip
    return miss.message


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
    builders: dict[str, Callable[[], str | None]] = {
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
    # Strongest contribution first: what moved this pair's score most is said first.
    order = sorted(builders, key=lambda name: -weights[name] * features[name])
    reasons = [Reason(name, text) for name in order if (text := builders[name]())]
    misses = eligibility.near_misses
    near = Reason("near_miss", near_miss_text(misses[0], lang)) if misses else None
    return Explanation(lang, tuple(reasons[:top]), near)
