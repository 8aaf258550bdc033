"""Time the office's results over a large pipeline, and the dashboard page on the demo; print
JSON.

The large pipeline: 100,000 deals of ten offices opened over five years at every stage and
status, with their stage log and 1,000,000 interactions, on SQLite. Timed: the results of
one office for one year, and of every office. The demo: `itpo demo` loaded into a temporary
folder, then GET /results as an officer through the app in this process (server time, no
network). Medians of several runs; the first run of each is a warm-up and not counted.

    .venv/bin/python benchmarks/results_speed.py [--deals 100000 --interactions 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from demo_pages import loaded_demo, median_ms, officer, signed_in

from itpo.accounts.principal import Principal
from itpo.adapters.storage.account_tables import office
from itpo.adapters.storage.pipeline_tables import deal, deal_event, interaction
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.pipeline.results import office_results
from itpo.pipeline.results_model import Period

OFFICES = 10
YEAR = 2026
FIRST_DAY = dt.date(YEAR - 4, 1, 1)
LAST_DAY = dt.date(YEAR, 12, 31)
STAGES = ("introduced", "negotiating", "agreement_signed", "operational")
STATUSES = ("active", "active", "active", "on_hold", "dropped")
COUNTRIES = ("CHN", "KEN", "ETH", "NGA", "BGD", "VNM", "PAK", "BRA", "EGY", "SWE", "DEU", "NPL")
SECTIONS = ("A", "C", "D", "E", "F", "H", "J", "M")
AREAS = ("green.solar_pv", "green.cold_chain", "green.bioenergy", "ai_manufacturing.machine_vision")
AGREEMENTS = ("licence", "joint_venture", "equity", "loan", "supply", "technical_assistance")
KINDS = ("meeting", "call", "visit", "email")
BATCH = 20_000


def _day(rng: random.Random, after: dt.date, before: dt.date = LAST_DAY) -> dt.date:
    span = (before - after).days
    return after + dt.timedelta(days=rng.randint(0, max(span, 0)))


def _deals(count: int, rng: random.Random) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    stamp = dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC)
    for number in range(1, count + 1):
        opened = _day(rng, FIRST_DAY)
        stage = rng.choice(STAGES)
        reached = STAGES.index(stage)
        signed = _day(rng, opened) if reached >= 2 else None
        operational = _day(rng, signed) if signed and reached >= 3 else None
        verified = operational if operational and rng.random() < 0.5 else None
        committed = float(rng.randrange(50_000, 5_000_000, 10_000)) if signed else None
        row: dict[str, Any] = {
            "id": number,
            "title": f"Deal {number}",
            "source": "match",
            "office_id": 1 + number % OFFICES,
            "stage": stage,
            "status": rng.choice(STATUSES),
            "status_reason": "",
            "agreement_type": rng.choice(AGREEMENTS) if reached >= 1 else None,
            "signed_on": signed,
            "operational_on": operational,
            "currency": rng.choice(("USD", "EUR", "CNY")),
            "projected_investment_committed": committed,
            "verified_investment_committed": committed if verified else None,
            "verified_investment_realised": committed * 0.8 if verified and committed else None,
            "verified_jobs_new": rng.randint(0, 200) if verified else None,
            "verified_tco2_per_year": rng.random() * 1000 if verified else None,
            "verification": "verified" if verified else "none",
            "verified_on": verified,
            "sdgs": sorted(rng.sample(range(1, 18), 2)),
            "countries": sorted({"CHN", rng.choice(COUNTRIES)}),
            "isic_sections": [rng.choice(SECTIONS)],
            "technology_areas": [rng.choice(AREAS)],
            "direction": rng.choice(("outbound", "inbound", "south_south")),
            "notes": "",
            "illustrative": False,
            "opened_on": opened,
            "stage_since": operational or signed or opened,
            "created_at": stamp,
            "updated_at": stamp,
            "version": 1,
        }
        events = []
        previous = "introduced"
        for later in STAGES[1 : reached + 1]:
            moment = dt.datetime.combine(_day(rng, opened), dt.time(12), tzinfo=dt.UTC)
            events.append(
                {
                    "deal_id": number,
                    "at": moment,
                    "kind": "stage",
                    "from_value": previous,
                    "to_value": later,
                    "reason": "",
                    "by_label": "benchmark",
                }
            )
            previous = later
        yield row, events


def _insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(sa.insert(table), rows)
        rows.clear()


def build_pipeline(url: str, deals: int, interactions: int) -> None:
    engine = sa.create_engine(url)
    rng = random.Random(20261207)
    stamp = dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as connection:
        connection.execute(
            sa.insert(office),
            [
                {"id": n, "name": f"Office {n}", "country": "CHN", "created_at": stamp}
                for n in range(1, OFFICES + 1)
            ],
        )
        deal_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        opened_on: list[dt.date] = []
        for row, events in _deals(deals, rng):
            deal_rows.append(row)
            event_rows += events
            opened_on.append(row["opened_on"])
            if len(deal_rows) >= BATCH:
                _insert(connection, deal, deal_rows)
                _insert(connection, deal_event, event_rows)
        _insert(connection, deal, deal_rows)
        _insert(connection, deal_event, event_rows)
        logged: list[dict[str, Any]] = []
        for _ in range(interactions):
            deal_id = rng.randint(1, deals)
            logged.append(
                {
                    "kind": rng.choice(KINDS),
                    "occurred_on": _day(rng, opened_on[deal_id - 1]),
                    "subject": "Follow-up",
                    "notes": "",
                    "with_whom": "",
                    "deal_id": deal_id,
                    "logged_by": "benchmark",
                    "created_at": stamp,
                }
            )
            if len(logged) >= BATCH:
                _insert(connection, interaction, logged)
        _insert(connection, interaction, logged)
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()


def time_results(folder: Path, deals: int, interactions: int, runs: int) -> dict[str, Any]:
    settings = Settings(data_dir=folder / "pipeline")
    started = time.perf_counter()
    platform = bootstrap(settings, initialise=True)
    build_pipeline(settings.resolved_database_url, deals, interactions)
    built = time.perf_counter() - started
    by = Principal.system("benchmark")
    period = Period.year(YEAR)

    def one_office() -> object:
        return office_results(
            uow=platform.uow(), by=by, period=period, rates=platform.rates(), office_id=1
        )

    def every_office() -> object:
        return office_results(uow=platform.uow(), by=by, period=period, rates=platform.rates())

    office_ms, office_runs = median_ms(one_office, runs)
    all_ms, all_runs = median_ms(every_office, runs)
    platform.close()
    return {
        "deals": deals,
        "interactions": interactions,
        "offices": OFFICES,
        "build_seconds": round(built, 1),
        "one_office_one_year_ms": office_ms,
        "one_office_runs_ms": office_runs,
        "every_office_one_year_ms": all_ms,
        "every_office_runs_ms": all_runs,
        "target_ms": 1000,
    }


def time_dashboard(folder: Path, runs: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from itpo.adapters.app import create_app

    platform = loaded_demo(folder)
    client = signed_in(TestClient(create_app(platform=platform)), *officer(platform))
    today = dt.date.today()
    window = {"start": (today - dt.timedelta(days=365)).isoformat(), "end": today.isoformat()}

    def page() -> object:
        answer = client.get("/results", params=window)
        assert answer.status_code == 200 and "chart-funnel" in answer.text, answer.url
        return answer

    page_ms, page_runs = median_ms(page, runs)
    platform.close()
    return {"dashboard_ms": page_ms, "dashboard_runs_ms": page_runs, "target_ms": 300}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        report = {
            "results": time_results(
                folder, arguments.deals, arguments.interactions, arguments.runs
            ),
            "dashboard": time_dashboard(folder, arguments.runs),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
