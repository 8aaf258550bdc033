"""The review history in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.review_tables import review_entry
from itpo.adapters.storage.tables import inserted_id
from itpo.review.model import ReviewEntry, ReviewStep

c = review_entry.c
# Bound parameters per statement stay well under SQLite's limit.
CHUNK = 500


def _entry(row: sa.Row[Any]) -> ReviewEntry:
    m = row._mapping
    return ReviewEntry(
        opportunity_id=m["opportunity_id"],
        step=ReviewStep(m["step"]),
        at=m["at"],
        by_user_id=m["by_user_id"],
        by_label=m["by_label"],
        reason=m["reason"],
        criteria=tuple(m["criteria"]),
        valid_until=m["valid_until"],
        id=m["id"],
    )


class SqlReviewRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, entry: ReviewEntry) -> int:
        values = {
            "opportunity_id": entry.opportunity_id,
            "step": entry.step.value,
            "at": entry.at,
            "by_user_id": entry.by_user_id,
            "by_label": entry.by_label,
            "reason": entry.reason,
            "criteria": list(entry.criteria),
            "valid_until": entry.valid_until,
        }
        return inserted_id(self.connection.execute(review_entry.insert().values(values)))

    def history(self, opportunity_id: int) -> Sequence[ReviewEntry]:
        query = (
            sa.select(review_entry).where(c.opportunity_id == opportunity_id).order_by(c.at, c.id)
        )
        return [_entry(row) for row in self.connection.execute(query)]

    def latest(
        self, opportunity_ids: Iterable[int], steps: Iterable[ReviewStep]
    ) -> dict[int, ReviewEntry]:
        ids, kinds = list(opportunity_ids), [s.value for s in steps]
        found: dict[int, ReviewEntry] = {}
        for start in range(0, len(ids), CHUNK):
            query = (
                sa.select(review_entry)
                .where(c.opportunity_id.in_(ids[start : start + CHUNK]), c.step.in_(kinds))
                .order_by(c.at, c.id)
            )
            for row in self.connection.execute(query):
                entry = _entry(row)
                found[entry.opportunity_id] = entry  # later rows replace earlier ones
        return found
