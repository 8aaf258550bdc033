"""Scores and gaps: each dimension's band, each building block's average and the overall; a
gap is the distance to the sector's target band weighted by how much the dimension matters for
the sector, ranked by weight x gap. A firm at or above target everywhere is shown its next band."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from itpo.diagnostic.questionnaire import HIGHEST, Dimension, Questionnaire, Sector, Text

DEFAULT_TOP = 3


@dataclass(frozen=True, slots=True)
class BlockScore:
    block: str
    name: Text
    average: float
    bands: tuple[tuple[Dimension, int], ...]


@dataclass(frozen=True, slots=True)
class Gap:
    dimension: Dimension
    band: int
    target: int
    weight: float
    reason: Text

    @property
    def distance(self) -> int:
        return self.target - self.band

    @property
    def priority(self) -> float:
        return round(self.weight * self.distance, 2)


@dataclass(frozen=True, slots=True)
class Scores:
    sector: Sector
    blocks: tuple[BlockScore, ...]
    overall: float
    gaps: tuple[Gap, ...]  # the top ones, most pressing first


def scores(
    answers: Mapping[str, int],
    questionnaire: Questionnaire,
    sector: Sector,
    *,
    top: int = DEFAULT_TOP,
) -> Scores:
    """The scores of complete answers (every dimension has a band)."""
    blocks = tuple(
        BlockScore(
            block=b.id,
            name=b.name,
            average=_mean([answers[d.id] for d in questionnaire.in_block(b.id)]),
            bands=tuple((d, answers[d.id]) for d in questionnaire.in_block(b.id)),
        )
        for b in questionnaire.blocks
    )
    overall = _mean([answers[d] for d in questionnaire.ids()])
    return Scores(sector, blocks, overall, tuple(gaps(answers, questionnaire, sector)[:top]))


def gaps(answers: Mapping[str, int], questionnaire: Questionnaire, sector: Sector) -> list[Gap]:
    """Every gap to the sector's target, most pressing first; the next band of each where none
    is left (a firm that meets its target still has a next step)."""
    found = _gaps(answers, questionnaire, sector, lambda band: sector.target)
    if not found:
        found = _gaps(answers, questionnaire, sector, lambda band: min(band + 1, HIGHEST))
    # Ties go to the dimension asked first, so the ranking reads the same every time.
    order = {d: i for i, d in enumerate(questionnaire.ids())}
    return sorted(found, key=lambda g: (-g.priority, -g.weight, order[g.dimension.id]))


def _gaps(
    answers: Mapping[str, int],
    questionnaire: Questionnaire,
    sector: Sector,
    target_of: Callable[[int], int],
) -> list[Gap]:
    found = []
    for dimension in questionnaire.dimensions:
        band = answers[dimension.id]
        target = target_of(band)
        if target > band:
            priority = questionnaire.priority(sector, dimension.id)
            found.append(Gap(dimension, band, target, priority.weight, priority.reason))
    return found


def _mean(values: list[int]) -> float:
    return round(sum(values) / len(values), 2) if values else 0.0
