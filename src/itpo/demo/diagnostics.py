"""The demo's readiness diagnostics, taken through the diagnostic's own services after the
registry is loaded: manufacturers in Ethiopia (assessed twice, to show progress), Kenya, Viet
Nam and China, each with the draft technology needs its gaps became. Days count back from
the day the demo is loaded."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources

from itpo.accounts.principal import Principal
from itpo.clock import Clock
from itpo.diagnostic import services
from itpo.diagnostic.ports import DiagnosticUnitOfWork

DIAGNOSTICS_FILE = "diagnostics.json"


class DemoDiagnosticError(ValueError):
    """A shipped demo diagnostic names an organisation the demo does not hold."""


def load_demo_diagnostics(
    *, uow_factory: Callable[[], DiagnosticUnitOfWork], by: Principal, now: Clock
) -> int:
    """Take every demo diagnostic unless the platform has diagnostics already; how many."""
    with (uow := uow_factory()):
        if uow.diagnostics.list():
            return 0
    raw = (resources.files("itpo.demo") / "data" / DIAGNOSTICS_FILE).read_text("utf-8")
    specs = json.loads(raw)["diagnostics"]
    wanted = sorted({s["organisation"] for s in specs})
    with (uow := uow_factory()):
        ids = uow.organisations.ids_by_external_id(wanted)
    missing = [w for w in wanted if w not in ids]
    if missing:
        raise DemoDiagnosticError(f"demo diagnostic names {', '.join(missing)}: no such record")
    day = now().date()
    for spec in specs:
        services.take_diagnostic(
            uow=uow_factory(),
            by=by,
            organisation_id=ids[spec["organisation"]],
            answers=spec["answers"],
            language=spec["language"],
            taken_on=day - dt.timedelta(days=int(spec["days_ago"])),
            now=now,
        )
    return len(specs)
