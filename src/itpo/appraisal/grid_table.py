"""Grid-factor tables: the IFI harmonised default, or a user's CSV that replaces it.

A user's table is CSV text with a header row naming at least the columns `country` (ISO
alpha-3), `combined_margin_firm`, `combined_margin_intermittent` and `energy_efficiency`
(gCO2/kWh; a blank cell means no factor is published). Other columns are ignored so that a
table exported with more columns still reads. Rows are numbered as a spreadsheet numbers them.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from itpo.appraisal.errors import AppraisalError
from itpo.appraisal.green import GridFactorLike
from itpo.appraisal.parse import _Reader

IFI_DEFAULT_NAME = "IFI Default Grid Factors 2021 v3.1"
FACTOR_COLUMNS = ("combined_margin_firm", "combined_margin_intermittent", "energy_efficiency")
COLUMNS = ("country", *FACTOR_COLUMNS)
_ALPHA3 = re.compile(r"[A-Z]{3}")
# Above this a factor is surely in the wrong unit (kg or t instead of g per kWh the other way
# round): the dirtiest grids in the IFI table stay under 1,100 gCO2/kWh.
MAX_FACTOR = 2_000.0


@dataclass(frozen=True)
class UserGridFactor:
    """One country's row of a user's table; it has no consumption or operating margin columns."""

    country: str
    combined_margin_firm: float | None
    combined_margin_intermittent: float | None
    energy_efficiency: float | None
    electricity_consumption: float | None = None
    operating_margin: float | None = None


@dataclass(frozen=True)
class GridTable:
    """Grid factors by ISO alpha-3 code, and the name a report shows for the table."""

    name: str
    factors: Mapping[str, GridFactorLike]


class GridTableError(AppraisalError):
    """A user's table has problems; `problems` holds (row, column, message) for each."""

    def __init__(self, name: str, problems: list[tuple[int, str, str]]) -> None:
        self.name = name
        self.problems = problems
        lines = "; ".join(f"row {row}, column {column}: {msg}" for row, column, msg in problems)
        super().__init__(f"{name}: {len(problems)} problem(s): {lines}")


def default_grid_table() -> GridTable:
    """The IFI harmonised table shipped with the reference data."""
    # Imported here: the reference data loader reads package files, which the domain avoids
    # at import time.
    from itpo.registry.reference import grid_emission_factors

    return GridTable(IFI_DEFAULT_NAME, grid_emission_factors())


def _factor(text: str, row: int, column: str, problems: list[tuple[int, str, str]]) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append((row, column, f"{text!r} is not a number (gCO2/kWh, or blank)"))
        return None
    if not math.isfinite(value) or not 0 <= value <= MAX_FACTOR:
        problems.append((row, column, f"{text} is outside 0..{MAX_FACTOR:,.0f} gCO2/kWh"))
        return None
    return value


def _header(header: list[str], name: str) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise GridTableError(name, [(1, c, "is missing from the header row") for c in missing])
    return {c: names.index(c) for c in COLUMNS}


def parse_grid_table(text: str, name: str) -> GridTable:
    """Read a user's CSV table; every bad cell is reported with its row and column."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        raise GridTableError(name, [(1, "country", "the file is empty; a header row is needed")])
    where = _header(rows[0], name)
    problems: list[tuple[int, str, str]] = []
    factors: dict[str, UserGridFactor] = {}
    first_row: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (max(where.values()) + 1 - len(cells))  # short rows read blank
        code = cells[where["country"]].strip().upper()
        values = [_factor(cells[where[c]], number, c, problems) for c in FACTOR_COLUMNS]
        if not _ALPHA3.fullmatch(code):
            problems.append((number, "country", f"{code!r} is not an ISO alpha-3 code"))
        elif code in first_row:
            problems.append((number, "country", f"{code} already given in row {first_row[code]}"))
        else:
            first_row[code] = number
            factors[code] = UserGridFactor(code, *values)
    if not first_row and not problems:
        problems.append((2, "country", "the table has no rows of factors"))
    if problems:
        raise GridTableError(name, problems)
    return GridTable(name, MappingProxyType(factors))


# A table kept in a model document, as `green.grid_factors`:
#   {"source": "kenya-2024.csv", "countries": {"KEN": {"combined_margin_firm": 420, ...}}}


def grid_factors_document(table: GridTable) -> dict[str, Any]:
    """A table as a model document's `green.grid_factors` block."""
    countries = {
        code: {column: getattr(factor, column) for column in FACTOR_COLUMNS}
        for code, factor in table.factors.items()
    }
    return {"source": table.name, "countries": countries}


def _document_factor(r: _Reader, d: Mapping[str, Any], column: str, path: str) -> float | None:
    value = r.opt_num(d, column, path)
    if value is not None and math.isfinite(value) and not 0 <= value <= MAX_FACTOR:
        r.fail(path, f"must be within 0..{MAX_FACTOR:,.0f} gCO2/kWh, got {value}")
    return value


def _document_row(r: _Reader, raw: Any, code: str, path: str) -> UserGridFactor | None:
    d = r.obj(raw, path)
    if d is None:
        return None
    for key in d:
        if key not in FACTOR_COLUMNS:
            r.fail(f"{path}.{key}", f"unknown factor; the factors are {', '.join(FACTOR_COLUMNS)}")
    values = [_document_factor(r, d, c, f"{path}.{c}") for c in FACTOR_COLUMNS]
    return UserGridFactor(code, *values)


def read_grid_factors(r: _Reader, raw: Any, path: str) -> GridTable | None:
    """A model document's grid-factor table, its problems noted on the reader."""
    d = r.obj(raw, path)
    if d is None:
        return None
    name = r.str_(d, "source", f"{path}.source")
    countries = r.obj(d.get("countries"), f"{path}.countries")
    if countries is None:
        return None
    if not countries:
        r.fail(f"{path}.countries", "must give the factors of at least one country")
    factors: dict[str, UserGridFactor] = {}
    for key, raw_row in countries.items():
        where = f"{path}.countries.{key}"
        code = str(key).strip().upper()
        row = _document_row(r, raw_row, code, where)
        if not _ALPHA3.fullmatch(code):
            r.fail(where, f"{key!r} is not an ISO alpha-3 country code")
        elif code in factors:
            r.fail(where, f"{code} is given twice")
        elif row is not None:
            factors[code] = row
    return GridTable(name, MappingProxyType(factors))
