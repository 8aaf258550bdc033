"""The scheduler: OR-Tools CP-SAT places accepted meeting requests in slots, as many and as
valuable as possible, then with as few idle gaps in each agenda as it can (lexicographically:
the weight first, the gaps only among schedules of that weight). A re-plan keeps published
meetings where they are and, among schedules of the best weight, moves as few as it can.

Tables are interchangeable, so the model only bounds the meetings of a slot by the tables; each
meeting gets its table afterwards (locked and published meetings keep theirs)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from itpo.events.greedy import Placement, first_schedule
from itpo.events.problem import Meeting, Problem, Request

SCALE = 100  # weights are kept to the hundredth
# Of the time given, what the weight may take before the gaps (or moves) are minimised.
WEIGHT_SHARE = 0.85
# Placements (request x slot) beyond which a proof in seconds is unlikely.
LARGE = 20_000


@dataclass(frozen=True, slots=True)
class Progress:
    seconds: float
    objective: float
    bound: float


@dataclass(frozen=True, slots=True)
class Schedule:
    meetings: tuple[Meeting, ...]
    objective: float  # the total weight of the meetings placed
    bound: float  # no schedule can weigh more (the solver's proof)
    status: str  # optimal, feasible, infeasible or unknown (no schedule found in time)
    seconds: float
    gaps: int = 0  # idle slots between a participant's first and last meeting, over all
    moved: int = 0  # published meetings a re-plan moved or dropped
    unplaced: tuple[Request, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "objective": round(self.objective, 2),
            "bound": round(self.bound, 2),
            "meetings": len(self.meetings),
            "gaps": self.gaps,
            "moved": self.moved,
            "seconds": round(self.seconds, 3),
        }


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[Progress], None], started: float, factor: int) -> None:
        super().__init__()
        self.report, self.started, self.factor = report, started, factor

    def on_solution_callback(self) -> None:
        self.report(
            Progress(
                time.perf_counter() - self.started,
                (self.objective_value // self.factor) / SCALE,
                (self.best_objective_bound // self.factor) / SCALE,
            )
        )


@dataclass
class SchedulingModel:
    model: cp_model.CpModel
    placed: dict[tuple[int, int], cp_model.IntVar]  # (request, slot) -> scheduled there
    requests: list[Request]
    weight: cp_model.LinearExpr
    by_person: dict[tuple[str, int], list[cp_model.IntVar]]  # (participant, slot) -> meetings
    meetings_of: dict[str, list[cp_model.IntVar]]
    kept: list[cp_model.IntVar]  # published meetings left in their slot


def solve(
    problem: Problem,
    *,
    seconds: float = 10.0,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    seed: int = 0,
) -> Schedule:
    """The best schedule found within `seconds` (the best so far when time runs out)."""
    started = time.perf_counter()
    built = build_model(problem)
    # Lexicographic in one objective: the weight first; among schedules of the same weight,
    # the most published meetings left where they were (a re-plan moves as few as it can).
    factor = len(built.kept) + 1
    kept = cp_model.LinearExpr.sum(built.kept) if built.kept else 0
    built.model.maximize(built.weight * factor + kept)
    greedy = _hint(built, problem, min(2.0, seconds * 0.15))
    # A forum too large for the solver to prove anything in time gets the bound of the
    # linear relaxation instead, which needs a moment of its own.
    reserve = min(2.5, seconds * 0.25) if len(built.placed) > LARGE else 0.0
    spent = time.perf_counter() - started
    first = _solver(seconds * WEIGHT_SHARE - spent - reserve, workers, seed)
    reporter = _Reporter(progress, started, factor) if progress is not None else None
    status = first.solve(built.model, reporter)
    if status == cp_model.INFEASIBLE:
        return Schedule((), 0.0, 0.0, "infeasible", time.perf_counter() - started)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    chosen = greedy
    if found:
        solved = {key for key, var in built.placed.items() if first.boolean_value(var)}
        if _value(built, problem, solved, factor) >= _value(built, problem, greedy, factor):
            chosen = solved
    best = _weight_of(built, chosen)
    if found:
        bound = (first.best_objective_bound // factor) / SCALE
    else:
        bound = relaxation_bound(built, problem)
    proven = status == cp_model.OPTIMAL
    # Second: keep that weight and those published meetings, then fewer idle gaps.
    remaining = seconds - (time.perf_counter() - started)
    # The second model is larger (a variable per agenda slot): too little time is no time.
    needed = 0.05 + len(built.placed) / 25_000
    if remaining > needed and chosen:
        starts, busy = _blocks(built.model, problem, built.by_person, built.meetings_of)
        built.model.clear_hints()  # type: ignore[no-untyped-call]
        for key, var in built.placed.items():
            built.model.add_hint(var, key in chosen)
        built.model.add(built.weight >= best)
        if built.kept:
            built.model.add(kept >= _kept_count(built, problem, chosen))
        built.model.minimize(sum(starts) - sum(busy))
        second = _solver(remaining, workers, seed)
        if second.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            chosen = {key for key, var in built.placed.items() if second.boolean_value(var)}
    meetings = _tables(problem, built.requests, chosen)
    scheduled = {built.requests[r].pair for r, _ in chosen}
    return Schedule(
        meetings=meetings,
        objective=sum(built.requests[r].weight for r, _ in chosen),
        bound=max(bound, best / SCALE),
        status="optimal" if proven else "feasible",
        seconds=time.perf_counter() - started,
        gaps=gaps(problem, meetings),
        moved=_moved(problem, meetings),
        unplaced=tuple(r for r in built.requests if r.pair not in scheduled),
    )


def _kept_count(built: SchedulingModel, problem: Problem, chosen: set[tuple[int, int]]) -> int:
    index = {r.pair: i for i, r in enumerate(built.requests)}
    return sum((index.get(m.pair, -1), m.slot) in chosen for m in problem.published)


def _value(
    built: SchedulingModel, problem: Problem, chosen: set[tuple[int, int]], factor: int
) -> int:
    """The solver's objective for a schedule: weight first, then published meetings kept."""
    return _weight_of(built, chosen) * factor + _kept_count(built, problem, chosen)


