"""Write the SDG evaluation sets (dev_*.csv, heldout_*.csv) from the judged paragraphs.

    python benchmarks/sdg/build_sets.py

Each line of paragraphs_<lang>.jsonl is [sdg, [wrong sdg, wrong sdg], text]: the paragraph
serves the first goal (a True row) and not the two others (False rows). Every third
paragraph of each goal goes to the held-out part, the rest to the development part.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent


def rows(language: str) -> dict[str, list[dict[str, object]]]:
    parts: dict[str, list[dict[str, object]]] = {"dev": [], "heldout": []}
    seen: dict[int, int] = defaultdict(int)
    for line in (HERE / f"paragraphs_{language}.jsonl").read_text(encoding="utf-8").splitlines():
        sdg, wrong, text = json.loads(line)
        seen[sdg] += 1
        part = parts["heldout" if seen[sdg] % 3 == 0 else "dev"]
        part.append({"text": text, "sdg": sdg, "label": "True"})
        part.extend({"text": text, "sdg": other, "label": "False"} for other in wrong)
    return parts


def main() -> None:
    for language in ("en", "zh"):
        for part, found in rows(language).items():
            path = HERE / f"{part}_{language}.csv"
            with path.open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, ["text", "sdg", "label"])
                writer.writeheader()
                writer.writerows(found)
            print(f"{path.name}: {len(found)} rows")


if __name__ == "__main__":
    main()
