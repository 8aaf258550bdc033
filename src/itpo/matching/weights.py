"""Scoring weights and parameters, declared as data with help text, versioned for learning."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: float
    help: str


# Text leads because it is the only component that reads what the records say; the structured
# fields refine it. Defaults are a reasoned start, meant to be replaced by learned weights.
WEIGHT_SETTINGS: tuple[Setting, ...] = (
    Setting("text", 3.0, "Relevance of the other record's text, from hybrid retrieval."),
    Setting("isic", 1.5, "Sector proximity in ISIC Rev.4: class > group > division > section."),
    Setting("geography", 1.0, "Same country > same sub-region > same region (M49)."),
    Setting("cooperation", 1.0, "Jaccard overlap of the cooperation types both sides accept."),
    Setting("amount", 1.0, "Overlap of the amount ranges after currency conversion."),
    Setting("trl", 1.0, "Readiness: the other side's TRL against this side's minimum."),
    Setting("sdg", 0.5, "Shared Sustainable Development Goals."),
    Setting("technology", 1.0, "Shared technology areas; a shared family counts half."),
    Setting("freshness", 0.5, "Recency of the newer record; halves every half-life."),
)
COMPONENTS: tuple[str, ...] = tuple(setting.name for setting in WEIGHT_SETTINGS)

PARAMETER_SETTINGS: tuple[Setting, ...] = (
    Setting("ldc_bonus", 0.1, "Added to geography when the seeking side is in an LDC (UN list)."),
    Setting("freshness_half_life_days", 180.0, "Days after which freshness falls to one half."),
)

WEIGHTS_FORMAT = "itpo.scoring-weights"


class InvalidWeights(ValueError):
    """Weights that cannot score: negative, not finite, unknown, or all zero."""


def _defaults() -> Mapping[str, float]:
    return MappingProxyType({s.name: s.default for s in WEIGHT_SETTINGS})


@dataclass(frozen=True, slots=True)
class ScoringWeights:
    """One weight per component; version 1 is the declared defaults, learning adds one."""

    values: Mapping[str, float] = field(default_factory=_defaults)
    version: int = 1

    def __post_init__(self) -> None:
        unknown = set(self.values) - set(COMPONENTS)
        if unknown:
            raise InvalidWeights(f"unknown components: {', '.join(sorted(unknown))}")
        # A partial table means "defaults for the rest"; keep the complete one, read-only.
        full = {**dict(_defaults()), **dict(self.values)}
        for name, value in full.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidWeights(f"weight {name!r} must be a number, not {value!r}")
            if not math.isfinite(value) or value < 0:
                raise InvalidWeights(
                    f"weight {name!r} must be a non-negative number, not {value!r}"
                )
        if not any(value > 0 for value in full.values()):
            raise InvalidWeights("at least one weight must be above zero")
        if self.version < 1:
            raise InvalidWeights(f"version must be 1 or more, not {self.version}")
        object.__setattr__(
            self, "values", MappingProxyType({k: float(full[k]) for k in COMPONENTS})
        )

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def to_dict(self) -> dict[str, Any]:
        return {"format": WEIGHTS_FORMAT, "version": self.version, "weights": dict(self.values)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringWeights:
        if data.get("format") != WEIGHTS_FORMAT:
            raise InvalidWeights(f"not a weights record (format {data.get('format')!r})")
        weights = data.get("weights")
        version = data.get("version")
        if not isinstance(weights, Mapping) or not isinstance(version, int):
            raise InvalidWeights(
                "a weights record needs a 'weights' table and an integer 'version'"
            )
        return cls({str(k): v for k, v in weights.items()}, version)


@dataclass(frozen=True, slots=True)
class ScoringParameters:
    ldc_bonus: float = 0.1
    freshness_half_life_days: float = 180.0

    def __post_init__(self) -> None:
        if not 0 <= self.ldc_bonus <= 1:
            raise InvalidWeights(f"ldc_bonus must be within [0, 1], not {self.ldc_bonus}")
        if not self.freshness_half_life_days > 0:
            raise InvalidWeights("freshness_half_life_days must be above zero")
