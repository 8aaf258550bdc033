"""Diagnostics in SQL."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.diagnostic_tables import diagnostic, diagnostic_need
from itpo.adapters.storage.tables import inserted_id
from itpo.diagnostic.model import Diagnostic, DiagnosticStatus, NeedLink

c = diagnostic.c
n = diagnostic_need.c


def _values(d: Diagnostic) -> dict[str, Any]:
    return {
        "organisation_id": d.organisation_id,
        "language": d.language,
        "sector": d.sector,
        "taken_on": d.taken_on,
        "status": d.status.value,
        "answers": dict(d.answers),
        "by_user_id": d.by_user_id,
        "by_label": d.by_label,
        "created_at": d.created_at,
        "submitted_at": d.submitted_at,
    }


def _diagnostic(row: sa.Row[Any], needs: Sequence[NeedLink]) -> Diagnostic:
    m = row._mapping
    return Diagnostic(
        organisation_id=m["organisation_id"],
        language=m["language"],
        sector=m["sector"],
        taken_on=m["taken_on"],
        answers={str(k): int(v) for k, v in m["answers"].items()},
        status=DiagnosticStatus(m["status"]),
        by_user_id=m["by_user_id"],
        by_label=m["by_label"],
        created_at=m["created_at"],
        submitted_at=m["submitted_at"],
        needs=tuple(needs),
        id=m["id"],
    )


class SqlDiagnosticRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, d: Diagnostic) -> int:
        return inserted_id(self.connection.execute(diagnostic.insert().values(_values(d))))

    def update(self, d: Diagnostic) -> None:
        changes = {
            k: v for k, v in _values(d).items() if k in ("answers", "status", "submitted_at")
        }
        self.connection.execute(diagnostic.update().where(c.id == d.id).values(changes))

    def get(self, diagnostic_id: int) -> Diagnostic | None:
        row = self.connection.execute(sa.select(diagnostic).where(c.id == diagnostic_id)).first()
        return (
            None if row is None else _diagnostic(row, self._needs([diagnostic_id])[diagnostic_id])
        )

    def list(self, organisation_id: int | None = None) -> Sequence[Diagnostic]:
        query = sa.select(diagnostic).order_by(c.taken_on.desc(), c.id.desc())
        if organisation_id is not None:
            query = query.where(c.organisation_id == organisation_id)
        rows = list(self.connection.execute(query))
        needs = self._needs([r._mapping["id"] for r in rows])
        return [_diagnostic(r, needs[r._mapping["id"]]) for r in rows]

    def add_needs(self, diagnostic_id: int, needs: Sequence[NeedLink]) -> None:
        if needs:
            self.connection.execute(
                diagnostic_need.insert(),
                [
                    {
                        "diagnostic_id": diagnostic_id,
                        "dimension": link.dimension,
                        "opportunity_id": link.opportunity_id,
                        "rank": link.rank,
                    }
                    for link in needs
                ],
            )

    def _needs(self, ids: Sequence[int]) -> dict[int, builtins.list[NeedLink]]:
        found: dict[int, builtins.list[NeedLink]] = {i: [] for i in ids}
        if not ids:
            return found
        query = sa.select(diagnostic_need).order_by(n.diagnostic_id, n.rank)
        if len(ids) <= 500:  # all of them otherwise: one read beats many chunks
            query = query.where(n.diagnostic_id.in_(ids))
        for row in self.connection.execute(query):
            m = row._mapping
            if m["diagnostic_id"] in found:
                found[m["diagnostic_id"]].append(
                    NeedLink(m["dimension"], m["opportunity_id"], m["rank"])
                )
        return found
