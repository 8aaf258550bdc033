"""The `itpo` command starts light: help and the version load neither the database, the web
framework, numpy nor the matching engine; the commands import those when they run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from itpo.adapters.cli.files_commands import RECORD_TYPES
from itpo.adapters.cli.match_commands import MATCH_STATES
from itpo.adapters.cli.matching_commands import MODES

HEAVY = ("sqlalchemy", "fastapi", "numpy", "onnxruntime", "jieba")

# Runs the command in a fresh interpreter, then prints which heavy modules it had loaded.
PROBE = """
import json, sys
from itpo.adapters import cli
arguments = json.loads(sys.argv[1])
if arguments is not None:
    try:
        cli.cli(arguments, prog_name="itpo")
    except SystemExit as stop:
        assert stop.code in (0, None), stop.code
heavy = [name for name in json.loads(sys.argv[2]) if name in sys.modules]
print("LOADED " + json.dumps(heavy))
"""


def loaded_after(arguments: list[str] | None) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(arguments), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("LOADED "), done.stdout
    found: list[str] = json.loads(last.removeprefix("LOADED "))
    return found


@pytest.mark.parametrize(
    "arguments",
    [
        None,
        ["--help"],
        ["--version"],
        ["opportunities", "list", "--help"],
        ["matches", "list", "--help"],
        ["eval", "--help"],
        ["appraise", "--help"],
        ["serve", "--help"],
    ],
    ids=lambda arguments: "import" if arguments is None else " ".join(arguments),
)
def test_loading_the_command_and_its_help_leave_the_heavy_modules_unloaded(
    arguments: list[str] | None,
) -> None:
    assert loaded_after(arguments) == []


def test_the_version_is_printed_by_the_installed_command() -> None:
    from itpo import __version__

    done = subprocess.run(
        [sys.executable, "-m", "itpo", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"itpo, version {__version__}"


def test_the_spelled_out_choices_are_the_domain_values() -> None:
    from itpo.matching.decisions import MatchState
    from itpo.matching.presets import MODES as ENGINE_MODES
    from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS

    assert tuple(state.value for state in MatchState) == MATCH_STATES
    assert tuple(ENGINE_MODES) == MODES
    assert (ORGANISATIONS, OPPORTUNITIES) == RECORD_TYPES
