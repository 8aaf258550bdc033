"""Explanation sentences read back into claims and checked against the two records.

Every sentence the explanation writes, in English or Chinese, has one template here; the
template's slots (codes, countries, words, figures) are checked against the records' fields
and the reference tables. A sentence that fits no template fails, so a new kind of reason
cannot slip through unchecked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from itpo.matching import places as geo
from itpo.matching.eligibility import AREA_DIVISIONS, EXPIRES_SOON_DAYS
from itpo.matching.service import INDICATIVE_RATES
from itpo.matching.text import tokenize
from itpo.registry import reference
from itpo.registry.model import Opportunity, OpportunityKind, Organisation

KIND_WORDS = {
    "technology offer": OpportunityKind.TECHNOLOGY_OFFER,
    "technology need": OpportunityKind.TECHNOLOGY_NEED,
    "investment project": OpportunityKind.INVESTMENT_PROJECT,
    "investment mandate": OpportunityKind.INVESTMENT_MANDATE,
    "技术供给": OpportunityKind.TECHNOLOGY_OFFER,
    "技术需求": OpportunityKind.TECHNOLOGY_NEED,
    "投资项目": OpportunityKind.INVESTMENT_PROJECT,
    "投资意向": OpportunityKind.INVESTMENT_MANDATE,
}
KIND = "|".join(KIND_WORDS)
COOPERATION_WORDS = {
    "licensing": "licensing", "joint venture": "joint_venture", "equity": "equity",
    "loan": "loan", "supply": "supply", "distribution": "distribution",
    "technical assistance": "technical_assistance", "joint R&D": "joint_rnd",
    "技术许可": "licensing", "合资": "joint_venture", "股权投资": "equity", "贷款": "loan",
    "供货": "supply", "分销": "distribution", "技术援助": "technical_assistance",
    "联合研发": "joint_rnd",
}  # fmt: skip
ISIC_LEVEL_WORDS = {
    "class": "class", "group": "group", "division": "division", "section": "section",
    "小类": "class", "中类": "group", "大类": "division", "门类": "section",
}  # fmt: skip
LDC_EN = r"(?P<ldc>[^.]+) is a least developed country, a priority\."
LDC_ZH = r"(?P<ldc>[^。]+)为最不发达国家，属优先对象。"


@dataclass(frozen=True)
class Side:
    """One record of the pair as the checks need it: the opportunity and its owner."""

    opportunity: Opportunity
    organisation: Organisation

    @property
    def public(self) -> str:
        return f"{self.opportunity.title} {self.opportunity.teaser}"

    def places(self) -> list[str]:
        return geo.places(self.opportunity, self.organisation)


@dataclass(frozen=True)
class Pair:
    me: Side  # the record whose matches these are
    other: Side
    today: dt.date
    rates: Mapping[str, float] = field(default_factory=lambda: dict(INDICATIVE_RATES))

    def by_kind(self, word: str) -> tuple[Side, Side]:
        """(the side the kind names, the other side)."""
        kind = KIND_WORDS[word]
        if self.me.opportunity.kind is kind:
            return self.me, self.other
        assert self.other.opportunity.kind is kind, f"no {word} in the pair"
        return self.other, self.me

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.me, self.other


Check = Callable[[re.Match[str], Pair], None]


def country_code(name: str) -> str:
    found = [c.code for c in reference.countries().values() if name in (c.name_en, c.name_zh)]
    assert found, f"{name!r} is not a country name"
    return found[0]


def area_code(name: str) -> str:
    found = [
        a.code for a in reference.technology_areas().values() if name in (a.name_en, a.name_zh)
    ]
    assert found, f"{name!r} is not a technology area"
    return found[0]


def split(items: str) -> list[str]:
    return [item for item in re.split(r", |、|；|; ", items) if item]


def division_of(code: str) -> str | None:
    lineage = (code, *reference.isic_ancestors(code))
    return next((c for c in lineage if reference.isic_entry(c).level == "division"), None)


# --------------------------------------------------------------------------------------------
# One check per kind of sentence
# --------------------------------------------------------------------------------------------


def terms(found: re.Match[str], pair: Pair) -> None:
    for word in split(found["terms"]):
        stems = set(tokenize(word, pair.me.opportunity.language))
        assert stems, f"{word!r} has no index term"
        for side in pair.sides:
            assert stems <= set(tokenize(side.public, side.opportunity.language)), (word, side)


def same_sector(found: re.Match[str], pair: Pair) -> None:
    code = found["code"]
    assert all(code in side.opportunity.isic_classes for side in pair.sides), code
    entry = reference.isic_entry(code)
    assert found["title"] in (entry.title_en, entry.title_zh)


def related_sectors(found: re.Match[str], pair: Pair) -> None:
    entry = reference.isic_entry(found["code"])
    assert entry.level == ISIC_LEVEL_WORDS[found["level"]]
    assert found["title"] in (entry.title_en, entry.title_zh)
    for side in pair.sides:
        lineages = [(c, *reference.isic_ancestors(c)) for c in side.opportunity.isic_classes]
        assert any(entry.code in lineage for lineage in lineages), (entry.code, side)


def sector_fit(found: re.Match[str], pair: Pair) -> None:
    division = reference.isic_entry(found["code"])
    assert division.level == "division"
    assert found["title"] in (division.title_en, division.title_zh)
    for word, basis in ((found["k1"], found["b1"]), (found["k2"], found["b2"])):
        side, _ = pair.by_kind(word)
        if basis.startswith("ISIC "):
            code = basis.removeprefix("ISIC ")
            assert code in side.opportunity.isic_classes and division_of(code) == division.code
        else:
            area = area_code(basis)
            assert area in side.opportunity.technology_areas
            assert not side.opportunity.isic_classes, "a stated sector comes first"
            assert division.code in AREA_DIVISIONS[area], (area, division.code)


def market_fit(found: re.Match[str], pair: Pair) -> None:
    provider, seeker = pair.by_kind(found["kind"])
    assert provider.opportunity.kind in geo.PROVIDER_KINDS
    code = country_code(found["market"])
    assert code in provider.opportunity.countries and code in seeker.places(), code
    if found["both"]:
        ldc(code, pair)
    if found["ldc"]:
        ldc(country_code(found["ldc"]), pair)


def ldc(code: str, pair: Pair) -> None:
    assert reference.country(code).ldc, f"{code} is not a least developed country"
    seeker = next(s for s in pair.sides if s.opportunity.kind not in geo.PROVIDER_KINDS)
    assert code in geo.location(seeker.opportunity, seeker.organisation), code


def ldc_alone(found: re.Match[str], pair: Pair) -> None:
    ldc(country_code(found["ldc"]), pair)


def both_in(found: re.Match[str], pair: Pair) -> None:
    code = country_code(found["place"])
    assert all(code in side.places() for side in pair.sides), code
    if found["ldc"]:
        ldc(country_code(found["ldc"]), pair)


def both_in_area(found: re.Match[str], pair: Pair) -> None:
    x, y = country_code(found["x"]), country_code(found["y"])
    assert x in pair.me.places() and y in pair.other.places(), (x, y)
    level = geo.nearness(x, y)
    assert level in (geo.SUBREGION, geo.REGION)
    names = {geo.shared_area_name(x, y, level, lang) for lang in ("en", "zh")}
    assert found["area"] in names, (found["area"], names)
    if found["ldc"]:
        ldc(country_code(found["ldc"]), pair)


MONEY = re.compile(
    r"(?P<cur>[A-Z]{3}) (?P<low>[\d,]+)(?:–(?P<high>[\d,]+))?"
    r"(?:(?: \(about|（约合) USD (?P<ulow>[\d,]+)(?:–(?P<uhigh>[\d,]+))?[)）])?"
)


def number(text: str) -> float:
    return float(text.replace(",", ""))


def money(said: str, side: Side, rates: Mapping[str, float]) -> tuple[float, float]:
    """The range a side states, checked against its record; returned in US dollars."""
    found = MONEY.fullmatch(said)
    assert found, said
    o = side.opportunity
    low = number(found["low"])
    high = number(found["high"]) if found["high"] else low
    assert found["cur"] == o.currency, said
    stated = (o.amount_min or o.amount_max, o.amount_max or o.amount_min)
    assert (low, high) == stated, (said, stated)
    rate = rates[found["cur"]]
    if found["ulow"]:
        shown = (number(found["ulow"]), number(found["uhigh"] or found["ulow"]))
        for figure, exact in zip(shown, (low * rate, high * rate), strict=True):
            assert abs(figure - exact) <= exact * 0.005, (figure, exact)
    return low * rate, high * rate


def amounts(found: re.Match[str], pair: Pair) -> None:
    first, _ = pair.by_kind(found["k1"])
    second, _ = pair.by_kind(found["k2"])
    assert first is not second
    (a_low, a_high), (b_low, b_high) = (
        money(found["m1"], first, pair.rates),
        money(found["m2"], second, pair.rates),
    )
    assert max(a_low, b_low) <= min(a_high, b_high), "the ranges do not overlap"
    contained = (a_low <= b_low and b_high <= a_high) or (b_low <= a_low and a_high <= b_high)
    assert contained == (found["fit"] in ("fit", "相符")), "fit means one range holds the other"


def readiness(found: re.Match[str], pair: Pair) -> None:
    ready, _ = pair.by_kind(found["ready"])
    asking, _ = pair.by_kind(found["asking"])
    trl, minimum = int(found["trl"]), int(found["min"])
    assert ready.opportunity.trl == trl and asking.opportunity.min_trl == minimum
    assert trl >= minimum


def goals(found: re.Match[str], pair: Pair) -> None:
    listed = re.findall(r"(?:SDG|可持续发展目标) (\d+)[ （]([^;；）]+)", found["goals"])
    assert listed
    for number, title in listed:
        goal = reference.sdg(int(number))
        assert title.strip() in (goal.title_en, goal.title_zh), title
        assert all(int(number) in side.opportunity.sdgs for side in pair.sides), number


def shared_areas(found: re.Match[str], pair: Pair) -> None:
    for name in split(found["areas"]):
        code = area_code(name)
        assert all(code in side.opportunity.technology_areas for side in pair.sides), code


def related_technology(found: re.Match[str], pair: Pair) -> None:
    family = area_code(found["family"])
    areas = reference.technology_areas()
    for side in pair.sides:
        assert any(
            family in (code, areas[code].parent) for code in side.opportunity.technology_areas
        ), (family, side)


def cooperation(found: re.Match[str], pair: Pair) -> None:
    for word in split(found["types"]):
        value = COOPERATION_WORDS[word]
        assert all(
            value in {t.value for t in side.opportunity.cooperation_types} for side in pair.sides
        ), value


def trl_near_miss(found: re.Match[str], pair: Pair) -> None:
    asking, ready = pair.by_kind(found["kind"])
    trl = int(found["trl"])
    assert asking.opportunity.min_trl == trl and ready.opportunity.trl == trl


def expiry(found: re.Match[str], pair: Pair) -> None:
    side, _ = pair.by_kind(found["kind"])
    until = dt.date.fromisoformat(found["date"])
    assert side.opportunity.valid_until == until
    assert 0 <= (until - pair.today).days <= EXPIRES_SOON_DAYS


def market_near_miss(found: re.Match[str], pair: Pair) -> None:
    provider, seeker = pair.by_kind(found["kind"])
    country, market = country_code(found["country"]), country_code(found["market"])
    assert country in seeker.places() and country not in provider.opportunity.countries
    assert market in provider.opportunity.countries
    assert geo.nearness(country, market) == geo.SUBREGION


def outside_markets(found: re.Match[str], pair: Pair) -> None:
    provider, seeker = pair.by_kind(found["kind"])
    markets = [country_code(name) for name in split(found["markets"])]
    assert markets == list(geo.known(provider.opportunity.countries)), markets
    places = seeker.places()
    if found["where"] not in ("an unknown country", "未知国家"):
        assert [country_code(name) for name in split(found["where"])] == places
    assert not set(places) & set(markets)


def no_common_type(found: re.Match[str], pair: Pair) -> None:
    first, _ = pair.by_kind(found["k1"])
    second, _ = pair.by_kind(found["k2"])
    assert first is not second
    ours = {COOPERATION_WORDS[w] for w in split(found["t1"])}
    theirs = {COOPERATION_WORDS[w] for w in split(found["t2"])}
    assert ours == {t.value for t in first.opportunity.cooperation_types}
    assert theirs == {t.value for t in second.opportunity.cooperation_types}
    assert not ours & theirs


def amounts_apart(found: re.Match[str], pair: Pair) -> None:
    first, _ = pair.by_kind(found["k1"])
    second, _ = pair.by_kind(found["k2"])
    assert first is not second
    (a_low, a_high), (b_low, b_high) = (
        money(found["m1"], first, pair.rates),
        money(found["m2"], second, pair.rates),
    )
    assert max(a_low, b_low) > min(a_high, b_high), "the ranges overlap"


def trl_short(found: re.Match[str], pair: Pair) -> None:
    ready, _ = pair.by_kind(found["ready"])
    asking, _ = pair.by_kind(found["asking"])
    trl, minimum = int(found["trl"]), int(found["min"])
    assert ready.opportunity.trl == trl and asking.opportunity.min_trl == minimum
    assert trl < minimum


def hard_condition(check: Check, condition: str) -> Check:
    """A "left out" sentence: its claim holds, and the side it names insists on the term."""

    def checked(found: re.Match[str], pair: Pair) -> None:
        check(found, pair)
        if named := found.groupdict().get("setter"):
            setter, _ = pair.by_kind(named)
            assert condition in {c.value for c in setter.opportunity.hard_conditions}

    return checked


LOWERED_EN = r"Score lowered: (?P<claim>.+)\."
LEFT_EN = rf"Left out: (?P<claim>.+?)(?:, which the (?P<setter>{KIND}) makes a hard condition)?\."
LOWERED_ZH = r"得分降低：(?P<claim>.+)。"
LEFT_ZH = rf"未列入：(?P<claim>.+?)(?:，该(?P<setter>{KIND})将此设为硬性条件)?。"
MARKETS_EN = rf"(?P<where>.+?) is outside the (?P<kind>{KIND})'s stated markets \((?P<markets>.+)\)"
MARKETS_ZH = rf"(?P<where>.+?)不在该(?P<kind>{KIND})所列目标市场（(?P<markets>.+)）之内"
TYPES_EN = (
    rf"no cooperation type in common \(the (?P<k1>{KIND}) accepts (?P<t1>.+), "
    rf"the (?P<k2>{KIND}) (?P<t2>.+)\)"
)
TYPES_ZH = rf"双方没有共同的合作方式（(?P<k1>{KIND})接受(?P<t1>.+)，(?P<k2>{KIND})接受(?P<t2>.+)）"
APART_EN = rf"the amounts do not overlap \((?P<k1>{KIND}) (?P<m1>.+), (?P<k2>{KIND}) (?P<m2>.+)\)"
APART_ZH = rf"金额范围不重叠（(?P<k1>{KIND}) (?P<m1>.+)，(?P<k2>{KIND}) (?P<m2>.+)）"
SHORT_EN = (
    rf"the (?P<ready>{KIND}) is at TRL (?P<trl>\d), below the (?P<asking>{KIND})'s minimum of "
    rf"TRL (?P<min>\d)"
)
SHORT_ZH = (
    rf"该(?P<ready>{KIND})处于 TRL (?P<trl>\d)，低于(?P<asking>{KIND})要求的最低 TRL (?P<min>\d)"
)
SHORTFALLS: tuple[tuple[str, str, str, Check], ...] = (
    ("geography", MARKETS_EN, MARKETS_ZH, hard_condition(outside_markets, "markets")),
    ("cooperation", TYPES_EN, TYPES_ZH, hard_condition(no_common_type, "cooperation")),
    ("amount", APART_EN, APART_ZH, hard_condition(amounts_apart, "amount")),
    ("trl", SHORT_EN, SHORT_ZH, trl_short),
)


def shortfall_templates() -> tuple[tuple[str, str, Check], ...]:
    """Each shortfall's claim inside "Score lowered: ..." and "Left out: ...", both languages."""
    found: list[tuple[str, str, Check]] = []
    for component, en, zh, check in SHORTFALLS:
        for frame, claim in ((LOWERED_EN, en), (LEFT_EN, en), (LOWERED_ZH, zh), (LEFT_ZH, zh)):
            pattern = frame.replace("(?P<claim>.+?)", claim).replace("(?P<claim>.+)", claim)
            found.append((component, pattern, check))
    return tuple(found)


