"""The meeting scheduler on generated forums; print JSON.

For each size (participants / requests / slots: 100 / 400 / 12, 300 / 1,500 / 16 and
1,000 / 5,000 / 20, with a few popular participants asked far more often): the weight the
scheduler places in 10 seconds on 2 workers, against the best bound the solver proves in a long
run (or, where that run proves nothing, the linear relaxation's optimum). Then a re-plan: 5% of
the participants of the middle forum cancel and 5% new requests arrive on its published
schedule; how many of the meetings the change did not touch moved.

    .venv/bin/python benchmarks/events_scheduling.py [--seconds 10] [--long 120] [--seeds 1]
"""

from __future__ import annotations

import argparse
import json
import random
from typing import Any

from itpo.events.checker import violations
from itpo.events.problem import Problem, Request
from itpo.events.scheduler import relaxation_bound, solve
from itpo.events.synthetic import forum

SIZES = ((100, 400, 12), (300, 1500, 16), (1000, 5000, 20))


def measured(size: tuple[int, int, int], seed: int, seconds: float, long: float) -> dict[str, Any]:
    participants, requests, slots = size
    problem = forum(participants, requests, slots, seed=seed)
    quick = solve(problem, seconds=seconds, workers=2, seed=seed)
    assert not violations(problem, quick.meetings)
    reference = solve(problem, seconds=long, workers=2, seed=seed) if long > 0 else quick
    bounds = [quick.bound, reference.bound]
    if participants >= 1000:
        from itpo.events.scheduler import build_model

        bounds.append(relaxation_bound(build_model(problem), problem))
    best_bound = min(bounds)
    return {
        "participants": participants,
        "requests": len(problem.requests),
        "slots": slots,
        "tables": problem.tables,
        "seed": seed,
        "weight": quick.objective,
        "status": quick.status,
        "seconds": round(quick.seconds, 2),
        "meetings": len(quick.meetings),
        "gaps": quick.gaps,
        "bound": best_bound,
        "long_run_weight": reference.objective,
        "share_of_bound": round(quick.objective / best_bound, 4) if best_bound else 1.0,
    }


def replan(seed: int, seconds: float) -> dict[str, Any]:
    rng = random.Random(seed)
    problem = forum(300, 1500, 16, seed=seed)
    published = solve(problem, seconds=seconds, workers=2, seed=seed).meetings
    ids = [p.id for p in problem.participants]
    gone = set(rng.sample(ids, len(ids) // 20))
    staying = [i for i in ids if i not in gone]
    asked = {r.pair for r in problem.requests}
    late: list[Request] = []
    while len(late) < len(problem.requests) // 20:
        a, b = rng.sample(staying, 2)
        if frozenset((a, b)) not in asked:
            asked.add(frozenset((a, b)))
            late.append(Request(a, b, float(rng.choice((1, 2, 3, 4, 5)))))
    changed = Problem(
        slots=problem.slots,
        tables=problem.tables,
        participants=[p for p in problem.participants if p.id not in gone],
        requests=[r for r in problem.requests if not ({r.a, r.b} & gone)] + late,
        published=[m for m in published if not ({m.a, m.b} & gone)],
    )
    replanned = solve(changed, seconds=seconds, workers=2, seed=seed)
    assert not violations(changed, replanned.meetings)
    touched = {r.a for r in late} | {r.b for r in late}
    untouched = [m for m in changed.published if not ({m.a, m.b} & touched)]
    kept = {(m.pair, m.slot) for m in replanned.meetings}
    moved = sum((m.pair, m.slot) not in kept for m in untouched)
    return {
        "published": len(published),
        "cancelled_participants": len(gone),
        "late_requests": len(late),
        "untouched_meetings": len(untouched),
        "untouched_moved": moved,
        "untouched_moved_share": round(moved / len(untouched), 4) if untouched else 0.0,
        "meetings_before": len(published),
        "meetings_after": len(replanned.meetings),
        "seconds": round(replanned.seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--long", type=float, default=120.0, help="the reference run, seconds")
    parser.add_argument("--seeds", type=int, default=1)
    arguments = parser.parse_args()
    runs = [
        measured(size, seed, arguments.seconds, arguments.long)
        for seed in range(1, arguments.seeds + 1)
        for size in SIZES
    ]
    report = {"forums": runs, "replan": replan(1, arguments.seconds)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
