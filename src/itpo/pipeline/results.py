"""The office's results: what its deals brought over a period, projected and verified apart,
broken down by place, sector, technology, goal and direction, with the funnel, the time
between stages, the monthly trend and the deals behind every figure.

What counts where (said again in every report's methods note): an agreement and the
investment committed and technology transferred with it count in the period it was signed; the
investment realised, jobs and tCO2 per year count in the period it became operational. A
deal's projected figures and its verified figures (those a second officer checked against
evidence) are summed apart over the same deals, never into one another.
"""

from __future__ import annotations

import datetime as dt
import functools
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping

from itpo.accounts.access import require_staff_read
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.pipeline.facts import ActivityCounts, Amounts, DealFacts
from itpo.pipeline.model import Stage
from itpo.pipeline.ports import PipelineUnitOfWork
from itpo.pipeline.results_model import (
    DIMENSIONS,
    MEASURES,
    Measure,
    Month,
    Period,
    Results,
    Row,
)
from itpo.registry import reference
from itpo.registry.errors import FieldError, NotFound, ValidationError


def office_results(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    period: Period,
    rates: Mapping[str, float],
    office_id: int | None = None,
    now: Clock = utc_now,
) -> Results:
    """The results of one office (or of all) over a period: officers and administrators."""
    require_staff_read(by, "read the office's results")
    with uow:
        if office_id is not None and uow.offices.get(office_id) is None:
            raise NotFound("office", office_id)
        facts = uow.deals.facts(office_id=office_id, opened_by=period.end)
        activity = uow.deals.activity(
            start=_midnight(period.start),
            end=_midnight(period.end + dt.timedelta(days=1)),
            office_id=office_id,
        )
    return compute(facts, period, rates, office_id=office_id, activity=activity, at=now())


def drill_down(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    period: Period,
    key: str,
    rates: Mapping[str, float],
    office_id: int | None = None,
    now: Clock = utc_now,
) -> tuple[int, ...]:
    """The deals one figure of the results counts (a key of `Results.drill_down`)."""
    results = office_results(
        uow=uow, by=by, period=period, rates=rates, office_id=office_id, now=now
    )
    if key not in results.drill_down:
        raise ValidationError([FieldError("key", f"{key!r} is not a figure of these results")])
    return results.drill_down[key]


def compute(
    facts: Iterable[DealFacts],
    period: Period,
    rates: Mapping[str, float],
    *,
    office_id: int | None,
    activity: ActivityCounts,
    at: dt.datetime,
) -> Results:
    """Results from the deals' facts (pure: the service reads, this adds up)."""
    scope = [f for f in facts if _in_scope(f, period)]
    usd = _converter(rates)
    ids: defaultdict[str, list[int]] = defaultdict(list)
    totals: dict[str, Measure] = {name: Measure() for name in MEASURES}
    rows: dict[str, dict[str, _RowSum]] = {d: defaultdict(_RowSum) for d in DIMENSIONS}
    months: dict[str, _MonthSum] = {m: _MonthSum() for m in _months(period)}
    pipeline = 0.0
    for deal in scope:
        ids["deals"].append(deal.id)
        ids[f"stage:{deal.stage}"].append(deal.id)
        ids[f"status:{deal.status}"].append(deal.id)
        if deal.verified is not None:
            ids["verified"].append(deal.id)
        counted = _counted(deal, period, usd)
        for name, (projected, verified) in counted.items():
            if projected or verified:
                ids[name].append(deal.id)
            totals[name] = totals[name].plus(projected, verified)
        signed = period.holds(deal.signed_on)
        if signed:
            ids["agreements"].append(deal.id)
            ids[f"agreement_type:{deal.agreement_type}"].append(deal.id)
        if period.holds(deal.operational_on):
            ids["operational"].append(deal.id)
        if deal.status != "dropped" and not (deal.signed_on and deal.signed_on <= period.end):
            pipeline += usd(deal.projected.committed, deal.currency) or 0.0
        for dimension, keys in _dimensions(deal).items():
            for key in keys:
                ids[f"{dimension}:{key}"].append(deal.id)
                rows[dimension][key].add(counted, signed)
        _add_to_months(months, deal, period, usd)
    by_type = Counter(f.agreement_type or "unknown" for f in scope if period.holds(f.signed_on))
    counts = _activity_counts(activity)
    return Results(
        office_id=office_id,
        period=period,
        generated_at=at,
        opportunities_by_kind=counts["opportunities_by_kind"],
        matches=counts["matches"],
        interactions_by_kind=counts["interactions_by_kind"],
        deals=len(scope),
        deals_by_stage={s.value: len(ids.get(f"stage:{s.value}", ())) for s in Stage},
        deals_by_status=dict(Counter(f.status for f in scope)),
        agreements_by_type=dict(by_type.most_common()),
        measures=totals,
        pipeline_projected=pipeline,
        verified_deals=len(ids.get("verified", ())),
        breakdowns={d: _rows(rows[d]) for d in DIMENSIONS},
        funnel={
            "proposed": counts["matches"].get("proposed", 0),
            "introduced": counts["matches"].get("introduced", 0),
            "agreement": len(ids.get("agreements", ())),
            "operational": len(ids.get("operational", ())),
        },
        median_days=_median_days(scope, period),
        monthly=tuple(m.month_of(key) for key, m in months.items()),
        drill_down={key: tuple(sorted(value)) for key, value in ids.items()},
        rates={c: rates[c] for c in sorted({f.currency for f in scope}) if c in rates},
        unconverted=tuple(sorted({f.currency for f in scope if f.currency not in rates})),
        illustrative_deals=sum(1 for f in scope if f.illustrative),
    )


