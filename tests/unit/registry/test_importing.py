"""Bulk import against in-memory repositories: all rows or none, every bad row named."""

from __future__ import annotations

from typing import Any

import pytest
from tests.actors import OPERATOR
from tests.fakes import FakeUnitOfWork

from itpo.registry.importing import (
    ImportBatch,
    ImportFailed,
    RawRecord,
    derived_external_id,
    import_records,
    legacy_external_id,
)


def organisation_row(row: int, external_id: str = "org-1", **changes: Any) -> RawRecord:
    data = {
        "external_id": external_id,
        "name": "Kisumu Agro Co-operative",
        "kind": "ngo",
        "country": "KEN",
    } | changes
    return RawRecord("organisations", row, data)


def need_row(row: int, external_id: str, **changes: Any) -> RawRecord:
    data = {
        "external_id": external_id,
        "kind": "technology_need",
        "organisation": "org-1",
        "title": f"Solar drying for mango, lot {row}",
        "teaser": "We need a solar dryer.",
        "language": "en",
        "countries": "KEN",
        "status": "published",
    } | changes
    return RawRecord("opportunities", row, data)


def batch(*needs: RawRecord) -> ImportBatch:
    return ImportBatch(organisations=[organisation_row(2)], opportunities=list(needs))


def test_a_good_batch_creates_every_record_in_one_commit() -> None:
    uow = FakeUnitOfWork()
    report = import_records(by=OPERATOR, uow=uow, batch=batch(need_row(2, "n1"), need_row(3, "n2")))
    assert (report.organisations_created, report.opportunities_created) == (1, 2)
    assert uow.commits == 1
    assert len(uow.committed_opportunities) == 2


def test_one_bad_row_refuses_the_whole_batch_and_names_row_and_field() -> None:
    uow = FakeUnitOfWork()
    bad = batch(need_row(2, "n1"), need_row(3, "n2", countries="KEN;ZZZ"), need_row(4, "n3"))
    with pytest.raises(ImportFailed) as caught:
        import_records(by=OPERATOR, uow=uow, batch=bad)
    [error] = caught.value.errors
    assert (error.section, error.row, error.field) == ("opportunities", 3, "countries")
    assert "ZZZ" in error.message
    assert uow.commits == 0 and not uow.committed_opportunities


def test_every_bad_row_is_reported_not_just_the_first() -> None:
    bad = batch(need_row(2, "n1", sdgs="40"), need_row(3, "n2"), need_row(4, "n3", title=""))
    with pytest.raises(ImportFailed) as caught:
        import_records(by=OPERATOR, uow=FakeUnitOfWork(), batch=bad)
    assert [(e.row, e.field) for e in caught.value.errors] == [(2, "sdgs"), (4, "title")]


def test_an_unknown_organisation_reference_is_a_row_error() -> None:
    with pytest.raises(ImportFailed, match="no organisation with external_id 'org-9'"):
        import_records(
            by=OPERATOR, uow=FakeUnitOfWork(), batch=batch(need_row(2, "n1", organisation="org-9"))
        )


def test_a_repeated_external_id_in_one_file_is_refused() -> None:
    with pytest.raises(ImportFailed, match="first at row 2"):
        import_records(
            by=OPERATOR, uow=FakeUnitOfWork(), batch=batch(need_row(2, "n1"), need_row(3, "n1"))
        )


def test_importing_the_same_batch_twice_updates_instead_of_duplicating() -> None:
    uow = FakeUnitOfWork()
    import_records(by=OPERATOR, uow=uow, batch=batch(need_row(2, "n1"), need_row(3, "")))
    again = import_records(by=OPERATOR, uow=uow, batch=batch(need_row(2, "n1"), need_row(3, "")))
    assert (again.opportunities_created, again.opportunities_updated) == (0, 0)
    assert again.opportunities_unchanged == 2
    assert len(uow.committed_opportunities) == 2


def test_a_dry_run_counts_but_writes_nothing_but_its_audit_entry() -> None:
    uow = FakeUnitOfWork()
    report = import_records(by=OPERATOR, uow=uow, batch=batch(need_row(2, "n1")), dry_run=True)
    assert report.dry_run and report.opportunities_created == 1
    assert not uow.committed.opportunities and not uow.committed.organisations
    [entry] = uow.committed.audit
    assert entry.action == "import" and entry.detail["dry_run"] is True


def test_a_derived_external_id_is_stable_and_keyed_by_the_installation() -> None:
    one = derived_external_id("key one", "org-1", "technology_need", "A")
    assert one == derived_external_id("key one", "org-1", "technology_need", "A")
    assert one != derived_external_id("key two", "org-1", "technology_need", "A")
    assert one != derived_external_id("key one", "org-1", "technology_need", "B")
    # Not the plain hash of the fields, which anyone could compute from a guess.
    assert one != legacy_external_id("org-1", "technology_need", "A")
