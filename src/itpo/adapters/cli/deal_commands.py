"""`itpo deals ...`, `itpo interactions ...` and `itpo results`: the pipeline from an
introduction to a verified outcome, and what the office's deals brought."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_record, print_table

# The values of itpo.pipeline.model's enums, spelled out so that loading the command does not
# load the pipeline; tests/integration/test_deal_cli.py keeps them the same.
STAGES = ("introduced", "negotiating", "agreement_signed", "operational")
STATUSES = ("active", "on_hold", "dropped")
INTERACTION_KINDS = ("meeting", "call", "visit", "email")

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
set_option = click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="FIELD=VALUE",
    help="A field to set, e.g. agreement_type=licence or outcome.investment_committed=250000 "
    "(a value that reads as JSON is taken as such). Repeat for more.",
)
version_option = click.option(
    "--version", "expected_version", type=int, help="Refuse if the deal changed since this version."
)


def parse_assignments(assignments: Sequence[str]) -> dict[str, Any]:
    """FIELD=VALUE pairs as changes: numbers, lists and null read as JSON, the rest as text."""
    changes: dict[str, Any] = {}
    for assignment in assignments:
        name, equals, text = assignment.partition("=")
        if not equals or not name.strip():
            raise click.BadParameter(f"{assignment!r} is not FIELD=VALUE", param_hint="--set")
        try:
            value: Any = json.loads(text)
        except ValueError:
            value = text
        changes[name.strip()] = value
    return changes


@click.group()
def deals() -> None:
    """Deals: from an introduction to a verified outcome."""


@deals.command("list")
@click.option("--stage", multiple=True, type=click.Choice(STAGES), help="Repeat for more.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES))
@click.option("--office", "office_id", type=int, help="Deals credited to this office.")
@click.option("--organisation", "organisation_id", type=int, help="Deals it is a party to.")
@click.option("--q", help="Words of the title.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@json_option
@pass_state
@clean_errors
def list_deals(
    state: CliState,
    stage: tuple[str, ...],
    statuses: tuple[str, ...],
    office_id: int | None,
    organisation_id: int | None,
    q: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Deals, most recently changed first, with what each one's next stage still needs."""
    from itpo.pipeline import deals as pipeline
    from itpo.pipeline.model import DealStatus, Stage
    from itpo.pipeline.ports import DealQuery
    from itpo.pipeline.presenting import deal_summary_dict

    platform = state.platform()
    query = DealQuery(
        stages=[Stage(s) for s in stage],
        statuses=[DealStatus(s) for s in statuses],
        office_id=office_id,
        organisation_id=organisation_id,
        text=q,
        limit=limit,
        offset=offset,
    )
    page = pipeline.list_deals(uow=platform.uow(), by=state.operator, query=query)
    rows = [deal_summary_dict(deal, platform.rates()) for deal in page.items]
    if as_json:
        print_json({"items": rows, "total": page.total})
        return
    for row in rows:
        row["needs"] = ", ".join(m["field"] for m in row["missing"])
    print_table(
        rows,
        [
            ("id", "id", 6),
            ("title", "title", 44),
            ("stage", "stage", 16),
            ("status", "status", 8),
            ("next_stage", "next", 16),
            ("needs", "still needs", 40),
        ],
        title=f"{len(rows)} of {page.total} deals",
    )


@deals.command("show")
@click.argument("deal_id", type=int)
@json_option
@pass_state
@clean_errors
def show_deal(state: CliState, deal_id: int, as_json: bool) -> None:
    """One deal: its fields, what its next stage needs, and its stage log."""
    shown = _view(state, deal_id)
    if as_json:
        print_json(shown)
        return
    _print_deal(shown)


