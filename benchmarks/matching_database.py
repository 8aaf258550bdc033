"""Matching over a real database: find_matches end to end (index refresh check, retrieval,
loading candidates, eligibility, scoring, explanation) at N opportunities, and the time from
saving a new opportunity to having its matches. Prints JSON.

    python benchmarks/matching_database.py [--rows 100000] [--matches 100] [--db URL]

Records are imported as `registry_scale.py` imports them (CSV, then the import service), in
the four kinds in the shares of `matching_speed.py`. The index is built through IndexStore as
the platform builds it, with random vectors for the bulk (encoding 100,000 texts for real takes
hours); the records saved during the run are encoded by the bundled models, so the time from
saving to matching includes real encoding (leave them out with --random-only).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from matching_speed import LANGUAGES, SHARES, percentiles, rss_mb, synthetic_text
from tests.actors import OPERATOR

from itpo.adapters.files.formats import read_batch
from itpo.adapters.index_store import EncoderSpec, default_specs
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.matching.encoders import Encoder, Vectors, normalise
from itpo.matching.service import find_matches
from itpo.registry import reference, services
from itpo.registry.importing import import_records
from itpo.registry.model import COMPATIBLE_KINDS, KINDS_WITH_MIN_TRL, KINDS_WITH_TRL

ORGANISATIONS = 2_000
COOPERATION = ["licensing", "joint_venture", "equity", "loan", "supply", "technical_assistance"]


class SwitchingEncoder:
    """Random unit vectors until `real` is set, then the bundled model: bulk records cost
    nothing to encode, and the records saved during the measurement cost what they would."""

    def __init__(self, name: str, dim: int, languages: frozenset[str] | None) -> None:
        self.name, self.dim, self.languages = name, dim, languages
        self.real: Encoder | None = None
        self._random = np.random.default_rng(7)

    def encode(self, texts: Sequence[str]) -> Vectors:
        if self.real is not None:
            return self.real.encode(texts)
        return normalise(self._random.standard_normal((len(texts), self.dim), np.float32))


def write_organisations(path: Path) -> None:
    countries = list(reference.countries())
    rng = random.Random(3)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["external_id", "name", "kind", "country"])
        for n in range(ORGANISATIONS):
            out.writerow([f"org-{n}", f"Organisation {n}", "company", rng.choice(countries)])


def write_opportunities(path: Path, rows: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    countries = list(reference.countries())
    classes = [c for c in reference.isic() if reference.is_isic_class(c)][:400]
    until = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    kinds = rng.choices(list(SHARES), weights=list(SHARES.values()), k=rows)
    languages = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()), k=rows)
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
                "sdgs",
                "trl",
                "min_trl",
                "cooperation_types",
                "status",
                "valid_until",
                "amount_min",
                "amount_max",
                "currency",
            ]
        )
        for n, (kind, language) in enumerate(zip(kinds, languages, strict=True)):
            words = synthetic_text(rng).split()
            low = rng.randrange(10, 500) * 1000
            out.writerow(
                [
                    f"opp-{n}",
                    kind.value,
                    f"org-{rng.randrange(ORGANISATIONS)}",
                    " ".join(words[:8]),
                    " ".join(words[8:]),
                    language,
                    ";".join(rng.sample(countries, rng.randint(1, 3))),
                    ";".join(rng.sample(classes, rng.randint(1, 2))),
                    ";".join(str(g) for g in rng.sample(range(1, 18), 2)),
                    rng.randint(4, 9) if kind in KINDS_WITH_TRL else "",
                    rng.randint(3, 7) if kind in KINDS_WITH_MIN_TRL else "",
                    ";".join(rng.sample(COOPERATION, 2)),
                    "published" if n % 10 else "draft",
                    until,
                    low,
                    low * 3,
                    "USD",
                ]
            )


def fill(platform: Platform, folder: Path, rows: int) -> dict[str, float]:
    write_organisations(folder / "organisations.csv")
    write_opportunities(folder / "opportunities.csv", rows)
    import_records(by=OPERATOR, uow=platform.uow(), batch=read_batch(folder / "organisations.csv"))
    started = time.perf_counter()
    report = import_records(
        by=OPERATOR, uow=platform.uow(), batch=read_batch(folder / "opportunities.csv")
    )
    seconds = time.perf_counter() - started
    return {"imported": report.opportunities_created, "import s": round(seconds, 1)}


def live_ids(platform: Platform, rows: int) -> list[int]:
    published = [f"opp-{n}" for n in range(rows) if n % 10]  # as write_opportunities has it
    with platform.uow() as uow:
        return sorted(uow.opportunities.ids_by_external_id(published).values())


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def matches_for(platform: Platform, opportunity_id: int) -> int:
    return len(
        find_matches(
            uow=platform.uow(),
            index=platform.index(),
            opportunity_id=opportunity_id,
            today=dt.date.today(),
        )
    )


def end_to_end(platform: Platform, asking: list[int]) -> dict[str, Any]:
    samples = [timed(lambda i=i: matches_for(platform, i)) for i in asking]  # type: ignore[misc]
    refresh = [timed(platform.index) for _ in range(20)]
    with platform.uow() as uow:
        records = uow.opportunities.get_many(asking)
    index = platform.index()
    retrieval = [
        timed(lambda o=o: index.similar(str(o.id), top=300, kinds=COMPATIBLE_KINDS[o.kind]))  # type: ignore[misc]
        for o in records.values()
    ]
    return {
        "find_matches": percentiles(samples),
        "of which the refresh check (nothing changed)": percentiles(refresh),
        "of which retrieval (300 candidates)": percentiles(retrieval),
    }


def concurrent_rate(platform: Platform, asking: list[int], threads: int) -> float:
    """find_matches per second with `threads` threads sharing the platform."""
    chunks = [asking[n::threads] for n in range(threads)]

    def run(chunk: list[int]) -> None:
        for i in chunk:
            matches_for(platform, i)

    workers = [threading.Thread(target=run, args=(chunk,)) for chunk in chunks]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return round(len(asking) / (time.perf_counter() - started), 1)


def save_to_matches(platform: Platform, repeats: int, rng: random.Random) -> dict[str, Any]:
    """Save a new record, then ask for its matches: the index notices, encodes and adds it."""
    totals, saves = [], []
    for n in range(repeats):
        kind = rng.choice(list(SHARES))
        data: dict[str, Any] = {
            "external_id": f"fresh-{n}-{rng.randrange(10**9)}",
            "kind": kind.value,
            "organisation": "org-1",
            "title": "Geothermal tea drying plant",
            "language": "en",
            "teaser": synthetic_text(rng),
            "countries": ["KEN"],
            "isic_classes": ["1079"],
            "cooperation_types": ["licensing", "equity"],
            "status": "published",
        }
        if kind in KINDS_WITH_TRL:
            data["trl"] = 7
        started = time.perf_counter()
        created = services.create_opportunity(by=OPERATOR, uow=platform.uow(), data=data)
        saved = time.perf_counter()
        assert created.id is not None
        matches_for(platform, created.id)
        totals.append(time.perf_counter() - started)
        saves.append(saved - started)
    return {
        "saved and matched": percentiles(totals),
        "max_ms": round(1000 * max(totals), 1),
        "of which saving": percentiles(saves),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--matches", type=int, default=100, help="find_matches calls timed")
    parser.add_argument("--db", help="URL of an empty database (default: a temporary SQLite file)")
    parser.add_argument("--random-only", action="store_true", help="no real encoding at all")
    args = parser.parse_args()
    rng = random.Random(5)
    specs = default_specs()
    encoders = [SwitchingEncoder(spec.name, spec.dim, spec.languages) for spec in specs]
    results: dict[str, Any] = {
        "opportunities": args.rows,
        "kinds (share of records)": {k.value: v for k, v in SHARES.items()},
        "vectors": "random for the imported records; the bundled models for records saved "
        "during the run" + (" (not used: --random-only)" if args.random_only else ""),
        "load average at start": os.getloadavg()[0],
    }
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = args.db or f"sqlite:///{folder / 'matching.sqlite3'}"
        platform = bootstrap(Settings(database_url=url, data_dir=folder), initialise=True)
        platform.encoders = [EncoderSpec.of(encoder) for encoder in encoders]
        results["database"] = platform.engine.dialect.name
        results |= fill(platform, folder, args.rows)
        before = rss_mb()
        report = platform.index_store().rebuild()
        results["index build s (random vectors)"] = round(report.seconds, 1)
        results["index documents"] = report.documents
        results["index memory MB (RSS growth)"] = round(rss_mb() - before)
        ids = live_ids(platform, args.rows)
        asking = rng.sample(ids, args.matches)
        matches_for(platform, asking[0])
        results |= end_to_end(platform, asking)
        results["find_matches per second, 1 thread"] = concurrent_rate(platform, asking, 1)
        results["find_matches per second, 2 threads"] = concurrent_rate(platform, asking, 2)
        if not args.random_only:
            for encoder, spec in zip(encoders, specs, strict=True):
                encoder.real = spec.load()
                encoder.real.encode(["warm up"])
        results["new opportunity: save, then its matches"] = save_to_matches(platform, 10, rng)
        results["load average at end"] = os.getloadavg()[0]
        platform.close()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
