"""A scheduling problem as the solver sees it, apart from any event: slots numbered from 0,
interchangeable tables numbered from 0, participants with the slots they are free in and a cap
on their meetings, and requests between two participants with a weight. Meetings an officer
locked stay where they are; a published schedule, when given, is what a re-plan moves as
little as possible."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from itpo.accounts.fields import Checks
from itpo.registry.errors import FieldError, ValidationError

MAX_SLOTS = 500
MAX_TABLES = 10_000
MAX_PARTICIPANTS = 20_000
MAX_REQUESTS = 200_000
MAX_WEIGHT = 1_000


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    available: frozenset[int]
    cap: int | None = None  # most meetings in the whole event; None: as many as slots allow


@dataclass(frozen=True, slots=True)
class Request:
    a: str
    b: str
    weight: float = 1.0

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass(frozen=True, slots=True)
class Meeting:
    a: str
    b: str
    slot: int
    table: int

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass(frozen=True, slots=True)
class Problem:
    slots: int
    tables: int
    participants: Sequence[Participant]
    requests: Sequence[Request]
    locked: Sequence[Meeting] = ()
    published: Sequence[Meeting] = ()  # a re-plan keeps these where they are if it can
    default_cap: int | None = None

    def by_id(self) -> dict[str, Participant]:
        return {p.id: p for p in self.participants}

    def cap_of(self, participant: Participant) -> int:
        cap = participant.cap if participant.cap is not None else self.default_cap
        return min(cap, self.slots) if cap is not None else self.slots


def problem_from_dict(data: Any) -> Problem:
    """The problem a JSON document describes, every field checked; ValidationError naming each
    bad one (participants[3].available[1], requests[7].b) and nothing else done."""
    checks = Checks()
    if not isinstance(data, Mapping):
        raise ValidationError([FieldError("problem", "must be a JSON object")])
    slots = checks.whole("slots", data.get("slots"), 1, MAX_SLOTS)
    tables = checks.whole("tables", data.get("tables"), 1, MAX_TABLES)
    default_cap = None
    if data.get("cap") is not None:
        default_cap = checks.whole("cap", data.get("cap"), 1, MAX_SLOTS)
    participants = _participants(checks, data.get("participants"), slots)
    known = {p.id for p in participants}
    requests = _requests(checks, data.get("requests"), known)
    locked = _meetings(checks, "locked", data.get("locked", []), known, slots, tables)
    published = _meetings(checks, "published", data.get("published", []), known, slots, tables)
    if checks.errors:
        raise ValidationError(checks.errors)
    assert slots is not None and tables is not None
    return Problem(slots, tables, participants, requests, locked, published, default_cap)


def _participants(checks: Checks, value: Any, slots: int | None) -> list[Participant]:
    if not isinstance(value, list) or not value:
        checks.add("participants", "must be a non-empty list")
        return []
    if len(value) > MAX_PARTICIPANTS:
        checks.add("participants", f"at most {MAX_PARTICIPANTS:,} participants")
        return []
    found: list[Participant] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        where = f"participants[{index}]"
        if not isinstance(item, Mapping):
            checks.add(where, "must be an object with an id and its available slots")
            continue
        ident = item.get("id")
        if not isinstance(ident, str) or not ident.strip() or len(ident) > 100:
            checks.add(f"{where}.id", "must be a text of 1 to 100 characters")
            continue
        if ident in seen:
            checks.add(f"{where}.id", f"{ident!r} is given twice")
            continue
        seen.add(ident)
        available = item.get("available")
        if not isinstance(available, list):
            checks.add(f"{where}.available", "must be a list of slot numbers")
            continue
        free: set[int] = set()
        for position, slot in enumerate(available):
            top = (slots or MAX_SLOTS) - 1
            number = checks.whole(f"{where}.available[{position}]", slot, 0, top)
            if number is not None:
                free.add(number)
        if not available:
            checks.add(f"{where}.available", f"{ident!r} is available in no slot")
        cap = None
        if item.get("cap") is not None:
            cap = checks.whole(f"{where}.cap", item.get("cap"), 0, MAX_SLOTS)
        found.append(Participant(ident, frozenset(free), cap))
    return found


def _requests(checks: Checks, value: Any, known: set[str]) -> list[Request]:
    if not isinstance(value, list):
        checks.add("requests", "must be a list")
        return []
    if len(value) > MAX_REQUESTS:
        checks.add("requests", f"at most {MAX_REQUESTS:,} requests")
        return []
    by_pair: dict[frozenset[str], Request] = {}
    for index, item in enumerate(value):
        where = f"requests[{index}]"
        if not isinstance(item, Mapping):
            checks.add(where, "must be an object with a, b and a weight")
            continue
        a, b = item.get("a"), item.get("b")
        bad = False
        for side, ident in (("a", a), ("b", b)):
            if not isinstance(ident, str) or ident not in known:
                checks.add(f"{where}.{side}", f"{ident!r} is not a participant")
                bad = True
        if bad:
            continue
        assert isinstance(a, str) and isinstance(b, str)
        if a == b:
            checks.add(f"{where}.b", f"{a!r} cannot meet itself")
            continue
        weight = item.get("weight", 1)
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not (0 < weight <= MAX_WEIGHT)
        ):
            checks.add(f"{where}.weight", f"must be a number in (0, {MAX_WEIGHT}], not {weight!r}")
            continue
        pair = frozenset((a, b))
        earlier = by_pair.get(pair)
        # The same pair asked twice (each side asking the other) is one meeting at the higher
        # weight.
        if earlier is None or earlier.weight < weight:
            by_pair[pair] = (
                Request(a, b, float(weight))
                if earlier is None
                else Request(earlier.a, earlier.b, float(weight))
            )
    return list(by_pair.values())


def _meetings(
    checks: Checks, name: str, value: Any, known: set[str], slots: int | None, tables: int | None
) -> list[Meeting]:
    if not isinstance(value, list):
        checks.add(name, "must be a list")
        return []
    found = []
    for index, item in enumerate(value):
        where = f"{name}[{index}]"
        if not isinstance(item, Mapping):
            checks.add(where, "must be an object with a, b, slot and table")
            continue
        a, b = item.get("a"), item.get("b")
        if not isinstance(a, str) or a not in known:
            checks.add(f"{where}.a", f"{a!r} is not a participant")
            continue
        if not isinstance(b, str) or b not in known or b == a:
            checks.add(f"{where}.b", f"{b!r} is not another participant")
            continue
        slot = checks.whole(f"{where}.slot", item.get("slot"), 0, (slots or MAX_SLOTS) - 1)
        table = checks.whole(f"{where}.table", item.get("table"), 0, (tables or MAX_TABLES) - 1)
        if slot is not None and table is not None:
            found.append(Meeting(a, b, slot, table))
    return found
