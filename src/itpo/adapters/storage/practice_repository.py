"""Practice cases in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from itpo.adapters.storage.practice_tables import practice_case, practice_version
from itpo.adapters.storage.tables import inserted_id
from itpo.practice.fields import case_document, parse_case
from itpo.practice.model import CaseStatus, CaseVersion, PracticeCase, VersionStep

c, v = practice_case.c, practice_version.c
CHUNK = 500


def _values(case: PracticeCase) -> dict[str, Any]:
    content = case_document(case)
    return {
        "external_id": case.external_id,
        "organisation_id": case.organisation_id,
        "status": case.status.value,
        "theme": case.theme.value,
        "country": case.country,
        "year": case.year,
        "original_language": case.original_language,
        "version": case.version,
        "content": content,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "published_at": case.published_at,
    }


def _case(row: sa.Row[Any]) -> PracticeCase:
    m = row._mapping
    # The stored document was checked when it was written; reading it back re-parses it, so
    # a case always comes out in the shape the domain knows.
    fields = parse_case(m["content"])
    return replace(
        fields.case,
        id=m["id"],
        external_id=m["external_id"],
        organisation_id=m["organisation_id"],
        status=CaseStatus(m["status"]),
        version=m["version"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        published_at=m["published_at"],
    )


class SqlPracticeRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def add(self, case: PracticeCase) -> int:
        return inserted_id(self.connection.execute(practice_case.insert().values(_values(case))))

    def get(self, case_id: int) -> PracticeCase | None:
        row = self.connection.execute(sa.select(practice_case).where(c.id == case_id)).first()
        return None if row is None else _case(row)

    def by_external_ids(self, external_ids: Sequence[str]) -> dict[str, PracticeCase]:
        ids, found = list(external_ids), {}
        for start in range(0, len(ids), CHUNK):
            query = sa.select(practice_case).where(c.external_id.in_(ids[start : start + CHUNK]))
            for row in self.connection.execute(query):
                case = _case(row)
                assert case.external_id is not None
                found[case.external_id] = case
        return found

    def save(self, case: PracticeCase) -> None:
        self.connection.execute(practice_case.update().where(c.id == case.id).values(_values(case)))

    def all(self) -> Sequence[PracticeCase]:
        query = sa.select(practice_case).order_by(c.updated_at.desc(), c.id.desc())
        return [_case(row) for row in self.connection.execute(query)]

    def add_version(self, version: CaseVersion) -> None:
        self.connection.execute(
            practice_version.insert().values(
                case_id=version.case_id,
                version=version.version,
                step=version.step.value,
                at=version.at,
                by_user_id=version.by_user_id,
                by_label=version.by_label,
                note=version.note,
                content=dict(version.content),
            )
        )

    def versions(self, case_id: int) -> Sequence[CaseVersion]:
        query = sa.select(practice_version).where(v.case_id == case_id).order_by(v.version)
        return [
            CaseVersion(
                case_id=m["case_id"],
                version=m["version"],
                step=VersionStep(m["step"]),
                at=m["at"],
                by_label=m["by_label"],
                by_user_id=m["by_user_id"],
                note=m["note"],
                content=dict(m["content"]),
            )
            for m in (row._mapping for row in self.connection.execute(query))
        ]

    def state(self) -> tuple[int, int]:
        """(published cases, sum of their versions): moves whenever what the index holds must."""
        query = sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(c.version), 0)).where(
            c.status == CaseStatus.PUBLISHED.value
        )
        count, versions = self.connection.execute(query).one()
        return int(count), int(versions)