def _weight_of(built: SchedulingModel, chosen: set[tuple[int, int]]) -> int:
    return sum(round(built.requests[r].weight * SCALE) for r, _ in chosen)


def relaxation_bound(built: SchedulingModel, problem: Problem) -> float:
    """The optimum of the model's linear relaxation (GLOP): no schedule weighs more."""
    from ortools.linear_solver import pywraplp

    solver = pywraplp.Solver.CreateSolver("GLOP")
    assert solver is not None
    x = {key: solver.NumVar(0.0, 1.0, f"m{key[0]}s{key[1]}") for key in built.placed}
    groups: defaultdict[tuple[str, object], list[pywraplp.Variable]] = defaultdict(list)
    for (r, slot), var in x.items():
        request = built.requests[r]
        groups["pair", r].append(var)
        groups["slot", slot].append(var)
        for side in (request.a, request.b):
            groups[side, slot].append(var)
            groups[side, "all"].append(var)
    people = problem.by_id()
    for (what, where), chosen in groups.items():
        if what == "pair":
            limit: float = 1
        elif what == "slot":
            limit = problem.tables
        elif where == "all":
            limit = problem.cap_of(people[what])
        else:
            limit = 1
        solver.Add(solver.Sum(chosen) <= limit)
    solver.Maximize(solver.Sum([built.requests[r].weight * var for (r, _), var in x.items()]))
    solver.Solve()
    return float(solver.Objective().Value())


