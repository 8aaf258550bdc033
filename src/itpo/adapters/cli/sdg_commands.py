"""`itpo sdg suggest` and `itpo sdg eval`: SDG suggestions for a text or an import file, and
their accuracy on a judged CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from itpo.adapters.cli.context import clean_errors
from itpo.adapters.cli.output import console, print_json, print_table

SDGS_COLUMN = "sdgs"


@click.group("sdg")
def sdg_group() -> None:
    """SDG suggestions: the goals a text serves, with confidence and evidence."""


@sdg_group.command("suggest")
@click.argument("text", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="An import file (CSV, Excel or JSON, as `itpo import` reads them): suggest for "
    "each opportunity from its title, teaser and details.",
)
@click.option("--language", help="Language of TEXT (en, zh...); default: guessed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --file: write the file again (CSV, Excel or JSON) with the sdgs column filled "
    "for rows that have none; SDGs a row already has are kept.",
)
@clean_errors
def suggest_command(
    text: str | None, file: Path | None, language: str | None, as_json: bool, output: Path | None
) -> None:
    """Suggest the SDGs that TEXT, or each opportunity of an import file, serves."""
    if (text is None) == (file is None):
        raise click.UsageError("give a TEXT or --file FILE, not both")
    if output is not None and file is None:
        raise click.UsageError("--output needs --file")
    if file is None:
        assert text is not None
        _print_one(text, language, as_json)
        return
    _suggest_file(file, output, as_json)


def _print_one(text: str, language: str | None, as_json: bool) -> None:
    from itpo.sdg import suggest

    found = [s.as_dict() for s in suggest(text, language)]
    if as_json:
        print_json(found)
        return
    if not found:
        console.print("No SDG suggested for this text.")
        return
    print_table(
        [
            {**s, "words": ", ".join(s["words"]), "confidence": f"{s['confidence']:.2f}"}
            for s in found
        ],
        [
            ("sdg", "SDG", 4),
            ("confidence", "confidence", 10),
            ("words", "words", 40),
            ("target", "target", 8),
            ("sentence", "sentence", 80),
        ],
    )


def _record_text(data: Any) -> str:
    return "\n".join(str(data.get(f) or "") for f in ("title", "teaser", "details")).strip()


def _has_sdgs(data: Any) -> bool:
    value = data.get(SDGS_COLUMN)
    return bool(value) and bool(str(value).strip()) if not isinstance(value, list) else bool(value)


def _suggest_file(file: Path, output: Path | None, as_json: bool) -> None:
    from itpo.adapters.files.formats import read_batch, write_records
    from itpo.adapters.files.problems import FileProblem
    from itpo.sdg import suggest_many

    batch = read_batch(file)
    if not batch.opportunities:
        raise FileProblem(f"{file.name} has no opportunities to suggest SDGs for")
    records = batch.opportunities
    found = suggest_many(
        [_record_text(r.data) for r in records], [r.data.get("language") or None for r in records]
    )
    rows: list[dict[str, Any]] = [
        {
            "row": r.row,
            "title": str(r.data.get("title") or ""),
            "sdgs": r.data.get(SDGS_COLUMN) or None,
            "suggestions": [s.as_dict() for s in suggestions],
        }
        for r, suggestions in zip(records, found, strict=True)
    ]
    filled = 0
    if output is not None:
        opportunities = []
        for r, suggestions in zip(records, found, strict=True):
            data = dict(r.data)
            if not _has_sdgs(data) and suggestions:
                data[SDGS_COLUMN] = [s.sdg for s in suggestions if s.serves]
                filled += 1
            opportunities.append(data)
        write_records(output, [dict(o.data) for o in batch.organisations], opportunities)
    if as_json:
        print_json({"rows": rows, "filled": filled, "output": str(output) if output else None})
        return
    print_table(
        [
            {
                "row": row["row"],
                "title": row["title"],
                "suggested": ", ".join(
                    f"{s['sdg']} ({s['confidence']:.2f})" for s in row["suggestions"]
                ),
            }
            for row in rows
        ],
        [("row", "row", 5), ("title", "title", 60), ("suggested", "suggested SDGs", 40)],
    )
    if output is not None:
        console.print(f"Wrote {output} with SDGs filled in {filled} of {len(rows)} rows.")


@sdg_group.command("eval")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@clean_errors
def eval_command(file: Path, as_json: bool) -> None:
    """Accuracy, precision, recall and F1 of the SDG decisions on FILE.csv, with the columns
    text, sdg (1-17) and label (True/False)."""
    from itpo.sdg import evaluate

    figures: dict[str, Any] = {"file": str(file), **evaluate(_judged_csv(file))}
    if as_json:
        print_json(figures)
        return
    for key in ("rows", "accuracy", "precision", "recall", "f1", "seconds"):
        console.print(f"{key:>10}: {figures[key]}")


def _judged_csv(file: Path) -> list[dict[str, str]]:
    import csv

    from itpo.adapters.files.problems import FileProblem
    from itpo.registry.errors import FieldError, ValidationError

    try:
        with file.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in reader.fieldnames or []]
            missing = [c for c in ("text", "sdg", "label") if c not in header]
            if missing:
                raise ValidationError([FieldError(c, "the column is missing", 1) for c in missing])
            return [{k.strip(): v for k, v in row.items() if k} for row in reader]
    except UnicodeDecodeError as error:
        raise FileProblem(f"{file.name} is not UTF-8 text: {error.reason}") from None
    except csv.Error as error:
        raise FileProblem(f"{file.name} cannot be read as CSV: {error}") from None
