"""Hard rules a pair of opportunities must pass before it is scored, and the ones nearly missed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from itpo.matching import places as geo
from itpo.registry import reference
from itpo.registry.model import (
    COMPATIBLE_KINDS,
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


class Rule(StrEnum):
    KINDS = "kinds"
    LIVE = "live"
    ORGANISATION = "organisation"
    MARKETS = "markets"
    TRL = "trl"
    COOPERATION = "cooperation"
    EXPIRY = "expiry"  # only ever a near miss: live, but not for long


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

    @property
    def eligible(self) -> bool:
        return not self.failures

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


def check(a: Party, b: Party, *, today: dt.date, strict_markets: bool = True) -> Eligibility:
    """Every hard rule for the pair; `strict_markets=False` lets a same-sub-region market pass."""
    failures: list[Failure] = []
    near: list[NearMiss] = []
    _kinds(a.opportunity, b.opportunity, failures)
    for party in (a, b):
        _live(party.opportunity, today, failures, near)
    if a.opportunity.organisation_id == b.opportunity.organisation_id:
        failures.append(
            Failure(Rule.ORGANISATION, "Both opportunities belong to the same organisation.")
        )
    _markets(a, b, failures, near, strict_markets)
    _trl(a.opportunity, b.opportunity, failures, near)
    _cooperation(a.opportunity, b.opportunity, failures)
    return Eligibility(tuple(failures), tuple(near))


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
    a: Party, b: Party, failures: list[Failure], near: list[NearMiss], strict: bool
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
    closest = geo.closest(location, markets)
    provider_name = KIND_NAMES[provider.kind]
    listed = ", ".join(reference.country(code).name_en for code in markets)
    where = ", ".join(reference.country(code).name_en for code in location) or "an unknown country"
    message = f"The {KIND_NAMES[seeker.kind]} is in {where}, outside the {provider_name}'s markets ({listed})."
    if closest is not None and closest[0] == geo.SUBREGION:
        _, country, market = closest
        region = geo.shared_area_name(country, market, geo.SUBREGION, "en")
        passed = not strict
        near_message = (
            f"{reference.country(country).name_en} is not among the {provider_name}'s markets, "
            f"but shares {region} with {reference.country(market).name_en}."
        )
        near.append(
            NearMiss(
                Rule.MARKETS,
                near_message,
                passed,
                country=country,
                market=market,
                side=provider.kind,
            )
        )
        if passed:
            return
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


def _cooperation(a: Opportunity, b: Opportunity, failures: list[Failure]) -> None:
    ours, theirs = set(a.cooperation_types), set(b.cooperation_types)
    if ours and theirs and not ours & theirs:
        message = (
            f"No cooperation type in common: the {KIND_NAMES[a.kind]} accepts {_words(ours)}, "
            f"the {KIND_NAMES[b.kind]} {_words(theirs)}."
        )
        failures.append(Failure(Rule.COOPERATION, message))


def _words(types: set[CooperationType]) -> str:
    return ", ".join(sorted(t.value.replace("_", " ") for t in types))
