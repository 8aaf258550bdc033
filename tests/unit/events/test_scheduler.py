"""The scheduler against problems whose answer is known: a hand-made one, random small ones
solved by brute force, locked meetings and a re-plan; every schedule passes the checker, which
knows nothing of the solver."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itpo.events.checker import violations
from itpo.events.problem import Meeting, Participant, Problem, Request
from itpo.events.scheduler import solve
from itpo.events.synthetic import forum


def everyone(ids: str, slots: int) -> list[Participant]:
    return [Participant(i, frozenset(range(slots))) for i in ids]


def test_a_hand_made_problem_gets_its_known_optimum() -> None:
    # A triangle wants three meetings but has two slots, and one table: each slot holds one
    # meeting, so the best is the two heaviest (5 + 4), whatever the order.
    problem = Problem(
        slots=2,
        tables=1,
        participants=everyone("abc", 2),
        requests=[Request("a", "b", 5), Request("b", "c", 4), Request("a", "c", 3)],
    )
    schedule = solve(problem, seconds=5)
    assert schedule.status == "optimal"
    assert schedule.objective == 9 and schedule.bound == 9
    assert {m.pair for m in schedule.meetings} == {frozenset("ab"), frozenset("bc")}
    assert violations(problem, schedule.meetings) == []


def test_availability_caps_and_gaps_are_kept() -> None:
    # d is free in slot 0 and 3 only; a has a cap of two; with four slots and two tables the
    # best keeps each agenda without an idle slot where it can.
    problem = Problem(
        slots=4,
        tables=2,
        participants=[
            Participant("a", frozenset(range(4)), cap=2),
            Participant("b", frozenset(range(4))),
            Participant("c", frozenset(range(4))),
            Participant("d", frozenset({0, 3})),
        ],
        requests=[
            Request("a", "b", 3),
            Request("a", "c", 3),
            Request("a", "d", 1),
            Request("b", "c", 2),
            Request("b", "d", 2),
            Request("c", "d", 2),
        ],
    )
    schedule = solve(problem, seconds=5)
    assert violations(problem, schedule.meetings) == []
    assert schedule.objective == 12 and schedule.status == "optimal"
    assert sum(m.a == "a" or m.b == "a" for m in schedule.meetings) == 2


def test_among_schedules_of_the_best_weight_agendas_have_no_idle_gap() -> None:
    # a meets b and c; one table, four slots: any two slots hold the weight, adjacent ones
    # leave a without an idle slot between its meetings.
    problem = Problem(
        slots=4,
        tables=1,
        participants=everyone("abc", 4),
        requests=[Request("a", "b", 2), Request("a", "c", 2)],
    )
    schedule = solve(problem, seconds=3)
    assert schedule.objective == 4 and schedule.gaps == 0
    first, second = sorted(m.slot for m in schedule.meetings)
    assert second - first == 1


def brute_force(problem: Problem) -> float:
    """The best weight by trying every assignment of each request to a slot or to none."""
    people = problem.by_id()
    options = [
        [None, *sorted(people[r.a].available & people[r.b].available)] for r in problem.requests
    ]
    best = 0.0
    for choice in itertools.product(*options):
        meetings = [
            Meeting(r.a, r.b, slot, 0)
            for r, slot in zip(problem.requests, choice, strict=True)
            if slot is not None
        ]
        per_slot: dict[int, int] = {}
        tabled = []
        for meeting in meetings:
            per_slot[meeting.slot] = per_slot.get(meeting.slot, 0) + 1
            tabled.append(Meeting(meeting.a, meeting.b, meeting.slot, per_slot[meeting.slot] - 1))
        if not violations(problem, tabled):
            weights = {r.pair: r.weight for r in problem.requests}
            best = max(best, sum(weights[m.pair] for m in tabled))
    return best


@st.composite
def small_problems(draw: st.DrawFn) -> Problem:
    slots = draw(st.integers(1, 3))
    tables = draw(st.integers(1, 2))
    ids = [f"p{n}" for n in range(draw(st.integers(2, 5)))]
    people = [
        Participant(
            i,
            frozenset(draw(st.sets(st.integers(0, slots - 1), min_size=1))),
            draw(st.one_of(st.none(), st.integers(0, slots))),
        )
        for i in ids
    ]
    pairs = list(itertools.combinations(ids, 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6))
    requests = [Request(a, b, float(draw(st.integers(1, 5)))) for a, b in chosen]
    return Problem(slots, tables, people, requests)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=small_problems())
def test_every_schedule_is_valid_and_optimal_on_small_problems(problem: Problem) -> None:
    schedule = solve(problem, seconds=2, workers=1)
    assert violations(problem, schedule.meetings) == []
    assert schedule.status == "optimal"
    assert schedule.objective == brute_force(problem)
    assert schedule.bound >= schedule.objective


def test_locked_meetings_stay_where_an_officer_put_them() -> None:
    problem = Problem(
        slots=3,
        tables=2,
        participants=everyone("abcd", 3),
        requests=[Request("a", "b", 1), Request("c", "d", 5), Request("a", "c", 5)],
        locked=[Meeting("a", "b", 1, 1)],
    )
    schedule = solve(problem, seconds=5)
    assert violations(problem, schedule.meetings) == []
    assert Meeting("a", "b", 1, 1) in schedule.meetings
    assert schedule.objective == 11


def test_an_impossible_lock_is_reported_not_scheduled() -> None:
    problem = Problem(
        slots=2,
        tables=1,
        participants=everyone("abc", 2),
        requests=[],
        locked=[Meeting("a", "b", 0, 0), Meeting("a", "c", 0, 0)],
    )
    schedule = solve(problem, seconds=2)
    assert schedule.status == "infeasible" and schedule.meetings == ()


def test_a_re_plan_moves_few_of_the_meetings_the_change_did_not_touch() -> None:
    problem = forum(60, 240, 10, seed=3)
    published = solve(problem, seconds=5).meetings
    gone = {f"p{n}" for n in range(0, 60, 20)}  # three participants cancel
    late = [Request("p1", "p58", 5.0), Request("p7", "p33", 4.0), Request("p12", "p45", 3.0)]
    changed = Problem(
        slots=problem.slots,
        tables=problem.tables,
        participants=[p for p in problem.participants if p.id not in gone],
        requests=[r for r in problem.requests if not ({r.a, r.b} & gone)] + late,
        published=[m for m in published if not ({m.a, m.b} & gone)],
    )
    replanned = solve(changed, seconds=5)
    assert violations(changed, replanned.meetings) == []
    untouched = [
        m for m in changed.published if not ({m.a, m.b} & {r.a for r in late} | {r.b for r in late})
    ]
    kept = {(m.pair, m.slot) for m in replanned.meetings}
    moved = sum((m.pair, m.slot) not in kept for m in untouched)
    assert moved <= 0.05 * len(untouched), (moved, len(untouched))


def test_progress_is_reported_and_the_best_so_far_kept_when_time_runs_out() -> None:
    problem = forum(120, 500, 12, seed=5)
    seen: list[object] = []
    schedule = solve(problem, seconds=2, progress=seen.append)
    assert seen  # each better schedule the solver finds is reported as it goes
    assert violations(problem, schedule.meetings) == []
    assert 0 < schedule.objective <= schedule.bound
    assert {r.pair for r in schedule.unplaced}.isdisjoint({m.pair for m in schedule.meetings})
