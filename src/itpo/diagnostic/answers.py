"""Answers as sent (a form, a JSON file, the API) checked into bands: every problem named by
its field, `answers.<dimension>`, in one round."""

from __future__ import annotations

from collections.abc import Mapping

from itpo.diagnostic.questionnaire import HIGHEST, LOWEST, Questionnaire
from itpo.registry.errors import FieldError, ValidationError


def field_of(dimension_id: str) -> str:
    return f"answers.{dimension_id}"


def checked_answers(raw: object, questionnaire: Questionnaire, *, complete: bool) -> dict[str, int]:
    """The bands by dimension; `complete` asks for every dimension (a submission)."""
    if not isinstance(raw, Mapping):
        raise ValidationError([FieldError("answers", "must map each dimension to a band 0-5")])
    known = set(questionnaire.ids())
    problems: list[FieldError] = []
    bands: dict[str, int] = {}
    for key, value in raw.items():
        name = str(key)
        if name not in known:
            problems.append(FieldError(field_of(name), "is not a dimension of the questionnaire"))
            continue
        band = _band(value)
        if band is None:
            problems.append(
                FieldError(field_of(name), f"must be a whole band from {LOWEST} to {HIGHEST}")
            )
        else:
            bands[name] = band
    if complete:
        for dimension_id in questionnaire.ids():
            if dimension_id not in raw:
                problems.append(FieldError(field_of(dimension_id), "is not answered"))
    if problems:
        raise ValidationError(problems)
    return bands


def _band(value: object) -> int | None:
    # A form sends text; JSON sends numbers. True and 2.5 are not bands.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if LOWEST <= number <= HIGHEST else None
