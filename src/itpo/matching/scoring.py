"""Per-component scores of a pair in [0, 1], a directional score and the reciprocal one (0-100).

What the two records are about comes first: a directional score is the pair's relevance (its
text, sectors and technologies) times a factor its terms (market, cooperation, amount,
readiness, goals, recency) move between 1 - TERMS_SHARE and 1. Terms refine the order of
pairs on one subject; they cannot lift a pair on another subject above them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from itpo.matching import places as geo
from itpo.matching.amounts import amount_range, currency_rate
from itpo.matching.eligibility import Party, divisions, roles
from itpo.matching.weights import COMPONENTS, ScoringParameters, ScoringWeights
from itpo.registry import reference
from itpo.registry.model import Opportunity

# What a component scores when a side does not state the facts it needs: a missing amount
# says nothing about fit, so it must neither reward nor punish the pair.
NEUTRAL = 0.5
GEOGRAPHY = {geo.COUNTRY: 1.0, geo.SUBREGION: 0.6, geo.REGION: 0.3, geo.NOWHERE: 0.0}
# Credit for readiness below the minimum, by levels short (eligibility rejects these; the
# score still orders them for officers who look past the rules).
TRL_SHORT = {0: 1.0, 1: 0.5, 2: 0.25}
# What the records are about, and the terms on which they would work together.
SUBJECT = ("text", "isic", "technology")
TERMS = tuple(name for name in COMPONENTS if name not in SUBJECT)
# The most the terms can take off a pair's relevance: a perfect subject on bad terms keeps 65%.
TERMS_SHARE = 0.35
# A pair whose relevance is below this is not worth an introduction, whatever its terms.
MIN_RELEVANCE = 0.45


@dataclass(frozen=True, slots=True)
class Component:
    value: float
    stated: bool  # False: a side lacked the facts and the value is NEUTRAL
    # The (currency, US dollars per unit) pairs an amount comparison used, so an explanation
    # can show the converted figures the score saw; empty for every other component.
    rates: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class DirectionalScore:
    """How well the other side serves this one, in [0, 1]: relevance times the terms' factor."""

    components: Mapping[str, Component]
    value: float
    relevance: float = 1.0  # the subject components' weighted mean
    fit: float = 1.0  # the terms' weighted mean


@dataclass(frozen=True, slots=True)
class PairScore:
    forward: DirectionalScore  # a -> b: how well b serves a
    backward: DirectionalScore  # b -> a
    score: float  # 0-100

    @property
    def relevance(self) -> float:
        """How much the two are about the same thing, in [0, 1] (the lower direction)."""
        return min(self.forward.relevance, self.backward.relevance)

    def features(self) -> dict[str, float]:
        """Each component averaged over both directions: what learning sees of the pair."""
        return {
            name: (self.forward.components[name].value + self.backward.components[name].value) / 2
            for name in COMPONENTS
        }


# --------------------------------------------------------------------------------------------
# Components
# --------------------------------------------------------------------------------------------


def _neutral() -> Component:
    return Component(NEUTRAL, False)


def jaccard(a: Iterable[object], b: Iterable[object]) -> Component:
    ours, theirs = set(a), set(b)
    if not ours or not theirs:
        return _neutral()
    return Component(len(ours & theirs) / len(ours | theirs), True)


def isic_fit(a: Iterable[str], b: Iterable[str]) -> Component:
    ours = [c for c in a if c.strip().upper() in reference.isic()]
    theirs = [c for c in b if c.strip().upper() in reference.isic()]
    if not ours or not theirs:
        return _neutral()
    best = max(reference.isic_proximity(x, y) for x in ours for y in theirs)
    return Component(best / 4, True)


def sector_fit(a: Opportunity, b: Opportunity) -> Component:
    """ISIC proximity; a side that states no ISIC class is placed by its technology areas'
    divisions (a solar mandate in division 35), where one shared division is a division match."""
    direct = isic_fit(a.isic_classes, b.isic_classes)
    if direct.stated:
        return direct
    ours, theirs = divisions(a), divisions(b)
    if not ours or not theirs:
        return direct
    return Component(0.5 if set(ours) & set(theirs) else 0.0, True)


