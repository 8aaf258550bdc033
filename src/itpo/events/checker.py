"""Whether a schedule keeps every rule, checked apart from the solver that made it: both sides
free in the slot, one meeting per participant per slot, one per table per slot, the caps, each
requested pair at most once and only requested pairs, locked meetings where they were locked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from itpo.events.problem import Meeting, Problem


def violations(problem: Problem, meetings: Iterable[Meeting]) -> list[str]:
    """Every broken rule, in words; empty for a valid schedule."""
    found: list[str] = []
    people = problem.by_id()
    requested = {r.pair for r in problem.requests} | {m.pair for m in problem.locked}
    seats: Counter[tuple[str, int]] = Counter()
    tables: Counter[tuple[int, int]] = Counter()
    counts: Counter[str] = Counter()
    pairs: Counter[frozenset[str]] = Counter()
    placed = list(meetings)
    for meeting in placed:
        label = f"{meeting.a}-{meeting.b} at slot {meeting.slot}, table {meeting.table}"
        if meeting.a == meeting.b:
            found.append(f"{label}: a participant meets itself")
        if not 0 <= meeting.slot < problem.slots:
            found.append(f"{label}: no such slot")
        if not 0 <= meeting.table < problem.tables:
            found.append(f"{label}: no such table")
        if meeting.pair not in requested:
            found.append(f"{label}: nobody asked for this meeting")
        for side in (meeting.a, meeting.b):
            person = people.get(side)
            if person is None:
                found.append(f"{label}: {side} is not a participant")
            elif meeting.slot not in person.available:
                found.append(f"{label}: {side} is not free then")
            seats[side, meeting.slot] += 1
            counts[side] += 1
        tables[meeting.slot, meeting.table] += 1
        pairs[meeting.pair] += 1
    found += [f"{who} has {n} meetings in slot {slot}" for (who, slot), n in seats.items() if n > 1]
    found += [
        f"table {table} has {n} meetings in slot {slot}"
        for (slot, table), n in tables.items()
        if n > 1
    ]
    found += [f"{'-'.join(sorted(pair))} meet {n} times" for pair, n in pairs.items() if n > 1]
    for who, n in counts.items():
        person = people.get(who)
        if person is not None and n > problem.cap_of(person):
            found.append(f"{who} has {n} meetings, over the cap of {problem.cap_of(person)}")
    where = {(m.pair, m.slot, m.table) for m in placed}
    for locked in problem.locked:
        if (locked.pair, locked.slot, locked.table) not in where:
            found.append(f"the locked meeting {locked.a}-{locked.b} was moved or dropped")
    return found
