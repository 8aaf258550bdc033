"""A review's steps, kept as the profile's review history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class ReviewStep(StrEnum):
    SUBMITTED = "submitted"  # the owner asks for publication
    PUBLISHED = "published"  # an officer found every criterion met
    SENT_BACK = "sent_back"  # an officer found one or more wanting, and said why
    RENEWED = "renewed"  # the validity was extended


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    opportunity_id: int
    step: ReviewStep
    at: dt.datetime
    by_user_id: int | None = None
    by_label: str = ""
    reason: str = ""
    # The criteria an officer found wanting (sent back) or confirmed (published).
    criteria: tuple[str, ...] = field(default_factory=tuple)
    valid_until: dt.date | None = None
    id: int | None = None
