"""Time the officer's desk pages on the demo; print JSON.

`itpo demo` is loaded into a temporary folder, then, through the app in this process (server
time, no network): the start page with its figures (for the public and for an officer), the
list of live opportunities, the review desk and one profile's review page, an organisation's
page with its people and records, and the form with its pickers' lists. Medians of several
runs; the first run of each is a warm-up and not counted.

    .venv/bin/python benchmarks/desk_pages_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from demo_pages import loaded_demo, median_ms, officer, signed_in

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
    with platform.uow() as uow:
        waiting = uow.opportunities.list(OpportunityQuery(statuses=(Status.IN_REVIEW,), limit=1))
        published = uow.opportunities.list(OpportunityQuery(statuses=(Status.PUBLISHED,)))
    in_review = waiting.items[0]
    owners = {o.organisation_id for o in published.items}
    busiest = max(owners, key=lambda i: sum(o.organisation_id == i for o in published.items))
    pages = {
        "start_public": (public, "/"),
        "start_officer": (officer_client, "/"),
        "list_live": (public, "/opportunities"),
        "review_desk": (officer_client, "/review"),
        "review_sheet": (officer_client, f"/opportunities/{in_review.id}/review"),
        "organisation": (officer_client, f"/organisations/{busiest}"),
        "opportunity_form": (officer_client, "/opportunities/new"),
    }
    report: dict[str, Any] = {}
    for name, (client, path) in pages.items():

        def page(client: Any = client, path: str = path) -> object:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.status_code)
            return answer

        report[f"{name}_ms"], report[f"{name}_runs_ms"] = median_ms(page, runs)
    platform.close()
    report["published"] = published.total
    report["target_ms"] = TARGET_MS
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        print(json.dumps(timed_pages(Path(directory), arguments.runs), indent=2))


if __name__ == "__main__":
    main()