# --------------------------------------------------------------------------------------------
# The templates, English and Chinese, each with the component it explains
# --------------------------------------------------------------------------------------------

TEMPLATES: tuple[tuple[str, str, Check], ...] = (
    ("text", r"Matching terms: (?P<terms>.+)\.", terms),
    ("text", r"匹配关键词：(?P<terms>.+)。", terms),
    ("isic", r"Same sector: ISIC (?P<code>\d{4}) (?P<title>.+)\.", same_sector),
    ("isic", r"行业相同：ISIC (?P<code>\d{4})（(?P<title>.+)）。", same_sector),
    ("isic", r"Related sectors: both under ISIC (?P<level>class|group|division|section) "
             r"(?P<code>\w+) (?P<title>.+)\.", related_sectors),
    ("isic", r"行业相近：同属 ISIC (?P<level>小类|中类|大类|门类) (?P<code>\w+)（(?P<title>.+)）。",
     related_sectors),
    ("isic", rf"Sector fit: both in ISIC division (?P<code>\d\d) (?P<title>.+) \((?P<k1>{KIND}): "
             rf"(?P<b1>[^;]+); (?P<k2>{KIND}): (?P<b2>[^;]+)\)\.", sector_fit),
    ("isic", rf"行业相符：同属 ISIC 大类 (?P<code>\d\d)（(?P<title>.+)）（(?P<k1>{KIND})："
             rf"(?P<b1>[^；]+)；(?P<k2>{KIND})：(?P<b2>[^；]+)）。", sector_fit),
    ("geography", rf"Market fit: (?P<market>.+?) is one of the (?P<kind>{KIND})'s target markets"
                  rf"(?P<both>, and a least developed country, a priority)?\.(?: {LDC_EN})?",
     market_fit),
    ("geography", rf"市场相符：(?P<market>.+?)是该(?P<kind>{KIND})的目标市场之一"
                  rf"(?P<both>，且为最不发达国家，属优先对象)?。(?:{LDC_ZH})?", market_fit),
    ("geography", LDC_EN, ldc_alone),
    ("geography", LDC_ZH, ldc_alone),
    ("geography", rf"Both are in (?P<place>.+?)\.(?: {LDC_EN})?", both_in),
    ("geography", rf"双方均在(?P<place>.+?)。(?:{LDC_ZH})?", both_in),
    ("geography", rf"(?P<x>.+) and (?P<y>.+) are both in (?P<area>.+?)\.(?: {LDC_EN})?",
     both_in_area),
    ("geography", rf"(?P<x>.+)和(?P<y>.+)同属(?P<area>.+?)。(?:{LDC_ZH})?", both_in_area),
    ("amount", rf"Amounts (?P<fit>fit|overlap): (?P<k1>{KIND}) (?P<m1>.+), (?P<k2>{KIND}) "
               rf"(?P<m2>.+)\.", amounts),
    ("amount", rf"金额(?P<fit>相符|部分重叠)：(?P<k1>{KIND}) (?P<m1>.+)，(?P<k2>{KIND}) (?P<m2>.+)。",
     amounts),
    ("trl", rf"Readiness fits: the (?P<ready>{KIND}) is at TRL (?P<trl>\d); the (?P<asking>{KIND}) "
            rf"asks for TRL (?P<min>\d) or more\.", readiness),
    ("trl", rf"成熟度相符：该(?P<ready>{KIND})处于 TRL (?P<trl>\d)，(?P<asking>{KIND})要求至少 "
            rf"TRL (?P<min>\d)。", readiness),
    ("sdg", r"Both contribute to (?P<goals>.+)\.", goals),
    ("sdg", r"双方均助力(?P<goals>.+)。", goals),
    ("technology", r"Shared technology areas: (?P<areas>.+)\.", shared_areas),
    ("technology", r"共同技术领域：(?P<areas>.+)。", shared_areas),
    ("technology", r"Related technology: both are in the (?P<family>.+) family\.",
     related_technology),
    ("technology", r"技术相关：双方同属“(?P<family>.+)”领域。", related_technology),
    ("cooperation", r"Both accept (?P<types>.+)\.", cooperation),
    ("cooperation", r"双方均接受(?P<types>.+)。", cooperation),
    ("near_miss", rf"Nearly missed: TRL (?P<trl>\d) is exactly the (?P<kind>{KIND})'s minimum\.",
     trl_near_miss),
    ("near_miss", rf"险些未达：TRL (?P<trl>\d) 恰好等于该(?P<kind>{KIND})要求的最低成熟度。",
     trl_near_miss),
    ("near_miss", rf"Nearly missed: the (?P<kind>{KIND}) expires on (?P<date>[\d-]+)\.", expiry),
    ("near_miss", rf"即将到期：该(?P<kind>{KIND})有效期至 (?P<date>[\d-]+)。", expiry),
    ("near_miss", rf"Nearly missed: (?P<country>.+) is not among the (?P<kind>{KIND})'s markets, "
                  r"but shares .+ with (?P<market>.+)\.", market_near_miss),
    ("near_miss", rf"险些不符：(?P<country>.+)不在该(?P<kind>{KIND})的目标市场内，但与"
                  r"(?P<market>.+)同属.+。", market_near_miss),
    *shortfall_templates(),
)  # fmt: skip


