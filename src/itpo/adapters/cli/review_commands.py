"""`itpo opportunities submit|publish|send-back|renew ID` and `itpo review desk`: the review of
profiles from the command line, through the same review services as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_table
from itpo.adapters.cli.registry_commands import opportunities

CRITERIA = ("clear", "complete", "specific", "genuine")
Criteria = click.Choice(CRITERIA)


def _said(opportunity: Any, as_json: bool) -> None:
    shown = {
        "id": opportunity.id,
        "status": opportunity.status.value,
        "valid_until": opportunity.valid_until.isoformat() if opportunity.valid_until else None,
    }
    if as_json:
        print_json(shown)
        return
    until = f", valid until {shown['valid_until']}" if shown["valid_until"] else ""
    console.print(f"Opportunity {shown['id']} is now {shown['status']}{until}.", highlight=False)


@opportunities.command("submit")
@click.argument("opportunity_id", type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def submit_command(state: CliState, opportunity_id: int, as_json: bool) -> None:
    """Submit a draft or an expired profile for review."""
    from itpo.review import services

    platform = state.platform()
    done = services.submit(
        uow=platform.uow(), by=state.operator, opportunity_id=opportunity_id, now=platform.clock
    )
    _said(done, as_json)


@opportunities.command("publish")
@click.argument("opportunity_id", type=click.IntRange(1))
@click.option(
    "--confirm",
    "confirmed",
    type=Criteria,
    multiple=True,
    help="A criterion the profile meets (repeat for each: every one is needed).",
)
@click.option("--all-criteria", is_flag=True, help="Confirm all four criteria at once.")
@click.option("--valid-until", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def publish_command(
    state: CliState,
    opportunity_id: int,
    confirmed: tuple[str, ...],
    all_criteria: bool,
    valid_until: dt.datetime | None,
    as_json: bool,
) -> None:
    """Publish a profile that meets every criterion (clear, complete, specific, genuine); its
    owner's people are told by mail."""
    from itpo.review import services

    platform = state.platform()
    done = services.publish(
        uow=platform.uow(),
        by=state.operator,
        opportunity_id=opportunity_id,
        confirmed=CRITERIA if all_criteria else confirmed,
        valid_until=valid_until.date() if valid_until else None,
        links=platform.links(),
        now=platform.clock,
    )
    _said(done, as_json)


@opportunities.command("send-back")
@click.argument("opportunity_id", type=click.IntRange(1))
@click.option(
    "--wanting", type=Criteria, multiple=True, help="A criterion the profile misses (repeat)."
)
@click.option("--reason", default="", help="What the owner should change.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def send_back_command(
    state: CliState, opportunity_id: int, wanting: tuple[str, ...], reason: str, as_json: bool
) -> None:
    """Return a profile to its owner as a draft, with the criteria it misses and why."""
    from itpo.review import services

    platform = state.platform()
    done = services.send_back(
        uow=platform.uow(),
        by=state.operator,
        opportunity_id=opportunity_id,
        reason=reason,
        wanting=wanting,
        links=platform.links(),
        now=platform.clock,
    )
    _said(done, as_json)


@opportunities.command("renew")
@click.argument("opportunity_id", type=click.IntRange(1))
@click.option("--valid-until", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def renew_command(
    state: CliState, opportunity_id: int, valid_until: dt.datetime, as_json: bool
) -> None:
    """Move a published or expired profile's validity date on."""
    from itpo.review import services

    platform = state.platform()
    done = services.renew(
        uow=platform.uow(),
        by=state.operator,
        opportunity_id=opportunity_id,
        valid_until=valid_until.date(),
        now=platform.clock,
    )
    _said(done, as_json)


@click.group("review")
def review_group() -> None:
    """The review of opportunity profiles."""


@review_group.command("desk")
@click.option("--notice-days", type=click.IntRange(1, 365), default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
@clean_errors
def desk_command(state: CliState, notice_days: int, as_json: bool) -> None:
    """What waits for review: submitted profiles (the longest waiting first), published ones
    changed since review, those about to expire and those expired lately."""
    from itpo.review.desk import review_desk

    platform = state.platform()
    found = review_desk(
        uow=platform.uow(), by=state.operator, notice_days=notice_days, now=platform.clock
    )
    groups = {
        "in_review": found.in_review,
        "changed": found.changed,
        "expiring": found.expiring,
        "expired": found.expired,
    }
    rows: dict[str, list[dict[str, Any]]] = {
        name: [
            {
                "id": i.opportunity.id,
                "title": i.opportunity.title,
                "organisation": i.organisation.name if i.organisation else "",
                "since": i.since.isoformat(),
                "findings": [str(f) for f in i.findings],
            }
            for i in items
        ]
        for name, items in groups.items()
    }
    if as_json:
        print_json(rows)
        return
    titles = {
        "in_review": "Submitted for review",
        "changed": "Changed since published",
        "expiring": f"Expiring within {notice_days} days",
        "expired": "Expired lately",
    }
    for name, shown in rows.items():
        table = [{**r, "findings": len(r["findings"])} for r in shown]
        print_table(
            table,
            [
                ("id", "Id", 6),
                ("title", "Title", 40),
                ("organisation", "Organisation", 28),
                ("since", "Since", 10),
                ("findings", "Findings", 8),
            ],
            title=f"{titles[name]} ({len(shown)})",
        )