def area_similarity(a: str, b: str) -> float:
    """1 for the same area, 0.5 for one family (siblings, or parent and child), else 0."""
    if a == b:
        return 1.0
    areas = reference.technology_areas()
    family_a = areas[a].parent or a if a in areas else a
    family_b = areas[b].parent or b if b in areas else b
    return 0.5 if family_a == family_b else 0.0


def technology_fit(a: Iterable[str], b: Iterable[str]) -> Component:
    ours, theirs = sorted(set(a)), sorted(set(b))
    if not ours or not theirs:
        return _neutral()
    # A Dice coefficient where each area counts its best match on the other side.
    total = sum(max(area_similarity(x, y) for y in theirs) for x in ours)
    total += sum(max(area_similarity(y, x) for x in ours) for y in theirs)
    return Component(total / (len(ours) + len(theirs)), True)


def sdg_fit(a: Iterable[int], b: Iterable[int]) -> Component:
    ours, theirs = set(a), set(b)
    if not ours or not theirs:
        return _neutral()
    return Component(2 * len(ours & theirs) / (len(ours) + len(theirs)), True)


def trl_fit(asking: Opportunity, serving: Opportunity) -> Component:
    """The serving side's TRL against the asking side's minimum; only the asker cares."""
    if asking.min_trl is None or serving.trl is None:
        return _neutral()
    return Component(TRL_SHORT.get(max(0, asking.min_trl - serving.trl), 0.0), True)


def amount_fit(a: Opportunity, b: Opportunity, rates: Mapping[str, float]) -> Component:
    """Overlap of the ranges on a log scale, over the narrower one: containment is a full fit."""
    ours, theirs = amount_range(a, rates), amount_range(b, rates)
    if ours is None or theirs is None:
        return _neutral()
    used = tuple(
        sorted({(str(o.currency).strip().upper(), currency_rate(o, rates) or 0.0) for o in (a, b)})
    )
    low, high = max(ours[0], theirs[0]), min(ours[1], theirs[1])
    if low > high:
        return Component(0.0, True, used)
    narrow = min(math.log(ours[1] / ours[0]), math.log(theirs[1] / theirs[0]))
    if narrow <= 0:  # a single figure inside the other range
        return Component(1.0, True, used)
    return Component(min(1.0, math.log(high / low) / narrow), True, used)


def _outside_markets(a: Party, b: Party) -> bool | None:
    """Whether the seeking side is outside the providing side's stated markets (None: the
    pair has no such roles, or the provider is open to every market)."""
    pair = roles(a.opportunity, b.opportunity)
    if pair is None:
        return None
    provider, seeker = pair
    markets = set(geo.known(provider.countries))
    if not markets:
        return None
    seeker_party = a if seeker is a.opportunity else b
    return not set(geo.places(seeker, seeker_party.organisation)) & markets


def geography_fit(a: Party, b: Party, parameters: ScoringParameters) -> Component:
    ours = geo.places(a.opportunity, a.organisation)
    theirs = geo.places(b.opportunity, b.organisation)
    closest = geo.closest(ours, theirs)
    if _outside_markets(a, b):  # a provider's stated markets outrank mere nearness
        return Component(0.0, True)
    if closest is None:
        return _neutral()
    value = GEOGRAPHY[closest[0]]
    if _outside_markets(a, b) is False:
        value = 1.0
    pair = roles(a.opportunity, b.opportunity)
    if pair is not None:
        seeker = b if pair[1] is b.opportunity else a
        if any(
            reference.country(c).ldc for c in geo.location(seeker.opportunity, seeker.organisation)
        ):
            value = min(1.0, value + parameters.ldc_bonus)
    return Component(value, True)


