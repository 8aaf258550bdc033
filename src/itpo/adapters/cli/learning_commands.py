"""`itpo learn` and `itpo weights`: scoring weights learned from verdicts, and their versions."""

from __future__ import annotations

import math

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, fail, print_json, print_table


def _figure(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.3f}"


@click.command("learn")
@click.option("--dry-run", is_flag=True, help="Show the new weights without storing them.")
@click.option(
    "--min-decisions",
    type=click.IntRange(2),
    default=None,
    help="Fewest verdicts to learn from (default 20).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_state
@clean_errors
def learn_command(state: CliState, dry_run: bool, min_decisions: int | None, as_json: bool) -> None:
    """Learn scoring weights from the accept / decline verdicts on matches.

    The new weights are stored as the next version and used by every later match."""
    from itpo.matching.learning import LearningRefused
    from itpo.matching.tracking import learn
    from itpo.matching.weights import WEIGHT_SETTINGS

    platform = state.platform()
    try:
        report = learn(
            uow=platform.uow(),
            by=state.operator,
            dry_run=dry_run,
            min_decisions=min_decisions,
            now=platform.clock,
        )
    except LearningRefused as refused:
        fail(f"no new weights: {refused}")
        raise SystemExit(1) from None
    finally:
        platform.close()
    if as_json:
        print_json(
            {
                "stored": report.stored,
                "version": report.after.version,
                "decisions": report.decisions,
                "accepted": report.accepted,
                "agreement_before": report.agreement_before,
                "agreement_after": report.agreement_after,
                "before": dict(report.before.values),
                "after": dict(report.after.values),
            }
        )
        return
    rows = [
        {
            "name": s.name,
            "before": f"{report.before[s.name]:.3f}",
            "after": f"{report.after[s.name]:.3f}",
        }
        for s in WEIGHT_SETTINGS
    ]
    print_table(
        rows,
        [
            ("name", "component", 12),
            ("before", f"v{report.before.version}", 8),
            ("after", f"v{report.after.version}", 8),
        ],
        title=f"Weights learned from {report.decisions} verdicts ({report.accepted} accepted)",
    )
    console.print(
        f"Agreement with the verdicts (share of accepted-declined pairs ranked right): "
        f"{_figure(report.agreement_before)} before, {_figure(report.agreement_after)} after."
    )
    if report.stored:
        console.print(f"Stored as version {report.after.version}; later matches use it.")
    else:
        console.print("Dry run: nothing was stored.")


@click.command("weights")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_state
@clean_errors
def weights_command(state: CliState, as_json: bool) -> None:
    """The scoring weights matching uses now, and every stored version."""
    from itpo.matching.tracking import current_weights, weights_history
    from itpo.matching.weights import WEIGHT_SETTINGS

    platform = state.platform()
    try:
        weights = current_weights(platform.uow())
        history = weights_history(uow=platform.uow(), by=state.operator)
    finally:
        platform.close()
    if as_json:
        print_json(
            {
                "current": weights.to_dict(),
                "history": [
                    {
                        **stored.weights.to_dict(),
                        "decisions": stored.decisions,
                        "note": stored.note,
                        "created_at": stored.created_at.isoformat(),
                    }
                    for stored in history
                ],
            }
        )
        return
    print_table(
        [
            {"name": s.name, "weight": f"{weights[s.name]:.3f}", "help": s.help}
            for s in WEIGHT_SETTINGS
        ],
        [("name", "component", 12), ("weight", "weight", 8), ("help", "meaning", 80)],
        title=f"Scoring weights, version {weights.version}",
    )
    if not history:
        console.print("Version 1: the declared defaults; `itpo learn` adds versions.")
    for stored in history:
        when = stored.created_at.strftime("%Y-%m-%d %H:%M")
        console.print(f"Version {stored.weights.version}, {when}: {stored.note}")
