"""The records of an event: the event with its sessions, its participants with the slots they
are not free, the meeting requests between them and the meetings of its schedule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from itpo.events.timetable import Session


class EventKind(StrEnum):
    FORUM = "forum"  # an investment forum with B2B meetings
    DELEGATION = "delegation"  # a delegation visit, meetings arranged for its members


class RequestState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"  # with the reason the asked side gave
    CANCELLED = "cancelled"  # by the side that asked, or an officer
    EXPIRED = "expired"  # nobody answered in time


class MeetingState(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"  # both checked in
    NO_SHOW = "no_show"  # one side did not come


class Feedback(StrEnum):
    NOT_HELD = "not_held"
    NO_INTEREST = "no_interest"
    INFORMATIVE = "informative"  # useful, but no cooperation in view
    COOPERATION_POSSIBLE = "cooperation_possible"


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    name_zh: str
    kind: EventKind
    place: str
    time_zone: str
    sessions: tuple[Session, ...]
    slot_minutes: int
    tables: int
    cap: int | None  # most meetings a participant may have; None: as the slots allow
    office_id: int | None
    registration_open: bool = True
    request_days: int = 7  # a pending request expires this long after it was sent
    schedule_version: int = 0  # 0: no schedule published yet
    created_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    event_id: int
    organisation_id: int
    attendees: tuple[str, ...]  # the people coming, by name and role
    blocked: frozenset[int] = field(default_factory=frozenset)  # slots they are not free
    registered_by: str = ""
    created_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    event_id: int
    from_id: int  # participant ids
    to_id: int
    message: str
    priority: int  # 1 (nice to meet) to 3 (must meet)
    state: RequestState
    created_at: dt.datetime
    expires_at: dt.datetime
    by_office: bool = False  # set by an officer: the office wants this meeting
    match_score: float | None = None  # of the two sides' best match, when matching found one
    reason: str = ""
    decided_at: dt.datetime | None = None
    id: int | None = None

    @property
    def weight(self) -> float:
        """What the scheduler gives the meeting: priority, the office's wish and the match."""
        score = (self.match_score or 0.0) / 100.0
        return round(self.priority + (1.0 if self.by_office else 0.0) + score, 2)


@dataclass(frozen=True, slots=True)
class EventMeeting:
    event_id: int
    request_id: int
    first_id: int  # participant ids, the lower first
    second_id: int
    slot: int
    table: int
    locked: bool = False  # an officer put it there by hand: re-plans leave it
    state: MeetingState = MeetingState.SCHEDULED
    feedback: dict[int, Feedback] = field(default_factory=dict)  # participant id -> answer
    id: int | None = None
