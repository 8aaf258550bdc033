"""The questionnaire as data (questionnaire.json): building blocks, dimensions with their six
band descriptions and help, and the sector priorities by ISIC division, in English and Chinese."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

BANDS = range(0, 6)
LOWEST, HIGHEST = 0, 5
LANGUAGES = ("en", "zh")
OTHER_SECTOR = "other"


@dataclass(frozen=True, slots=True)
class Text:
    en: str
    zh: str

    def in_(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


@dataclass(frozen=True, slots=True)
class Block:
    id: str
    name: Text


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    block: str
    name: Text
    help: Text
    bands: tuple[Text, ...]  # six, band 0 first
    technology_areas: tuple[str, ...]
    need_title: Text
    need_teaser: Text


@dataclass(frozen=True, slots=True)
class Priority:
    weight: float
    reason: Text


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    name: Text
    isic_divisions: tuple[str, ...]
    target: int
    priorities: Mapping[str, Priority]


@dataclass(frozen=True, slots=True)
class Questionnaire:
    blocks: tuple[Block, ...]
    dimensions: tuple[Dimension, ...]
    sectors: tuple[Sector, ...]
    default_priority: Priority

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.dimensions)

    def in_block(self, block_id: str) -> tuple[Dimension, ...]:
        return tuple(d for d in self.dimensions if d.block == block_id)

    def sector(self, sector_id: str) -> Sector:
        found = {s.id: s for s in self.sectors}
        return found.get(sector_id, found[OTHER_SECTOR])

    def priority(self, sector: Sector, dimension_id: str) -> Priority:
        return sector.priorities.get(dimension_id, self.default_priority)

    def sector_of(self, isic_classes: Sequence[str]) -> Sector:
        """The sector of the first manufacturing ISIC class (division 10-33); other otherwise."""
        for code in isic_classes:
            for sector in self.sectors:
                if code[:2] in sector.isic_divisions:
                    return sector
        return self.sector(OTHER_SECTOR)


def _text(raw: Mapping[str, str]) -> Text:
    return Text(en=raw["en"], zh=raw["zh"])


def _priority(raw: Mapping[str, object]) -> Priority:
    reason = raw["reason"]
    assert isinstance(reason, dict)
    return Priority(weight=float(str(raw["weight"])), reason=_text(reason))


@cache
def questionnaire() -> Questionnaire:
    """The questionnaire shipped with the package, read once."""
    raw = json.loads((resources.files("itpo.diagnostic") / "questionnaire.json").read_text("utf-8"))
    return Questionnaire(
        blocks=tuple(Block(b["id"], _text(b["name"])) for b in raw["blocks"]),
        dimensions=tuple(
            Dimension(
                id=d["id"],
                block=d["block"],
                name=_text(d["name"]),
                help=_text(d["help"]),
                bands=tuple(_text(b) for b in d["bands"]),
                technology_areas=tuple(d["technology_areas"]),
                need_title=_text(d["need"]["title"]),
                need_teaser=_text(d["need"]["teaser"]),
            )
            for d in raw["dimensions"]
        ),
        sectors=tuple(
            Sector(
                id=s["id"],
                name=_text(s["name"]),
                isic_divisions=tuple(s["isic_divisions"]),
                target=int(s["target"]),
                priorities={k: _priority(v) for k, v in s["weights"].items()},
            )
            for s in raw["sectors"]
        ),
        default_priority=_priority(raw["default_weight"]),
    )
