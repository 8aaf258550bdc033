"""A world for the pipeline's tests: a Chinese offer and a Kenyan need introduced to each
other, two officers of the office, a member on each side and one of an outside organisation."""

from __future__ import annotations

from dataclasses import dataclass

from itpo.accounts.model import Role
from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform
from itpo.matching.decisions import Match
from itpo.matching.tracking import give_feedback
from itpo.registry import services
from tests.actors import OPERATOR
from tests.auth import administrator, user
from tests.records import opportunity_data, organisation_data


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
