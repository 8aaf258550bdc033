"""Time the event pages on the demo; print JSON.

`itpo demo` is loaded into a temporary folder, then, as an officer through the app in this
process (server time, no network): the demo forum's page, its schedule grid, the desk of its
busiest participant (the suggested meetings come from matching: the first visit computes them,
later ones find them cached), its agenda as iCalendar and as PDF, and the table plan as PDF.
Medians of several runs; the first run of each is a warm-up and not counted, except for the
cold desk, which is the first visit itself.

    .venv/bin/python benchmarks/event_pages_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from demo_pages import loaded_demo, median_ms, officer, signed_in

from itpo.accounts.principal import Principal
from itpo.events import services

TARGET_MS = 300


def timed_pages(folder: Path, runs: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from itpo.adapters.app import create_app

    platform = loaded_demo(folder)
    client = signed_in(TestClient(create_app(platform=platform)), *officer(platform))
    operator = Principal.system("benchmark")
    found, _ = services.list_events(uow=platform.uow(), limit=None)
    forum = next(e for e in found if e.kind.value == "forum")
    meetings = services.meetings_of(uow=platform.uow(), by=operator, event_id=forum.id or 0)
    busiest = Counter(i for m in meetings for i in (m.first_id, m.second_id)).most_common(1)[0][0]
    pages = {
        "event": f"/events/{forum.id}",
        "schedule": f"/events/{forum.id}/schedule",
        "desk": f"/event-participants/{busiest}",
        "agenda_ics": f"/event-participants/{busiest}/agenda?format=ics",
        "agenda_pdf": f"/event-participants/{busiest}/agenda?format=pdf",
        "table_plan_pdf": f"/events/{forum.id}/table-plan?format=pdf",
    }
    start = time.perf_counter()
    first = client.get(pages["desk"])
    cold = round((time.perf_counter() - start) * 1000.0, 1)
    assert first.status_code == 200 and 'id="suggestions"' in first.text
    report: dict[str, Any] = {"desk_first_visit_ms": cold}
    for name, path in pages.items():

        def page(path: str = path) -> object:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.status_code)
            return answer

        report[f"{name}_ms"], report[f"{name}_runs_ms"] = median_ms(page, runs)
    people = services.participants_of(uow=platform.uow(), by=operator, event_id=forum.id or 0)
    platform.close()
    report["participants"] = len(people)
    report["meetings"] = len(meetings)
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
