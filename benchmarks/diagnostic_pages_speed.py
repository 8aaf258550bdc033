"""Time a readiness diagnostic's page and its PDF report on the demo; print JSON.

`itpo demo` is loaded into a temporary folder (with its diagnostics), then, through the app in
this process (server time, no network), as an officer: the list of diagnostics, the
questionnaire, the diagnostic with the most progress (its spider chart's figures, gaps, draft
needs matched at once to live offers, and progress), and its report as HTML and as PDF.
Medians of several runs; the first run of each is a warm-up and not counted.

    .venv/bin/python benchmarks/diagnostic_pages_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from demo_pages import loaded_demo, median_ms, officer, signed_in

TARGET_MS = 300


def timed_pages(folder: Path, runs: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from itpo.adapters.app import create_app

    platform = loaded_demo(folder)
    app = create_app(platform=platform)
    client = signed_in(TestClient(app), *officer(platform))
    with platform.uow() as uow:
        taken = uow.diagnostics.list()
    latest = taken[0]  # newest first: the second assessment of the firm assessed twice
    pages = {
        "list": "/diagnostics",
        "questionnaire": "/diagnostics/new",
        "diagnostic": f"/diagnostics/{latest.id}",
        "report_html": f"/diagnostics/{latest.id}/report.html",
        "report_pdf": f"/diagnostics/{latest.id}/report.pdf",
    }
    report: dict[str, Any] = {}
    for name, path in pages.items():

        def page(path: str = path) -> object:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.status_code)
            return answer

        report[f"{name}_ms"], report[f"{name}_runs_ms"] = median_ms(page, runs)
    pdf = client.get(pages["report_pdf"]).content
    report["report_pdf_bytes"] = len(pdf)
    report["diagnostics"] = len(taken)
    report["draft_needs"] = sum(len(d.needs) for d in taken)
    platform.close()
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
