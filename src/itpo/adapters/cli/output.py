"""Printing: a table for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

# Piped output is not cut to 80 columns: a listing saved to a file keeps its titles readable.
console = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)
error_console = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 200)


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
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in record.items():
        table.add_row(key, cell(value))
    console.print(table)


def fail(message: str) -> None:
    error_console.print(f"[bold red]Error:[/] {escape(message)}")
