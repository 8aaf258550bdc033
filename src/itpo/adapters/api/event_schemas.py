"""API schemas of events: the event and its timetable, participants, meeting requests, the
schedule's meetings, agendas and figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from itpo.adapters.http import MAX_ID

Id = Field(ge=1, le=MAX_ID)


class PauseIn(BaseModel):
    start: str = Field(max_length=5, description="HH:MM in the event's time zone")
    end: str = Field(max_length=5)


class SessionIn(BaseModel):
    day: str = Field(max_length=10, description="YYYY-MM-DD")
    start: str = Field(max_length=5, description="HH:MM in the event's time zone")
    end: str = Field(max_length=5)
    breaks: list[PauseIn] = Field(default_factory=list, max_length=10)
    name: str | None = Field(default=None, max_length=100)


class EventCreate(BaseModel):
    name: str = Field(max_length=200)
    name_zh: str | None = Field(default=None, max_length=200)
    kind: str = Field(default="forum", max_length=16, description="forum or delegation")
    place: str = Field(max_length=300)
    time_zone: str = Field(max_length=64, description="IANA, e.g. Asia/Shanghai")
    sessions: list[SessionIn] = Field(max_length=60)
    slot_minutes: int = Field(default=30, ge=5, le=240)
    tables: int = Field(ge=1, le=1000)
    cap: int | None = Field(default=None, ge=1, le=500)
    request_days: int = Field(default=7, ge=1, le=60)

    def data(self) -> dict[str, Any]:
        return self.model_dump()


class SlotOut(BaseModel):
    number: int
    session: int
    start: dt.datetime
    end: dt.datetime


class SessionOut(BaseModel):
    day: dt.date
    start: str
    end: str
    breaks: list[dict[str, str]]
    name: str


class EventPublic(BaseModel):
    id: int
    name: str
    name_zh: str
    kind: str
    place: str
    time_zone: str
    sessions: list[SessionOut]
    slot_minutes: int
    tables: int
    cap: int | None
    office_id: int | None
    registration_open: bool
    request_days: int
    schedule_version: int
    slots: list[SlotOut]


class ParticipantRegister(BaseModel):
    organisation_id: int = Id
    attendees: list[str] = Field(min_length=1, max_length=10)


class ParticipantPublic(BaseModel):
    id: int
    event_id: int
    organisation_id: int
    organisation: str | None
    attendees: list[str] = Field(description="Only for its own members and officers")
    blocked: list[int] = Field(description="Slots it is not free in (own members and officers)")


class Availability(BaseModel):
    blocked: list[int] = Field(max_length=500)


class RequestCreate(BaseModel):
    from_id: int = Id
    to_id: int = Id
    message: str | None = Field(default=None, max_length=2000)
    priority: int = Field(default=2, ge=1, le=3)
    by_office: bool = False


class RequestAnswer(BaseModel):
    accept: bool
    reason: str | None = Field(default=None, max_length=2000)


class RequestCancel(BaseModel):
    reason: str | None = Field(default=None, max_length=2000)


class RequestPublic(BaseModel):
    id: int
    event_id: int
    from_id: int
    to_id: int
    message: str
    priority: int
    state: str
    by_office: bool
    match_score: float | None
    weight: float
    reason: str
    created_at: dt.datetime
    expires_at: dt.datetime
    decided_at: dt.datetime | None


class ScheduleRun(BaseModel):
    seconds: float = Field(default=10.0, ge=0.1, le=600)


class ScheduleOut(BaseModel):
    status: str
    objective: float
    bound: float
    meetings: int
    gaps: int
    moved: int
    seconds: float


class MeetingPublic(BaseModel):
    id: int
    event_id: int
    request_id: int
    participant_ids: list[int]
    slot: int
    table: int
    locked: bool
    state: str
    feedback: dict[str, str]


class MeetingMove(BaseModel):
    slot: int = Field(ge=0, le=10_000)
    table: int = Field(ge=0, le=10_000)


class Attendance(BaseModel):
    held: bool


class FeedbackIn(BaseModel):
    participant_id: int = Id
    answer: str = Field(
        max_length=32,
        description="not_held, no_interest, informative or cooperation_possible",
    )


class FeedbackOut(BaseModel):
    meeting: MeetingPublic
    shortlisted_match_id: int | None


class AgendaItemOut(BaseModel):
    uid: str
    start: dt.datetime
    end: dt.datetime
    table: int
    counterpart: str


class AgendaOut(BaseModel):
    event: str
    place: str
    time_zone: str
    participant: str
    version: int
    items: list[AgendaItemOut]


class SuggestionOut(BaseModel):
    participant_id: int = Field(description="The participant to meet")
    organisation: str
    score: float = Field(ge=0, le=100, description="The best match between the two, 0-100")
    own_opportunity_id: int = Field(description="The asker's record the match starts from")
    opportunity_id: int = Field(description="The counterpart's record")
    kind: str
    title: str
    reasons: list[str] = Field(description="Why they match, in the asking record's language")
    match_id: int | None = Field(None, description="The stored match")
    open_request_id: int | None = Field(
        None, description="A request between the two still pending or accepted"
    )


class Registration(BaseModel):
    open: bool = Field(description="true opens registration to members, false closes it")
