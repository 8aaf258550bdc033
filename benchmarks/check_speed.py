"""Time `scripts/check --fast` and the full `scripts/check` a few times each; print JSON.

    .venv/bin/python benchmarks/check_speed.py --runs 3            # both checks
    .venv/bin/python benchmarks/check_speed.py --runs 3 --only fast

Each run's wall time, the CPU time of the check and all it started, the machine's load average
before and after (the machine may be shared, and a busy one stretches wall times), and the
medians. A full check may raise the coverage floor in pyproject.toml, as it always does."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHECKS = {"fast": ["scripts/check", "--fast"], "full": ["scripts/check"]}


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_check(command: list[str]) -> dict[str, Any]:
    load_before = os.getloadavg()
    cpu_before = children_cpu_seconds()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"{' '.join(command)} failed with exit code {done.returncode}")
    sys.stderr.write(f"{' '.join(command)}: {wall:.1f} s\n")
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(children_cpu_seconds() - cpu_before, 1),
        "load_before": [round(load, 2) for load in load_before],
        "load_after": [round(load, 2) for load in os.getloadavg()],
        "summary": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Time scripts/check --fast and scripts/check.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=sorted(CHECKS))
    arguments = parser.parse_args()
    names = [arguments.only] if arguments.only else list(CHECKS)
    result: dict[str, Any] = {"cores": os.cpu_count()}
    for name in names:
        runs = [time_check(CHECKS[name]) for _ in range(arguments.runs)]
        result[name] = {
            "median_wall_s": statistics.median(run["wall_s"] for run in runs),
            "median_cpu_s": statistics.median(run["cpu_s"] for run in runs),
            "runs": runs,
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
