"""Reading import files: a CSV and an Excel workbook of --rows opportunities with a page of detail
each, and how fast hostile workbooks are refused. Each figure is the median over --runs runs,
each in a fresh process so its peak memory can be told. Prints JSON.

    python benchmarks/import_reading.py [--rows 60000] [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import statistics
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from itpo.adapters.files.formats import read_batch, write_records
from itpo.adapters.files.problems import FileProblem
from itpo.registry import reference

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
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
    "logistics",
]


def opportunities(rows: int, seed: int = 7) -> list[dict[str, Any]]:
    """Records shaped like the demo's: a title, a teaser of three sentences, a page of detail."""
    rng = random.Random(seed)
    countries = list(reference.countries())
    classes = [c for c in reference.isic() if reference.is_isic_class(c)]

    def sentence(words: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."

    return [
        {
            "external_id": f"bench-{n}",
            "kind": "technology_need",
            "organisation": f"bench-org-{n % 500}",
            "title": sentence(6),
            "teaser": " ".join(sentence(12) for _ in range(3)),
            "details": " ".join(sentence(15) for _ in range(12)),
            "language": "en",
            "countries": rng.sample(countries, 2),
            "isic_classes": rng.sample(classes, 2),
            "sdgs": [7, 9],
            "amount_min": 10_000.0,
            "amount_max": 50_000.0,
            "currency": "USD",
            "status": "published",
        }
        for n in range(rows)
    ]


def hostile_workbook(path: Path, unzipped_mb: int, varied_kb: int) -> Path:
    """A workbook whose one cell holds `unzipped_mb` MB: all 'A' (a zip bomb) or, with
    `varied_kb` KB of varied text a megabyte, a file that compresses like a real one."""
    buffer = io.BytesIO()
    Workbook().save(buffer)
    varied = " ".join(f"{k * 104729 % 1000003:x}" for k in range(varied_kb * 150)).encode()
    block = (varied[: varied_kb * 1024] + b"A" * MB)[:MB]
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            if name != SHEET:
                out.writestr(name, source.read(name))
        with out.open(SHEET, "w") as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/')
            sheet.write(b'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
            for _ in range(unzipped_mb):
                sheet.write(block)
            sheet.write(b"</t></is></c></row></sheetData></worksheet>")
    return path


def in_fresh_process(action: Callable[[], object]) -> tuple[float, float]:
    """Seconds `action` took and the peak resident memory (MB) of the process that ran it."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            started = time.perf_counter()
            with contextlib.suppress(FileProblem):
                action()
            os.write(write_end, repr(time.perf_counter() - started).encode())
        except BaseException:
            traceback.print_exc()
            os._exit(1)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as answer:
        seconds = float(answer.read())
    _, _, usage = os.wait4(pid, 0)
    return seconds, usage.ru_maxrss / 1024


def unzipped_mb(path: Path) -> float:
    with zipfile.ZipFile(path) as archive:
        return sum(part.file_size for part in archive.infolist()) / MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        csv_file, xlsx_file = folder / "opportunities.csv", folder / "opportunities.xlsx"

        def write_files() -> None:
            records = opportunities(args.rows)
            write_records(csv_file, [], records)
            write_records(xlsx_file, [], records)

        in_fresh_process(write_files)  # the generated records never live in this process
        bomb = hostile_workbook(folder / "bomb.xlsx", unzipped_mb=400, varied_kb=0)
        wide = hostile_workbook(folder / "wide.xlsx", unzipped_mb=247, varied_kb=40)
        cases: dict[str, Callable[[], object]] = {
            "baseline_process": lambda: None,
            "read_csv": lambda: read_batch(csv_file),
            "read_xlsx": lambda: read_batch(xlsx_file),
            "refuse_csv_past_the_row_cap": lambda: read_batch(csv_file, max_rows=args.rows // 2),
            "refuse_zip_bomb": lambda: read_batch(bomb),
            "refuse_workbook_past_the_unzipped_cap": lambda: read_batch(wide),
        }
        figures: dict[str, dict[str, float]] = {}
        for case, action in cases.items():
            runs = [in_fresh_process(action) for _ in range(args.runs)]
            seconds = statistics.median(s for s, _ in runs)
            figures[case] = {
                "median_s": round(seconds, 4),
                "peak_rss_mb": round(statistics.median(m for _, m in runs), 1),
            }
            if case.startswith("read_"):
                figures[case]["rows_per_s"] = round(args.rows / seconds)
        files = {
            "csv_mb": round(csv_file.stat().st_size / MB, 1),
            "xlsx_mb": round(xlsx_file.stat().st_size / MB, 1),
            "xlsx_unzipped_mb": round(unzipped_mb(xlsx_file), 1),
            "zip_bomb_kb": round(bomb.stat().st_size / 1024),
            "zip_bomb_unzipped_mb": round(unzipped_mb(bomb)),
            "wide_workbook_mb": round(wide.stat().st_size / MB, 1),
            "wide_workbook_unzipped_mb": round(unzipped_mb(wide)),
        }
    print(json.dumps({"rows": args.rows, "runs": args.runs, "files": files, **figures}, indent=1))


if __name__ == "__main__":
    main()
