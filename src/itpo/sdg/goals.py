"""The UN's goals, targets and indicators as shipped in data/goals.json, and the one check of
an SDG number that every entry point uses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from itpo.registry.errors import FieldError, ValidationError

DATA = Path(__file__).parent / "data"
GOALS = tuple(range(1, 18))


@dataclass(frozen=True, slots=True)
class Passage:
    """One UN text of a goal: its title, a target or an indicator, in one language."""

    sdg: int
    code: str  # "7", "7.2", "7.2.1"
    language: str
    text: str


@dataclass(frozen=True, slots=True)
class Goal:
    sdg: int
    short: dict[str, str]
    title: dict[str, str]
    targets: dict[str, dict[str, str]]
    indicators: dict[str, dict[str, str]]

    def passages(self) -> list[Passage]:
        """The goal's texts in every language it has: the goal as a whole, then each target
        and each indicator on its own."""
        found: list[Passage] = []
        for language, title in self.title.items():
            found.append(
                Passage(self.sdg, str(self.sdg), language, f"{self.short[language]}: {title}")
            )
        for rows in (self.targets, self.indicators):
            for code, texts in rows.items():
                found.extend(Passage(self.sdg, code, lang, text) for lang, text in texts.items())
        return found


@lru_cache(maxsize=1)
def goals() -> dict[int, Goal]:
    """The 17 goals, read once."""
    raw = json.loads((DATA / "goals.json").read_text(encoding="utf-8"))
    return {int(number): _goal(int(number), entry) for number, entry in raw.items()}


def _goal(sdg: int, entry: dict[str, object]) -> Goal:
    def texts(rows: object) -> dict[str, dict[str, str]]:
        assert isinstance(rows, dict)
        return {code: {k: v for k, v in t.items() if v} for code, t in rows.items()}

    def pair(field: str) -> dict[str, str]:
        return {
            lang: str(entry[f"{field}_{lang}"])
            for lang in ("en", "zh")
            if entry.get(f"{field}_{lang}")
        }

    return Goal(
        sdg, pair("short"), pair("title"), texts(entry["targets"]), texts(entry["indicators"])
    )


def parse_sdg(value: object, *, field: str = "sdg", row: int | None = None) -> int:
    """An SDG number 1-17 from an int or its text ("7", "SDG 7", "7.0"); anything else is
    refused with an error naming the field (and the row)."""
    number = _number(value)
    if number is None or number not in GOALS:
        raise ValidationError(
            [FieldError(field, f"{value!r} is not an SDG: give a goal number 1-17", row)]
        )
    return number


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if not isinstance(value, str):
        return None
    text = value.strip().upper().removeprefix("SDG").strip().removesuffix(".0")
    return int(text) if text.isdigit() else None
