"""SDG decision quality on the project's own judged sets (benchmarks/sdg/): accuracy,
precision, recall and F1 of `serves` for the development and held-out parts, English and
Chinese, the same figures `itpo sdg eval FILE.csv` prints. Prints JSON.
Usage: sdg_quality.py [FILE.csv ...]"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from itpo.sdg import evaluate

SETS = Path(__file__).parent / "sdg"
PARTS = ("dev_en", "heldout_en", "dev_zh", "heldout_zh")


def main() -> None:
    files = [Path(p) for p in sys.argv[1:]] or [SETS / f"{part}.csv" for part in PARTS]
    figures = {}
    for path in files:
        with path.open(newline="", encoding="utf-8") as handle:
            figures[path.stem] = evaluate(list(csv.DictReader(handle)))
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
