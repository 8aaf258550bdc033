"""`itpo match ID`: an opportunity's best counterparts, scored and explained."""

from __future__ import annotations

import datetime as dt

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_table
from itpo.matching.service import find_matches


@click.command("match")
@click.argument("opportunity_id", type=int)
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True,
              help="How many matches to show.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts, with every reason.")
@pass_state
@clean_errors
def match_command(state: CliState, opportunity_id: int, top: int, as_json: bool) -> None:
    """The best counterparts of a published opportunity, with the top reason for each."""
    platform = state.platform()
    try:
        results = find_matches(
            uow=platform.uow(),
            index=platform.index(),
            opportunity_id=opportunity_id,
            today=dt.datetime.now(dt.UTC).date(),
            top=top,
        )
    finally:
        platform.close()
    if as_json:
        print_json([result.to_dict() for result in results])
        return
    if not results:
        console.print(f"No eligible matches for opportunity {opportunity_id}.")
        return
    rows = [
        {
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
        [("score", "score", 5), ("id", "id", 6), ("kind", "kind", 18), ("title", "title", 50),
         ("country", "country", 16), ("reason", "top reason", 70)],
        title=f"Matches for opportunity {opportunity_id}",
    )  # fmt: skip