def check_sentence(text: str, pair: Pair) -> str:
    """The component a sentence explains, once each of its claims is checked; a sentence no
    template reads, or a claim the records do not bear out, fails."""
    for component, pattern, check in TEMPLATES:
        if found := re.fullmatch(pattern, text):
            check(found, pair)
            return component
    raise AssertionError(f"a sentence no template reads: {text!r}")


# --------------------------------------------------------------------------------------------
# Restricted details
# --------------------------------------------------------------------------------------------


LETTERS = re.compile(r"[^\W\d_]+")
HAN = re.compile(r"[\u3400-\u9fff]+")


def words(text: str) -> set[str]:
    """Words (case-folded, without bare numbers) and, for Chinese, character pairs."""
    folded = text.casefold()
    found: set[str] = set()
    for run in HAN.findall(folded):
        found |= {run[i : i + 2] for i in range(len(run) - 1)} or {run}
    return found | set(LETTERS.findall(HAN.sub(" ", folded)))


@lru_cache(maxsize=1)
def fixed_words() -> frozenset[str]:
    """Words an explanation may hold without any record holding them: its templates and the
    names in the reference tables."""
    names: list[str] = [re.sub(r"\(\?P<\w+>", "", pattern) for _, pattern, _ in TEMPLATES]
    names += [*KIND_WORDS, *COOPERATION_WORDS, *ISIC_LEVEL_WORDS, *reference.currencies()]
    for c in reference.countries().values():
        names += [c.name_en, c.name_zh]
    names += [r.name_en + " " + (r.name_zh or "") for r in reference.region_names()]
    names += [n for e in reference.isic().values() for n in (e.title_en, e.title_zh)]
    names += [n for s in reference.sdgs() for n in (s.title_en, s.title_zh)]
    names += [n for a in reference.technology_areas().values() for n in (a.name_en, a.name_zh)]
    return frozenset(words("\n".join(names)))


def restricted_words(sides: Iterable[Side]) -> set[str]:
    """Words of the sides' restricted details that no public field, template or reference name
    holds: what only a restricted reader could have put in a sentence."""
    sides = list(sides)
    public = words(" ".join(side.public for side in sides)) | fixed_words()
    secret: set[str] = set()
    for side in sides:
        secret |= words(side.opportunity.details) - public
    return secret


def leaks(texts: Iterable[str], secret: set[str]) -> list[str]:
    shown: set[str] = set()
    for text in texts:
        shown |= words(text)
    return sorted(shown & secret)
