"""Answers for diagnostics in tests: every dimension at one band, with changes."""

from __future__ import annotations

from typing import Any

from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform
from itpo.diagnostic import services
from itpo.diagnostic.questionnaire import questionnaire


def answers(band: int = 1, **changes: Any) -> dict[str, Any]:
    return dict.fromkeys(questionnaire().ids(), band) | changes


def draft_diagnostic(platform: Platform, by: Principal, organisation_id: int) -> int:
    """A draft diagnostic with a few answers: it adds no opportunity to the world."""
    made = services.take_diagnostic(
        uow=platform.uow(),
        by=by,
        organisation_id=organisation_id,
        answers={"operations": 2, "supply_chain": 1},
        submit=False,
        now=platform.clock,
    )
    assert made.id is not None
    return made.id


def manufacturer(platform: Platform, key: str, *, isic: str, country: str) -> tuple[int, str]:
    """A firm of its own in a shared world, with a member who signs in with `email`."""
    from itpo.accounts.model import Role
    from itpo.registry import services as registry
    from tests.actors import OPERATOR
    from tests.auth import user
    from tests.records import organisation_data

    made = registry.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(
            external_id=f"org-diagnostic-{key}",
            name=f"{key.title()} Manufacturing Works",
            country=country,
            isic_classes=[isic],
        ),
    )
    assert made.id is not None
    email = f"ops@{key}.example"
    user(platform, email, Role.MEMBER, organisation_id=made.id)
    return made.id, email


def live_offer(
    platform: Platform, key: str, *, title: str, teaser: str, area: str, language: str = "en"
) -> int:
    """A published technology offer of a supplier of its own, for the draft needs to meet."""
    from itpo.registry import services as registry
    from tests.actors import OPERATOR
    from tests.records import opportunity_data, organisation_data

    supplier = registry.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(external_id=f"org-supplier-{key}", name=f"{key.title()} Systems"),
    )
    offer = registry.create_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        data=opportunity_data(
            external_id=f"offer-{key}",
            organisation=supplier.external_id,
            title=title,
            teaser=teaser,
            technology_areas=[area],
            countries=[],
            language=language,
        ),
    )
    assert offer.id is not None
    return offer.id
