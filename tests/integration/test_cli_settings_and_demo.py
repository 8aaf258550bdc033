"""`itpo settings` shows each default as its variable would spell it, and `itpo demo` on a
port in use refuses at once, in one line, before it creates or writes anything."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from itpo.adapters.cli import cli
from itpo.config import Settings

EXPECTED_DEFAULTS = {
    "ITPO_DATA_DIR": "itpo-data",
    "ITPO_DATABASE_URL": "",
    "ITPO_CURRENCY_RATES": "{}",
    "ITPO_HOST": "127.0.0.1",
    "ITPO_PORT": "8000",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def shown_defaults(output: str) -> list[str]:
    """The default column of the settings table, row by row."""
    rows = [line.split("│") for line in output.splitlines() if line.startswith("│")]
    return [cells[2].strip() for cells in rows]


def spelled(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return json.dumps(value)
    return str(value)


def test_settings_shows_every_default_as_its_variable_spells_it() -> None:
    result = run("settings")
    assert result.exit_code == 0
    assert "Undefined" not in result.output and "PydanticUndefined" not in result.output
    shown = shown_defaults(result.output)
    fields = Settings.model_fields
    assert len(shown) == len(fields)
    defaults = Settings.model_construct()  # every field at its default, factories called
    for (name, _field), cell in zip(fields.items(), shown, strict=True):
        assert cell == spelled(getattr(defaults, name)), name
        assert "…" not in cell, name
    by_variable = dict(zip((f"ITPO_{n.upper()}" for n in fields), shown, strict=True))
    assert {v: by_variable[v] for v in EXPECTED_DEFAULTS} == EXPECTED_DEFAULTS


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another program listens on, for as long as the test runs."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def test_demo_on_a_port_in_use_refuses_before_creating_the_database(
    taken_port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ITPO_DATA_DIR", str(tmp_path / "data"))
    database = tmp_path / "new" / "demo.sqlite3"
    result = run("--db", f"sqlite:///{database}", "demo", "--port", str(taken_port))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{taken_port}: Address already in use"
    ]
    assert not database.parent.exists()
    assert not (tmp_path / "data").exists()


def test_demo_on_a_port_in_use_leaves_an_existing_database_unwritten(
    taken_port: int, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ITPO_DATA_DIR", str(tmp_path / "data"))
    assert run("--db", sqlite_url, "init").exit_code == 0
    result = run("--db", sqlite_url, "demo", "--port", str(taken_port))
    assert result.exit_code == 1
    assert "Address already in use" in result.output and "Demo data loaded" not in result.output
    for kind in ("organisations", "opportunities"):
        listed = run("--db", sqlite_url, kind, "list", "--json")
        assert listed.exit_code == 0 and json.loads(listed.output) == [], kind
    assert "Demo administrator" not in result.output
    users = run("--db", sqlite_url, "users", "list", "--json")
    assert json.loads(users.output) == []


def test_serve_with_one_worker_on_a_port_in_use_is_one_line_too(
    taken_port: int, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ITPO_DATA_DIR", str(tmp_path / "data"))
    assert run("--db", sqlite_url, "init").exit_code == 0
    result = run("--db", sqlite_url, "serve", "--port", str(taken_port))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: cannot listen on 127.0.0.1:{taken_port}: Address already in use"
    )