def _touched(opportunity: Opportunity) -> dt.datetime | None:
    return opportunity.updated_at or opportunity.created_at


def freshness(a: Opportunity, b: Opportunity, today: dt.date, half_life_days: float) -> Component:
    times = [t for t in (_touched(a), _touched(b)) if t is not None]
    if not times:
        return _neutral()
    age = max(0, (today - max(times).date()).days)
    return Component(0.5 ** (age / half_life_days), True)


# --------------------------------------------------------------------------------------------
# Directional and reciprocal scores
# --------------------------------------------------------------------------------------------


def components(
    a: Party,
    b: Party,
    *,
    text: float,
    today: dt.date,
    rates: Mapping[str, float],
    parameters: ScoringParameters | None = None,
) -> dict[str, Component]:
    """Every component of a -> b (how well b serves a); `text` is retrieval's, in [0, 1]."""
    parameters = parameters or ScoringParameters()
    x, y = a.opportunity, b.opportunity
    return {
        "text": Component(min(1.0, max(0.0, text)), True),
        "isic": sector_fit(x, y),
        "geography": geography_fit(a, b, parameters),
        "cooperation": jaccard(x.cooperation_types, y.cooperation_types),
        "amount": amount_fit(x, y, rates),
        "trl": trl_fit(x, y),
        "sdg": sdg_fit(x.sdgs, y.sdgs),
        "technology": technology_fit(x.technology_areas, y.technology_areas),
        "freshness": freshness(x, y, today, parameters.freshness_half_life_days),
    }


def weighted(parts: Mapping[str, Component], weights: ScoringWeights) -> DirectionalScore:
    """Relevance (the stated subject components' weighted mean: a sector nobody states says
    nothing about the subject) times the factor of the terms' weighted mean."""
    relevance = _mean(parts, weights, [n for n in SUBJECT if parts[n].stated or n == "text"])
    fit = _mean(parts, weights, list(TERMS), unweighted=1.0)
    value = relevance * (1 - TERMS_SHARE + TERMS_SHARE * fit)
    return DirectionalScore(dict(parts), value, relevance, fit)


def _mean(
    parts: Mapping[str, Component],
    weights: ScoringWeights,
    names: list[str],
    unweighted: float = NEUTRAL,
) -> float:
    """The weighted mean of the named components; `unweighted` when none of them counts."""
    total = sum(weights[name] for name in names)
    if total <= 0:
        return unweighted
    return sum(weights[name] * parts[name].value for name in names) / total


def score(
    a: Party,
    b: Party,
    *,
    text: float,
    today: dt.date,
    rates: Mapping[str, float],
    weights: ScoringWeights | None = None,
    parameters: ScoringParameters | None = None,
) -> DirectionalScore:
    """How well b serves a, in [0, 1]."""
    parts = components(a, b, text=text, today=today, rates=rates, parameters=parameters)
    return weighted(parts, weights or ScoringWeights())


def combine(forward: float, backward: float) -> float:
    """Harmonic mean: 0.6 both ways (0.60) beats 0.9 one way and 0.3 back (0.45)."""
    if forward <= 0 or backward <= 0:
        return 0.0
    return 2 * forward * backward / (forward + backward)


def reciprocal_score(
    a: Party,
    b: Party,
    *,
    text_ab: float,
    text_ba: float | None = None,
    today: dt.date,
    rates: Mapping[str, float],
    weights: ScoringWeights | None = None,
    parameters: ScoringParameters | None = None,
) -> PairScore:
    """Both directions and their combination on 0-100; `text_ba` defaults to `text_ab`."""
    forward = score(
        a, b, text=text_ab, today=today, rates=rates, weights=weights, parameters=parameters
    )
    back_text = text_ab if text_ba is None else text_ba
    backward = score(
        b, a, text=back_text, today=today, rates=rates, weights=weights, parameters=parameters
    )
    return PairScore(forward, backward, 100 * combine(forward.value, backward.value))
