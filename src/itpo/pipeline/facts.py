"""What results read of each deal: the few columns they add up, without the whole record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Amounts:
    """One set of a deal's figures (projected or verified), amounts in the deal's currency."""

    committed: float | None
    realised: float | None
    technology: bool  # a technology is transferred
    jobs_new: int | None
    jobs_safeguarded: int | None
    tco2_per_year: float | None


@dataclass(frozen=True, slots=True)
class DealFacts:
    id: int
    office_id: int | None
    stage: str
    status: str
    agreement_type: str | None
    opened_on: dt.date
    signed_on: dt.date | None
    operational_on: dt.date | None
    dropped_on: dt.date | None
    negotiating_on: dt.date | None  # the day it last moved to negotiating, from the log
    currency: str
    projected: Amounts
    verified: Amounts | None  # None until a second officer verified the outcome
    countries: tuple[str, ...]
    isic_sections: tuple[str, ...]
    technology_areas: tuple[str, ...]
    sdgs: tuple[int, ...]
    direction: str | None
    illustrative: bool


@dataclass(frozen=True, slots=True)
class ActivityCounts:
    """What happened in the registry and matching over a period (the whole installation:
    opportunities and matches belong to no office)."""

    opportunities_by_kind: dict[str, int]
    matches_proposed: int
    matches_introduced: int
    matches_declined: int
    interactions_by_kind: dict[str, int]
