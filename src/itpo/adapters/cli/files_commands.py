"""`itpo import`, `itpo export` and `itpo template`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from itpo.accounts.principal import Principal
from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json

if TYPE_CHECKING:
    from itpo.bootstrap import Platform
    from itpo.registry.importing import ImportBatch, ImportReport

# itpo.registry.importing's ORGANISATIONS and OPPORTUNITIES, spelled out so that loading the
# command does not load the importer; a test keeps them the same.
RECORD_TYPES = ("organisations", "opportunities")

record_type = click.Choice(RECORD_TYPES)


def run_import(
    platform: Platform,
    batch: ImportBatch,
    *,
    by: Principal,
    dry_run: bool,
    allow_moves: bool = False,
    source: str | None = None,
    quiet: bool = False,
) -> ImportReport:
    """Import with a progress bar: validation counts each row once, writing counts it again."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from itpo.registry.importing import import_records

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console.rich, transient=True, disable=quiet) as progress:
        steps = len(batch) + (0 if dry_run else len(batch.opportunities))
        task = progress.add_task("importing", total=steps)
        return import_records(
            uow=platform.uow(immediate=True),
            by=by,
            batch=batch,
            dry_run=dry_run,
            allow_moves=allow_moves,
            source=source,
            now=platform.clock,
            progress=lambda n: progress.advance(task, n),
        )


def report_dict(report: ImportReport) -> dict[str, object]:
    return {
        "dry_run": report.dry_run,
        "organisations": {
            "created": report.organisations_created,
            "updated": report.organisations_updated,
            "unchanged": report.organisations_unchanged,
        },
        "opportunities": {
            "created": report.opportunities_created,
            "updated": report.opportunities_updated,
            "unchanged": report.opportunities_unchanged,
        },
        "changes": [
            {
                "section": c.section,
                "row": c.row,
                "record_id": c.record_id,
                "field": c.field,
                "before": c.before,
                "after": c.after,
                "made_by_import": c.made_by_import,
            }
            for c in report.changes
        ],
    }


def describe(report: ImportReport) -> str:
    verb = "would be" if report.dry_run else "were"
    lines = [
        f"Organisations: {report.organisations_created} new, {report.organisations_updated} updated"
        f", {report.organisations_unchanged} unchanged; opportunities: "
        f"{report.opportunities_created} new, {report.opportunities_updated} updated, "
        f"{report.opportunities_unchanged} unchanged ({verb} written)."
    ]
    for change in report.changes:
        note = "" if change.made_by_import else " (entered by hand: needs --allow-moves)"
        lines.append(f"  {change}{note}")
    return "\n".join(lines)


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row and report; change nothing.")
@click.option(
    "--type",
    "section",
    type=record_type,
    help="Record type of a CSV file (default: told by its columns).",
)
@click.option(
    "--allow-moves",
    is_flag=True,
    help="Let the file rename organisations and move opportunities that no import made "
    "(a dry run lists each).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_state
@clean_errors
def import_command(
    state: CliState,
    file: Path,
    dry_run: bool,
    section: str | None,
    allow_moves: bool,
    as_json: bool,
) -> None:
    """Import organisations and opportunities from CSV, Excel (.xlsx) or JSON: all rows or none."""
    from itpo.adapters.files.formats import read_batch

    settings = state.settings()
    batch = read_batch(
        file,
        section,
        max_rows=settings.max_import_rows,
        max_unzipped_mb=settings.max_import_unzipped_mb,
    )
    report = run_import(
        state.platform(),
        batch,
        by=state.operator,
        dry_run=dry_run,
        allow_moves=allow_moves,
        source=file.name,
        quiet=as_json,
    )
    print_json(report_dict(report)) if as_json else console.print(describe(report))


@click.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--type",
    "section",
    type=record_type,
    help="Record type of a CSV file (default: opportunities).",
)
@click.option("--kind", multiple=True, help="Only these opportunity kinds.")
@click.option("--country", multiple=True, help="Only opportunities in these countries.")
@click.option("--region", multiple=True, help="Only opportunities in these regions.")
@click.option("--status", multiple=True, help="Only opportunities with these statuses.")
@pass_state
@clean_errors
def export_command(
    state: CliState,
    file: Path,
    section: str | None,
    kind: tuple[str, ...],
    country: tuple[str, ...],
    region: tuple[str, ...],
    status: tuple[str, ...],
) -> None:
    """Export to CSV, Excel (.xlsx) or JSON; the file imports back unchanged."""
    from itpo.adapters.files.formats import write_records
    from itpo.registry.exporting import export_records
    from itpo.registry.filters import opportunity_query

    filtered = kind or country or region or status
    query = (
        opportunity_query(kind=kind, country=country, region=region, status=status)
        if filtered
        else None
    )
    platform = state.platform()
    organisations, opportunities = export_records(
        uow=platform.uow(), by=state.operator, query=query, source=file.name, now=platform.clock
    )
    count = write_records(file, organisations, opportunities, section)
    console.print(f"Wrote {count} records to {file}.")


@click.command("template")
@click.argument(
    "file", type=click.Path(path_type=Path, dir_okay=False), default="itpo-import-template.xlsx"
)
@clean_errors
def template_command(file: Path) -> None:
    """Write the Excel import template: a sheet per record type, field help, allowed values."""
    from itpo.adapters.files.excel_files import write_template

    write_template(file)
    console.print(f"Wrote the import template to {file}.")
