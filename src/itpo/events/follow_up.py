"""On the day and after: whether each meeting took place, what each side made of it, and the
event's figures. When both sides of a meeting say cooperation is possible, the office
shortlists the best stored match between their opportunities, so a deal can start from it."""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter
from dataclasses import dataclass

from itpo.accounts.access import may_act_for, require_scope
from itpo.accounts.audit import record
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.events.model import EventMeeting, Feedback, MeetingState, RequestState
from itpo.events.pairs import best_match_between
from itpo.events.ports import EventsUnitOfWork
from itpo.events.rules import require_officer
from itpo.matching.decisions import MatchState
from itpo.matching.tracking import give_feedback
from itpo.registry.errors import Conflict, FieldError, NotFound, ValidationError

# The office's own verdict, given when both sides of a meeting see cooperation ahead.
SHORTLISTER = Principal.system("event feedback: both sides see cooperation")


@dataclass(frozen=True, slots=True)
class FeedbackGiven:
    meeting: EventMeeting
    shortlisted_match_id: int | None  # the match shortlisted because both sides said so


def _meeting(uow: EventsUnitOfWork, meeting_id: int) -> EventMeeting:
    found = uow.events.meeting(meeting_id)
    if found is None:
        raise NotFound("meeting", meeting_id)
    return found


def record_attendance(
    *, uow: EventsUnitOfWork, by: Principal, meeting_id: int, held: bool, now: Clock = utc_now
) -> EventMeeting:
    """Check-in on the day: held when both sides came, a no-show otherwise (officers)."""
    require_officer(by, "record who came")
    with uow:
        meeting = _meeting(uow, meeting_id)
        event = uow.events.get(meeting.event_id)
        if event is None or not event.schedule_version:
            raise Conflict("the schedule is not published yet")
        changed = dataclasses.replace(
            meeting, state=MeetingState.HELD if held else MeetingState.NO_SHOW
        )
        uow.events.update_meeting(changed)
        record(
            uow=uow,
            by=by,
            action="event.attendance",
            subject_type="event",
            subject_id=meeting.event_id,
            detail={"meeting_id": meeting_id, "held": held},
            now=now,
        )
        uow.commit()
    return changed


def give_meeting_feedback(
    *,
    uow: EventsUnitOfWork,
    by: Principal,
    meeting_id: int,
    participant_id: int,
    answer: str,
    now: Clock = utc_now,
) -> FeedbackGiven:
    """One side's word on a meeting (its members, or officers)."""
    require_scope(by, Scope.WRITE)
    with uow:
        meeting = _meeting(uow, meeting_id)
        sides = [uow.events.participant(i) for i in (meeting.first_id, meeting.second_id)]
        if not any(s is not None and may_act_for(by, s.organisation_id) for s in sides):
            raise NotFound("meeting", meeting_id)  # not one of theirs: not told it exists
        if participant_id not in (meeting.first_id, meeting.second_id):
            raise ValidationError([FieldError("participant_id", "is not a side of this meeting")])
        side = uow.events.participant(participant_id)
        assert side is not None
        if not may_act_for(by, side.organisation_id):
            raise Forbidden("a member speaks for its own side of the meeting")
        try:
            verdict = Feedback(answer)
        except ValueError:
            choices = ", ".join(f.value for f in Feedback)
            raise ValidationError([FieldError("answer", f"must be one of {choices}")]) from None
        feedback = {**meeting.feedback, participant_id: verdict}
        changed = dataclasses.replace(meeting, feedback=feedback)
        uow.events.update_meeting(changed)
        record(
            uow=uow,
            by=by,
            action="event.feedback",
            subject_type="event",
            subject_id=meeting.event_id,
            detail={"meeting_id": meeting_id, "participant_id": participant_id, "answer": answer},
            now=now,
        )
        shortlisted = None
        both = [feedback.get(meeting.first_id), feedback.get(meeting.second_id)]
        if both == [Feedback.COOPERATION_POSSIBLE] * 2:
            shortlisted = _shortlist(uow, meeting, now)
        uow.commit()
    return FeedbackGiven(changed, shortlisted)


def _shortlist(uow: EventsUnitOfWork, meeting: EventMeeting, now: Clock) -> int | None:
    """The best stored match between the two sides' opportunities, shortlisted by the office
    (unless someone declined it or it was introduced already)."""
    first, second = (uow.events.participant(i) for i in (meeting.first_id, meeting.second_id))
    assert first is not None and second is not None
    best = best_match_between(
        uow,
        first.organisation_id,
        second.organisation_id,
        (MatchState.PROPOSED, MatchState.INTERESTED),
    )
    if best is None or best.id is None:
        return None
    give_feedback(uow=uow, by=SHORTLISTER, match_id=best.id, verdict="accept", now=now)
    return best.id


def event_figures(*, uow: EventsUnitOfWork, by: Principal, event_id: int) -> dict[str, object]:
    """Requests sent, accepted, declined and expired; meetings scheduled and held; the no-show
    rate; meetings per participant; what the sides made of their meetings (officers)."""
    require_officer(by, "read an event's figures", Scope.READ)
    with uow:
        if uow.events.get(event_id) is None:
            raise NotFound("event", event_id)
        requests = uow.events.requests(event_id)
        meetings = uow.events.meetings(event_id)
        participants = uow.events.participants(event_id)
    states = Counter(r.state.value for r in requests)
    held = sum(m.state is MeetingState.HELD for m in meetings)
    missed = sum(m.state is MeetingState.NO_SHOW for m in meetings)
    per_participant = Counter(i for m in meetings for i in (m.first_id, m.second_id))
    counts = [per_participant.get(p.id or 0, 0) for p in participants]
    return {
        "participants": len(participants),
        "requests": len(requests),
        "requests_by_state": {s.value: states.get(s.value, 0) for s in RequestState},
        "meetings_scheduled": len(meetings),
        "meetings_held": held,
        "no_shows": missed,
        "no_show_rate": round(missed / (held + missed), 4) if held + missed else None,
        "meetings_per_participant": round(statistics.fmean(counts), 2) if counts else 0.0,
        "most_meetings": max(counts, default=0),
        "feedback": dict(Counter(f.value for m in meetings for f in m.feedback.values())),
    }
