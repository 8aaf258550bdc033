"""`itpo events ...`: B2B meeting schedules. `itpo events solve` takes a plain scheduling
problem and gives the schedule the live events would get from the same solver."""

from __future__ import annotations

import json
from pathlib import Path

import click

from itpo.adapters.cli.context import clean_errors
from itpo.adapters.cli.output import console, print_json


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
