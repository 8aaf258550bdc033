"""Hard rules a pair of opportunities must pass before it is scored, and the ones nearly missed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from itpo.matching import places as geo
from itpo.matching.amounts import ranges_apart, stated_range
from itpo.matching.language import language_code
from itpo.matching.text import tokenize
from itpo.registry import reference
from itpo.registry.model import (
    COMPATIBLE_KINDS,
    Condition,
    CooperationType,
    Opportunity,
    OpportunityKind,
    Organisation,
)

KIND_NAMES = {
    OpportunityKind.TECHNOLOGY_OFFER: "technology offer",
    OpportunityKind.TECHNOLOGY_NEED: "technology need",
    OpportunityKind.INVESTMENT_PROJECT: "investment project",
    OpportunityKind.INVESTMENT_MANDATE: "investment mandate",
}

# A record that expires within this many days still matches, but an officer should know.
EXPIRES_SOON_DAYS = 30

# Two records are about the same thing when they share a technology area or an ISIC division
# (two digits: the level at which a reader recognises one line of business). A section (all
# of manufacturing) or a technology family (all green technologies) is too broad: a vaccine
# fridge and a mango dryer share both.
_MANUFACTURING = tuple(f"{n:02d}" for n in range(10, 34))
_ICT = ("58", "59", "60", "61", "62", "63")
# The ISIC divisions where each technology area is made or put to work. It bridges a record
# that states only technology areas (most investment mandates) and one that states only ISIC
# classes (most World Bank projects). It names the divisions an investor or buyer in the area
# would recognise as its own, not every sector that could use it: AI for industry serves
# manufacturing, not power plants; energy efficiency names the equipment and utility
# divisions; the green family spans every sector, so it implies none.
AREA_DIVISIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ai_manufacturing": _MANUFACTURING,
        "ai_manufacturing.digital_twin": _MANUFACTURING,
        "ai_manufacturing.energy_management": _MANUFACTURING,
        "ai_manufacturing.industrial_iot": _MANUFACTURING,
        "ai_manufacturing.machine_vision": _MANUFACTURING,
        "ai_manufacturing.predictive_maintenance": _MANUFACTURING,
        "ai_manufacturing.process_optimisation": _MANUFACTURING,
        "ai_manufacturing.quality_traceability": (*_MANUFACTURING, "01", "46"),
        "ai_manufacturing.robotics": _MANUFACTURING,
        "ai_manufacturing.supply_chain_analytics": (*_MANUFACTURING, "46", "49", "52"),
        "digital": _ICT,
        "digital.connectivity": ("61",),
        "digital.e_commerce": ("46", "47", "63"),
        "digital.e_government": ("84", "63"),
        "digital.edtech": ("85", "62"),
        "digital.fintech": ("64", "66", "62"),
        "green": (),
        "green.bioenergy": ("35", "38"),
        "green.circular_economy": ("38", "22", "17", "24"),
        "green.clean_cooking": ("27", "56"),
        "green.climate_smart_agriculture": ("01", "02"),
        "green.cold_chain": ("52", "10", "03", "28", "49"),
        "green.efficient_irrigation": ("01", "36", "28"),
        "green.electric_mobility": ("29", "30", "49", "27"),
        "green.energy_efficiency": ("35", "27", "28", "33", "41", "43"),
        "green.energy_storage": ("35", "27"),
        "green.geothermal": ("35",),
        "green.green_buildings": ("41", "43", "23", "68", "71"),
        "green.green_hydrogen": ("35", "20"),
        "green.low_carbon_materials": ("23", "24"),
        "green.pollution_control": ("37", "38", "39", "28"),
        "green.post_harvest": ("01", "10", "52", "28"),
        "green.small_hydro": ("35", "28"),
        "green.solar_pv": ("35", "27", "26"),
        "green.solar_thermal": ("28", "27"),
        "green.sustainable_forestry": ("02", "16"),
        "green.waste_management": ("38", "39"),
        "green.waste_to_energy": ("35", "38"),
        "green.water_treatment": ("36", "37", "39"),
        "green.wind": ("35", "28"),
        "health": ("86", "21", "32"),
        "health.digital_health": ("86", "62"),
        "health.medical_devices": ("86", "32", "26"),
        "health.pharmaceuticals": ("21", "86"),
        "industry": _MANUFACTURING,
        "industry.agro_processing": ("10", "11", "12", "01"),
        "industry.automotive_parts": ("29",),
        "industry.chemicals": ("20",),
        "industry.construction_materials": ("23",),
        "industry.machinery": ("28",),
        "industry.mining_processing": ("05", "07", "08", "09", "24"),
        "industry.textiles": ("13", "14", "15"),
        "infrastructure": ("35", "36", "42", "49", "52"),
        "infrastructure.power_grid": ("35", "27"),
        "infrastructure.transport_logistics": ("49", "50", "51", "52", "42"),
        "infrastructure.urban_services": ("36", "37", "38", "49"),
    }
)


class Rule(StrEnum):
    KINDS = "kinds"
    LIVE = "live"
    ORGANISATION = "organisation"
    MARKETS = "markets"
    TRL = "trl"
    COOPERATION = "cooperation"
    AMOUNT = "amount"
    SUBJECT = "subject"
    EXPIRY = "expiry"  # only ever a near miss: live, but not for long


# The rules a record's own terms set: broken, they lower a pair's score and are said in its
# reasons, unless a side declares the term a hard condition; a minimum TRL always is one. A
# pair that fails only these is a near miss an officer may still introduce; a pair that fails
# any other rule (kinds, life, one owner, no shared subject) is not a pair at all.
TERM_RULES = frozenset({Rule.MARKETS, Rule.COOPERATION, Rule.AMOUNT, Rule.TRL})


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a pair: the opportunity and the organisation that owns it."""

    opportunity: Opportunity
    organisation: Organisation


