"""`itpo index rebuild`, and the index build `itpo demo` runs after loading its data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, error_console

if TYPE_CHECKING:
    from itpo.adapters.index_store import BuildReport
    from itpo.bootstrap import Platform


def build_index(platform: Platform) -> BuildReport:
    """Rebuild the matching index with a progress bar (on stderr) for the texts to encode."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("Encoding"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=error_console.rich, transient=True) as progress:
        task = progress.add_task("encode", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = platform.index_store().rebuild(advance)
    console.print(
        f"Matching index: {report.documents} live opportunities, {report.encoded} texts "
        f"encoded, the rest from the cache ({report.seconds:.1f} s)."
    )
    return report


@click.group("index")
def index_group() -> None:
    """The matching index (derived from the database; vectors cached in the data folder)."""


@index_group.command("rebuild")
@pass_state
@clean_errors
def rebuild(state: CliState) -> None:
    """Build the matching index again; only new or changed texts are encoded."""
    platform = state.platform()
    try:
        build_index(platform)
    finally:
        platform.close()