def _solver(seconds: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    return solver


def build_model(problem: Problem) -> SchedulingModel:
    model = cp_model.CpModel()
    people = problem.by_id()
    requests = list(problem.requests)
    index = {r.pair: i for i, r in enumerate(requests)}
    for locked in problem.locked:  # a locked meeting nobody requested is still a meeting
        if locked.pair not in index:
            index[locked.pair] = len(requests)
            requests.append(Request(locked.a, locked.b, 1.0))
    locked_at = {index[m.pair]: m.slot for m in problem.locked}
    placed: dict[tuple[int, int], cp_model.IntVar] = {}
    by_person: defaultdict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
    by_slot: defaultdict[int, list[cp_model.IntVar]] = defaultdict(list)
    by_request: defaultdict[int, list[cp_model.IntVar]] = defaultdict(list)
    for r, request in enumerate(requests):
        a, b = people[request.a], people[request.b]
        slots = sorted(a.available & b.available)
        if r in locked_at:
            slots = [locked_at[r]]  # locked: there or nowhere (the checker says which)
        for slot in slots:
            var = model.new_bool_var(f"m{r}s{slot}")
            placed[r, slot] = var
            by_person[request.a, slot].append(var)
            by_person[request.b, slot].append(var)
            by_slot[slot].append(var)
            by_request[r].append(var)
        if r in locked_at:
            model.add(sum(by_request[r]) == 1)
    for chosen in by_request.values():
        model.add_at_most_one(chosen)  # each pair at most once
    for chosen in by_person.values():
        model.add_at_most_one(chosen)  # one meeting per participant per slot
    for chosen in by_slot.values():
        model.add(sum(chosen) <= problem.tables)
    meetings_of: defaultdict[str, list[cp_model.IntVar]] = defaultdict(list)
    slots_of: defaultdict[str, int] = defaultdict(int)
    for (who, _), chosen in by_person.items():
        meetings_of[who].extend(chosen)
        slots_of[who] += 1
    for who, chosen in meetings_of.items():
        cap = problem.cap_of(people[who])
        if cap < slots_of[who]:  # else the one-per-slot rule keeps it under the cap already
            model.add(sum(chosen) <= cap)
    weight = cp_model.LinearExpr.weighted_sum(
        list(placed.values()), [round(requests[r].weight * SCALE) for r, _ in placed]
    )
    kept = []
    for meeting in problem.published:
        found = index.get(meeting.pair)
        if found is not None and (found, meeting.slot) in placed:
            kept.append(placed[found, meeting.slot])
        else:
            kept.append(model.new_constant(0))  # cannot stay: counted as moved
    return SchedulingModel(model, placed, requests, weight, by_person, meetings_of, kept)


def _blocks(
    model: cp_model.CpModel,
    problem: Problem,
    by_person: dict[tuple[str, int], list[cp_model.IntVar]],
    meetings_of: dict[str, list[cp_model.IntVar]],
) -> tuple[list[cp_model.IntVar], list[cp_model.IntVar]]:
    """A start for each block of consecutive busy slots in an agenda: one block is an agenda
    without an idle gap, so blocks minus participants with meetings counts the gaps."""
    starts: list[cp_model.IntVar] = []
    busy_participants = []
    people = problem.by_id()
    for who, chosen in meetings_of.items():
        if not chosen:
            continue
        previous: cp_model.LinearExpr | int = 0
        # A slot the participant is not free in is no gap: the agenda runs on past it.
        for slot in sorted(people[who].available):
            busy = sum(by_person.get((who, slot), []))
            if isinstance(busy, int):  # never busy here: the next meeting starts a block
                previous = 0
                continue
            start = model.new_bool_var(f"start-{who}-{slot}")
            model.add(start >= busy - previous)
            starts.append(start)
            previous = busy
        any_meeting = model.new_bool_var(f"meets-{who}")
        model.add_max_equality(any_meeting, chosen)
        busy_participants.append(any_meeting)
    return starts, busy_participants


def _hint(built: SchedulingModel, problem: Problem, seconds: float) -> set[tuple[int, int]]:
    """Start the search from a good schedule (see greedy), and keep it should the solver not
    better it in time."""
    options: defaultdict[int, list[int]] = defaultdict(list)
    for r, slot in built.placed:
        options[r].append(slot)
    people = problem.by_id()
    index = {r.pair: i for i, r in enumerate(built.requests)}
    placement = Placement(
        requests=built.requests,
        options={r: sorted(slots) for r, slots in options.items()},
        tables=problem.tables,
        caps={p.id: problem.cap_of(p) for p in people.values()},
        fixed={index[m.pair]: m.slot for m in problem.locked},
    )
    preferred = {
        index[m.pair]: m.slot
        for m in problem.published
        if m.pair in index and (index[m.pair], m.slot) in built.placed
    }
    chosen = first_schedule(placement, preferred, seconds)
    for key, var in built.placed.items():
        built.model.add_hint(var, key in chosen)
    return chosen


def _tables(
    problem: Problem, requests: Sequence[Request], chosen: set[tuple[int, int]]
) -> tuple[Meeting, ...]:
    """Tables for the chosen meetings: locked ones keep theirs, then published ones that can,
    then the lowest free table."""
    wanted = {(m.pair, m.slot): m.table for m in [*problem.locked, *problem.published]}
    taken: defaultdict[int, set[int]] = defaultdict(set)
    placed: dict[tuple[int, int], int] = {}
    ordered = sorted(
        chosen, key=lambda key: (key[1], (requests[key[0]].pair, key[1]) not in wanted)
    )
    for r, slot in ordered:
        table = wanted.get((requests[r].pair, slot))
        if table is not None and table not in taken[slot] and table < problem.tables:
            placed[r, slot] = table
            taken[slot].add(table)
    for r, slot in ordered:
        if (r, slot) in placed:
            continue
        table = next(t for t in range(problem.tables) if t not in taken[slot])
        placed[r, slot] = table
        taken[slot].add(table)
    return tuple(
        sorted(
            (
                Meeting(requests[r].a, requests[r].b, slot, table)
                for (r, slot), table in placed.items()
            ),
            key=lambda m: (m.slot, m.table),
        )
    )


def gaps(problem: Problem, meetings: Sequence[Meeting]) -> int:
    """Slots a participant is free in but idle, between their first and last meeting."""
    slots: defaultdict[str, list[int]] = defaultdict(list)
    for meeting in meetings:
        slots[meeting.a].append(meeting.slot)
        slots[meeting.b].append(meeting.slot)
    people = problem.by_id()
    return sum(
        sum(1 for s in people[who].available if min(held) < s < max(held) and s not in held)
        for who, held in slots.items()
    )


def _moved(problem: Problem, meetings: Sequence[Meeting]) -> int:
    now = {(m.pair, m.slot) for m in meetings}
    return sum((m.pair, m.slot) not in now for m in problem.published)
