"""The appraisal form: the model's main inputs declared as data, read into a model document and
filled from one.

No routes: a helper of `appraisals.py`. Inputs are named as the form names them
(`investments-2-amount`), the document's paths as the model names them (`investments[1].amount`,
when the form's second row was left empty); `FormDocument.rows` maps one onto the other."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from itpo.appraisal.model import DEPRECIATION_METHODS

Kind = Literal["text", "currency", "int", "number", "rate", "choice", "yes_no", "check", "years"]
MODEL_FIELD = "model"  # where a problem of the whole document is shown
MAX_ROWS = 40  # rows a table of the form may send; more are not read
EXTRA_ROWS = 2  # empty rows offered below those filled
TABLE_INPUT = re.compile(r"^(?P<table>[a-z_]+)-(?P<row>\d+)-(?P<column>[a-z_]+)$")


def _(message: str) -> str:
    """A message the page translates where it shows it (the catalogue test finds it here)."""
    return message


@dataclass(frozen=True)
class Input:
    key: str  # the document's key: a dotted path in a section, a column's key in a table
    label: str
    kind: Kind = "number"
    choices: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class Section:
    """A fieldset of single inputs; a block none of whose inputs is filled is left out of the
    document (no start-up phase, no green impact)."""

    name: str
    label: str
    inputs: tuple[Input, ...]

    def ids(self) -> dict[str, Input]:
        return {dotted_id(i.key): i for i in self.inputs}


@dataclass(frozen=True)
class Table:
    """Rows of records, one a row; a `keyed` table's first column names its record."""

    name: str
    label: str
    columns: tuple[Input, ...]
    rows: int
    keyed: bool = False


