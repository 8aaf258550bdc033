"""Registry at scale: import rate of 100,000 opportunities from a CSV file, and the latency of
filtered list queries at that size. Prints JSON; medians over --runs runs.

    python benchmarks/registry_scale.py [--rows 100000] [--runs 3] [--db URL]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.actors import OPERATOR

from itpo.adapters.files.formats import read_batch
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.registry import reference, services
from itpo.registry.filters import opportunity_query
from itpo.registry.importing import import_records

KINDS = ["technology_offer", "technology_need", "investment_project", "investment_mandate"]
WORDS = [
    "solar",
    "dryer",
    "cold",
    "chain",
    "biogas",
    "irrigation",
    "water",
    "treatment",
    "machine",
    "vision",
    "predictive",
    "maintenance",
    "motors",
    "recycling",
    "cassava",
    "mango",
    "dairy",
    "textile",
    "cement",
    "hydrogen",
    "battery",
    "mini-grid",
    "fintech",
    "logistics",
    "pharmaceuticals",
]
QUERIES: dict[str, dict[str, Any]] = {
    "kind+country": {"kind": ["technology_need"], "country": ["KEN"]},
    "region": {"region": ["Eastern Africa"]},
    "isic_division+status": {"isic": ["10"], "status": ["published"]},
    "sdg+area_family": {"sdg": ["7"], "area": ["green"]},
    "text": {"q": "cold chain"},
    "unfiltered": {},
}


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    countries = list(reference.countries())
    classes = [c for c in reference.isic() if reference.is_isic_class(c)]
    areas = [a for a, v in reference.technology_areas().items() if v.parent]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "external_id",
                "kind",
                "organisation",
                "title",
                "teaser",
                "language",
                "countries",
                "isic_classes",
                "technology_areas",
                "sdgs",
                "status",
                "amount_min",
                "amount_max",
                "currency",
            ]
        )
        for n in range(rows):
            words = " ".join(rng.sample(WORDS, 4))
            low = rng.randrange(10, 500) * 1000
            out.writerow(
                [
                    f"bench-{n}",
                    KINDS[n % 4],
                    f"bench-org-{n % 500}",
                    f"{words.title()} {n}",
                    f"Opportunity {n} about {words}.",
                    "en",
                    ";".join(rng.sample(countries, rng.randint(1, 3))),
                    ";".join(rng.sample(classes, rng.randint(1, 2))),
                    ";".join(rng.sample(areas, rng.randint(0, 2))),
                    ";".join(str(g) for g in rng.sample(range(1, 18), 2)),
                    "published" if n % 10 else "draft",
                    low,
                    low * 3,
                    "USD",
                ]
            )


def write_organisations(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["external_id", "name", "kind", "country"])
        out.writerows(
            [
                [f"bench-org-{n}", f"Benchmark Organisation {n}", "company", "CHN"]
                for n in range(500)
            ]
        )


def one_run(folder: Path, rows: int, url: str | None) -> dict[str, Any]:
    settings = Settings(
        database_url=url or f"sqlite:///{folder / 'bench.sqlite3'}", data_dir=folder
    )
    platform = bootstrap(settings, initialise=True)
    write_organisations(folder / "orgs.csv")
    import_records(by=OPERATOR, uow=platform.uow(), batch=read_batch(folder / "orgs.csv"))
    started = time.perf_counter()
    batch = read_batch(folder / "opps.csv")
    report = import_records(by=OPERATOR, uow=platform.uow(), batch=batch)
    seconds = time.perf_counter() - started
    result = {"import_rows_per_s": report.opportunities_created / seconds, "import_s": seconds}
    result |= list_latencies(platform)
    platform.close()
    return result


def list_latencies(platform: Platform, repeats: int = 30) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for name, filters in QUERIES.items():
        query = opportunity_query(limit=50, **filters)
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            services.list_opportunities(by=OPERATOR, uow=platform.uow(), query=query)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        figures[f"list_{name}_p50_ms"] = statistics.median(timings)
        figures[f"list_{name}_p95_ms"] = timings[int(0.95 * (len(timings) - 1))]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--db", help="Database URL of an empty database (default: a temporary SQLite file)"
    )
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            write_csv(folder / "opps.csv", args.rows)
            runs.append(one_run(folder, args.rows, args.db))
            if args.db:
                break  # a given database is not emptied between runs
    medians = {key: round(statistics.median(r[key] for r in runs), 2) for key in runs[0]}
    print(json.dumps({"rows": args.rows, "runs": len(runs), "median": medians}, indent=1))


if __name__ == "__main__":
    main()
