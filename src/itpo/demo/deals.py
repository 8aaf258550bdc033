"""The demo's illustrative deals: a few demo offers and needs followed from introduction to
verified outcome through the pipeline's own services, each step on its own day (counted back
from the day the demo is loaded), so the deal pages, the dashboard and the annual report have
something to show. Every one is marked illustrative, and its documents say so too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from itpo.accounts.principal import Principal
from itpo.clock import Clock
from itpo.pipeline import deals, evidence, interactions, verification
from itpo.pipeline.ports import DealQuery, PipelineUnitOfWork
from itpo.registry import services

DEALS_FILE = "deals.json"
DATE_FIELDS = ("expected_signing_on", "signed_on", "operational_on")


class DemoDealError(ValueError):
    """A shipped demo deal names a record the demo does not hold."""


def demo_document(title: str) -> bytes:
    """A one-page PDF that says what it stands for: no real document is behind a demo deal."""
    text = f"Illustrative demo document: {title}".replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    table = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    table += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(body),
    )
    return body + table + trailer


def load_demo_deals(
    *,
    uow_factory: Callable[[], PipelineUnitOfWork],
    by: Principal,
    verifier: Principal,
    officer_id: int | None,
    today: dt.date,
    home: str = "CHN",
) -> int:
    """Open and follow every demo deal, unless the platform has deals already; the number
    opened. `by` does each step, `verifier` (another officer) verifies the outcomes."""
    existing = deals.list_deals(uow=uow_factory(), by=by, query=DealQuery(limit=1))
    if existing.total:
        return 0
    document = json.loads((resources.files("itpo.demo") / "data" / DEALS_FILE).read_text("utf-8"))
    named = {spec[side] for spec in document["deals"] for side in ("offer", "need")}
    uow = uow_factory()
    with uow:
        ids = uow.opportunities.ids_by_external_id(sorted(named))
    opened = 0
    for spec in document["deals"]:
        _follow(spec, uow_factory, by, verifier, ids, officer_id, today, home)
        opened += 1
    return opened


def _follow(
    spec: Mapping[str, Any],
    uow_factory: Callable[[], PipelineUnitOfWork],
    by: Principal,
    verifier: Principal,
    ids: Mapping[str, int],
    officer_id: int | None,
    today: dt.date,
    home: str,
) -> None:
    missing = [spec[side] for side in ("offer", "need") if spec[side] not in ids]
    if missing:
        raise DemoDealError(f"demo deal between {', '.join(missing)}: no such demo record")
    offer, need = ids[spec["offer"]], ids[spec["need"]]
    owners = {
        i: services.get_opportunity(uow=uow_factory(), by=by, opportunity_id=i).organisation_id
        for i in (offer, need)
    }
    deal = deals.open_deal(
        uow=uow_factory(),
        by=by,
        organisation_ids=(owners[offer], owners[need]),
        opportunity_ids=(offer, need),
        officer_id=officer_id,
        home=home,
        illustrative=True,
        now=_on(today, spec["opened"]),
    )
    assert deal.id is not None
    filed: list[int] = []
    for step in spec["steps"]:
        now = _on(today, step["on"])
        uow = uow_factory()
        if "move" in step:
            deals.move_deal(
                uow=uow,
                by=by,
                deal_id=deal.id,
                to=step["move"],
                changes=_changes(step.get("set", {}), today),
                now=now,
            )
        elif "interaction" in step:
            logged = step["interaction"]
            interactions.log_interaction(
                uow=uow,
                by=by,
                kind=logged["kind"],
                occurred_on=now().date(),
                subject=logged["subject"],
                notes=logged.get("notes"),
                with_whom=logged.get("with_whom"),
                deal_id=deal.id,
                now=now,
            )
        elif "evidence" in step:
            kind, described = step["evidence"]["kind"], step["evidence"]["description"]
            kept = evidence.add_evidence(
                uow=uow,
                by=by,
                deal_id=deal.id,
                kind=kind,
                filename=f"{kind}-illustrative.pdf",
                content=demo_document(described),
                description=f"{described} (illustrative)",
                now=now,
            )
            assert kept.id is not None
            filed.append(kept.id)
        elif "submit" in step:
            verification.submit_outcome(
                uow=uow,
                by=by,
                deal_id=deal.id,
                checklist=step["submit"],
                evidence_ids=filed,
                note="Illustrative demo outcome.",
                now=now,
            )
        elif step.get("verify"):
            verification.verify_outcome(uow=uow, by=verifier, deal_id=deal.id, now=now)
        elif "status" in step:
            deals.set_status(
                uow=uow,
                by=by,
                deal_id=deal.id,
                status=step["status"],
                reason=step["reason"],
                now=now,
            )


def _changes(given: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """Dates as days before today (negative: after), the rest as they are."""
    return {
        name: (today - dt.timedelta(days=value)).isoformat() if name in DATE_FIELDS else value
        for name, value in given.items()
    }


def _on(today: dt.date, days_ago: int) -> Clock:
    """A clock stopped at noon UTC of the day so many days before today."""
    moment = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(12), tzinfo=dt.UTC)
    return lambda: moment