RATE_HINT = _("12% or 0.12")
CURRENCY_HINT = _("Blank: the model currency")
SECTIONS: tuple[Section, ...] = (
    Section("project", _("Project"), (
        Input("name", _("Project name"), "text"),
        Input("currency", _("Currency (ISO 4217)"), "currency"),
        Input("first_calendar_year", _("Calendar year of project year 1"), "int"),
        Input("horizon_years", _("Horizon, years"), "int"),
        Input("discount_rate", _("Discount rate"), "rate", hint=RATE_HINT),
        Input("finance_rate", _("MIRR finance rate"), "rate", hint=_("Blank: the discount rate")),
        Input("reinvest_rate", _("MIRR reinvestment rate"), "rate",
              hint=_("Blank: the discount rate")),
    )),
    Section("phases", _("Phases (project years)"), (
        Input("phases.construction.start_year", _("Construction from"), "int"),
        Input("phases.construction.end_year", _("Construction to"), "int"),
        Input("phases.startup.start_year", _("Start-up from"), "int",
              hint=_("Blank: no start-up phase")),
        Input("phases.startup.end_year", _("Start-up to"), "int"),
        Input("phases.startup.utilisation", _("Capacity used in start-up"), "rate"),
        Input("phases.production.start_year", _("Full production from"), "int"),
        Input("phases.production.end_year", _("Full production to"), "int"),
        Input("phases.production.utilisation", _("Capacity used in full production"), "rate"),
    )),
    Section("working_capital", _("Working capital (days)"), (
        Input("working_capital.receivable_days", _("Receivables, days of sales")),
        Input("working_capital.inventory_days", _("Inventory, days of variable costs")),
        Input("working_capital.payable_days", _("Payables, days of variable costs")),
    )),
    Section("tax", _("Tax"), (
        Input("tax.rate", _("Income tax rate"), "rate", hint=RATE_HINT),
        Input("tax.loss_carry_forward_years", _("Years a loss may be carried forward"), "int",
              hint=_("Blank: no limit")),
    )),
    Section("green", _("Green impact"), (
        Input("green.country", _("Grid country (ISO 3166 alpha-3)"), "currency",
              hint=_("Blank: no green impact")),
        Input("green.kwh_generated_intermittent", _("Solar or wind electricity, kWh a year")),
        Input("green.kwh_generated_firm", _("Firm electricity generated, kWh a year")),
        Input("green.kwh_saved", _("Electricity saved, kWh a year")),
        Input("green.degradation", _("Yearly loss of output"), "rate"),
        Input("green.direct_jobs", _("Direct jobs"), "int"),
        Input("green.women_jobs", _("Of which held by women"), "int"),
        Input("green.agri_food", _("Agri-food project (SDG 2)"), "check"),
        Input("green.water", _("Water project (SDG 6)"), "check"),
    )),
)  # fmt: skip
YES_NO = ("yes", "no")
CHOICE_NAMES = {
    "straight_line": _("straight line"),
    "declining_balance": _("declining balance"),
    "schedule": _("by schedule"),
    "none": _("no depreciation"),
    **{f"macrs_{n}": f"MACRS {n}" for n in (3, 5, 7, 10, 15, 20)},
    "annuity": _("annuity"),
    "linear": _("linear"),
}
TABLES: tuple[Table, ...] = (
    Table("investments", _("Capital costs: fixed assets"), (
        Input("name", _("Item"), "text"),
        Input("amount", _("Cost")),
        Input("currency", _("Currency"), "currency", hint=CURRENCY_HINT),
        Input("year", _("Year bought"), "int"),
        Input("useful_life", _("Useful life, years"), "int"),
        Input("depreciation", _("Depreciation"), "choice", DEPRECIATION_METHODS),
        Input("replace", _("Replaced at end of life"), "yes_no", YES_NO),
        Input("salvage_value", _("Value at the end"), hint=_("Blank: net book value")),
    ), rows=6),
    Table("products", _("Revenues: the sales programme"), (
        Input("name", _("Product"), "text"),
        Input("unit", _("Unit"), "text"),
        Input("capacity", _("Capacity, units a year")),
        Input("price", _("Unit price")),
        Input("variable_cost_per_unit", _("Variable cost a unit")),
        Input("currency", _("Currency"), "currency", hint=CURRENCY_HINT),
        Input("price_escalation", _("Price escalation a year"), "rate"),
        Input("cost_escalation", _("Cost escalation a year"), "rate"),
        Input("utilisation", _("Capacity used by year"), "years", hint=_("e.g. 2: 40%; 3: 80%")),
    ), rows=3),
    Table("fixed_costs", _("Operating costs: fixed, a year"), (
        Input("name", _("Cost item"), "text"),
        Input("amount", _("Amount a year")),
        Input("currency", _("Currency"), "currency", hint=CURRENCY_HINT),
        Input("start_year", _("From year"), "int", hint=_("Blank: first operating year")),
        Input("escalation", _("Escalation a year"), "rate"),
    ), rows=4),
    Table("equity", _("Financing: equity"), (
        Input("amount", _("Amount")),
        Input("currency", _("Currency"), "currency", hint=CURRENCY_HINT),
        Input("year", _("Year paid in"), "int"),
    ), rows=2),
    Table("loans", _("Financing: loans"), (
        Input("name", _("Lender"), "text"),
        Input("amount", _("Principal")),
        Input("currency", _("Currency"), "currency", hint=CURRENCY_HINT),
        Input("drawdown_year", _("Year drawn"), "int"),
        Input("interest_rate", _("Interest rate"), "rate"),
        Input("tenor_years", _("Tenor, years (grace included)"), "int"),
        Input("grace_years", _("Grace years"), "int"),
        Input("repayment", _("Repayment"), "choice", ("annuity", "linear")),
        Input("capitalise_interest", _("Interest in grace added to principal"), "yes_no", YES_NO),
    ), rows=2),
    Table("exchange_rates", _("Exchange rates"), (
        Input("currency", _("Currency"), "currency"),
        Input("rate", _("Model-currency units per unit")),
    ), rows=2, keyed=True),
)  # fmt: skip
TABLES_BY_NAME = {t.name: t for t in TABLES}
BLOCKS = tuple(s.name for s in SECTIONS) + tuple(t.name for t in TABLES)


def dotted_id(key: str) -> str:
    """The form's name of a document key: phases.startup.end_year -> phases-startup-end_year."""
    return key.replace(".", "-")


@dataclass
class FormDocument:
    """The document read from the form, the form row behind each record, and the inputs that
    could not be read at all (as input name -> messages)."""

    data: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[int]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)


# Reading the form -------------------------------------------------------------------------


