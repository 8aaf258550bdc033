"""Documentation that cannot drift: commands, settings, the fields of records and the README's
two commands."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from itpo.adapters.cli import cli
from itpo.config import Settings
from itpo.registry.fields import OPPORTUNITY_FIELDS, ORGANISATION_FIELDS, FieldSpec

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RECORD_FORMAT = (ROOT / "docs" / "record-format.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    return [line.strip() for line in README.splitlines()[:12] if line.startswith("    python3")]


def command_paths(group: click.Group, prefix: str = "itpo") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        paths.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, f"{prefix} {name}"))
    return paths


def test_the_readme_starts_with_the_demo_command_and_the_test_command() -> None:
    demo, tests = readme_commands()
    assert demo.endswith("itpo demo")
    assert tests.endswith("pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_every_command_is_documented_in_the_readme_and_has_help() -> None:
    for path in command_paths(cli):
        *parents, name = path.split(" ")
        assert f"`{path}" in README or (len(parents) > 1 and f"`{name}" in README), path
    for command in cli.commands.values():
        assert command.help, command.name


def test_every_setting_has_help_and_is_in_the_readme() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert f"`ITPO_{name.upper()}`" in README, name


def record_format_rows(heading: str) -> dict[str, str]:
    """The rows of one table of docs/record-format.md, by each field its first cell names."""
    section = RECORD_FORMAT.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            rows.update((name, line) for name in re.findall(r"`(\w+)`", first_cell))
    return rows


@pytest.mark.parametrize(
    ("heading", "specs"),
    [("Organisation", ORGANISATION_FIELDS), ("Opportunity", OPPORTUNITY_FIELDS)],
)
def test_every_record_field_is_in_the_record_format_with_its_allowed_values(
    heading: str, specs: tuple[FieldSpec, ...]
) -> None:
    rows = record_format_rows(heading)
    for spec in specs:
        assert spec.name in rows, spec.name
        for value in spec.allowed:
            assert f"`{value}`" in rows[spec.name], (spec.name, value)
