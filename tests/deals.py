"""A world for the pipeline's tests: a Chinese offer and a Kenyan need introduced to each
other, two officers of the office, a member on each side and one of an outside organisation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from itpo.accounts.model import Role
from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform
from itpo.matching.decisions import Match
from itpo.matching.tracking import give_feedback
from itpo.pipeline import deals, evidence, verification
from itpo.registry import services
from tests.actors import OPERATOR
from tests.auth import administrator, user
from tests.records import opportunity_data, organisation_data

PDF = b"%PDF-1.4\n%%EOF\n"


@dataclass(frozen=True)
class DealWorld:
    platform: Platform
    offer: int
    need: int
    china: int
    kenya: int
    outsider: int
    match: int
    admin: Principal
    officer: Principal
    second_officer: Principal
    chinese: Principal
    kenyan: Principal
    other_member: Principal


def introduced_world(platform: Platform) -> DealWorld:
    """Records, people and an introduced match between the offer and the need."""
    uow = platform.uow()
    china = services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    kenya = services.create_organisation(
        by=OPERATOR,
        uow=uow,
        data=organisation_data(
            external_id="org-ke", name="Meru Mango Growers", country="KEN", website=None
        ),
    )
    outsider = services.create_organisation(
        by=OPERATOR,
        uow=uow,
        data=organisation_data(external_id="org-vn", name="Mekong Foods", country="VNM"),
    )
    offer = services.create_opportunity(
        by=OPERATOR, uow=uow, data=opportunity_data(details="licence royalty floor 3%")
    )
    need = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="need-ke",
            organisation="org-ke",
            kind="technology_need",
            trl=None,
            min_trl=6,
            countries=["KEN"],
            title="Solar dryer for mango exporters",
            teaser="A Kenyan mango cooperative needs a solar dryer to cut losses.",
        ),
    )
    assert offer.id and need.id and china.id and kenya.id and outsider.id
    match_id = _introduce(platform, offer.id, need.id)
    return DealWorld(
        platform=platform,
        offer=offer.id,
        need=need.id,
        china=china.id,
        kenya=kenya.id,
        outsider=outsider.id,
        match=match_id,
        admin=administrator(platform),
        officer=user(platform, "li.wei@itpo.example", Role.OFFICER),
        second_officer=user(platform, "amina@itpo.example", Role.OFFICER),
        chinese=user(platform, "sales@pudong.example", Role.MEMBER, organisation_id=china.id),
        kenyan=user(platform, "ops@meru.example", Role.MEMBER, organisation_id=kenya.id),
        other_member=user(
            platform, "buyer@mekong.example", Role.MEMBER, organisation_id=outsider.id
        ),
    )


def _introduce(platform: Platform, offer: int, need: int) -> int:
    stamp = platform.clock()
    first, second = sorted((offer, need))
    uow = platform.uow()
    with uow:
        [match_id] = uow.matches.save_many(
            [
                Match(
                    first_id=first,
                    second_id=second,
                    score=71.0,
                    components={"text": 0.7},
                    weights_version=1,
                    created_at=stamp,
                    updated_at=stamp,
                )
            ]
        )
        uow.commit()
    for side in (first, second):
        give_feedback(
            uow=platform.uow(),
            by=OPERATOR,
            match_id=match_id,
            verdict="accept",
            side=side,
            now=platform.clock,
        )
    return match_id


def operational_verified_deal(world: DealWorld) -> int:
    """A deal in euros moved to operational with its figures, its outcome verified by the
    second officer against a signed agreement and a site visit."""
    uow, officer, clock = world.platform.uow(), world.officer, world.platform.clock
    deal = deals.open_deal_from_match(uow=uow, by=officer, match_id=world.match, now=clock)
    assert deal.id is not None
    deals.update_deal(
        uow=uow,
        by=officer,
        deal_id=deal.id,
        changes={"currency": "EUR", "projected.investment_committed": 300000},
        now=clock,
    )
    steps: list[tuple[str, dict[str, Any]]] = [
        ("negotiating", {"agreement_type": "joint_venture", "expected_signing_on": "2026-10-01"}),
        ("agreement_signed", {"signed_on": "2026-09-15", "outcome.investment_committed": 200000}),
        (
            "operational",
            {
                "operational_on": "2026-10-20",
                "outcome.investment_realised": 150000,
                "outcome.jobs_new": 12,
                "outcome.tco2_per_year": 40.5,
                "projected.jobs_new": 20,
            },
        ),
    ]
    for stage, changes in steps:
        deals.move_deal(uow=uow, by=officer, deal_id=deal.id, to=stage, changes=changes, now=clock)
    documents = [
        evidence.add_evidence(
            uow=uow, by=officer, deal_id=deal.id, kind=kind, filename="e.pdf", content=PDF
        ).id
        for kind in ("signed_agreement", "site_visit")
    ]
    verification.submit_outcome(
        uow=uow,
        by=officer,
        deal_id=deal.id,
        checklist=["signed_agreement", "site_visit"],
        evidence_ids=[d for d in documents if d is not None],
        now=clock,
    )
    verification.verify_outcome(uow=uow, by=world.second_officer, deal_id=deal.id, now=clock)
    return deal.id
