"""Printing: a table for people, JSON for scripts."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


class LazyConsole:
    """A rich Console made on first use: a command that prints nothing, `--help` or
    `--version`, never imports rich."""

    def __init__(self, *, stderr: bool, piped_width: int) -> None:
        self.stderr, self.piped_width = stderr, piped_width

    @functools.cached_property
    def rich(self) -> Console:
        from rich.console import Console

        stream = sys.stderr if self.stderr else sys.stdout
        width = None if stream.isatty() else self.piped_width
        return Console(stderr=self.stderr, highlight=False, soft_wrap=False, width=width)

    def print(self, *objects: Any, **options: Any) -> None:
        self.rich.print(*objects, **options)


# Piped output is not cut to 80 columns: a listing saved to a file keeps its titles readable.
console = LazyConsole(stderr=False, piped_width=160)
error_console = LazyConsole(stderr=True, piped_width=200)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=str) + "\n")


def cell(value: Any, width: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    if width and len(text) > width:
        return text[: width - 1] + "…"
    return text


def print_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str, int | None]],
    *,
    title: str | None = None,
) -> None:
    """Columns are (key, heading, maximum width)."""
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for _key, heading, width in columns:
        table.add_column(
            heading,
            max_width=width,
            min_width=min(width or 4, 8),
            overflow="ellipsis",
            no_wrap=True,
        )
    for row in rows:
        table.add_row(*(cell(row.get(key), width) for key, _h, width in columns))
    console.print(table)


def print_record(record: Mapping[str, Any]) -> None:
    from rich.table import Table

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in record.items():
        table.add_row(key, cell(value))
    console.print(table)


def fail(message: str) -> None:
    from rich.markup import escape

    error_console.print(f"[bold red]Error:[/] {escape(message)}")
