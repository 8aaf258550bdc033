"""`itpo events ...`: B2B meeting schedules. `itpo events solve` takes a plain scheduling
problem and gives the schedule the live events would get from the same solver."""

from __future__ import annotations

import json
from pathlib import Path

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_record, print_table


@click.group()
def events() -> None:
    """B2B matchmaking events and their meeting schedules."""


@events.command("solve")
@click.argument("problem_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--seconds", type=click.FloatRange(0.1, 3600), default=10, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the meetings here."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@clean_errors
def solve_command(
    problem_file: Path, seconds: float, workers: int, output: Path | None, as_json: bool
) -> None:
    """Schedule PROBLEM_FILE: {"slots", "tables", "participants": [{"id", "available"}],
    "requests": [{"a", "b", "weight"}]}, optionally "locked" and "published" meetings and a
    "cap"; slots and tables count from 0."""
    from itpo.events.checker import violations
    from itpo.events.problem import problem_from_dict
    from itpo.events.scheduler import Progress, solve
    from itpo.registry.errors import FieldError, ValidationError

    try:
        data = json.loads(problem_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValidationError([FieldError("problem", f"is not a JSON file: {error}")]) from error
    problem = problem_from_dict(data)

    def shown(progress: Progress) -> None:
        if not as_json:
            console.print(
                f"{progress.seconds:6.1f} s  weight {progress.objective:,.2f}  "
                f"bound {progress.bound:,.2f}",
                highlight=False,
            )

    schedule = solve(problem, seconds=seconds, workers=workers, progress=shown)
    broken = violations(problem, schedule.meetings)
    if broken:  # never expected: the checker is independent of the solver, so say it
        raise ValidationError([FieldError("schedule", "; ".join(broken[:5]))])
    if output is not None:
        meetings = [
            {"a": m.a, "b": m.b, "slot": m.slot, "table": m.table} for m in schedule.meetings
        ]
        output.write_text(json.dumps({"meetings": meetings}, indent=1) + "\n", encoding="utf-8")
    summary = schedule.as_dict()
    if as_json:
        print_json(summary)
        return
    share = schedule.objective / schedule.bound if schedule.bound else 1.0
    console.print(
        f"{schedule.status}: {len(schedule.meetings)} meetings of weight "
        f"{schedule.objective:,.2f} ({share:.2%} of the bound {schedule.bound:,.2f}), "
        f"{schedule.gaps} idle gaps, {schedule.moved} published meetings moved, "
        f"in {schedule.seconds:.1f} s.",
        highlight=False,
    )


@events.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_state
@clean_errors
def list_command(state: CliState, as_json: bool) -> None:
    """Events, the newest first."""
    from itpo.events import services

    platform = state.platform()
    found, total = services.list_events(uow=platform.uow(), limit=None)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind.value,
            "first_day": min(s.day for s in e.sessions).isoformat(),
            "place": e.place,
            "schedule_version": e.schedule_version,
        }
        for e in found
    ]
    if as_json:
        print_json({"items": rows, "total": total})
        return
    print_table(
        rows,
        [
            ("id", "id", 5),
            ("name", "name", 50),
            ("kind", "kind", 10),
            ("first_day", "first day", 10),
            ("schedule_version", "schedule", 8),
        ],
        title=f"{total} events",
    )