@deals.command("open")
@click.option("--match", "match_id", type=int, help="An introduced match: the rest comes from it.")
@click.option(
    "--organisation",
    "organisation_ids",
    type=int,
    multiple=True,
    help="Without a match: a party (one or two).",
)
@click.option("--opportunity", "opportunity_ids", type=int, multiple=True)
@click.option("--title", help="Default: from the opportunities or the parties.")
@click.option("--officer", "officer_id", type=int, help="The responsible officer's user id.")
@json_option
@pass_state
@clean_errors
def open_deal(
    state: CliState,
    match_id: int | None,
    organisation_ids: tuple[int, ...],
    opportunity_ids: tuple[int, ...],
    title: str | None,
    officer_id: int | None,
    as_json: bool,
) -> None:
    """Open a deal from an introduced match, or for one brokered outside the platform."""
    from itpo.pipeline import deals as pipeline

    platform = state.platform()
    home = platform.settings.home_country
    if match_id is not None:
        if organisation_ids or opportunity_ids:
            raise click.UsageError("a deal from --match takes its parties from the match")
        deal = pipeline.open_deal_from_match(
            uow=platform.uow(),
            by=state.operator,
            match_id=match_id,
            home=home,
            officer_id=officer_id,
            now=platform.clock,
        )
    else:
        if not 1 <= len(organisation_ids) <= 2:
            raise click.UsageError("give --match, or one or two --organisation")
        if len(opportunity_ids) > 2:
            raise click.UsageError("at most two --opportunity")
        deal = pipeline.open_deal(
            uow=platform.uow(),
            by=state.operator,
            organisation_ids=(organisation_ids[0], _second(organisation_ids)),
            opportunity_ids=(_first(opportunity_ids), _second(opportunity_ids)),
            title=title,
            officer_id=officer_id,
            home=home,
            now=platform.clock,
        )
    assert deal.id is not None
    _answer(state, deal.id, as_json, f"Opened deal {deal.id}")


