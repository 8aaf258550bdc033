"""A practice case: where, which sector, the problem, what was done, the results with figures,
the partners and the sources; its texts in one or more languages, one of them the original."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Theme(StrEnum):
    GREEN_INDUSTRY = "green_industry"
    ENERGY_EFFICIENCY = "energy_efficiency"
    CIRCULAR_ECONOMY = "circular_economy"
    AI_DIGITAL_MANUFACTURING = "ai_digital_manufacturing"
    AGRO_PROCESSING = "agro_processing"
    INDUSTRIAL_PARKS = "industrial_parks"


class CaseStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class VersionStep(StrEnum):
    """What made a version: every save, and every step of the review, is kept."""

    CREATED = "created"
    EDITED = "edited"
    IMPORTED = "imported"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    SENT_BACK = "sent_back"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Source:
    citation: str
    url: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A result in numbers: the value, its unit, the year it refers to, and which of the
    case's sources it comes from (None only for a figure marked illustrative)."""

    value: float
    unit: str
    label: dict[str, str]  # by language
    year: int | None = None
    source: int | None = None
    illustrative: bool = False


@dataclass(frozen=True, slots=True)
class CaseText:
    """The case told in one language."""

    title: str
    problem: str
    done: str
    results: str


@dataclass(frozen=True, slots=True)
class PracticeCase:
    theme: Theme
    country: str
    texts: dict[str, CaseText]  # by language, the original first
    original_language: str
    sources: tuple[Source, ...]
    city: str = ""
    isic_classes: tuple[str, ...] = ()
    technology_areas: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    figures: tuple[Figure, ...] = ()
    partners: tuple[str, ...] = ()
    year: int | None = None
    illustrative: bool = False
    organisation_id: int | None = None  # the organisation that contributed it, if any
    status: CaseStatus = CaseStatus.DRAFT
    external_id: str | None = None
    version: int = 1
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    published_at: dt.datetime | None = None
    id: int | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.texts)

    def text_in(self, language: str) -> CaseText:
        """The case in `language` when it has that translation, else in its original."""
        return self.texts.get(language) or self.texts[self.original_language]

    def told_in(self, language: str) -> str:
        """Which language `text_in(language)` is written in."""
        return language if language in self.texts else self.original_language


@dataclass(frozen=True, slots=True)
class CaseVersion:
    """One kept state of a case, with who made it and why."""

    case_id: int
    version: int
    step: VersionStep
    at: dt.datetime
    by_label: str
    content: dict[str, object] = field(default_factory=dict)
    by_user_id: int | None = None
    note: str = ""
