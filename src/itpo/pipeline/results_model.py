"""The office's results as records: measures kept projected and verified apart, breakdowns,
the funnel, the monthly trend, and the deals behind every figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from itpo.registry.errors import FieldError, ValidationError

# Dimensions a result is broken down by, in the order reports show them.
DIMENSIONS = (
    "country",
    "region",
    "country_group",
    "isic_section",
    "technology_area",
    "sdg",
    "direction",
)
MEASURES = (
    "investment_committed",
    "investment_realised",
    "technology_transfers",
    "jobs_new",
    "jobs_safeguarded",
    "tco2_per_year",
)
FUNNEL = ("proposed", "introduced", "agreement", "operational")
STEPS = ("introduced_to_negotiating", "negotiating_to_signed", "signed_to_operational")


@dataclass(frozen=True, slots=True)
class Period:
    """Days from start to end, both included."""

    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        if not 1900 <= year <= 2999:
            raise ValidationError([FieldError("year", f"{year} is not a year")])
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        if end < start:
            raise ValidationError([FieldError("end", "is before the start")])
        if (end - start).days > 366 * 20:
            raise ValidationError([FieldError("end", "a period spans at most twenty years")])
        return cls(start, end)

    @classmethod
    def chosen(
        cls,
        *,
        today: dt.date,
        year: int | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> Period:
        """A year, or the days from start to end (end: today), or by default this year."""
        if year is not None and (start is not None or end is not None):
            raise ValidationError([FieldError("year", "give a year or a start and end, not both")])
        if year is not None:
            return cls.year(year)
        if start is None and end is None:
            return cls.year(today.year)
        if start is None:
            raise ValidationError([FieldError("start", "is required with an end")])
        return cls.between(start, end or today)

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def label(self) -> str:
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            years = {self.start.year, self.end.year}
            return str(self.start.year) if len(years) == 1 else f"{min(years)}-{max(years)}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Measure:
    """A figure as projected and as verified, each over the same deals (USD for money)."""

    projected: float = 0.0
    verified: float = 0.0

    def plus(self, projected: float | None, verified: float | None) -> Measure:
        return Measure(self.projected + (projected or 0.0), self.verified + (verified or 0.0))


@dataclass(frozen=True, slots=True)
class Row:
    """One value of a dimension: its deals and what they bring."""

    key: str
    deals: int = 0
    agreements: int = 0
    measures: Mapping[str, Measure] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Month:
    month: str  # YYYY-MM
    opened: int = 0
    signed: int = 0
    operational: int = 0
    committed: Measure = Measure()


@dataclass(frozen=True)
class Results:
    """What an office (or every office) achieved over a period."""

    office_id: int | None
    period: Period
    generated_at: dt.datetime
    opportunities_by_kind: Mapping[str, int]
    matches: Mapping[str, int]  # proposed, introduced, declined
    interactions_by_kind: Mapping[str, int]
    deals: int
    deals_by_stage: Mapping[str, int]
    deals_by_status: Mapping[str, int]
    agreements_by_type: Mapping[str, int]
    measures: Mapping[str, Measure]
    pipeline_projected: float  # committed investment projected on live deals not signed yet
    verified_deals: int
    breakdowns: Mapping[str, tuple[Row, ...]]
    funnel: Mapping[str, int]
    median_days: Mapping[str, float | None]
    monthly: tuple[Month, ...]
    drill_down: Mapping[str, tuple[int, ...]]  # figure key -> the deals it counts
    rates: Mapping[str, float]  # US dollars per unit of each currency used
    unconverted: tuple[str, ...]  # currencies without a rate: their amounts are left out
    illustrative_deals: int

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (drill-down ids included)."""
        plain: dict[str, Any] = _plain(dataclasses.asdict(self))
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value
