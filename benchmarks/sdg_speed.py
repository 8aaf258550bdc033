"""SDG suggestion speed: suggestions for 1,000 opportunity texts (title, teaser and details of
the demo opportunities, repeated to 1,000), as `itpo sdg suggest --file` makes them. Prints
JSON: the median and each run's seconds, after the goal space is built (timed apart).
Usage: sdg_speed.py [--texts 1000] [--runs 5]"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from itpo.sdg.dense import default_space
from itpo.sdg.suggestions import suggest_many

DEMO = Path(__file__).parents[1] / "src" / "itpo" / "demo" / "data"


def demo_texts() -> list[tuple[str, str | None]]:
    found = []
    for path in sorted(DEMO.glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")).get("opportunities", []):
            text = "\n".join(str(record.get(f) or "") for f in ("title", "teaser", "details"))
            found.append((text, record.get("language")))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    demo = demo_texts()
    chosen = [demo[i % len(demo)] for i in range(args.texts)]
    started = time.perf_counter()
    default_space()
    space_seconds = time.perf_counter() - started
    runs = []
    for _ in range(args.runs):
        started = time.perf_counter()
        found = suggest_many([t for t, _ in chosen], [lang for _, lang in chosen])
        runs.append(round(time.perf_counter() - started, 3))
    print(
        json.dumps(
            {
                "texts": len(chosen),
                "distinct_demo_texts": len(demo),
                "cores": os.cpu_count(),
                "goal_space_seconds": round(space_seconds, 3),
                "median_seconds": statistics.median(runs),
                "runs_seconds": runs,
                "texts_per_second": round(len(chosen) / statistics.median(runs), 1),
                "suggestions_per_text": round(sum(map(len, found)) / len(found), 2),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