@deals.command("update")
@click.argument("deal_id", type=int)
@set_option
@version_option
@json_option
@pass_state
@clean_errors
def update_deal(
    state: CliState,
    deal_id: int,
    assignments: tuple[str, ...],
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Change a deal's fields without moving it."""
    from itpo.pipeline import deals as pipeline

    changes = parse_assignments(assignments)
    if not changes:
        raise click.UsageError("nothing to change: give --set FIELD=VALUE")
    platform = state.platform()
    pipeline.update_deal(
        uow=platform.uow(),
        by=state.operator,
        deal_id=deal_id,
        changes=changes,
        expected_version=expected_version,
        now=platform.clock,
    )
    _answer(state, deal_id, as_json, f"Updated deal {deal_id}")


@deals.command("move")
@click.argument("deal_id", type=int)
@click.argument("stage", type=click.Choice(STAGES))
@set_option
@click.option("--reason", help="Required to move back a stage.")
@version_option
@json_option
@pass_state
@clean_errors
def move_deal(
    state: CliState,
    deal_id: int,
    stage: str,
    assignments: tuple[str, ...],
    reason: str | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Move a deal to a stage, setting what that stage needs in the same step."""
    from itpo.pipeline import deals as pipeline

    platform = state.platform()
    pipeline.move_deal(
        uow=platform.uow(),
        by=state.operator,
        deal_id=deal_id,
        to=stage,
        changes=parse_assignments(assignments),
        reason=reason,
        expected_version=expected_version,
        now=platform.clock,
    )
    _answer(state, deal_id, as_json, f"Deal {deal_id} is now {stage}")


@deals.command("status")
@click.argument("deal_id", type=int)
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--reason", help="Required to hold or drop.")
@click.option("--on", type=click.DateTime(["%Y-%m-%d"]), help="When it was dropped (today).")
@version_option
@json_option
@pass_state
@clean_errors
def set_status(
    state: CliState,
    deal_id: int,
    status: str,
    reason: str | None,
    on: dt.datetime | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Hold, drop or resume a deal; its stage is kept."""
    from itpo.pipeline import deals as pipeline

    platform = state.platform()
    pipeline.set_status(
        uow=platform.uow(),
        by=state.operator,
        deal_id=deal_id,
        status=status,
        reason=reason,
        on=on.date() if on else None,
        expected_version=expected_version,
        now=platform.clock,
    )
    _answer(state, deal_id, as_json, f"Deal {deal_id} is now {status}")


@deals.command("evidence")
@click.argument("deal_id", type=int)
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", required=True, help="signed_agreement, registration, press_release, ...")
@click.option("--description", help="What the document shows.")
@pass_state
@clean_errors
def add_evidence(
    state: CliState, deal_id: int, document: Path, kind: str, description: str | None
) -> None:
    """File a document (PDF, image or Office file) as evidence on a deal."""
    from itpo.pipeline import evidence

    platform = state.platform()
    kept = evidence.add_evidence(
        uow=platform.uow(),
        by=state.operator,
        deal_id=deal_id,
        kind=kind,
        filename=document.name,
        content=document.read_bytes(),
        description=description,
        now=platform.clock,
    )
    console.print(f"Filed evidence {kept.id} ({kept.kind.value}, sha256 {kept.sha256[:12]}…)")


@deals.command("submit")
@click.argument("deal_id", type=int)
@click.option("--check", "checklist", multiple=True, required=True, help="A checklist item.")
@click.option("--evidence", "evidence_ids", type=int, multiple=True, help="A document's id.")
@click.option("--note", help="For the officer who verifies.")
@pass_state
@clean_errors
def submit_outcome(
    state: CliState,
    deal_id: int,
    checklist: tuple[str, ...],
    evidence_ids: tuple[int, ...],
    note: str | None,
) -> None:
    """Submit a deal's outcome for verification by a second officer."""
    from itpo.pipeline import verification

    platform = state.platform()
    verification.submit_outcome(
        uow=platform.uow(),
        by=state.operator,
        deal_id=deal_id,
        checklist=checklist,
        evidence_ids=evidence_ids,
        note=note,
        now=platform.clock,
    )
    console.print(f"Submitted deal {deal_id}'s outcome for verification")


@deals.command("verify")
@click.argument("deal_id", type=int)
@click.option("--return", "reason", help="Send it back with this reason instead of verifying.")
@pass_state
@clean_errors
def verify_outcome(state: CliState, deal_id: int, reason: str | None) -> None:
    """Verify a submitted outcome (not by whoever submitted it), or send it back."""
    from itpo.pipeline import verification

    platform = state.platform()
    if reason is not None:
        verification.return_outcome(
            uow=platform.uow(),
            by=state.operator,
            deal_id=deal_id,
            reason=reason,
            now=platform.clock,
        )
        console.print(f"Sent deal {deal_id}'s outcome back")
        return
    verification.verify_outcome(
        uow=platform.uow(), by=state.operator, deal_id=deal_id, now=platform.clock
    )
    console.print(f"Verified deal {deal_id}'s outcome")


@click.group()
def interactions() -> None:
    """Meetings, calls, visits and e-mails with the parties."""


@interactions.command("log")
@click.option("--deal", "deal_id", type=int, help="On a deal (or give --organisation).")
@click.option("--organisation", "organisation_id", type=int)
@click.option("--kind", type=click.Choice(INTERACTION_KINDS), required=True)
@click.option("--on", "occurred_on", type=click.DateTime(["%Y-%m-%d"]), help="Default: today.")
@click.option("--subject", required=True)
@click.option("--with", "with_whom", help="Who took part.")
@click.option("--notes")
@pass_state
@clean_errors
def log_interaction(
    state: CliState,
    deal_id: int | None,
    organisation_id: int | None,
    kind: str,
    occurred_on: dt.datetime | None,
    subject: str,
    with_whom: str | None,
    notes: str | None,
) -> None:
    """Log an interaction on a deal or an organisation."""
    from itpo.pipeline import interactions as pipeline

    platform = state.platform()
    logged = pipeline.log_interaction(
        uow=platform.uow(),
        by=state.operator,
        kind=kind,
        occurred_on=(occurred_on.date() if occurred_on else platform.today()),
        subject=subject,
        notes=notes,
        with_whom=with_whom,
        deal_id=deal_id,
        organisation_id=organisation_id,
        now=platform.clock,
    )
    console.print(f"Logged interaction {logged.id}")


@interactions.command("list")
@click.option("--deal", "deal_id", type=int)
@click.option("--organisation", "organisation_id", type=int)
@click.option("--limit", type=int, default=50, show_default=True)
@json_option
@pass_state
@clean_errors
def list_interactions(
    state: CliState, deal_id: int | None, organisation_id: int | None, limit: int, as_json: bool
) -> None:
    """Interactions, the latest first."""
    from itpo.pipeline import interactions as pipeline
    from itpo.pipeline.presenting import interaction_dict

    platform = state.platform()
    page = pipeline.list_interactions(
        uow=platform.uow(),
        by=state.operator,
        deal_id=deal_id,
        organisation_id=organisation_id,
        limit=limit,
    )
    rows = [interaction_dict(i) for i in page.items]
    if as_json:
        print_json({"items": rows, "total": page.total})
        return
    print_table(
        rows,
        [
            ("id", "id", 6),
            ("occurred_on", "on", 10),
            ("kind", "kind", 8),
            ("deal_id", "deal", 6),
            ("organisation_id", "org", 6),
            ("subject", "subject", 48),
            ("logged_by", "by", 24),
        ],
        title=f"{len(rows)} of {page.total} interactions",
    )


@click.command("results")
@click.option("--office", "office_id", type=int, help="One office (default: every office).")
@click.option("--year", type=int, help="A calendar year (default: this year).")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="Or a period from this day…")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="…to this day (default: today).")
@json_option
@pass_state
@clean_errors
def results_command(
    state: CliState,
    office_id: int | None,
    year: int | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
    as_json: bool,
) -> None:
    """What the office's deals brought over a period, projected and verified apart."""
    from itpo.pipeline import results
    from itpo.pipeline.results_model import Period

    platform = state.platform()
    period = Period.chosen(
        today=platform.today(),
        year=year,
        start=start.date() if start else None,
        end=end.date() if end else None,
    )
    found = results.office_results(
        uow=platform.uow(),
        by=state.operator,
        period=period,
        rates=platform.rates(),
        office_id=office_id,
        now=platform.clock,
    )
    plain = found.as_dict()
    if as_json:
        print_json(plain)
        return
    console.print(f"[bold]Results {period.label}[/] ({found.deals} deals)")
    print_table(
        [
            {
                "figure": name,
                "projected": _amount(m["projected"]),
                "verified": _amount(m["verified"]),
            }
            for name, m in plain["measures"].items()
        ],
        [("figure", "figure", 24), ("projected", "projected", 16), ("verified", "verified", 16)],
    )
    print_table(
        [{"step": step, "count": count} for step, count in plain["funnel"].items()],
        [("step", "funnel", 16), ("count", "count", 8)],
    )
    print_record(
        {
            "deals by stage": _pairs(plain["deals_by_stage"]),
            "deals by status": _pairs(plain["deals_by_status"]),
            "agreements by type": _pairs(plain["agreements_by_type"]) or "none",
            "matches": _pairs(plain["matches"]),
            "median days": _pairs(plain["median_days"]),
        }
    )


