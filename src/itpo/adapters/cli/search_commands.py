"""`itpo search "free text"`: live opportunities ranked by the matching engine's retrieval."""

from __future__ import annotations

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_table
from itpo.registry.model import OpportunityKind


@click.command("search")
@click.argument("text")
@click.option("--lang", help="Language of the text (ISO 639-1, e.g. en, zh, fr); default: guessed.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice([k.value for k in OpportunityKind]),
    help="Only opportunities of this kind (repeatable).",
)
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_state
@clean_errors
def search_command(
    state: CliState, text: str, lang: str | None, kinds: tuple[str, ...], top: int, as_json: bool
) -> None:
    """Published opportunities most relevant to a text, in any language."""
    from itpo.matching.searching import search

    platform = state.platform()
    try:
        hits = search(
            uow=platform.uow(),
            by=state.operator,
            index=platform.index(),
            text=text,
            language=lang,
            kinds=[OpportunityKind(k) for k in kinds],
            top=top,
        )
    finally:
        platform.close()
    if as_json:
        print_json([hit.to_dict() for hit in hits])
        return
    if not hits:
        console.print("Nothing found.")
        return
    rows = [
        {
            "id": h.opportunity_id,
            "kind": h.kind.value,
            "title": h.title,
            "country": ", ".join(h.countries),
            "organisation": h.organisation,
            "terms": ", ".join(h.matched_terms),
        }
        for h in hits
    ]
    print_table(
        rows,
        [
            ("id", "id", 6),
            ("kind", "kind", 18),
            ("title", "title", 56),
            ("country", "country", 14),
            ("organisation", "organisation", 30),
            ("terms", "matched", 30),
        ],
        title=f"Opportunities for “{text}”",
    )
