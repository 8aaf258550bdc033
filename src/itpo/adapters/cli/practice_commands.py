"""`itpo practices ...`: practice cases from the command line — list, show, search in any
language, import and export (CSV, Excel, JSON), the template, and the review steps, through
the same practice services as the pages and the API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_record, print_table

JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
THEMES = (
    "green_industry",
    "energy_efficiency",
    "circular_economy",
    "ai_digital_manufacturing",
    "agro_processing",
    "industrial_parks",
)


@click.group("practices")
def practices_group() -> None:
    """Practice cases: what worked elsewhere, with its figures and sources."""


def _row(case: Any, language: str) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.text_in(language).title,
        "theme": case.theme.value,
        "country": case.country,
        "year": case.year,
        "status": case.status.value,
        "languages": ",".join(case.languages),
    }


@practices_group.command("list")
@click.option("--theme", type=click.Choice(THEMES), default=None)
@click.option("--country", default=None, help="ISO 3166 alpha-3 code.")
@click.option("--sdg", type=click.IntRange(1, 17), default=None)
@click.option("--lang", default="en", show_default=True, help="The titles' language.")
@JSON_OPTION
@pass_state
@clean_errors
def list_command(
    state: CliState,
    theme: str | None,
    country: str | None,
    sdg: int | None,
    lang: str,
    as_json: bool,
) -> None:
    """The cases, newest change first."""
    from itpo.practice import services

    platform = state.platform()
    where = services.CaseFilter(theme=theme, country=country.upper() if country else None, sdg=sdg)
    cases = services.list_cases(uow=platform.uow(), by=state.operator, where=where)
    rows = [_row(c, lang) for c in cases]
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [("id", "id", 6), ("title", "title", 60), ("theme", "theme", 24), ("country", "country", 7),
         ("year", "year", 5), ("status", "status", 10), ("languages", "languages", 9)],
    )  # fmt: skip


@practices_group.command("show")
@click.argument("case_id", type=click.IntRange(1))
@click.option("--lang", default="en", show_default=True)
@JSON_OPTION
@pass_state
@clean_errors
def show_command(state: CliState, case_id: int, lang: str, as_json: bool) -> None:
    """One case, in LANG when it has that translation."""
    from itpo.practice import services
    from itpo.practice.fields import case_document

    platform = state.platform()
    case = services.get_case(uow=platform.uow(), by=state.operator, case_id=case_id)
    if as_json:
        print_json(
            case_document(case)
            | {"id": case.id, "status": case.status.value, "version": case.version}
        )
        return
    told = case.text_in(lang)
    print_record(
        {
            "title": told.title,
            "where": ", ".join(filter(None, [case.city, case.country])),
            "theme": case.theme.value,
            "year": case.year,
            "problem": told.problem,
            "done": told.done,
            "results": told.results,
            "figures": "; ".join(
                f"{f.value:g} {f.unit} {f.label.get(case.told_in(lang), '')}".strip()
                for f in case.figures
            ),
            "sources": "; ".join(f"{s.citation} <{s.url}>" for s in case.sources),
            "status": f"{case.status.value}, version {case.version}",
        }
    )


@practices_group.command("search")
@click.argument("text")
@click.option("--lang", default=None, help="The query's language (guessed when not given).")
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True)
@JSON_OPTION
@pass_state
@clean_errors
def search_command(state: CliState, text: str, lang: str | None, top: int, as_json: bool) -> None:
    """The published cases most relevant to TEXT, in any language."""
    from itpo.practice import search

    platform = state.platform()
    hits = search.search_cases(
        uow=platform.uow(),
        index=platform.case_index(),
        by=state.operator,
        text=text,
        language=lang,
        top=top,
    )
    shown = [h.to_dict(lang or "en") for h in hits]
    if as_json:
        print_json(shown)
        return
    print_table(
        shown,
        [
            ("case_id", "id", 6),
            ("score", "score", 7),
            ("title", "title", 70),
            ("matched_terms", "shared words", 30),
        ],
    )


@practices_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row; change nothing.")
@JSON_OPTION
@pass_state
@clean_errors
def import_command(state: CliState, file: Path, dry_run: bool, as_json: bool) -> None:
    """Import cases from CSV, Excel or JSON: every row is written, or none."""
    from itpo.adapters.practice_imports import import_case_file

    platform = state.platform()
    report = import_case_file(platform, state.operator, file, dry_run=dry_run)
    if as_json:
        print_json(report.to_dict())
        return
    verb = "would be" if dry_run else "were"
    console.print(
        f"{report.created} cases {verb} created, {report.updated} updated, "
        f"{report.unchanged} unchanged.",
        highlight=False,
    )


@practices_group.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_state
@clean_errors
def export_command(state: CliState, file: Path) -> None:
    """Every case to FILE (.csv, .xlsx or .json), in the shape an import reads."""
    from itpo.adapters.files.practice_files import write_case_file
    from itpo.practice import transfer

    platform = state.platform()
    documents = transfer.export_cases(uow=platform.uow(), by=state.operator, now=platform.clock)
    write_case_file(file, documents)
    console.print(f"{len(documents)} cases written to {file}.", highlight=False)


@practices_group.command("template")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def template_command(file: Path) -> None:
    """The Excel template for cases, with help on every column."""
    from itpo.adapters.files.practice_files import write_case_template

    write_case_template(file)
    console.print(f"Template written to {file}.", highlight=False)


def _step(name: str, help_text: str, needs_reason: bool) -> None:
    @practices_group.command(name, help=help_text)
    @click.argument("case_id", type=click.IntRange(1))
    @click.option("--reason", default="", help="Why (sending back and withdrawing need one).")
    @JSON_OPTION
    @pass_state
    @clean_errors
    def command(state: CliState, case_id: int, reason: str, as_json: bool) -> None:
        from itpo.practice import services

        platform = state.platform()
        common: dict[str, Any] = {
            "uow": platform.uow(),
            "by": state.operator,
            "case_id": case_id,
            "now": platform.clock,
        }
        if needs_reason:
            common["reason"] = reason
        steps: dict[str, Callable[..., Any]] = {
            "submit": services.submit_case,
            "publish": services.publish_case,
            "send-back": services.send_back_case,
            "withdraw": services.withdraw_case,
        }
        step = steps[name]
        case = step(**common)
        shown = {"id": case.id, "status": case.status.value, "version": case.version}
        if as_json:
            print_json(shown)
        else:
            console.print(
                f"Case {case.id} is now {shown['status']} (version {case.version}).",
                highlight=False,
            )


_step("submit", "Ask the office to publish a draft case.", False)
_step("publish", "Publish a case, once its figures are checked against its sources.", False)
_step("send-back", "Return a case to its writers as a draft, with --reason.", True)
_step("withdraw", "Take a published case off the site, with --reason.", True)
