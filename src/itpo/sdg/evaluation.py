"""`evaluate`: accuracy, precision, recall and F1 of `serves` over judged (text, sdg, label)
rows, as an SDG benchmark states them."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from itpo.registry.errors import FieldError, ValidationError
from itpo.sdg.dense import GoalSpace
from itpo.sdg.goals import parse_sdg
from itpo.sdg.suggestions import serves_many

REQUIRED = ("text", "sdg", "label")
_TRUE, _FALSE = frozenset({"true", "1", "yes"}), frozenset({"false", "0", "no"})


@dataclass(frozen=True, slots=True)
class Judged:
    text: str
    sdg: int
    label: bool


def judged_rows(rows: Sequence[Mapping[str, object]], *, first_row: int = 2) -> list[Judged]:
    """Rows checked whole before anything is scored; every problem names its row (as the file
    counts them: the header is row 1) and column."""
    problems: list[FieldError] = []
    judged: list[Judged] = []
    for offset, row in enumerate(rows):
        number = first_row + offset
        missing = [c for c in REQUIRED if c not in row]
        if missing:
            problems.extend(FieldError(c, "the column is missing", number) for c in missing)
            break
        try:
            judged.append(
                Judged(
                    _text(row["text"], number),
                    parse_sdg(row["sdg"], row=number),
                    _label(row["label"], number),
                )
            )
        except ValidationError as error:
            problems.extend(error.errors)
    if problems:
        raise ValidationError(problems)
    if not judged:
        raise ValidationError([FieldError("text", "the file has no rows")])
    return judged


def _text(value: object, row: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError([FieldError("text", "is empty", row)])
    return value


def _label(value: object, row: int) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValidationError([FieldError("label", f"{value!r} is not True or False", row)])


def evaluate(
    rows: Sequence[Mapping[str, object]], *, space: GoalSpace | None = None
) -> dict[str, float | int]:
    """Accuracy, precision, recall, F1 and the confusion counts of the yes/no decisions."""
    judged = judged_rows(rows)
    started = time.perf_counter()
    decisions = serves_many([(j.text, j.sdg) for j in judged], space=space)
    counts = {"tp": 0, "fp": 0, "tn": 0, "fn": 0}
    for said, row in zip(decisions, judged, strict=True):
        counts[("t" if said == row.label else "f") + ("p" if said else "n")] += 1
    return {
        **figures(**counts),
        "rows": len(judged),
        "seconds": round(time.perf_counter() - started, 3),
    }


def figures(*, tp: int, fp: int, tn: int, fn: int) -> dict[str, float | int]:
    total = tp + fp + tn + fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": round((tp + tn) / total, 4) if total else 0.0,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "true_positives": tp,
        "false_positives": fp,
        "true_negatives": tn,
        "false_negatives": fn,
    }
