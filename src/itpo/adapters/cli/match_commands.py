"""`itpo match ID` and `itpo matches ...`: best counterparts, stored matches, and verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_record, print_table

if TYPE_CHECKING:
    from itpo.matching.decisions import Match
    from itpo.matching.service import MatchResult

# The values of itpo.matching.decisions.MatchState, spelled out so that loading the command
# does not load the matching engine; a test keeps the two the same.
MATCH_STATES = ("proposed", "shortlisted", "interested", "introduced", "declined")


@click.command("match")
@click.argument("opportunity_id", type=int)
@click.option(
    "--top",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="How many matches to show.",
)
@click.option("--include-declined", is_flag=True, help="Also show counterparts someone declined.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts, with every reason.")
@pass_state
@clean_errors
def match_command(
    state: CliState, opportunity_id: int, top: int, include_declined: bool, as_json: bool
) -> None:
    """The best counterparts of a published opportunity, with the top reason for each.

    Each one is kept as a match whose id `itpo matches accept|decline` takes."""
    from itpo.matching.tracking import match_and_record

    platform = state.platform()
    try:
        report = match_and_record(
            uow=platform.uow(),
            by=state.operator,
            index=platform.index(),
            opportunity_id=opportunity_id,
            today=platform.today(),
            top=top,
            include_declined=include_declined,
            rates=platform.rates(),
            now=platform.clock,
        )
    finally:
        platform.close()
    results = report.results
    if as_json:
        print_json([result.to_dict() for result in results])
        return
    if not results:
        why = report.why_none("en")
        console.print(why.text if why else f"No matches for opportunity {opportunity_id}.")
    else:
        _print_matches(opportunity_id, results)
    if report.near_misses:
        _print_near_misses(opportunity_id, report.near_misses)


def _print_near_misses(opportunity_id: int, near: Sequence[MatchResult]) -> None:
    rows = [
        {
            "id": r.opportunity_id,
            "score": f"{r.score:.0f}",
            "kind": r.kind.value,
            "title": r.title,
            "left_out": " ".join(reason.text for reason in r.left_out),
        }
        for r in near
    ]
    print_table(
        rows,
        [
            ("score", "score", 5),
            ("id", "opportunity", 11),
            ("kind", "kind", 18),
            ("title", "title", 46),
            ("left_out", "left out by", 72),
        ],
        title=f"Near misses of opportunity {opportunity_id}: left out by a hard condition",
    )


def _print_matches(opportunity_id: int, results: Sequence[MatchResult]) -> None:
    rows = [
        {
            "match": r.match_id,
            "state": r.state.value if r.state else "",
            "id": r.opportunity_id,
            "score": f"{r.score:.0f}",
            "kind": r.kind.value,
            "title": r.title,
            "country": ", ".join(r.countries),
            "reason": r.reasons[0] if r.reasons else "",
        }
        for r in results
    ]
    print_table(
        rows,
        [
            ("score", "score", 5),
            ("match", "match", 6),
            ("id", "opportunity", 11),
            ("kind", "kind", 18),
            ("title", "title", 46),
            ("country", "country", 14),
            ("state", "state", 11),
            ("reason", "top reason", 64),
        ],
        title=f"Matches for opportunity {opportunity_id}",
    )


@click.group("matches")
def matches_group() -> None:
    """Stored matches and the verdicts people give on them."""


def _row(match: Match) -> dict[str, Any]:
    return {
        "id": match.id,
        "pair": f"{match.first_id} - {match.second_id}",
        "score": f"{match.score:.0f}",
        "state": match.state.value,
        "decisions": len(match.decisions),
        "updated": match.updated_at.strftime("%Y-%m-%d %H:%M"),
    }


@matches_group.command("list")
@click.option(
    "--opportunity",
    "opportunity_id",
    type=int,
    help="Only matches where this opportunity is either side.",
)
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(MATCH_STATES),
    help="Only matches in this state (repeatable).",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_state
@clean_errors
def list_command(
    state: CliState,
    opportunity_id: int | None,
    states: tuple[str, ...],
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Stored matches, most recently changed first."""
    from itpo.matching.decisions import MatchState
    from itpo.matching.tracking import list_matches

    platform = state.platform()
    try:
        page = list_matches(
            uow=platform.uow(),
            by=state.operator,
            opportunity_id=opportunity_id,
            states=[MatchState(s) for s in states],
            limit=limit,
            offset=offset,
        )
    finally:
        platform.close()
    if as_json:
        from itpo.matching.reading import match_dict

        print_json({"total": page.total, "items": [match_dict(m) for m in page.items]})
        return
    print_table(
        [_row(match) for match in page.items],
        [
            ("id", "match", 6),
            ("pair", "opportunities", 15),
            ("score", "score", 5),
            ("state", "state", 11),
            ("decisions", "verdicts", 8),
            ("updated", "changed", 16),
        ],
        title=f"{page.total} matches",
    )


@matches_group.command("show")
@click.argument("match_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_state
@clean_errors
def show_command(state: CliState, match_id: int, as_json: bool) -> None:
    """One match, its components and every verdict on it."""
    from itpo.matching.tracking import get_match

    platform = state.platform()
    try:
        match = get_match(uow=platform.uow(), by=state.operator, match_id=match_id)
    finally:
        platform.close()
    _print(match, as_json)


def _print(match: Match, as_json: bool) -> None:
    if as_json:
        from itpo.matching.reading import match_dict

        print_json(match_dict(match))
        return
    record: dict[str, Any] = {
        "match": match.id,
        "opportunities": f"{match.first_id} and {match.second_id}",
        "score": f"{match.score:.1f} (weights version {match.weights_version})",
        "state": match.state.value,
        "components": ", ".join(f"{k} {v:.2f}" for k, v in match.components.items()),
    }
    for number, d in enumerate(match.decisions, 1):
        side = f"for the owner of {d.side}" if d.side is not None else "as an officer"
        who = f"{d.decided_by or 'someone'} {side}"
        when = d.decided_at.strftime("%Y-%m-%d %H:%M")
        record[f"verdict {number}"] = f"{d.verdict.value} by {who}, {when}: {d.reason}".rstrip(": ")
    print_record(record)


def _verdict_command(verdict: str, summary: str) -> click.Command:
    @click.command(verdict, help=summary)
    @click.argument("match_id", type=int)
    @click.option("--reason", help="Why (required to decline).", required=verdict == "decline")
    @click.option(
        "--side",
        type=int,
        help="The opportunity on whose behalf its owner decides; omit for an officer.",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
    @pass_state
    @clean_errors
    def command(
        state: CliState, match_id: int, reason: str | None, side: int | None, as_json: bool
    ) -> None:
        from itpo.matching.tracking import give_feedback

        platform = state.platform()
        try:
            match = give_feedback(
                uow=platform.uow(immediate=True),
                by=state.operator,
                match_id=match_id,
                verdict=verdict,
                reason=reason,
                side=side,
                now=platform.clock,
            )
        finally:
            platform.close()
        _print(match, as_json)

    return command


matches_group.add_command(
    _verdict_command(
        "accept",
        "Accept a match: an officer shortlists it; a side's owner shows interest, and when both "
        "sides accept the introduction is made.",
    )
)
matches_group.add_command(
    _verdict_command(
        "decline",
        "Decline a match with a reason; it is not proposed again, and the verdict teaches "
        "`itpo learn`.",
    )
)
