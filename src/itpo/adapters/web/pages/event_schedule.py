"""/events/{id}/schedule: the officer's side of an event's meetings. Run the scheduler (in the
background, the best schedule so far shown while it works), read the grid of slots and tables,
move a meeting by hand (checked against every rule, then locked), publish, record who came on
the day, read the event's figures, and print the table plan."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from itpo.adapters.events.table_plan_pdf import table_plan_pdf
from itpo.adapters.http import MAX_ID, PlatformDep, RecordId, UowDep
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.adapters.web.pages.event_views import event_view, problems_of, slot_label
from itpo.adapters.web.scheduler_runs import Run, SchedulerRuns
from itpo.adapters.web.templating import render
from itpo.adapters.web.visit import Visit, VisitDep
from itpo.bootstrap import Platform
from itpo.events import follow_up, services
from itpo.events.model import RequestState
from itpo.events.scheduler import Progress, Schedule
from itpo.registry.errors import Conflict, ValidationError

router = APIRouter()
ShortText = Annotated[str, Form(max_length=400)]
EventField = Annotated[int, Form(ge=1, le=MAX_ID)]
SECONDS_CHOICES = (5, 10, 30, 60)
DONE: Mapping[str, str] = {
    "scheduled": "The scheduler is done: the draft below replaces the one before.",
    "published": "The schedule is published: participants see their agendas.",
    "moved": "The meeting is moved and locked there.",
    "attendance": "Attendance is recorded.",
}


class PlanFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"


def runs_of(request: Request) -> SchedulerRuns:
    runs = getattr(request.app.state, "scheduler_runs", None)
    if not isinstance(runs, SchedulerRuns):
        runs = request.app.state.scheduler_runs = SchedulerRuns()
    return runs


@router.get("/events/{event_id:int}/schedule")
def schedule_page(
    request: Request,
    event_id: RecordId,
    visit: VisitDep,
    uow: UowDep,
    done: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    visit.require_user()
    return show_schedule(request, visit, uow, event_id, done=done)


def show_schedule(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    event_id: int,
    *,
    done: str = "",
    form: str = "",
    problems: Mapping[str, str] | None = None,
    sent: Mapping[str, Any] | None = None,
    refusal: str | None = None,
    status: int = 200,
) -> Response:
    """The grid with its forms; after a refused form, that form shows why."""
    by, language = visit.principal, visit.language
    # How the run stands is read first: once it is finished, its draft is in the database.
    run = run_view(runs_of(request).get(event_id))
    event, slots, rows = services.table_plan(uow=uow, by=by, event_id=event_id)
    figures = follow_up.event_figures(uow=uow, by=by, event_id=event_id)
    requests = services.requests_of(uow=uow, by=by, event_id=event_id)
    names = {
        p.id: name or f"#{p.organisation_id}"
        for p, name in services.participants_of(uow=uow, by=by, event_id=event_id)
    }
    placed = {m.request_id for m, _, _ in rows}
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for meeting, first, second in rows:
        cells[(meeting.slot, meeting.table)] = {
            "id": meeting.id,
            "first": first,
            "second": second,
            "locked": meeting.locked,
            "state": meeting.state.value,
            "slot": meeting.slot,
            "table": meeting.table,
        }
    if run is not None and run["finished"] and done == "started" and not run["refusal"]:
        done = "scheduled"  # done before the page came back: no progress left to follow
    values = {
        "event": event_view(event, language),
        "slots": [{"number": s.number, "label": slot_label(s, language)} for s in slots],
        "tables": range(event.tables),
        "cells": cells,
        "meetings": len(rows),
        "unplaced": [
            {
                "from": names.get(r.from_id, r.from_id),
                "to": names.get(r.to_id, r.to_id),
                "weight": r.weight,
            }
            for r in requests
            if r.state is RequestState.ACCEPTED and r.id not in placed
        ],
        "figures": figures,
        "run": run,
        "seconds_choices": SECONDS_CHOICES,
        "done": DONE.get(done),
        "form": form,
        "problems": dict(problems or {}),
        "sent": dict(sent or {}),
        "refusal": refusal,
    }
    return render(request, visit, "events/schedule.html", values, status=status)


def run_view(run: Run | None) -> dict[str, Any] | None:
    if run is None:
        return None
    best: Progress | None = run.best
    done: Schedule | None = run.schedule
    return {
        "finished": run.finished,
        "seconds": run.seconds,
        "elapsed": round(min(run.elapsed, run.seconds + 30), 1),
        "objective": done.objective if done else (best.objective if best else None),
        "bound": done.bound if done else (best.bound if best else None),
        "status": done.status if done else None,
        "meetings": len(done.meetings) if done else None,
        "gaps": done.gaps if done else None,
        "moved": done.moved if done else None,
        "unplaced": len(done.unplaced) if done else None,
        "refusal": run.refusal,
    }


@router.post("/events/{event_id:int}/schedule")
def run_scheduler(
    request: Request,
    event_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    seconds: ShortText = "10",
) -> Response:
    """Start the scheduler with a time limit; the page follows it until it is done."""
    visit.require_user()
    by = visit.principal
    try:
        limit = float(seconds)
    except ValueError:
        limit = -1.0
    try:
        services.check_scheduler_run(uow=uow, by=by, event_id=event_id, seconds=limit)
        runs_of(request).start(event_id, limit, _job(platform, visit, event_id, limit))
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, uow, event_id, "run", error, {"seconds": seconds})
    return RedirectResponse(f"/events/{event_id}/schedule?done=started#run", status_code=303)


def _job(platform: Platform, visit: Visit, event_id: int, seconds: float) -> Any:
    def job(progress: Any) -> Schedule:
        return services.run_scheduler(
            uow=platform.uow(),
            by=visit.principal,
            event_id=event_id,
            seconds=seconds,
            progress=progress,
            now=platform.clock,
        )

    return job


@router.get("/events/{event_id:int}/schedule/progress")
def run_progress(request: Request, event_id: RecordId, visit: VisitDep, uow: UowDep) -> Response:
    """How the run stands, for the page to show every second; once it is done the page
    reloads with the new draft."""
    visit.require_user()
    services.check_scheduler_run(uow=uow, by=visit.principal, event_id=event_id, seconds=1.0)
    run = runs_of(request).get(event_id)
    values = {"event": {"id": event_id}, "run": run_view(run)}
    response = render(request, visit, "events/_run.html", values)
    if run is not None and run.finished and request.headers.get("hx-request") == "true":
        done = "" if run.refusal else "?done=scheduled"
        response.headers["HX-Redirect"] = f"/events/{event_id}/schedule{done}"
    return response


def _refused(
    request: Request,
    visit: Visit,
    uow: SqlUnitOfWork,
    event_id: int,
    form: str,
    error: ValidationError | Conflict,
    sent: Mapping[str, Any],
) -> Response:
    if isinstance(error, ValidationError):
        return show_schedule(
            request,
            visit,
            uow,
            event_id,
            form=form,
            problems=problems_of(error),
            sent=sent,
            status=422,
        )
    return show_schedule(
        request, visit, uow, event_id, form=form, sent=sent, refusal=str(error), status=409
    )


@router.post("/events/{event_id:int}/publish")
def publish(
    request: Request, event_id: RecordId, visit: VisitDep, platform: PlatformDep, uow: UowDep
) -> Response:
    """Publish the draft: agendas show it, calendars that imported one take the new times."""
    visit.require_user()
    services.publish_schedule(uow=uow, by=visit.principal, event_id=event_id, now=platform.clock)
    return RedirectResponse(f"/events/{event_id}/schedule?done=published", status_code=303)


@router.post("/event-meetings/{meeting_id:int}/move")
def move_meeting(
    request: Request,
    meeting_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    event_id: EventField,
    slot: ShortText = "",
    table: ShortText = "",
) -> Response:
    """Move a meeting by hand to a slot and table; checked, then locked there."""
    visit.require_user()
    try:
        moved = services.move_meeting(
            uow=uow,
            by=visit.principal,
            meeting_id=meeting_id,
            slot=int(slot) if slot.isdigit() else -1,
            table=int(table) if table.isdigit() else -1,
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        sent = {"slot": slot, "table": table}
        return _refused(request, visit, uow, event_id, f"move-{meeting_id}", error, sent)
    return RedirectResponse(f"/events/{moved.event_id}/schedule?done=moved#grid", 303)


@router.post("/event-meetings/{meeting_id:int}/attendance")
def attendance(
    request: Request,
    meeting_id: RecordId,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    event_id: EventField,
    held: ShortText = "",
) -> Response:
    """Held when both sides came, a no-show otherwise (on the day)."""
    visit.require_user()
    try:
        changed = follow_up.record_attendance(
            uow=uow,
            by=visit.principal,
            meeting_id=meeting_id,
            held=held == "yes",
            now=platform.clock,
        )
    except (ValidationError, Conflict) as error:
        return _refused(request, visit, uow, event_id, f"attendance-{meeting_id}", error, {})
    return RedirectResponse(f"/events/{changed.event_id}/schedule?done=attendance#grid", 303)


@router.get("/events/{event_id:int}/table-plan")
def table_plan(
    request: Request,
    event_id: RecordId,
    visit: VisitDep,
    uow: UowDep,
    format: Annotated[PlanFormat, Query()] = PlanFormat.HTML,
) -> Response:
    """Which two organisations sit at which table in each slot: a page to print, or a PDF."""
    visit.require_user()
    event, slots, rows = services.table_plan(uow=uow, by=visit.principal, event_id=event_id)
    if format is PlanFormat.PDF:
        content = table_plan_pdf(event, slots, rows, language=visit.language)
        name = f"table-plan-{event_id}.pdf"
        return Response(
            content,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    by_slot: dict[int, list[dict[str, Any]]] = {}
    for meeting, first, second in sorted(rows, key=lambda r: (r[0].slot, r[0].table)):
        by_slot.setdefault(meeting.slot, []).append(
            {"table": meeting.table + 1, "first": first, "second": second}
        )
    values = {
        "event": event_view(event, visit.language),
        "plan": [
            {"label": slot_label(s, visit.language), "meetings": by_slot.get(s.number, [])}
            for s in slots
        ],
    }
    return render(request, visit, "events/table_plan.html", values)
