"""/exports/{name}: the registry as CSV, Excel or JSON for officers, restricted detail included,
every record or only the opportunities that pass the filters of the list it was asked from
(and the organisations that own them). Who may export and what is audited is decided by
`registry.exporting`."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from itpo.adapters.files.formats import write_records
from itpo.adapters.http import PlatformDep, UowDep
from itpo.adapters.web.visit import VisitDep
from itpo.registry.errors import NotFound
from itpo.registry.exporting import export_records
from itpo.registry.filters import opportunity_query
from itpo.registry.importing import OPPORTUNITIES, ORGANISATIONS

router = APIRouter()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The files an export is offered as: CSV holds one record type, Excel and JSON both.
FILES: Mapping[str, tuple[str, str | None]] = {
    "opportunities.csv": ("text/csv", OPPORTUNITIES),
    "organisations.csv": ("text/csv", ORGANISATIONS),
    "export.xlsx": (XLSX, None),
    "export.json": ("application/json", None),
}
FILTERS = ("kind", "status", "country", "region", "area", "isic", "sdg")
Many = Annotated[list[str] | None, Query(max_length=20)]
# One value of a filter is a code; the longest, an ISIC label or a region, is far shorter.
Value = Annotated[str | None, Query(max_length=200)]


def export_links(filters: Mapping[str, Sequence[str]] | None, q: str | None) -> dict[str, str]:
    """The address of each export file, carrying a list's filters."""
    pairs = [(name, value) for name in FILTERS for value in (filters or {}).get(name, ())]
    if q and q.strip():
        pairs.append(("q", q.strip()))
    query = f"?{urlencode(pairs)}" if pairs else ""
    return {name: f"/exports/{name}{query}" for name in FILES}


@router.get("/exports/{name}")
def export_file(
    name: str,
    visit: VisitDep,
    platform: PlatformDep,
    uow: UowDep,
    kind: Many = None,
    status: Many = None,
    country: Many = None,
    region: Many = None,
    area: Many = None,
    isic: Many = None,
    sdg: Many = None,
    q: Value = None,
) -> FileResponse:
    """The registry, or the opportunities that pass the filters, as the file named (officers;
    every export is audited with the file and its filters)."""
    visit.require_user()
    if name not in FILES:
        raise NotFound("export file", name)
    media, section = FILES[name]
    given = {
        "kind": kind or [],
        "status": status or [],
        "country": country or [],
        "region": region or [],
        "area": area or [],
        "isic": isic or [],
        "sdg": sdg or [],
    }
    filtered = any(given.values()) or bool(q and q.strip())
    # Bad filters are refused, naming them: an export never holds more than was asked for.
    query = None
    if filtered:
        query = opportunity_query(
            kind=given["kind"],
            status=given["status"],
            country=given["country"],
            region=given["region"],
            area=given["area"],
            isic=given["isic"],
            sdg=given["sdg"],
            q=q,
        )
    source = export_links(given, q)[name].removeprefix("/exports/")
    organisations, opportunities = export_records(
        uow=uow, by=visit.principal, query=query, source=source, now=platform.clock
    )
    target = _temporary(Path(name).suffix)
    write_records(target, organisations, opportunities, section)
    return FileResponse(
        target,
        media_type=media,
        filename=name,
        background=BackgroundTask(target.unlink, missing_ok=True),
    )


def _temporary(suffix: str) -> Path:
    descriptor, name = tempfile.mkstemp(suffix=suffix, prefix="itpo-export-")
    os.close(descriptor)
    return Path(name)