@dataclass(frozen=True, slots=True)
class Failure:
    rule: Rule
    message: str


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A constraint met narrowly, or failed narrowly; the facts let the explanation word it."""

    rule: Rule
    message: str
    passed: bool
    country: str | None = None  # the seeker's country (markets)
    market: str | None = None  # the stated market it is near (markets)
    trl: int | None = None
    min_trl: int | None = None
    valid_until: dt.date | None = None
    side: OpportunityKind | None = None  # whose record the fact is on


@dataclass(frozen=True, slots=True)
class Eligibility:
    failures: tuple[Failure, ...]
    near_misses: tuple[NearMiss, ...]
    # Terms the pair does not meet that neither side made a hard condition: they lower the
    # score and are said in the reasons.
    mismatches: tuple[Failure, ...] = ()

    @property
    def eligible(self) -> bool:
        return not self.failures

    @property
    def left_out_by_terms(self) -> bool:
        """Failed, but only on the records' own terms: a near miss for an officer to weigh."""
        return bool(self.failures) and all(f.rule in TERM_RULES for f in self.failures)

    def messages(self) -> list[str]:
        return [failure.message for failure in self.failures]


def roles(a: Opportunity, b: Opportunity) -> tuple[Opportunity, Opportunity] | None:
    """(provider, seeker) when one side lists markets and the other a location, else None."""
    if a.kind in geo.PROVIDER_KINDS and b.kind not in geo.PROVIDER_KINDS:
        return a, b
    if b.kind in geo.PROVIDER_KINDS and a.kind not in geo.PROVIDER_KINDS:
        return b, a
    return None


def trl_pair(a: Opportunity, b: Opportunity) -> tuple[Opportunity, Opportunity] | None:
    """(the side with a minimum TRL, the side with a TRL) when both are stated."""
    if a.min_trl is not None and b.trl is not None:
        return a, b
    if b.min_trl is not None and a.trl is not None:
        return b, a
    return None


def check(
    a: Party, b: Party, *, today: dt.date, rates: Mapping[str, float] | None = None
) -> Eligibility:
    """Every rule for the pair: what rules it out, what it nearly missed, and the terms it does
    not meet that only lower its score. Amounts are compared only with `rates` given."""
    failures: list[Failure] = []
    near: list[NearMiss] = []
    soft: list[Failure] = []
    _kinds(a.opportunity, b.opportunity, failures)
    for party in (a, b):
        _live(party.opportunity, today, failures, near)
    if a.opportunity.organisation_id == b.opportunity.organisation_id:
        failures.append(
            Failure(Rule.ORGANISATION, "Both opportunities belong to the same organisation.")
        )
    x, y = a.opportunity, b.opportunity
    _markets(a, b, failures, near, soft)
    _trl(x, y, failures, near)
    _term(_cooperation(x, y), _hard(Condition.COOPERATION, x, y), failures, soft)
    if rates is not None:
        _term(_amount(x, y, rates), _hard(Condition.AMOUNT, x, y), failures, soft)
    _subject(x, y, failures)
    return Eligibility(tuple(failures), tuple(near), tuple(soft))


