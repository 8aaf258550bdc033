"""Submitting, publishing, sending back and renewing profiles, and the reviewer's desk, over
in-memory fakes."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.records import opportunity_data
from tests.unit.accounts.fakes import World, world
from tests.unit.review.fakes import FakeReviewUnitOfWork

from itpo.accounts.errors import Forbidden
from itpo.accounts.principal import ANONYMOUS, Principal
from itpo.mail.links import SiteLinks
from itpo.mail.model import MailKind
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, NotFound, ValidationError
from itpo.registry.model import Status
from itpo.review import desk, services
from itpo.review.criteria import Criterion, findings
from itpo.review.model import ReviewStep

LINKS = SiteLinks("https://exchange.example")
ALL = [c.value for c in Criterion]
DETAILS = (
    "Tunnel dryers of 2 t/day built from local steel, with a 3 kW photovoltaic fan and a "
    "backup biomass burner. Commissioned in 14 cooperatives in Kenya and Tanzania since 2021, "
    "they cut post-harvest losses of mango from 40% to 12%. We license the design and train "
    "local fabricators; a pilot unit costs USD 18,000 installed, spare parts are sold locally."
)


def review_world() -> tuple[World, FakeReviewUnitOfWork]:
    w = world(uow=FakeReviewUnitOfWork())
    assert isinstance(w.uow, FakeReviewUnitOfWork)
    return w, w.uow


def draft(w: World, **changes: object) -> int:
    made = registry.create_opportunity(
        uow=w.uow,
        by=Principal.of(w.member),
        data=opportunity_data(external_id=None, status="draft", details=DETAILS, organisation_id=1)
        | changes,
        now=w.clock,
    )
    assert made.id is not None
    return made.id


def officer(w: World) -> Principal:
    return Principal.of(w.admin)


def status_of(uow: FakeReviewUnitOfWork, opportunity_id: int) -> Status:
    return uow.committed.opportunities[opportunity_id].status


def test_a_member_submits_and_an_officer_publishes_with_every_criterion_confirmed() -> None:
    w, uow = review_world()
    oid = draft(w)
    services.submit(uow=uow, by=Principal.of(w.member), opportunity_id=oid, now=w.clock)
    assert status_of(uow, oid) is Status.IN_REVIEW
    done = services.publish(
        uow=uow, by=officer(w), opportunity_id=oid, confirmed=ALL, links=LINKS, now=w.clock
    )
    assert done.status is Status.PUBLISHED and status_of(uow, oid) is Status.PUBLISHED
    steps = [e.step for e in uow.saved.reviews]
    assert steps == [ReviewStep.SUBMITTED, ReviewStep.PUBLISHED]
    assert uow.saved.reviews[-1].criteria == tuple(ALL)
    told = [m for m in uow.saved.mail if m.kind is MailKind.REVIEW_DECISION]
    assert [m.to for m in told] == ["wanjiru@meru.example"]
    assert f"/opportunities/{oid}/matches" in told[0].body
    actions = [e.action for e in uow.committed.audit if e.subject_id == str(oid)]
    assert "opportunity.submitted" in actions and "opportunity.published" in actions


def test_publishing_without_every_criterion_names_the_missing_ones_and_changes_nothing() -> None:
    w, uow = review_world()
    oid = draft(w)
    with pytest.raises(ValidationError) as refused:
        services.publish(
            uow=uow,
            by=officer(w),
            opportunity_id=oid,
            confirmed=["clear", "complete"],
            links=LINKS,
            now=w.clock,
        )
    [problem] = refused.value.errors
    assert problem.field == "confirmed" and "specific, genuine" in problem.message
    assert status_of(uow, oid) is Status.DRAFT and uow.saved.reviews == []
    with pytest.raises(ValidationError, match="not a criterion"):
        services.publish(
            uow=uow,
            by=officer(w),
            opportunity_id=oid,
            confirmed=[*ALL, "pretty"],
            links=LINKS,
            now=w.clock,
        )


def test_a_member_may_not_publish_neither_through_review_nor_by_editing_the_status() -> None:
    w, uow = review_world()
    oid = draft(w)
    member = Principal.of(w.member)
    with pytest.raises(Forbidden):
        services.publish(
            uow=uow, by=member, opportunity_id=oid, confirmed=ALL, links=LINKS, now=w.clock
        )
    with pytest.raises(ValidationError) as refused:
        registry.update_opportunity(
            uow=uow, by=member, opportunity_id=oid, changes={"status": "published"}, now=w.clock
        )
    assert refused.value.errors[0].field == "status"
    with pytest.raises(ValidationError):
        draft(w, status="published", title="Another dryer")
    assert status_of(uow, oid) is Status.DRAFT


def test_sending_back_needs_criteria_and_a_reason_and_tells_the_owner_why() -> None:
    w, uow = review_world()
    oid = draft(w)
    services.submit(uow=uow, by=Principal.of(w.member), opportunity_id=oid, now=w.clock)
    with pytest.raises(ValidationError) as refused:
        services.send_back(
            uow=uow, by=officer(w), opportunity_id=oid, reason="no", wanting=[], links=LINKS
        )
    assert {e.field for e in refused.value.errors} == {"wanting", "reason"}
    assert status_of(uow, oid) is Status.IN_REVIEW
    services.send_back(
        uow=uow,
        by=officer(w),
        opportunity_id=oid,
        reason="Say which fruit the dryer takes and its price range.",
        wanting=["specific"],
        links=LINKS,
        now=w.clock,
    )
    assert status_of(uow, oid) is Status.DRAFT
    letter = uow.saved.mail[-1]
    # The owner works in Chinese (its first language): the letter is in Chinese, the note as
    # the reviewer wrote it.
    assert "which fruit" in letter.body and "具体" in letter.body
    assert f"/opportunities/{oid}/review" in letter.body
    entry = uow.saved.reviews[-1]
    assert entry.step is ReviewStep.SENT_BACK and entry.criteria == ("specific",)
    history = services.history(uow=uow, by=Principal.of(w.member), opportunity_id=oid)
    assert [e.step for e in history] == [ReviewStep.SUBMITTED, ReviewStep.SENT_BACK]


def test_steps_out_of_order_are_conflicts() -> None:
    w, uow = review_world()
    oid = draft(w)
    member = Principal.of(w.member)
    with pytest.raises(Conflict, match="draft is not sent back"):
        services.send_back(
            uow=uow,
            by=officer(w),
            opportunity_id=oid,
            reason="Nothing to review yet.",
            wanting=["clear"],
            links=LINKS,
        )
    services.submit(uow=uow, by=member, opportunity_id=oid, now=w.clock)
    with pytest.raises(Conflict, match="in review is not submitted"):
        services.submit(uow=uow, by=member, opportunity_id=oid, now=w.clock)
    with pytest.raises(Conflict, match="in review is not renewed"):
        services.renew(
            uow=uow, by=member, opportunity_id=oid, valid_until=dt.date(2027, 1, 1), now=w.clock
        )


def test_a_past_validity_date_blocks_submission_and_publication() -> None:
    w, uow = review_world()
    oid = draft(w, valid_until="2026-03-01")  # the fake clock stands at 2026-03-02
    with pytest.raises(ValidationError) as refused:
        services.submit(uow=uow, by=Principal.of(w.member), opportunity_id=oid, now=w.clock)
    assert refused.value.errors[0].field == "valid_until"
    with pytest.raises(ValidationError) as refused:
        services.publish(
            uow=uow, by=officer(w), opportunity_id=oid, confirmed=ALL, links=LINKS, now=w.clock
        )
    assert refused.value.errors[0].field == "valid_until"
    done = services.publish(
        uow=uow,
        by=officer(w),
        opportunity_id=oid,
        confirmed=ALL,
        links=LINKS,
        valid_until=dt.date(2027, 3, 1),
        now=w.clock,
    )
    assert done.valid_until == dt.date(2027, 3, 1)


def test_a_profile_without_a_date_is_published_for_a_year() -> None:
    w, uow = review_world()
    oid = draft(w, valid_until=None)
    done = services.publish(
        uow=uow, by=officer(w), opportunity_id=oid, confirmed=ALL, links=LINKS, now=w.clock
    )
    assert done.valid_until == dt.date(2027, 3, 2)


def test_renewal_keeps_a_live_profile_live_and_sends_an_expired_one_back_to_review() -> None:
    w, uow = review_world()
    member = Principal.of(w.member)
    live = draft(w)
    services.publish(
        uow=uow, by=officer(w), opportunity_id=live, confirmed=ALL, links=LINKS, now=w.clock
    )
    services.renew(
        uow=uow, by=member, opportunity_id=live, valid_until=dt.date(2028, 2, 28), now=w.clock
    )
    assert status_of(uow, live) is Status.PUBLISHED
    assert uow.committed.opportunities[live].valid_until == dt.date(2028, 2, 28)
    with pytest.raises(ValidationError, match="within two years"):
        services.renew(
            uow=uow, by=member, opportunity_id=live, valid_until=dt.date(2030, 1, 1), now=w.clock
        )
    with pytest.raises(ValidationError, match="after today"):
        services.renew(
            uow=uow, by=member, opportunity_id=live, valid_until=dt.date(2026, 3, 2), now=w.clock
        )
    gone = draft(w, title="Cold room for fish", status="draft")
    registry.update_opportunity(
        uow=uow, by=officer(w), opportunity_id=gone, changes={"status": "expired"}, now=w.clock
    )
    services.renew(
        uow=uow, by=member, opportunity_id=gone, valid_until=dt.date(2027, 1, 31), now=w.clock
    )
    assert status_of(uow, gone) is Status.IN_REVIEW


def test_outsiders_see_no_history_and_the_public_cannot_act() -> None:
    w, uow = review_world()
    oid = draft(w)
    with pytest.raises(NotFound):  # a draft is hidden from the public
        services.submit(uow=uow, by=ANONYMOUS, opportunity_id=oid, now=w.clock)
    with pytest.raises(NotFound):
        services.history(uow=uow, by=ANONYMOUS, opportunity_id=oid)
    with pytest.raises(Forbidden):
        desk.review_desk(uow=uow, by=Principal.of(w.member), now=w.clock)


def test_the_desk_lists_what_waits_oldest_first_with_what_a_machine_sees_wanting() -> None:
    w, uow = review_world()
    member = Principal.of(w.member)
    first = draft(w, title="Solar dryer", details="Short.", technology_areas=[])
    w.clock.advance(days=1)
    second = draft(w, title="Biogas digester for abattoirs")
    for oid in (second, first):  # submitted in the other order
        services.submit(uow=uow, by=member, opportunity_id=oid, now=w.clock)
        w.clock.advance(hours=1)
    published = draft(w, title="Heat pump for tea withering", valid_until="2026-03-20")
    services.publish(
        uow=uow, by=officer(w), opportunity_id=published, confirmed=ALL, links=LINKS, now=w.clock
    )
    w.clock.advance(hours=1)
    registry.update_opportunity(
        uow=uow, by=member, opportunity_id=published, changes={"teaser": "x" * 80}, now=w.clock
    )
    today = desk.review_desk(uow=uow, by=officer(w), now=w.clock)
    assert [i.opportunity.id for i in today.in_review] == [second, first]
    wanting = {(f.criterion, f.field) for f in today.in_review[1].findings}
    assert (Criterion.COMPLETE, "details") in wanting
    assert (Criterion.SPECIFIC, "technology_areas") in wanting
    assert [i.opportunity.id for i in today.changed] == [published]
    assert [i.opportunity.id for i in today.expiring] == [published]
    assert today.waiting == 3
    with pytest.raises(ValidationError) as refused:
        desk.review_desk(uow=uow, by=officer(w), notice_days=0, now=w.clock)
    assert refused.value.errors[0].field == "notice_days"


def test_findings_point_at_capitals_repeats_and_duplicates() -> None:
    w, uow = review_world()
    oid = draft(w, title="SOLAR TUNNEL DRYER FOR MANGO", teaser="Solar tunnel dryer for mango")
    twin = draft(w, title="Solar tunnel dryer for mango")
    stored = uow.committed.opportunities
    seen = findings(stored[oid], uow.committed.organisations[1], [stored[oid], stored[twin]])
    named = {(f.criterion, f.field) for f in seen}
    assert (Criterion.CLEAR, "title") in named and (Criterion.CLEAR, "teaser") in named
    assert (Criterion.GENUINE, "title") in named
    clean = findings(stored[twin], uow.committed.organisations[1], [stored[twin]])
    assert clean == []
