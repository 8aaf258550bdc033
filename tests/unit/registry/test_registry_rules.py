"""The registry's services decide who may do what and audit it, whichever adapter calls them:
checked here on the domain alone, over in-memory repositories."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors import OPERATOR
from tests.fakes import FakeUnitOfWork
from tests.records import opportunity_data, organisation_data

from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Role, Scope
from itpo.accounts.principal import Principal
from itpo.registry import services
from itpo.registry.errors import NotFound, ValidationError
from itpo.registry.importing import ImportBatch, MovesNotAllowed, RawRecord, import_records

OFFICER = Principal(user_id=7, role=Role.OFFICER, office_id=1, label="officer@itpo.example")
PUBLIC = Principal.anonymous()


def member_of(organisation_id: int, scopes: frozenset[Scope] | None = None) -> Principal:
    return Principal(
        user_id=organisation_id + 100,
        role=Role.MEMBER,
        organisation_id=organisation_id,
        label=f"member of {organisation_id}",
        scopes=scopes,
    )


@pytest.fixture
def uow() -> FakeUnitOfWork:
    """Two organisations (1 and 2), each with a published offer; a draft of organisation 2."""
    uow = FakeUnitOfWork()
    services.create_organisation(uow=uow, by=OPERATOR, data=organisation_data())
    services.create_organisation(
        uow=uow,
        by=OPERATOR,
        data=organisation_data(external_id="org-ke", name="Meru Mango Growers", country="KEN"),
    )
    services.create_opportunity(uow=uow, by=OPERATOR, data=opportunity_data())
    services.create_opportunity(
        uow=uow, by=OPERATOR, data=opportunity_data(external_id="ke-1", organisation="org-ke")
    )
    services.create_opportunity(
        uow=uow,
        by=OPERATOR,
        data=opportunity_data(external_id="ke-draft", organisation="org-ke", status="draft"),
    )
    return uow


def actions(uow: FakeUnitOfWork) -> list[str]:
    return [entry.action for entry in uow.committed.audit]


def test_every_change_is_audited_with_who_made_it(uow: FakeUnitOfWork) -> None:
    member = member_of(2)
    services.update_opportunity(uow=uow, by=member, opportunity_id=2, changes={"title": "New"})
    services.delete_opportunity(uow=uow, by=member, opportunity_id=2)
    last = uow.committed.audit[-2:]
    assert [(e.action, e.subject_id, e.actor_label) for e in last] == [
        ("opportunity.update", "2", "member of 2"),
        ("opportunity.delete", "2", "member of 2"),
    ]
    assert last[0].detail == {"fields": ["title"]}


def test_a_refused_change_writes_nothing_not_even_an_audit_entry(uow: FakeUnitOfWork) -> None:
    before = (actions(uow), dict(uow.committed.opportunities))
    with pytest.raises(Forbidden):
        services.update_opportunity(
            uow=uow, by=member_of(2), opportunity_id=1, changes={"title": "Taken over"}
        )
    with pytest.raises(Forbidden):
        services.create_opportunity(uow=uow, by=PUBLIC, data=opportunity_data(external_id=None))
    assert (actions(uow), dict(uow.committed.opportunities)) == before


def test_a_hidden_record_is_missing_to_those_who_may_not_see_it(uow: FakeUnitOfWork) -> None:
    for asker in (PUBLIC, member_of(1)):
        for attempt in (
            lambda a: services.get_opportunity(uow=uow, by=a, opportunity_id=3),
            lambda a: services.update_opportunity(uow=uow, by=a, opportunity_id=3, changes={}),
            lambda a: services.delete_opportunity(uow=uow, by=a, opportunity_id=3),
        ):
            with pytest.raises(NotFound):
                attempt(asker)
    assert services.get_opportunity(uow=uow, by=member_of(2), opportunity_id=3).status == "draft"


def test_only_the_office_chooses_external_ids(uow: FakeUnitOfWork) -> None:
    data = opportunity_data(external_id="demo:need-x", organisation="org-ke", status="draft")
    with pytest.raises(ValidationError) as refused:
        services.create_opportunity(uow=uow, by=member_of(2), data=data)
    assert refused.value.errors[0].field == "external_id"
    with pytest.raises(ValidationError):
        services.update_organisation(
            uow=uow, by=member_of(2), organisation_id=2, changes={"external_id": "demo:org-x"}
        )
    made = services.create_opportunity(uow=uow, by=OFFICER, data=data)
    assert made.external_id == "demo:need-x"


def test_a_token_without_the_write_scope_changes_nothing(uow: FakeUnitOfWork) -> None:
    reader = member_of(2, scopes=frozenset({Scope.READ}))
    with pytest.raises(Forbidden, match="write"):
        services.update_opportunity(uow=uow, by=reader, opportunity_id=2, changes={"title": "x"})


def test_expiry_is_for_the_office_and_audited_with_what_it_expired(uow: FakeUnitOfWork) -> None:
    with pytest.raises(Forbidden):
        services.expire_overdue(uow=uow, by=member_of(1), today=dt.date(2030, 1, 1))
    assert services.expire_overdue(uow=uow, by=OFFICER, today=dt.date(2030, 1, 1)) == 2
    last = uow.committed.audit[-1]
    assert last.action == "opportunity.expire" and last.detail["expired"] == [1, 2]


def test_an_import_refuses_a_member_before_it_reads_a_row(uow: FakeUnitOfWork) -> None:
    batch = ImportBatch(organisations=[RawRecord("organisations", 2, {"name": 3})])
    with pytest.raises(Forbidden):
        import_records(uow=uow, by=member_of(1), batch=batch)


def test_an_import_moves_what_no_import_made_only_when_let(uow: FakeUnitOfWork) -> None:
    row = opportunity_data(external_id="ke-1", organisation="org-sh-1")
    batch = ImportBatch(opportunities=[RawRecord("opportunities", 2, row)])
    dry = import_records(uow=uow, by=OFFICER, batch=batch, dry_run=True)
    [change] = dry.to_allow
    assert (change.record_id, change.before, change.after) == (
        2,
        "Meru Mango Growers",
        "Pudong Solar Agritech",
    )
    with pytest.raises(MovesNotAllowed):
        import_records(uow=uow, by=OFFICER, batch=batch)
    assert uow.committed.opportunities[2].organisation_id == 2
    import_records(uow=uow, by=OFFICER, batch=batch, allow_moves=True)
    assert uow.committed.opportunities[2].organisation_id == 1
    # Moved by an import, it was still entered by hand: moving it again asks again.
    back = {**row, "organisation": "org-ke"}
    again = ImportBatch(opportunities=[RawRecord("opportunities", 2, back)])
    assert len(import_records(uow=uow, by=OFFICER, batch=again, dry_run=True).to_allow) == 1


def test_an_import_moves_what_an_import_made_and_says_so(uow: FakeUnitOfWork) -> None:
    row = opportunity_data(external_id="imported-1", organisation="org-ke")
    import_records(
        uow=uow, by=OFFICER, batch=ImportBatch(opportunities=[RawRecord("opportunities", 2, row)])
    )
    moved = {**row, "organisation": "org-sh-1"}
    report = import_records(
        uow=uow, by=OFFICER, batch=ImportBatch(opportunities=[RawRecord("opportunities", 2, moved)])
    )
    [change] = report.changes
    assert change.made_by_import and report.to_allow == []
