"""`itpo backup FILE` and `itpo restore FILE`: a consistent copy of the database taken while the
server runs (SQLite's online backup, `pg_dump` for PostgreSQL), and the database put back from
one, its schema brought up to date and the matching index rebuilt. Both are audited."""

from __future__ import annotations

from pathlib import Path

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console

PG_BIN_HELP = "Folder of PostgreSQL's pg_dump and pg_restore (default: the PATH)."


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace FILE if it exists.")
@click.option(
    "--pg-bin", type=click.Path(file_okay=False, path_type=Path), default=None, help=PG_BIN_HELP
)
@pass_state
@clean_errors
def backup_command(state: CliState, file: Path, overwrite: bool, pg_bin: Path | None) -> None:
    """Write a consistent copy of the database to FILE while the server may run."""
    from itpo.accounts.database_copies import take_backup
    from itpo.adapters.storage.backup import backup_database

    platform = state.platform()
    made = take_backup(
        uow=platform.uow(),
        by=state.operator,
        file=file,
        copy=lambda: backup_database(platform.engine, file, overwrite=overwrite, pg_bin=pg_bin),
        now=platform.clock,
    )
    console.print(
        f"Backup of the {made.backend} database written to {made.path} "
        f"({made.bytes / 1_048_576:,.1f} MB, schema {made.revision}, {made.seconds:.1f} s)."
    )


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--yes", is_flag=True, help="Do not ask: every record now in the database is replaced."
)
@click.option(
    "--pg-bin", type=click.Path(file_okay=False, path_type=Path), default=None, help=PG_BIN_HELP
)
@pass_state
@clean_errors
def restore_command(state: CliState, file: Path, yes: bool, pg_bin: Path | None) -> None:
    """Replace the database with the backup in FILE (stop the server first), bring its schema
    up to date and rebuild the matching index."""
    from itpo.accounts.database_copies import check_restore, restore_backup
    from itpo.adapters.cli.index_commands import build_index
    from itpo.adapters.storage.backup import RestoreDone, restore_database
    from itpo.adapters.storage.database import create_engine

    check_restore(state.operator)
    engine = create_engine(state.settings().resolved_database_url)
    if not yes:
        where = engine.url.render_as_string(hide_password=True)
        click.confirm(f"Replace everything in {where} with {file}?", abort=True)

    def put_back() -> RestoreDone:
        try:
            return restore_database(engine, file, pg_bin=pg_bin)
        finally:
            engine.dispose()

    # The platform is opened after the restore, on the database as the backup left it.
    done = restore_backup(
        by=state.operator, file=file, restore=put_back, uow=lambda: state.platform().uow()
    )
    platform = state.platform()
    console.print(
        f"Restored the {done.backend} database from {file} (schema {done.revision_restored}, "
        f"now {done.revision_now}, {done.seconds:.1f} s)."
    )
    build_index(platform)
