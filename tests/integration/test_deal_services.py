"""Deals through the services on a real database: from an introduced match to a verified
outcome, with every refusal the rules promise and nothing written by a refused change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.deals import DealWorld, introduced_world

from itpo.accounts import services as accounts
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import AuditQuery
from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform
from itpo.clock import fixed_clock
from itpo.pipeline import confirmations, deals, evidence, interactions, verification
from itpo.pipeline.model import Deal, Stage, Verification
from itpo.pipeline.ports import DealQuery
from itpo.registry.errors import Conflict, NotFound, ValidationError

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SIGNED = {
    "agreement_type": "licence",
    "signed_on": "2026-10-20",
    "outcome.investment_committed": 250000,
    "outcome.technology": "Solar tunnel dryer, 2 t/day",
}


@pytest.fixture
def world(platform: Platform) -> DealWorld:
    return introduced_world(platform)


def open_from_match(world: DealWorld) -> int:
    deal = deals.open_deal_from_match(
        uow=world.platform.uow(), by=world.officer, match_id=world.match, now=world.platform.clock
    )
    assert deal.id is not None
    return deal.id


def move(world: DealWorld, deal_id: int, to: str, **changes: Any) -> Deal:
    by: Principal = changes.pop("by", world.officer)
    return deals.move_deal(
        uow=world.platform.uow(),
        by=by,
        deal_id=deal_id,
        to=to,
        changes=changes,
        now=world.platform.clock,
    )


def signed_deal(world: DealWorld) -> int:
    deal_id = open_from_match(world)
    move(world, deal_id, "negotiating", agreement_type="licence", expected_signing_on="2026-12-20")
    move(world, deal_id, "agreement_signed", **SIGNED)
    return deal_id


def file(world: DealWorld, deal_id: int, kind: str = "signed_agreement") -> int:
    found = evidence.add_evidence(
        uow=world.platform.uow(),
        by=world.officer,
        deal_id=deal_id,
        kind=kind,
        filename="agreement.pdf",
        content=PDF,
        now=world.platform.clock,
    )
    assert found.id is not None
    return found.id


def test_a_deal_opens_from_an_introduced_match_with_both_sides(world: DealWorld) -> None:
    deal_id = open_from_match(world)
    view = deals.get_deal(uow=world.platform.uow(), by=world.kenyan, deal_id=deal_id)
    deal = view.deal
    assert {deal.first_organisation_id, deal.second_organisation_id} == {world.china, world.kenya}
    assert deal.stage is Stage.INTRODUCED and deal.officer_id == world.officer.user_id
    assert deal.office_id == world.officer.office_id
    assert deal.place.countries == ("CHN", "KEN") and deal.place.direction == "outbound"
    assert view.next.stage is Stage.NEGOTIATING
    assert view.next.missing == ("agreement_type", "expected_signing_on")
    assert [(e.from_value, e.to_value) for e in view.events] == [(None, "introduced")]
    with pytest.raises(Conflict, match="already has deal"):
        open_from_match(world)


def test_a_match_not_introduced_opens_no_deal(world: DealWorld) -> None:
    uow = world.platform.uow()
    with uow:
        uow.connection.exec_driver_sql("UPDATE opportunity_match SET state = 'interested'")
        uow.commit()
    with pytest.raises(Conflict, match="interested"):
        open_from_match(world)


def test_a_move_missing_a_field_is_refused_naming_it_and_writes_nothing(
    world: DealWorld,
) -> None:
    deal_id = open_from_match(world)
    move(world, deal_id, "negotiating", agreement_type="licence", expected_signing_on="2027-01-31")
    with pytest.raises(ValidationError) as refused:
        move(world, deal_id, "agreement_signed", signed_on="2026-10-20")
    assert {e.field for e in refused.value.errors} == {
        "outcome.investment_committed",
        "outcome.technology",
    }
    view = deals.get_deal(uow=world.platform.uow(), by=world.officer, deal_id=deal_id)
    assert view.deal.stage is Stage.NEGOTIATING and view.deal.signed_on is None
    assert [e.to_value for e in view.events] == ["introduced", "negotiating"]
    moves = accounts.list_audit(
        uow=world.platform.uow(), by=world.admin, query=AuditQuery(action="deal.move")
    )
    assert moves.total == 1


def test_bad_values_are_refused_naming_each_field(world: DealWorld) -> None:
    deal_id = open_from_match(world)
    with pytest.raises(ValidationError) as refused:
        deals.update_deal(
            uow=world.platform.uow(),
            by=world.officer,
            deal_id=deal_id,
            changes={
                "signed_on": "2099-01-01",
                "outcome.jobs_new": -3,
                "projected.technology_trl": 12,
                "currency": "XYZ",
                "stage": "operational",
                "colour": "red",
            },
            now=world.platform.clock,
        )
    fields = {e.field for e in refused.value.errors}
    assert fields == {"outcome.jobs_new", "projected.technology_trl", "currency", "stage", "colour"}
    with pytest.raises(ValidationError, match="signed_on"):
        deals.update_deal(
            uow=world.platform.uow(),
            by=world.officer,
            deal_id=deal_id,
            changes={"signed_on": "2099-01-01"},
            now=world.platform.clock,
        )


def test_a_held_deal_keeps_its_stage_and_a_drop_needs_a_reason(world: DealWorld) -> None:
    deal_id = open_from_match(world)
    uow = world.platform.uow()
    with pytest.raises(ValidationError, match="reason"):
        deals.set_status(uow=uow, by=world.officer, deal_id=deal_id, status="dropped")
    held = deals.set_status(
        uow=uow, by=world.officer, deal_id=deal_id, status="on_hold", reason="budget cycle"
    )
    assert held.stage is Stage.INTRODUCED and held.status_reason == "budget cycle"
    with pytest.raises(Conflict, match="resume"):
        move(world, deal_id, "negotiating", agreement_type="loan", expected_signing_on="2027-01-01")
    dropped = deals.set_status(
        uow=uow,
        by=world.officer,
        deal_id=deal_id,
        status="dropped",
        reason="the cooperative found a grant",
        now=world.platform.clock,
    )
    assert dropped.dropped_on == world.platform.today() and dropped.stage is Stage.INTRODUCED


def test_members_see_their_own_deals_only_and_move_none(world: DealWorld) -> None:
    deal_id = open_from_match(world)
    uow = world.platform.uow()
    assert deals.list_deals(uow=uow, by=world.kenyan, query=DealQuery()).total == 1
    assert deals.list_deals(uow=uow, by=world.other_member, query=DealQuery()).total == 0
    with pytest.raises(NotFound):
        deals.get_deal(uow=uow, by=world.other_member, deal_id=deal_id)
    with pytest.raises(Forbidden):
        move(world, deal_id, "negotiating", by=world.kenyan, agreement_type="loan")
    interaction = interactions.log_interaction(
        uow=uow,
        by=world.kenyan,
        deal_id=deal_id,
        kind="call",
        occurred_on="2026-10-30",
        subject="Dryer sizing call",
        now=world.platform.clock,
    )
    assert interaction.id is not None
    assert deals.get_deal(uow=uow, by=world.officer, deal_id=deal_id).deal.last_interaction_on == (
        dt.date(2026, 10, 30)
    )
    with pytest.raises(Forbidden):
        interactions.log_interaction(
            uow=uow,
            by=world.kenyan,
            organisation_id=world.china,
            kind="call",
            occurred_on="2026-10-30",
            subject="About Pudong",
        )


def test_the_four_eyes_rule_holds(world: DealWorld) -> None:
    deal_id = signed_deal(world)
    uow = world.platform.uow()
    with pytest.raises(ValidationError, match="signed_agreement"):
        verification.submit_outcome(
            uow=uow, by=world.officer, deal_id=deal_id, checklist=[], evidence_ids=[]
        )
    document = file(world, deal_id)
    verification.submit_outcome(
        uow=uow,
        by=world.officer,
        deal_id=deal_id,
        checklist=["signed_agreement"],
        evidence_ids=[document],
        now=world.platform.clock,
    )
    with pytest.raises(Forbidden, match="four eyes"):
        verification.verify_outcome(uow=uow, by=world.officer, deal_id=deal_id)
    with pytest.raises(Forbidden):
        verification.verify_outcome(uow=uow, by=world.kenyan, deal_id=deal_id)
    view = deals.get_deal(uow=uow, by=world.officer, deal_id=deal_id)
    assert view.deal.verified is None and view.deal.verification is Verification.SUBMITTED
    verified = verification.verify_outcome(
        uow=uow, by=world.second_officer, deal_id=deal_id, now=world.platform.clock
    )
    assert verified.verified is not None
    assert verified.verified.investment_committed == 250000
    assert verified.projected != verified.verified


def test_a_returned_outcome_names_its_reason_and_can_be_sent_again(world: DealWorld) -> None:
    deal_id = signed_deal(world)
    uow = world.platform.uow()
    document = file(world, deal_id)
    submit: dict[str, Any] = {"checklist": ["signed_agreement"], "evidence_ids": [document]}
    verification.submit_outcome(uow=uow, by=world.officer, deal_id=deal_id, **submit)
    with pytest.raises(ValidationError, match="reason"):
        verification.return_outcome(uow=uow, by=world.admin, deal_id=deal_id, reason=" ")
    returned = verification.return_outcome(
        uow=uow, by=world.admin, deal_id=deal_id, reason="the agreement is unsigned"
    )
    assert returned.verification is Verification.RETURNED and returned.verified is None
    again = verification.submit_outcome(uow=uow, by=world.officer, deal_id=deal_id, **submit)
    assert again.state is Verification.SUBMITTED


def test_evidence_is_checked_by_content_and_every_view_audited(world: DealWorld) -> None:
    deal_id = open_from_match(world)
    uow = world.platform.uow()
    with pytest.raises(ValidationError, match="file"):
        evidence.add_evidence(
            uow=uow,
            by=world.officer,
            deal_id=deal_id,
            kind="signed_agreement",
            filename="agreement.pdf",
            content=b"<html><script>alert(1)</script>",
        )
    with pytest.raises(ValidationError, match="kind"):
        evidence.add_evidence(
            uow=uow, by=world.officer, deal_id=deal_id, kind="selfie", filename="a.pdf", content=PDF
        )
    with pytest.raises(ValidationError, match="at most 10 are accepted"):
        evidence.add_evidence(
            uow=uow,
            by=world.officer,
            deal_id=deal_id,
            kind="other",
            filename="a.pdf",
            content=PDF,
            max_bytes=10,
        )
    document = file(world, deal_id)
    found, content = evidence.evidence_content(uow=uow, by=world.kenyan, evidence_id=document)
    assert content == PDF and found.media_type == "application/pdf"
    with pytest.raises(NotFound):
        evidence.evidence_content(uow=uow, by=world.other_member, evidence_id=document)
    views = accounts.list_audit(uow=uow, by=world.admin, query=AuditQuery(action="evidence.view"))
    assert views.total == 1


def test_a_confirmation_link_works_once_and_expires(world: DealWorld) -> None:
    deal_id = signed_deal(world)
    uow = world.platform.uow()
    issued = confirmations.request_confirmation(
        uow=uow,
        by=world.officer,
        deal_id=deal_id,
        organisation_id=world.kenya,
        email="ops@meru.example",
        now=world.platform.clock,
    )
    shown = confirmations.confirmation_request(
        uow=uow, token=issued.token, now=world.platform.clock
    )
    assert shown.organisation_name == "Meru Mango Growers"
    answered = confirmations.confirm_outcome(
        uow=uow,
        token=issued.token,
        confirmed=True,
        additionality="essential",
        now=world.platform.clock,
    )
    assert answered.additionality is not None
    with pytest.raises(confirmations.BadLink):
        confirmations.confirm_outcome(
            uow=uow, token=issued.token, confirmed=True, additionality="none"
        )
    late = confirmations.request_confirmation(
        uow=uow,
        by=world.officer,
        deal_id=deal_id,
        organisation_id=world.china,
        email="sales@pudong.example",
        valid_days=1,
        now=world.platform.clock,
    )
    later = fixed_clock(world.platform.clock() + dt.timedelta(days=2))
    with pytest.raises(confirmations.BadLink):
        confirmations.confirm_outcome(
            uow=uow, token=late.token, confirmed=True, additionality="some", now=later
        )
    with pytest.raises(ValidationError, match="organisation_id"):
        confirmations.request_confirmation(
            uow=uow,
            by=world.officer,
            deal_id=deal_id,
            organisation_id=world.outsider,
            email="buyer@mekong.example",
        )
