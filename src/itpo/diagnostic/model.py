"""A diagnostic: one dated assessment of an organisation, its bands per dimension, and the
draft technology needs its gaps became."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DiagnosticStatus(StrEnum):
    DRAFT = "draft"  # answers kept, not all given yet
    SUBMITTED = "submitted"  # every dimension answered, scored, its needs drafted


@dataclass(frozen=True, slots=True)
class NeedLink:
    """The draft technology need made for one gap of a diagnostic."""

    dimension: str
    opportunity_id: int
    rank: int  # 1 for the most pressing gap


@dataclass(frozen=True, slots=True)
class Diagnostic:
    organisation_id: int
    language: str
    sector: str
    taken_on: dt.date
    answers: dict[str, int] = field(default_factory=dict)
    status: DiagnosticStatus = DiagnosticStatus.DRAFT
    by_user_id: int | None = None
    by_label: str = ""
    created_at: dt.datetime | None = None
    submitted_at: dt.datetime | None = None
    needs: tuple[NeedLink, ...] = ()
    id: int | None = None