@events.command("show")
@click.argument("event_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@pass_state
@clean_errors
def show_command(state: CliState, event_id: int, as_json: bool) -> None:
    """An event and its figures: requests, meetings scheduled and held, no-shows, feedback."""
    from itpo.events import follow_up, services

    platform = state.platform()
    event = services.get_event(uow=platform.uow(), event_id=event_id)
    figures = follow_up.event_figures(uow=platform.uow(), by=state.operator, event_id=event_id)
    shown = {
        "id": event.id,
        "name": event.name,
        "name_zh": event.name_zh,
        "place": event.place,
        "time_zone": event.time_zone,
        "slots": len(services.timetable(event)),
        "tables": event.tables,
        "registration_open": event.registration_open,
        "schedule_version": event.schedule_version,
        **figures,
    }
    if as_json:
        print_json(shown)
        return
    print_record(shown)


@events.command("create")
@click.argument("event_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@pass_state
@clean_errors
def create_command(state: CliState, event_file: Path, as_json: bool) -> None:
    """Create an event from EVENT_FILE: {"name", "name_zh", "kind", "place", "time_zone",
    "sessions": [{"day", "start", "end", "breaks": [{"start", "end"}]}], "slot_minutes",
    "tables", "cap", "request_days"}."""
    from itpo.events import services
    from itpo.registry.errors import FieldError, ValidationError

    try:
        data = json.loads(event_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValidationError([FieldError("event", f"is not a JSON file: {error}")]) from error
    if not isinstance(data, dict):
        raise ValidationError([FieldError("event", "must be a JSON object")])
    platform = state.platform()
    event = services.create_event(
        uow=platform.uow(), by=state.operator, data=data, now=platform.clock
    )
    shown = {"id": event.id, "name": event.name, "slots": len(services.timetable(event))}
    if as_json:
        print_json(shown)
        return
    console.print(f"Event {event.id}: {event.name}, {shown['slots']} meeting slots.")


@events.command("register")
@click.argument("event_id", type=int)
@click.option("--organisation", "organisation_id", type=int, required=True)
@click.option("--attendee", "attendees", multiple=True, required=True, help="Repeat for more.")
@pass_state
@clean_errors
def register_command(
    state: CliState, event_id: int, organisation_id: int, attendees: tuple[str, ...]
) -> None:
    """Register an organisation for an event, with the people attending."""
    from itpo.events import services

    platform = state.platform()
    participant = services.register(
        uow=platform.uow(),
        by=state.operator,
        event_id=event_id,
        organisation_id=organisation_id,
        attendees=list(attendees),
        now=platform.clock,
    )
    console.print(f"Participant {participant.id} registered.")


@events.command("request")
@click.option("--from", "from_id", type=int, required=True, help="The asking participant.")
@click.option("--to", "to_id", type=int, required=True, help="The participant asked.")
@click.option("--priority", type=click.IntRange(1, 3), default=2, show_default=True)
@click.option("--message")
@click.option("--office", "by_office", is_flag=True, help="In the office's name: accepted at once.")
@pass_state
@clean_errors
def request_command(
    state: CliState, from_id: int, to_id: int, priority: int, message: str | None, by_office: bool
) -> None:
    """Ask one participant of an event for a meeting with another."""
    from itpo.events import services

    platform = state.platform()
    request = services.request_meeting(
        uow=platform.uow(),
        by=state.operator,
        from_id=from_id,
        to_id=to_id,
        priority=priority,
        message=message,
        by_office=by_office,
        now=platform.clock,
    )
    console.print(f"Request {request.id}: {request.state.value}.")


@events.command("answer")
@click.argument("request_id", type=int)
@click.option("--accept/--decline", required=True)
@click.option("--reason", help="Required to decline.")
@pass_state
@clean_errors
def answer_command(state: CliState, request_id: int, accept: bool, reason: str | None) -> None:
    """Accept or decline a meeting request."""
    from itpo.events import services

    platform = state.platform()
    answered = services.answer_request(
        uow=platform.uow(),
        by=state.operator,
        request_id=request_id,
        accept=accept,
        reason=reason,
        now=platform.clock,
    )
    console.print(f"Request {request_id}: {answered.state.value}.")


@events.command("expire")
@click.argument("event_id", type=int)
@pass_state
@clean_errors
def expire_command(state: CliState, event_id: int) -> None:
    """Expire the event's requests nobody answered in time, and tell both sides (from cron)."""
    from itpo.events import services

    platform = state.platform()
    expired = services.expire_requests(
        uow=platform.uow(), by=state.operator, event_id=event_id, now=platform.clock
    )
    console.print(f"{len(expired)} requests expired; both sides of each are told by mail.")


@events.command("schedule")
@click.argument("event_id", type=int)
@click.option("--seconds", type=click.FloatRange(0.1, 600), default=10, show_default=True)
@click.option("--publish", is_flag=True, help="Publish the schedule at once.")
@click.option("--json", "as_json", is_flag=True)
@pass_state
@clean_errors
def schedule_command(
    state: CliState, event_id: int, seconds: float, publish: bool, as_json: bool
) -> None:
    """Schedule the event's accepted requests (a re-plan keeps the published meetings)."""
    from itpo.events import services

    platform = state.platform()
    schedule = services.run_scheduler(
        uow=platform.uow(),
        by=state.operator,
        event_id=event_id,
        seconds=seconds,
        now=platform.clock,
    )
    if publish:
        services.publish_schedule(
            uow=platform.uow(), by=state.operator, event_id=event_id, now=platform.clock
        )
    if as_json:
        print_json({**schedule.as_dict(), "published": publish})
        return
    console.print(
        f"{schedule.status}: {len(schedule.meetings)} meetings of weight {schedule.objective:,.2f} "
        f"(bound {schedule.bound:,.2f}), {schedule.moved} published meetings moved"
        + ("; published." if publish else "; publish with itpo events publish."),
        highlight=False,
    )


@events.command("publish")
@click.argument("event_id", type=int)
@pass_state
@clean_errors
def publish_command(state: CliState, event_id: int) -> None:
    """Publish the event's current schedule to its participants."""
    from itpo.events import services

    platform = state.platform()
    event = services.publish_schedule(
        uow=platform.uow(), by=state.operator, event_id=event_id, now=platform.clock
    )
    console.print(f"Schedule version {event.schedule_version} published.")


@events.command("registration")
@click.argument("event_id", type=int)
@click.option("--open/--close", "is_open", required=True, help="Open or close registration.")
@pass_state
@clean_errors
def registration_command(state: CliState, event_id: int, is_open: bool) -> None:
    """Open or close registration of EVENT_ID to members."""
    from itpo.events import services

    platform = state.platform()
    services.set_registration(
        uow=platform.uow(),
        by=state.operator,
        event_id=event_id,
        is_open=is_open,
        now=platform.clock,
    )
    console.print(f"Registration for event {event_id} is {'open' if is_open else 'closed'}.")


@events.command("agenda")
@click.argument("participant_id", type=int)
@click.option(
    "--ics",
    "ics_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write it as iCalendar.",
)
@click.option(
    "--pdf", "pdf_file", type=click.Path(dir_okay=False, path_type=Path), help="Write it as PDF."
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@pass_state
@clean_errors
def agenda_command(
    state: CliState, participant_id: int, ics_file: Path | None, pdf_file: Path | None, lang: str
) -> None:
    """A participant's published agenda, in the event's time zone."""
    from itpo.adapters.events.agenda_pdf import agenda_pdf
    from itpo.adapters.events.ics import agenda_ics
    from itpo.events import services

    platform = state.platform()
    agenda = services.agenda(
        uow=platform.uow(), by=state.operator, participant_id=participant_id, language=lang
    )
    if ics_file is not None:
        ics_file.write_bytes(agenda_ics(agenda, stamp=platform.clock(), language=lang))
    if pdf_file is not None:
        pdf_file.write_bytes(agenda_pdf(agenda, language=lang))
    rows = [
        {
            "when": f"{item.start:%Y-%m-%d %H:%M}-{item.end:%H:%M}",
            "table": item.table + 1,
            "with": item.counterpart,
        }
        for item in agenda.items
    ]
    print_table(
        rows,
        [("when", "when", 20), ("table", "table", 6), ("with", "with", 50)],
        title=f"{agenda.event}: {agenda.participant} ({agenda.time_zone})",
    )
