"""The model's refusals placed beside the inputs of the appraisal form they are about, in the
page's language where there is a sentence for them.

No routes: a helper of `appraisals.py`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from itpo.adapters.web.i18n import translate
from itpo.adapters.web.pages.appraisal_forms import (
    BLOCKS,
    MAX_ROWS,
    MODEL_FIELD,
    SECTIONS,
    TABLES_BY_NAME,
    FormDocument,
    _,
    dotted_id,
)

TABLE_PATH = re.compile(r"^(?P<table>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<column>[a-z_]+))?")

INPUT_IDS = {name for s in SECTIONS for name in s.ids()}


def _table_input(path: str, rows: Mapping[str, list[int]], keys: Mapping[str, int]) -> str | None:
    found = TABLE_PATH.match(path)
    if found is not None and found["table"] in TABLES_BY_NAME:
        table = TABLES_BY_NAME[found["table"]]
        index = int(found["index"])
        sent = rows.get(table.name, [])
        row = sent[index] if index < len(sent) else index
        column = found["column"]
        if column and column in {c.key for c in table.columns}:
            return f"{table.name}-{row}-{column}"
        return f"{table.name}-{row}-{table.columns[0].key}"
    head, _sep, code = path.partition(".")
    if head in TABLES_BY_NAME and TABLES_BY_NAME[head].keyed and code in keys:
        return f"{head}-{keys[code]}-{TABLES_BY_NAME[head].columns[1].key}"
    return None


def input_of(path: str, rows: Mapping[str, list[int]], keys: Mapping[str, int]) -> str:
    """The input a document path is about, else its fieldset, else the whole model."""
    in_table = _table_input(path, rows, keys)
    if in_table is not None:
        return in_table
    dotted = path
    while dotted:
        if dotted_id(dotted) in INPUT_IDS:
            return dotted_id(dotted)
        dotted = dotted.rpartition(".")[0]
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    for section in SECTIONS:
        if head == section.name or any(i.key.split(".")[0] == head for i in section.inputs):
            return section.name
    return head if head in TABLES_BY_NAME else MODEL_FIELD


def keyed_rows(form: Mapping[str, str]) -> dict[str, int]:
    """The form row of each currency of the exchange-rate table."""
    found: dict[str, int] = {}
    for row in range(MAX_ROWS):
        code = form.get(f"exchange_rates-{row}-currency", "").strip().upper()
        if code:
            found.setdefault(code, row)
    return found


# The model's words, as sentences for the page; a message not listed stays as the model has it.
PATTERNS: Sequence[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^is required$"), _("Required.")),
    (re.compile(r"^must be a non-empty string"), _("Required.")),
    (re.compile(r"^must be a number, got (?P<value>.*)$"), _("Not a number: {value}.")),
    (re.compile(r"^must be a whole number, got (?P<value>.*)$"),
     _("Must be a whole number: {value}.")),
    (re.compile(r"^year (?P<year>-?\d+) is outside the horizon 1\.\.(?P<horizon>\d+)$"),
     _("Year {year} is outside the horizon, years 1 to {horizon}.")),
    (re.compile(r"^must be within (?P<low>[-\d.]+)\.\.(?P<high>[-\d.]+)(?: days)?, got (?P<value>.*)$"),
     _("Must be between {low} and {high}; got {value}.")),
    (re.compile(r"^must be one of (?P<choices>.*); got"), _("Choose one of: {choices}.")),
    (re.compile(r"^must be at least 1 year"), _("At least 1 year.")),
    (re.compile(r"^must be a finite number >= 0"), _("Must not be negative.")),
]  # fmt: skip


def sentence(message: str, language: str) -> str:
    """A refusal of the model in the page's language where it has a sentence for it."""
    for pattern, text in PATTERNS:
        found = pattern.search(message)
        if found:
            return translate(language, text, **found.groupdict())
    return message


def placed(
    errors: Sequence[tuple[str, str]],
    found: FormDocument,
    form: Mapping[str, str],
    language: str,
) -> dict[str, list[str]]:
    """Every refusal of the model, beside the input it is about, in the page's language."""
    problems = {
        name: [translate(language, m) for m in texts] for name, texts in found.problems.items()
    }
    keys = keyed_rows(form)
    for path, message in errors:
        name = input_of(path, found.rows, keys)
        text = sentence(message, language)
        if name in BLOCKS or name == MODEL_FIELD:
            text = f"{path}: {text}"
        listed = problems.setdefault(name, [])
        if text not in listed:
            listed.append(text)
    return problems