def _in_scope(deal: DealFacts, period: Period) -> bool:
    """Deals alive during the period: opened by its end, and not dropped before it began."""
    return deal.opened_on <= period.end and not (
        deal.dropped_on is not None and deal.dropped_on < period.start
    )


def _counted(
    deal: DealFacts, period: Period, usd: Callable[[float | None, str], float | None]
) -> dict[str, tuple[float | None, float | None]]:
    """Each measure of one deal for the period, projected and verified."""
    found: dict[str, tuple[float | None, float | None]] = {}
    verified = deal.verified
    if period.holds(deal.signed_on):
        found["investment_committed"] = (
            usd(deal.projected.committed, deal.currency),
            usd(verified.committed, deal.currency) if verified else None,
        )
        found["technology_transfers"] = (
            1.0 if deal.projected.technology else None,
            1.0 if verified and verified.technology else None,
        )
    if period.holds(deal.operational_on):
        found["investment_realised"] = (
            usd(deal.projected.realised, deal.currency),
            usd(verified.realised, deal.currency) if verified else None,
        )
        for name in ("jobs_new", "jobs_safeguarded", "tco2_per_year"):
            found[name] = (_figure(deal.projected, name), _figure(verified, name))
    return found


def _figure(amounts: Amounts | None, name: str) -> float | None:
    value = getattr(amounts, name) if amounts is not None else None
    return float(value) if value is not None else None


def _converter(rates: Mapping[str, float]) -> Callable[[float | None, str], float | None]:
    def usd(amount: float | None, currency: str) -> float | None:
        if amount is None or currency not in rates:
            return None
        return amount * rates[currency]

    return usd


@functools.lru_cache(maxsize=4096)
def _places(countries: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The regions and country groups of a set of countries: deals share a few sets, so
    each is looked up once per run rather than once per deal."""
    regions: set[str] = set()
    groups: set[str] = set()
    for code in countries:
        if not reference.is_country(code):
            continue
        country = reference.country(code)
        regions.update(r for r in (country.subregion_en,) if r)
        groups.update(
            g
            for g, flag in (("LDC", country.ldc), ("LLDC", country.lldc), ("SIDS", country.sids))
            if flag
        )
    return frozenset(regions), frozenset(groups)


def _dimensions(deal: DealFacts) -> dict[str, Collection[str]]:
    regions, groups = _places(deal.countries)
    return {
        "country": set(deal.countries),
        "region": regions,
        "country_group": groups,
        "isic_section": set(deal.isic_sections),
        "technology_area": set(deal.technology_areas),
        "sdg": {str(g) for g in deal.sdgs},
        "direction": {deal.direction} if deal.direction else set(),
    }


class _RowSum:
    def __init__(self) -> None:
        self.deals = 0
        self.agreements = 0
        self.measures: dict[str, Measure] = {}

    def add(self, counted: dict[str, tuple[float | None, float | None]], signed: bool) -> None:
        self.deals += 1
        self.agreements += signed
        for name, (projected, verified) in counted.items():
            self.measures[name] = self.measures.get(name, Measure()).plus(projected, verified)


def _rows(sums: Mapping[str, _RowSum]) -> tuple[Row, ...]:
    rows = [Row(key, s.deals, s.agreements, dict(s.measures)) for key, s in sums.items()]
    return tuple(sorted(rows, key=lambda r: (-r.deals, r.key)))


class _MonthSum:
    def __init__(self) -> None:
        self.opened = self.signed = self.operational = 0
        self.committed = Measure()

    def month_of(self, key: str) -> Month:
        return Month(key, self.opened, self.signed, self.operational, self.committed)


def _months(period: Period) -> list[str]:
    keys, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _add_to_months(
    months: dict[str, _MonthSum],
    deal: DealFacts,
    period: Period,
    usd: Callable[[float | None, str], float | None],
) -> None:
    if period.holds(deal.opened_on):
        months[deal.opened_on.strftime("%Y-%m")].opened += 1
    if deal.signed_on is not None and period.holds(deal.signed_on):
        month = months[deal.signed_on.strftime("%Y-%m")]
        month.signed += 1
        verified = deal.verified.committed if deal.verified else None
        month.committed = month.committed.plus(
            usd(deal.projected.committed, deal.currency), usd(verified, deal.currency)
        )
    if deal.operational_on is not None and period.holds(deal.operational_on):
        months[deal.operational_on.strftime("%Y-%m")].operational += 1


def _median_days(scope: list[DealFacts], period: Period) -> dict[str, float | None]:
    """Median days of each step, over the deals that took it during the period."""
    steps: dict[str, list[int]] = {
        "introduced_to_negotiating": [],
        "negotiating_to_signed": [],
        "signed_to_operational": [],
    }
    for deal in scope:
        if deal.negotiating_on and period.holds(deal.negotiating_on):
            steps["introduced_to_negotiating"].append((deal.negotiating_on - deal.opened_on).days)
        if deal.signed_on and period.holds(deal.signed_on):
            start = deal.negotiating_on or deal.opened_on
            steps["negotiating_to_signed"].append(max(0, (deal.signed_on - start).days))
        if deal.operational_on and deal.signed_on and period.holds(deal.operational_on):
            steps["signed_to_operational"].append((deal.operational_on - deal.signed_on).days)
    return {name: statistics.median(days) if days else None for name, days in steps.items()}


def _activity_counts(activity: ActivityCounts) -> dict[str, dict[str, int]]:
    return {
        "opportunities_by_kind": dict(activity.opportunities_by_kind),
        "matches": {
            "proposed": activity.matches_proposed,
            "introduced": activity.matches_introduced,
            "declined": activity.matches_declined,
        },
        "interactions_by_kind": dict(activity.interactions_by_kind),
    }


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
