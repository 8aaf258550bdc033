"""How long the `itpo` command takes to answer: `--version`, `--help`, `settings` and a short
listing on the demo database, each run as a fresh process. Prints JSON: medians over --runs
runs, after one warm-up run of each, of the wall time and of the processor time the command
used (user + system; on a busy machine the wall time grows, the processor time much less).

    python benchmarks/cli_startup.py [--runs 9] [--db URL]

Without --db, the demo database is built first in a temporary folder (`itpo demo --no-serve`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

COMMANDS = {
    "version": ["--version"],
    "help": ["--help"],
    "settings": ["settings"],
    "opportunities list --limit 5": ["opportunities", "list", "--limit", "5"],
}


def itpo() -> list[str]:
    """The installed `itpo` beside this Python, else the module run by this Python."""
    script = Path(sys.executable).with_name("itpo")
    if script.exists():
        return [str(script)]
    found = shutil.which("itpo")
    return (
        [found] if found else [sys.executable, "-c", "from itpo.adapters.cli import main; main()"]
    )


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and processor seconds (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_seconds(command: list[str], env: dict[str, str], runs: int) -> dict[str, Any]:
    run_once(command, env)  # warm-up: files in the page cache, bytecode compiled
    walls, cpus = zip(*(run_once(command, env) for _ in range(runs)), strict=True)
    return {
        "median_s": round(statistics.median(walls), 3),
        "min_s": round(min(walls), 3),
        "max_s": round(max(walls), 3),
        "median_cpu_s": round(statistics.median(cpus), 3),
        "runs": runs,
    }


def build_demo(folder: Path, env: dict[str, str]) -> str:
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    subprocess.run(
        [*itpo(), "--db", url, "demo", "--no-serve"],
        env=env,
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", help="a database with the demo set (default: build one)")
    args = parser.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as folder:
        env["ITPO_DATABASE_URL"] = args.db or build_demo(Path(folder), env)
        results = {
            name: median_seconds([*itpo(), *arguments], env, args.runs)
            for name, arguments in COMMANDS.items()
        }
    load = os.getloadavg()[0]
    print(
        json.dumps(
            {"benchmark": "cli_startup", "load_average": round(load, 2), "commands": results},
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
