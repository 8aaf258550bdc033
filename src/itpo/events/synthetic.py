"""Generated scheduling problems shaped like real forums, for benchmarks and tests: a few
popular participants receive many of the requests (a Zipf-like skew), availability has holes
(late arrivals, early departures, a blocked slot or two), weights run from 1 to 5 by priority
and match score, and some participants cap their meetings."""

from __future__ import annotations

import random

from itpo.events.problem import Participant, Problem, Request


def forum(
    participants: int,
    requests: int,
    slots: int,
    *,
    tables: int | None = None,
    seed: int = 0,
    skew: float = 1.1,
) -> Problem:
    rng = random.Random(seed)
    ids = [f"p{n}" for n in range(participants)]
    people = []
    for ident in ids:
        first = rng.choice([0] * 6 + list(range(slots // 3)))  # most arrive for the start
        last = rng.choice([slots - 1] * 6 + list(range(2 * slots // 3, slots)))
        free = set(range(first, last + 1))
        for _ in range(rng.choice((0, 0, 1, 2))):
            free.discard(rng.randrange(slots))  # a talk to give, a call to take
        if not free:
            free = {rng.randrange(slots)}
        cap = rng.choice((None, None, None, max(2, slots // 2)))
        people.append(Participant(ident, frozenset(free), cap))
    # Popularity by rank: the first few participants are asked for far more often.
    popularity = [1.0 / (rank + 1) ** skew for rank in range(participants)]
    order = ids[:]
    rng.shuffle(order)
    wanted: dict[frozenset[str], Request] = {}
    attempts = 0
    while len(wanted) < requests and attempts < requests * 50:
        attempts += 1
        a = rng.choice(ids)
        b = rng.choices(order, weights=popularity)[0]
        pair = frozenset((a, b))
        if a == b or pair in wanted:
            continue
        wanted[pair] = Request(a, b, float(rng.choice((1, 1, 2, 2, 3, 4, 5))))
    return Problem(
        slots=slots,
        tables=tables if tables is not None else max(1, participants * 2 // 5),
        participants=people,
        requests=list(wanted.values()),
    )
