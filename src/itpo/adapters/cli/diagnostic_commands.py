"""`itpo diagnostics questionnaire|take|show|list|report`: the readiness diagnostic from the
command line, through the same services as the pages and the API."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_table
from itpo.registry.errors import FieldError, ValidationError

if TYPE_CHECKING:
    from itpo.bootstrap import Platform


@click.group("diagnostics")
def diagnostics_group() -> None:
    """AI and Industry 4.0 readiness diagnostics of manufacturers."""


@diagnostics_group.command("questionnaire")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", help="Language shown.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole questionnaire as JSON.")
def questionnaire_command(lang: str, as_json: bool) -> None:
    """Print the questionnaire: its dimensions by building block, with their six bands."""
    from itpo.diagnostic import presenting
    from itpo.diagnostic.questionnaire import questionnaire

    if as_json:
        print_json(presenting.questionnaire_dict())
        return
    form = questionnaire()
    for block in form.blocks:
        console.print(f"[bold]{block.name.in_(lang)}[/]")
        for d in form.in_block(block.id):
            console.print(f"  {d.id}: {d.name.in_(lang)}", highlight=False)
            for band, text in enumerate(d.bands):
                console.print(f"    {band}  {text.in_(lang)}", highlight=False)


@diagnostics_group.command("take")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--organisation",
    "organisation_id",
    type=click.IntRange(1),
    default=None,
    help="The organisation assessed (instead of the file's organisation_id).",
)
@click.option("--draft", is_flag=True, help="Keep it as a draft (answers may be missing).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def take_command(
    state: CliState, file: Path, organisation_id: int | None, draft: bool, as_json: bool
) -> None:
    """Take a diagnostic from a JSON file: {"organisation_id", "language", "taken_on",
    "answers": {dimension: band 0-5}}; its top gaps become draft technology needs."""
    from itpo.diagnostic import presenting, services

    data = _read(file)
    platform = state.platform()
    made = services.take_diagnostic(
        uow=platform.uow(),
        by=state.operator,
        organisation_id=organisation_id or _whole(data.get("organisation_id"), "organisation_id"),
        answers=data.get("answers"),
        language=str(data.get("language", "en")),
        taken_on=_day(data.get("taken_on")),
        submit=not draft,
        now=platform.clock,
    )
    assert made.id is not None
    sheet = services.diagnostic_sheet(uow=platform.uow(), by=state.operator, diagnostic_id=made.id)
    if as_json:
        print_json(presenting.sheet_dict(sheet))
        return
    console.print(f"Diagnostic {made.id} of {sheet.organisation.name} is {made.status.value}.")
    for link, need in sheet.needs:
        console.print(f"  draft need {need.id}: {need.title} ({link.dimension})", highlight=False)


@diagnostics_group.command("show")
@click.argument("diagnostic_id", type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def show_command(state: CliState, diagnostic_id: int, as_json: bool) -> None:
    """Show a diagnostic: its bands, block averages, gaps and draft needs."""
    from itpo.diagnostic import presenting, services

    platform = state.platform()
    sheet = services.diagnostic_sheet(
        uow=platform.uow(), by=state.operator, diagnostic_id=diagnostic_id, now=platform.clock
    )
    shown = presenting.sheet_dict(sheet)
    if as_json:
        print_json(shown)
        return
    console.print(
        f"[bold]{sheet.organisation.name}[/] · {shown['taken_on']} · {shown['status']} · "
        f"overall {shown['overall']}",
        highlight=False,
    )
    print_table(
        [{"dimension": k, "band": v} for k, v in shown["answers"].items()],
        [("dimension", "Dimension", None), ("band", "Band", None)],
    )
    print_table(
        shown["gaps"],
        [
            ("dimension", "Gap", None),
            ("band", "Band", None),
            ("target", "Target", None),
            ("priority", "Priority", None),
            ("reason", "Why it matters", 60),
        ],
    )
    print_table(
        shown["needs"],
        [("opportunity_id", "Need", None), ("title", "Title", 50), ("status", "Status", None)],
    )


@diagnostics_group.command("list")
@click.option(
    "--organisation",
    "organisation_id",
    type=click.IntRange(1),
    default=None,
    help="Only this organisation's.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@pass_state
@clean_errors
def list_command(state: CliState, organisation_id: int | None, as_json: bool) -> None:
    """List diagnostics, newest first."""
    from itpo.diagnostic import presenting, services

    platform = state.platform()
    found = services.list_diagnostics(
        uow=platform.uow(), by=state.operator, organisation_id=organisation_id
    )
    rows = [presenting.summary_dict(s) for s in found]
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [
            ("id", "ID", None),
            ("organisation", "Organisation", 40),
            ("taken_on", "Taken", None),
            ("status", "Status", None),
            ("overall", "Overall", None),
        ],
    )


@diagnostics_group.command("report")
@click.argument("diagnostic_id", type=click.IntRange(1))
@click.option(
    "--pdf",
    "pdf_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report as PDF to this file.",
)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report as HTML to this file.",
)
@pass_state
@clean_errors
def report_command(
    state: CliState, diagnostic_id: int, pdf_file: Path | None, html_file: Path | None
) -> None:
    """Write a diagnostic's take-away report (spider chart, scores, gaps, needs and offers)."""
    from itpo.adapters.reports.diagnostic_html import diagnostic_html
    from itpo.adapters.reports.diagnostic_pdf import diagnostic_pdf
    from itpo.diagnostic import offers, services

    if pdf_file is None and html_file is None:
        raise click.UsageError("give --pdf FILE, --html FILE or both")
    platform = state.platform()
    sheet = services.diagnostic_sheet(
        uow=platform.uow(), by=state.operator, diagnostic_id=diagnostic_id, now=platform.clock
    )
    found = offers.need_offers(
        uow=platform.uow(),
        by=state.operator,
        index=platform.index(),
        diagnostic_id=diagnostic_id,
        cases=platform.case_index(),
    )
    if pdf_file is not None:
        pdf_file.write_bytes(diagnostic_pdf(sheet, found))
        console.print(f"Report written to {pdf_file}.", highlight=False)
    if html_file is not None:
        html_file.write_text(diagnostic_html(sheet, found), encoding="utf-8")
        console.print(f"Report written to {html_file}.", highlight=False)


def _read(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError([FieldError("file", f"is not JSON: {error}")]) from None
    if not isinstance(data, dict):
        raise ValidationError([FieldError("file", "must hold one JSON object")])
    return data


def _whole(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError([FieldError(field, "must be an organisation's id")])
    return value


def _day(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError([FieldError("taken_on", "must be a date (YYYY-MM-DD)")]) from None


def demo_diagnostics(platform: Platform) -> None:
    """The demo's readiness diagnostics and their draft needs, taken by this command line."""
    from itpo.accounts.principal import Principal
    from itpo.demo.diagnostics import load_demo_diagnostics

    taken = load_demo_diagnostics(
        uow_factory=platform.uow, by=Principal.operator(), now=platform.clock
    )
    if taken:
        console.print(f"Demo diagnostics: {taken} taken, each with its draft technology needs.")
