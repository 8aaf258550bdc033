"""Time the practice pages on the demo; print JSON.

`itpo demo` is loaded into a temporary folder, then, through the app in this process (server
time, no network): the list of cases, a search in Chinese and one in English, a case's page
with the live offers and needs it applies to, an opportunity's page with its similar case, and
the case form. Medians of several runs; the first run of each is a warm-up and not counted.

    .venv/bin/python benchmarks/practice_pages_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from demo_pages import loaded_demo, median_ms, officer, signed_in

from itpo.accounts.principal import Principal
from itpo.practice import services
from itpo.registry.model import Status
from itpo.registry.queries import OpportunityQuery

TARGET_MS = 300


def timed_pages(folder: Path, runs: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from itpo.adapters.app import create_app

    platform = loaded_demo(folder)
    app = create_app(platform=platform)
    public = TestClient(app)
    officer_client = signed_in(TestClient(app), *officer(platform))
    cases = services.list_cases(uow=platform.uow(), by=Principal.anonymous())
    with platform.uow() as uow:
        live = uow.opportunities.list(OpportunityQuery(statuses=(Status.PUBLISHED,), limit=1))
    pages = {
        "list": (public, "/practices"),
        "search_zh": (public, "/practices?q=食品厂怎样降低冷库电费&lang=zh"),
        "search_en": (public, "/practices?q=how+did+a+textile+park+stop+polluting+the+lake"),
        "case": (public, f"/practices/{cases[0].id}"),
        "opportunity_with_similar_case": (public, f"/opportunities/{live.items[0].id}"),
        "case_form": (officer_client, "/practices/new"),
    }
    report: dict[str, Any] = {"cases": len(cases)}
    for name, (client, path) in pages.items():

        def page(client: Any = client, path: str = path) -> object:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.status_code)
            return answer

        report[f"{name}_ms"], report[f"{name}_runs_ms"] = median_ms(page, runs)
    platform.close()
    report["target_ms"] = TARGET_MS
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        print(
            json.dumps(timed_pages(Path(directory), arguments.runs), indent=2, ensure_ascii=False)
        )


if __name__ == "__main__":
    main()
