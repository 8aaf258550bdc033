"""A scheduling problem read from JSON: every bad field refused by name, nothing else done."""

from __future__ import annotations

from typing import Any

import pytest

from itpo.events.problem import Request, problem_from_dict
from itpo.registry.errors import ValidationError


def good() -> dict[str, Any]:
    return {
        "slots": 4,
        "tables": 2,
        "participants": [
            {"id": "p1", "available": [0, 1, 3]},
            {"id": "p2", "available": [1, 2, 3]},
            {"id": "p3", "available": [0, 3], "cap": 1},
        ],
        "requests": [{"a": "p1", "b": "p2", "weight": 2}, {"a": "p3", "b": "p1"}],
    }


def refused(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as bad:
        problem_from_dict(data)
    return [error.field for error in bad.value.errors]


def test_a_good_problem_reads_whole() -> None:
    problem = problem_from_dict(good())
    assert (problem.slots, problem.tables) == (4, 2)
    assert problem.by_id()["p3"].available == frozenset({0, 3})
    assert problem.requests == [Request("p1", "p2", 2.0), Request("p3", "p1", 1.0)]
    assert problem.cap_of(problem.by_id()["p3"]) == 1
    assert problem.cap_of(problem.by_id()["p1"]) == 4  # no cap: as many as the slots


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        (lambda d: d.update(slots=0), ["slots"]),
        (lambda d: d.update(tables="two"), ["tables"]),
        (lambda d: d["participants"][0]["available"].append(4), ["participants[0].available[3]"]),
        (lambda d: d["participants"][1].update(available=[]), ["participants[1].available"]),
        (lambda d: d["participants"][2].update(id="p1"), ["participants[2].id", "requests[1].a"]),
        (lambda d: d["requests"][0].update(b="p9"), ["requests[0].b"]),
        (lambda d: d["requests"][1].update(b="p3"), ["requests[1].b"]),
        (lambda d: d["requests"][0].update(weight=0), ["requests[0].weight"]),
        (lambda d: d["requests"][0].update(weight=True), ["requests[0].weight"]),
        (
            lambda d: d.update(locked=[{"a": "p1", "b": "p2", "slot": 9, "table": 0}]),
            ["locked[0].slot"],
        ),
        (
            lambda d: d.update(participants="p1, p2"),
            ["participants", "requests[0].a", "requests[0].b", "requests[1].a", "requests[1].b"],
        ),
    ],
    ids=[
        "no slot",
        "tables not a number",
        "a slot outside the event",
        "unavailable everywhere",
        "an id twice",
        "an unknown participant",
        "a request to oneself",
        "no weight",
        "a weight that is a flag",
        "a locked meeting outside the event",
        "participants not a list",
    ],
)
def test_each_bad_field_is_named(change: Any, fields: list[str]) -> None:
    data = good()
    change(data)
    assert refused(data) == fields


def test_every_bad_field_is_named_at_once() -> None:
    data = good()
    data["slots"] = -1
    data["requests"][0]["a"] = "nobody"
    data["requests"][1]["weight"] = "high"
    assert refused(data) == ["slots", "requests[0].a", "requests[1].weight"]


def test_not_an_object_is_refused() -> None:
    assert refused([1, 2]) == ["problem"]


def test_a_pair_asked_from_both_sides_is_one_request_at_the_higher_weight() -> None:
    data = good()
    data["requests"].append({"a": "p2", "b": "p1", "weight": 5})
    assert problem_from_dict(data).requests == [Request("p1", "p2", 5.0), Request("p3", "p1", 1.0)]