def number(text: str) -> int | float | str:
    """A typed figure: 1,200 or 12% or 0.12; text that is not one is kept for the model to
    name the input and the value."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    try:
        value = float(cleaned[:-1]) / 100 if cleaned.endswith("%") else float(cleaned)
    except ValueError:
        return text.strip()
    if value != value or value in (float("inf"), float("-inf")):
        return text.strip()
    return int(value) if value.is_integer() and "." not in cleaned and "%" not in cleaned else value


def _years(text: str) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for part in text.replace(",", ";").split(";"):
        if not part.strip():
            continue
        year, sep, fraction = part.partition(":")
        value = number(fraction)
        if not sep or not year.strip().isascii() or not year.strip().isdigit():
            return None
        if isinstance(value, str):
            return None
        out[year.strip()] = value
    return out


def _value(found: FormDocument, item: Input, name: str, text: str) -> Any:
    text = text.strip()
    if item.kind in ("int", "number", "rate"):
        return number(text)
    if item.kind == "currency":
        return text.upper()
    if item.kind == "yes_no":
        return {"yes": True, "no": False}.get(text, text)
    if item.kind == "check":
        return text == "yes"
    if item.kind == "years":
        years = _years(text)
        if years is None:
            found.problems.setdefault(name, []).append(
                _("Write year: share pairs separated by ';', as in 2: 40%; 3: 80%.")
            )
        return years
    return text


def _place(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _section(found: FormDocument, section: Section, form: Mapping[str, str]) -> None:
    for item in section.inputs:
        text = form.get(dotted_id(item.key), "").strip()
        if not text:
            continue
        value = _value(found, item, dotted_id(item.key), text)
        if value is not None and value is not False:
            _place(found.data, item.key, value)


def _table(found: FormDocument, table: Table, form: Mapping[str, str]) -> None:
    records: list[dict[str, Any]] = []
    rows: list[int] = []
    for row in range(MAX_ROWS):
        sent = {c.key: form.get(f"{table.name}-{row}-{c.key}", "").strip() for c in table.columns}
        if not any(sent.values()):
            continue
        record: dict[str, Any] = {}
        for column in table.columns:
            if sent[column.key]:
                name = f"{table.name}-{row}-{column.key}"
                value = _value(found, column, name, sent[column.key])
                if value is not None:
                    record[column.key] = value
        records.append(record)
        rows.append(row)
    if not records:
        return
    found.rows[table.name] = rows
    if not table.keyed:
        found.data[table.name] = records
        return
    key, value = table.columns[0].key, table.columns[1].key
    rates: dict[str, Any] = {}
    for record, row in zip(records, rows, strict=True):
        code = str(record.get(key, ""))
        if not code:
            found.problems.setdefault(f"{table.name}-{row}-{key}", []).append(_("Required."))
            continue
        rates[code] = record.get(value)
    found.data[table.name] = rates


def document_of(form: Mapping[str, str]) -> FormDocument:
    """The model document the form describes."""
    found = FormDocument()
    for section in SECTIONS:
        _section(found, section, form)
    for table in TABLES:
        _table(found, table, form)
    return found


# Filling the form -------------------------------------------------------------------------


def _shown(item: Input, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if item.kind == "rate" and isinstance(value, int | float):
        return f"{value * 100:.6g}%"
    if item.kind == "years" and isinstance(value, Mapping):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lookup(data: Mapping[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def form_values(data: Mapping[str, Any]) -> dict[str, str]:
    """The form's inputs filled from a model document (blocks the form lacks are left out)."""
    values: dict[str, str] = {}
    for section in SECTIONS:
        for item in section.inputs:
            shown = _shown(item, _lookup(data, item.key))
            if shown:
                values[dotted_id(item.key)] = shown
    for table in TABLES:
        raw = data.get(table.name)
        records: list[Mapping[str, Any]]
        if table.keyed and isinstance(raw, Mapping):
            records = [{table.columns[0].key: k, table.columns[1].key: v} for k, v in raw.items()]
        else:
            records = [r for r in raw if isinstance(r, Mapping)] if isinstance(raw, list) else []
        for row, record in enumerate(records[:MAX_ROWS]):
            for column in table.columns:
                shown = _shown(column, record.get(column.key))
                if shown:
                    values[f"{table.name}-{row}-{column.key}"] = shown
    return values


def _kept(value: Any) -> Any:
    """A document's value with what reads as its default (0, no, empty) left out."""
    if isinstance(value, Mapping):
        kept = {k: _kept(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, {}, [])}
    if isinstance(value, list):
        return [_kept(v) for v in value]
    if value is False or (isinstance(value, int | float) and value == 0):
        return None
    return value


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return bool(a == b)


def carries(data: Mapping[str, Any]) -> bool:
    """Whether the form holds all of a model document (none of a risk block, say, is lost)."""
    return _same(_kept(document_of(form_values(data)).data), _kept(data))


def row_counts(values: Mapping[str, str]) -> dict[str, int]:
    """How many rows each table shows: those filled, and a few empty ones below."""
    counts = {t.name: t.rows for t in TABLES}
    for name in values:
        found = TABLE_INPUT.match(name)
        if found and found["table"] in counts and int(found["row"]) < MAX_ROWS:
            filled = int(found["row"]) + 1 + EXTRA_ROWS
            counts[found["table"]] = max(counts[found["table"]], min(filled, MAX_ROWS))
    return counts