def _hard(condition: Condition, *opportunities: Opportunity) -> bool:
    return any(condition in o.hard_conditions for o in opportunities)


def _term(
    failure: Failure | None, hard: bool, failures: list[Failure], soft: list[Failure]
) -> None:
    if failure is not None:
        (failures if hard else soft).append(failure)


def _kinds(a: Opportunity, b: Opportunity, failures: list[Failure]) -> None:
    if b.kind not in COMPATIBLE_KINDS[a.kind]:
        failures.append(
            Failure(
                Rule.KINDS, f"A {KIND_NAMES[a.kind]} is not matched with a {KIND_NAMES[b.kind]}."
            )
        )


def _live(
    opportunity: Opportunity, today: dt.date, failures: list[Failure], near: list[NearMiss]
) -> None:
    name = KIND_NAMES[opportunity.kind]
    if not opportunity.is_live(today):
        reason = (
            f"is {opportunity.status.value.replace('_', ' ')}, not published"
            if opportunity.status.value != "published"
            else f"expired on {opportunity.valid_until}"
        )
        failures.append(Failure(Rule.LIVE, f"The {name} '{opportunity.title}' {reason}."))
        return
    until = opportunity.valid_until
    if until is not None and (until - today).days <= EXPIRES_SOON_DAYS:
        message = f"The {name} '{opportunity.title}' expires on {until}."
        near.append(NearMiss(Rule.EXPIRY, message, True, valid_until=until, side=opportunity.kind))


def _markets(
    a: Party, b: Party, failures: list[Failure], near: list[NearMiss], soft: list[Failure]
) -> None:
    pair = roles(a.opportunity, b.opportunity)
    if pair is None:
        return
    provider, seeker = pair
    markets = geo.known(provider.countries)
    if not markets:  # an empty list means open to every market
        return
    seeker_org = (b if seeker is b.opportunity else a).organisation
    location = geo.places(seeker, seeker_org)
    if set(location) & set(markets):
        return
    provider_name = KIND_NAMES[provider.kind]
    listed = ", ".join(reference.country(code).name_en for code in markets)
    where = ", ".join(reference.country(code).name_en for code in location) or "an unknown country"
    message = f"The {KIND_NAMES[seeker.kind]} is in {where}, outside the {provider_name}'s markets ({listed})."
    if Condition.MARKETS not in provider.hard_conditions:
        soft.append(Failure(Rule.MARKETS, message))
        return
    closest = geo.closest(location, markets)
    if closest is not None and closest[0] == geo.SUBREGION:
        _, country, market = closest
        region = geo.shared_area_name(country, market, geo.SUBREGION, "en")
        near_message = (
            f"{reference.country(country).name_en} is not among the {provider_name}'s markets, "
            f"but shares {region} with {reference.country(market).name_en}."
        )
        near.append(
            NearMiss(
                Rule.MARKETS,
                near_message,
                False,
                country=country,
                market=market,
                side=provider.kind,
            )
        )
    failures.append(Failure(Rule.MARKETS, message))


def _trl(a: Opportunity, b: Opportunity, failures: list[Failure], near: list[NearMiss]) -> None:
    pair = trl_pair(a, b)
    if pair is None:
        return
    floor_side, ready_side = pair
    floor, level = floor_side.min_trl, ready_side.trl
    assert floor is not None and level is not None  # trl_pair() only pairs stated levels
    wanted, offered = KIND_NAMES[floor_side.kind], KIND_NAMES[ready_side.kind]
    if level < floor:
        # A TRL short is a fail however small: readiness is what the asking side cannot supply.
        failures.append(
            Failure(
                Rule.TRL,
                f"The {offered} is at TRL {level}, below the {wanted}'s minimum of TRL {floor}.",
            )
        )
        return
    if level == floor:
        message = f"The {offered} is at TRL {level}, exactly the {wanted}'s minimum."
        near.append(
            NearMiss(Rule.TRL, message, True, trl=level, min_trl=floor, side=floor_side.kind)
        )


def _cooperation(a: Opportunity, b: Opportunity) -> Failure | None:
    ours, theirs = set(a.cooperation_types), set(b.cooperation_types)
    if not ours or not theirs or ours & theirs:
        return None
    message = (
        f"No cooperation type in common: the {KIND_NAMES[a.kind]} accepts {_words(ours)}, "
        f"the {KIND_NAMES[b.kind]} {_words(theirs)}."
    )
    return Failure(Rule.COOPERATION, message)