def _view(state: CliState, deal_id: int) -> dict[str, Any]:
    from itpo.pipeline import deals as pipeline
    from itpo.pipeline.presenting import deal_view_dict

    platform = state.platform()
    view = pipeline.get_deal(
        uow=platform.uow(), by=state.operator, deal_id=deal_id, now=platform.clock
    )
    return deal_view_dict(view, platform.rates())


def _answer(state: CliState, deal_id: int, as_json: bool, message: str) -> None:
    shown = _view(state, deal_id)
    if as_json:
        print_json(shown)
        return
    console.print(message)
    _print_deal(shown)


def _print_deal(shown: dict[str, Any]) -> None:
    needs = ", ".join(f"{m['label']} ({m['field']})" for m in shown["missing"])
    print_record(
        {
            "id": shown["id"],
            "title": shown["title"],
            "stage": shown["stage"],
            "status": shown["status"]
            + (f": {shown['status_reason']}" if shown["status_reason"] else ""),
            "parties": shown["organisation_ids"],
            "agreement": shown["agreement_type"],
            "signed on": shown["signed_on"],
            "verification": shown["verification"],
            "next stage": shown["next_stage"] or "",
            "still needs": needs,
            "version": shown["version"],
        }
    )
    print_table(
        shown["events"],
        [
            ("at", "when", 20),
            ("kind", "what", 8),
            ("from", "from", 16),
            ("to", "to", 16),
            ("by", "by", 28),
        ],
    )


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def _pairs(values: dict[str, Any]) -> str:
    return ", ".join(f"{key} {value}" for key, value in values.items() if value not in (None, 0))


def _first(values: tuple[int, ...]) -> int | None:
    return values[0] if values else None


def _second(values: tuple[int, ...]) -> int | None:
    return values[1] if len(values) > 1 else None


@click.command("report")
@click.option("--office", "office_id", type=int, help="One office (default: every office).")
@click.option("--year", type=int, help="A calendar year (default: this year).")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="Or a period from this day…")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="…to this day (default: today).")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.pdf, FILE.xlsx or FILE.html.",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@pass_state
@clean_errors
def report_command(
    state: CliState,
    office_id: int | None,
    year: int | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
    output: Path,
    lang: str,
) -> None:
    """The office's annual report: highlights, charts, tables and the methods note."""
    from itpo.adapters.reports.results_report import office_report, write_office_report
    from itpo.pipeline.results_model import Period

    platform = state.platform()
    period = Period.chosen(
        today=platform.today(),
        year=year,
        start=start.date() if start else None,
        end=end.date() if end else None,
    )
    report, plain = office_report(
        uow=platform.uow(),
        by=state.operator,
        period=period,
        rates=platform.rates(),
        office_id=office_id,
        language=lang,
        now=platform.clock,
    )
    write_office_report(report, plain, output)
    console.print(f"Wrote {output} ({report.title})")
