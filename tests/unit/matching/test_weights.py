"""Scoring weights: declared with help text, validated, and stored with a version."""

from __future__ import annotations

import json
import math

import pytest

from itpo.matching.weights import (
    COMPONENTS,
    PARAMETER_SETTINGS,
    WEIGHT_SETTINGS,
    InvalidWeights,
    ScoringParameters,
    ScoringWeights,
)


def test_every_weight_and_parameter_is_declared_with_help_text() -> None:
    for setting in (*WEIGHT_SETTINGS, *PARAMETER_SETTINGS):
        assert setting.help.endswith("."), setting.name
    assert set(ScoringWeights().values) == set(COMPONENTS)
    for setting in PARAMETER_SETTINGS:
        assert getattr(ScoringParameters(), setting.name) == setting.default


def test_default_weights_are_the_declared_defaults_at_version_one() -> None:
    weights = ScoringWeights()
    assert weights.version == 1
    assert dict(weights.values) == {s.name: s.default for s in WEIGHT_SETTINGS}


def test_a_partial_table_keeps_the_defaults_for_the_rest() -> None:
    weights = ScoringWeights({"text": 5.0})
    assert weights["text"] == 5.0
    assert weights["isic"] == 1.5


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"text": -1.0}, "non-negative"),
        ({"text": math.nan}, "non-negative"),
        ({"text": math.inf}, "non-negative"),
        ({"colour": 1.0}, "unknown components: colour"),
        (dict.fromkeys(COMPONENTS, 0.0), "at least one weight must be above zero"),
        ({"text": "high"}, "must be a number"),
    ],
)
def test_invalid_weights_are_refused_with_the_reason(
    values: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidWeights, match=message):
        ScoringWeights(values)  # type: ignore[arg-type]


def test_version_must_be_positive() -> None:
    with pytest.raises(InvalidWeights, match="version"):
        ScoringWeights(version=0)


def test_weights_survive_a_round_trip_through_json() -> None:
    weights = ScoringWeights({"text": 2.5, "sdg": 0.0}, version=7)
    stored = json.dumps(weights.to_dict())
    assert ScoringWeights.from_dict(json.loads(stored)) == weights


def test_a_record_that_is_not_weights_is_refused() -> None:
    with pytest.raises(InvalidWeights, match="not a weights record"):
        ScoringWeights.from_dict({"version": 1, "weights": {}})
    with pytest.raises(InvalidWeights, match="integer 'version'"):
        ScoringWeights.from_dict({"format": "itpo.scoring-weights", "weights": {"text": 1}})


def test_parameters_out_of_range_are_refused() -> None:
    with pytest.raises(InvalidWeights):
        ScoringParameters(ldc_bonus=2.0)
    with pytest.raises(InvalidWeights):
        ScoringParameters(freshness_half_life_days=0)