def _amount(a: Opportunity, b: Opportunity, rates: Mapping[str, float]) -> Failure | None:
    if not ranges_apart(a, b, rates):
        return None
    message = (
        f"The amounts do not overlap: the {KIND_NAMES[a.kind]} states {_money(a)}, "
        f"the {KIND_NAMES[b.kind]} {_money(b)}."
    )
    return Failure(Rule.AMOUNT, message)


def _money(opportunity: Opportunity) -> str:
    low, high = stated_range(opportunity) or (0.0, 0.0)
    currency = str(opportunity.currency).strip().upper()
    return f"{currency} {low:,.0f}" if low == high else f"{currency} {low:,.0f}–{high:,.0f}"


def sector_codes(opportunity: Opportunity) -> list[str]:
    """The opportunity's ISIC codes that the reference knows, as stored."""
    return [code for code in opportunity.isic_classes if code.strip().upper() in reference.isic()]


def area_codes(opportunity: Opportunity) -> list[str]:
    """The opportunity's technology areas that the reference knows."""
    return [
        code.strip().lower()
        for code in opportunity.technology_areas
        if reference.is_technology_area(code)
    ]


def division_of(code: str) -> str | None:
    """The ISIC division (two digits) of a class, group or division; None for a section."""
    entry = reference.isic_entry(code)
    while entry.level not in ("division", "section"):
        assert entry.parent is not None  # classes and groups always sit under a division
        entry = reference.isic_entry(entry.parent)
    return entry.code if entry.level == "division" else None


def divisions(opportunity: Opportunity) -> dict[str, str]:
    """ISIC divisions the opportunity is in, each with what puts it there: the ISIC class it
    states, or (when it states none) the technology area whose sectors the division is in."""
    found: dict[str, str] = {}
    for code in sector_codes(opportunity):
        if division := division_of(code):
            found.setdefault(division, code)
    if found:
        return found
    # An area names its own division first (agro-processing: food, before farming), so each
    # division is credited to the area that names it earliest.
    ranked = sorted(
        (rank, order, division, area)
        for order, area in enumerate(area_codes(opportunity))
        for rank, division in enumerate(AREA_DIVISIONS.get(area, ()))
    )
    for _, _, division, area in ranked:
        found.setdefault(division, area)
    return found


@dataclass(frozen=True, slots=True)
class Subject:
    """What two records share: technology areas, ISIC divisions (with what each side states
    behind them), or words of their public text when neither states comparable fields."""

    areas: tuple[str, ...] = ()
    divisions: tuple[tuple[str, str, str], ...] = ()  # (division, ours, theirs)
    words: tuple[str, ...] = ()


def shared_subject(a: Opportunity, b: Opportunity) -> Subject | None:
    """What the two are both about; None when they state comparable facts and share none.

    A pair that states nothing comparable, in two languages, passes: only the text can tell,
    and retrieval has already read it.
    """
    ours, theirs = area_codes(a), set(area_codes(b))
    areas = tuple(x for x in dict.fromkeys(ours) if x in theirs)
    here, there = divisions(a), divisions(b)
    shared = tuple((d, here[d], there[d]) for d in sorted(here) if d in there)
    if areas or shared:
        return Subject(areas, shared)
    if (ours and theirs) or (here and there):
        return None
    if language_code(a.language) != language_code(b.language):
        return Subject()
    words = set(index_terms(a)) & set(index_terms(b))
    return Subject(words=tuple(sorted(words))) if words else None


def index_terms(opportunity: Opportunity) -> list[str]:
    """Index terms of the public title and teaser, as the retrieval index has them."""
    return tokenize(f"{opportunity.title} {opportunity.teaser}", opportunity.language)


def _subject(a: Opportunity, b: Opportunity, failures: list[Failure]) -> None:
    if shared_subject(a, b) is not None:
        return
    message = (
        f"Nothing in common: the {KIND_NAMES[a.kind]} ({_subject_words(a)}) and the "
        f"{KIND_NAMES[b.kind]} ({_subject_words(b)}) share no ISIC division, technology "
        "area or word."
    )
    failures.append(Failure(Rule.SUBJECT, message))


def _subject_words(opportunity: Opportunity) -> str:
    codes = [f"ISIC {code}" for code in sector_codes(opportunity)]
    return ", ".join(codes + area_codes(opportunity)) or "no sector or technology stated"


def _words(types: set[CooperationType]) -> str:
    return ", ".join(sorted(t.value.replace("_", " ") for t in types))
