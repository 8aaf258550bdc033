"""A fast first schedule for the solver to start from, and the answer for a forum too large
for it to improve in time: the heaviest requests placed first, each in the free common slot
next to what both sides already have; then repairs, in which an unplaced request takes a slot
by moving the meetings in its way to other slots, or by displacing lighter ones."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from itpo.events.problem import Request

Key = tuple[int, int]  # (request, slot)


@dataclass
class Placement:
    requests: Sequence[Request]
    options: Mapping[int, Sequence[int]]  # the slots each request may take
    tables: int
    caps: Mapping[str, int]
    fixed: Mapping[int, int] = field(default_factory=dict)  # locked: request -> its slot
    at: dict[tuple[str, int], int] = field(default_factory=dict)  # (who, slot) -> request
    slot_of: dict[int, int] = field(default_factory=dict)
    used: defaultdict[int, int] = field(default_factory=lambda: defaultdict(int))
    count: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_slot: defaultdict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    def sides(self, r: int) -> tuple[str, str]:
        return self.requests[r].a, self.requests[r].b

    def free(self, r: int, slot: int, ignoring: frozenset[int] = frozenset()) -> bool:
        """Whether r could go in slot, were the meetings in `ignoring` not there."""
        if self.used[slot] - len(ignoring & self.by_slot[slot]) >= self.tables:
            return False
        for side in self.sides(r):
            there = self.at.get((side, slot))
            if there is not None and there not in ignoring and there != r:
                return False
        return True

    def under_cap(self, r: int) -> bool:
        return all(self.count[side] < self.caps[side] for side in self.sides(r))

    def place(self, r: int, slot: int) -> None:
        self.slot_of[r] = slot
        self.used[slot] += 1
        self.by_slot[slot].add(r)
        for side in self.sides(r):
            self.at[side, slot] = r
            self.count[side] += 1

    def remove(self, r: int) -> None:
        slot = self.slot_of.pop(r)
        self.used[slot] -= 1
        self.by_slot[slot].discard(r)
        for side in self.sides(r):
            del self.at[side, slot]
            self.count[side] -= 1

    def best_slot(self, r: int, slots: Sequence[int]) -> int | None:
        """The free slot beside the most of both sides' meetings (compact agendas)."""
        free = [s for s in slots if self.free(r, s)]
        if not free:
            return None
        a, b = self.sides(r)

        def beside(slot: int) -> int:
            return sum((side, near) in self.at for side in (a, b) for near in (slot - 1, slot + 1))

        return min(free, key=lambda s: (-beside(s), s))

    def weight(self) -> float:
        return sum(self.requests[r].weight for r in self.slot_of)

    def chosen(self) -> set[Key]:
        return set(self.slot_of.items())


def first_schedule(placement: Placement, preferred: Mapping[int, int], seconds: float) -> set[Key]:
    """Locked meetings, then preferred ones (a published schedule), then the rest greedily;
    then repairs until no unplaced request can get in, or the time is up."""
    deadline = time.perf_counter() + seconds
    for r, slot in placement.fixed.items():
        placement.place(r, slot)
    for r, slot in preferred.items():
        if r not in placement.slot_of and placement.free(r, slot) and placement.under_cap(r):
            placement.place(r, slot)
    order = sorted(
        placement.options,
        key=lambda r: (-placement.requests[r].weight, len(placement.options[r]), r),
    )
    for r in order:
        if r in placement.slot_of or not placement.under_cap(r):
            continue
        best = placement.best_slot(r, placement.options[r])
        if best is not None:
            placement.place(r, best)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for r in order:
            if time.perf_counter() >= deadline:
                break
            if r not in placement.slot_of and placement.under_cap(r) and _repair(placement, r):
                improved = True
    return placement.chosen()


def _repair(placement: Placement, r: int) -> bool:
    """Place r by moving what stands in one of its slots elsewhere, or, failing that, by
    displacing lighter meetings (those then wait for a slot of their own)."""
    weight = placement.requests[r].weight
    for slot in placement.options[r]:
        blockers = _in_the_way(placement, r, slot)
        if blockers is None or any(b in placement.fixed for b in blockers):
            continue
        moved = _moved_elsewhere(placement, blockers, slot)
        if moved is not None:
            for b, new_slot in moved:
                placement.remove(b)
                placement.place(b, new_slot)
            placement.place(r, slot)
            return True
    for slot in placement.options[r]:
        blockers = _in_the_way(placement, r, slot)
        if blockers is None or any(b in placement.fixed for b in blockers):
            continue
        if sum(placement.requests[b].weight for b in blockers) < weight:
            for b in blockers:
                placement.remove(b)
            placement.place(r, slot)
            return True
    return False


def _in_the_way(placement: Placement, r: int, slot: int) -> frozenset[int] | None:
    """The meetings r would have to move to take slot (None: more than it can)."""
    blockers = {placement.at.get((side, slot)) for side in placement.sides(r)} - {None}
    found = frozenset(b for b in blockers if b is not None)
    if placement.used[slot] - len(found) >= placement.tables:
        # The tables are full too: one more meeting of that slot must go, the lightest.
        others = sorted(placement.by_slot[slot] - found, key=lambda b: placement.requests[b].weight)
        if not others:
            return None
        found = found | {others[0]}
    return found


def _moved_elsewhere(
    placement: Placement, blockers: frozenset[int], away_from: int
) -> list[tuple[int, int]] | None:
    """A new slot for each blocker, all at once, or None."""
    moves: list[tuple[int, int]] = []
    taken: defaultdict[int, int] = defaultdict(int)
    busy: set[tuple[str, int]] = set()
    for b in blockers:
        for slot in placement.options[b]:
            if slot == away_from or taken[slot] + placement.used[slot] >= placement.tables:
                continue
            if any((side, slot) in busy for side in placement.sides(b)):
                continue
            if placement.free(b, slot, ignoring=blockers):
                moves.append((b, slot))
                taken[slot] += 1
                busy.update((side, slot) for side in placement.sides(b))
                break
        else:
            return None
    return moves
