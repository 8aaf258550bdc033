"""Write src/itpo/sdg/data/goals.json from a checkout of open-sdg/sdg-translations.

    python tools/build_sdg_knowledge.py /path/to/sdg-translations

The UN texts of the 17 goals, 169 targets and the global indicators, in English and in the
UN's Chinese edition, keyed by goal; see src/itpo/sdg/data/SOURCES.md.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, cast

import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "itpo" / "sdg" / "data" / "goals.json"
_KEY = re.compile(r"^(\d+)-([0-9a-z]+)(?:-([0-9a-z]+))?-(title|short)$")


def _read(root: Path, language: str, name: str) -> dict[str, str]:
    path = root / "translations" / language / f"{name}.yml"
    loaded: dict[str, str] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: " ".join(str(text).split()) for key, text in loaded.items()}


def _order(code: str) -> tuple[int, int, str]:
    parts = code.split(".")
    second = parts[1]
    return (int(parts[0]), int(second) if second.isdigit() else 100 + ord(second[0]), code)


def build(root: Path) -> dict[str, dict[str, object]]:
    goals: dict[str, dict[str, object]] = {}
    english = {
        name: _read(root, "en", name)
        for name in ("global_goals", "global_targets", "global_indicators")
    }
    chinese = {name: _read(root, "zh-Hans", name) for name in english}
    for key, text in english["global_goals"].items():
        number = key.split("-")[0]
        entry = goals.setdefault(number, {"targets": {}, "indicators": {}})
        field = "short" if key.endswith("-short") else "title"
        entry[f"{field}_en"] = text
        entry[f"{field}_zh"] = chinese["global_goals"].get(key)
    for kind in ("targets", "indicators"):
        for key, text in english[f"global_{kind}"].items():
            match = _KEY.match(key)
            if match is None or match.group(4) != "title":
                continue
            code = ".".join(part for part in match.groups()[:3] if part)
            entry = goals[match.group(1)]
            rows = entry[kind]
            assert isinstance(rows, dict)
            rows[code] = {"en": text, "zh": chinese[f"global_{kind}"].get(key)}
    for entry in goals.values():
        for kind in ("targets", "indicators"):
            rows = entry[kind]
            assert isinstance(rows, dict)
            entry[kind] = dict(sorted(rows.items(), key=lambda item: _order(item[0])))
    return dict(sorted(goals.items(), key=lambda item: int(item[0])))


def main() -> None:
    goals = build(Path(sys.argv[1]))
    OUT.write_text(json.dumps(goals, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    targets = sum(len(cast(dict[str, Any], goal["targets"])) for goal in goals.values())
    indicators = sum(len(cast(dict[str, Any], goal["indicators"])) for goal in goals.values())
    print(f"{len(goals)} goals, {targets} targets, {indicators} indicators -> {OUT}")


if __name__ == "__main__":
    main()
