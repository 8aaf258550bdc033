"""SQLAlchemy Core repository of appraisals: rows in, StoredAppraisal records out."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.appraisal_tables import appraisal
from itpo.appraisal.services import StoredAppraisal


def _from_row(row: sa.Row[Any]) -> StoredAppraisal:
    m = row._mapping
    return StoredAppraisal(
        id=m["id"],
        opportunity_id=m["opportunity_id"],
        name=m["name"],
        model=dict(m["model"]),
        summary=dict(m["summary"]),
        currency=m["currency"],
        created_at=m["created_at"],
    )


class SqlAppraisalRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, record: StoredAppraisal) -> int:
        values = {
            "opportunity_id": record.opportunity_id,
            "name": record.name,
            "model": record.model,
            "summary": record.summary,
            "currency": record.currency,
            "created_at": record.created_at,
        }
        result = self.connection.execute(sa.insert(appraisal).values(values))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def get(self, appraisal_id: int) -> StoredAppraisal | None:
        query = sa.select(appraisal).where(appraisal.c.id == appraisal_id)
        row = self.connection.execute(query).first()
        return _from_row(row) if row is not None else None

    def list_for_opportunity(self, opportunity_id: int) -> list[StoredAppraisal]:
        query = (
            sa.select(appraisal)
            .where(appraisal.c.opportunity_id == opportunity_id)
            .order_by(appraisal.c.id)
        )
        return [_from_row(row) for row in self.connection.execute(query)]
