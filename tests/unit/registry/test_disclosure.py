"""Staged disclosure: each audience sees the stage the rules give it, and nothing more."""

from __future__ import annotations

import pytest

from itpo.registry.disclosure import (
    MEMBER_FIELDS,
    PUBLIC,
    TEASER_FIELDS,
    Audience,
    Stage,
    owner_label,
    redact,
    scope,
    stage,
)
from itpo.registry.model import Disclosure, Opportunity, OpportunityKind, Status

OWNER = 7


def record(
    disclosure: Disclosure = Disclosure.PUBLIC, status: Status = Status.PUBLISHED
) -> Opportunity:
    return Opportunity(
        kind=OpportunityKind.TECHNOLOGY_OFFER,
        organisation_id=OWNER,
        title="Dryer",
        teaser="A dryer.",
        language="en",
        details="Royalty 4%",
        amount_min=1.0,
        amount_max=2.0,
        currency="USD",
        disclosure=disclosure,
        status=status,
        id=40,
    )


MEMBER = Audience(signed_in=True, organisation_id=9)
OWNER_MEMBER = Audience(signed_in=True, organisation_id=OWNER)
OFFICER = Audience(signed_in=True, staff=True)
INTRODUCED = Audience(signed_in=True, organisation_id=9, introduced=frozenset({40}))


@pytest.mark.parametrize(
    ("audience", "disclosure", "status", "expected"),
    [
        (PUBLIC, Disclosure.PUBLIC, Status.PUBLISHED, Stage.TEASER),
        (PUBLIC, Disclosure.ANONYMOUS, Status.PUBLISHED, Stage.TEASER),
        (PUBLIC, Disclosure.MEMBERS, Status.PUBLISHED, Stage.HIDDEN),
        (PUBLIC, Disclosure.PUBLIC, Status.DRAFT, Stage.HIDDEN),
        (PUBLIC, Disclosure.PUBLIC, Status.EXPIRED, Stage.TEASER),
        (MEMBER, Disclosure.MEMBERS, Status.PUBLISHED, Stage.MEMBER),
        (MEMBER, Disclosure.PUBLIC, Status.IN_REVIEW, Stage.HIDDEN),
        (OWNER_MEMBER, Disclosure.MEMBERS, Status.DRAFT, Stage.RESTRICTED),
        (OFFICER, Disclosure.ANONYMOUS, Status.DRAFT, Stage.RESTRICTED),
        (INTRODUCED, Disclosure.ANONYMOUS, Status.PUBLISHED, Stage.RESTRICTED),
    ],
)
def test_each_audience_gets_its_stage(
    audience: Audience, disclosure: Disclosure, status: Status, expected: Stage
) -> None:
    assert stage(audience, record(disclosure, status)) is expected


def values() -> dict[str, object]:
    return {
        "id": 40,
        "title": "Dryer",
        "teaser": "A dryer.",
        "details": "Royalty 4%",
        "amount_min": 1.0,
        "organisation_id": OWNER,
        "organisation_name": "Owner Ltd",
        "some_new_column": "x",
    }


def test_redaction_keeps_only_the_fields_of_the_stage() -> None:
    public = redact(values(), PUBLIC, record())
    assert set(public) == {"id", "title", "teaser", "organisation_id", "organisation_name"}
    member = redact(values(), MEMBER, record())
    assert set(member) == set(public) | {"amount_min"}
    assert redact(values(), OFFICER, record()) == values()
    assert "details" not in TEASER_FIELDS | MEMBER_FIELDS
    # An unlisted field is restricted: a column added later cannot leak by default.
    assert "some_new_column" not in member


def test_an_anonymous_owner_stays_unnamed_until_the_restricted_stage() -> None:
    anonymous = record(Disclosure.ANONYMOUS)
    for audience in (PUBLIC, MEMBER):
        shown = redact(values(), audience, anonymous)
        assert "organisation_name" not in shown and "organisation_id" not in shown
        assert owner_label(audience, anonymous, "Owner Ltd") == "(not disclosed)"
    for audience in (OWNER_MEMBER, OFFICER, INTRODUCED):
        assert owner_label(audience, anonymous, "Owner Ltd") == "Owner Ltd"
    assert redact(values(), PUBLIC, record(status=Status.DRAFT)) == {}


def test_the_listing_scope_agrees_with_the_stage() -> None:
    assert scope(OFFICER) is None
    public = scope(PUBLIC)
    assert public is not None and Disclosure.MEMBERS not in public.disclosures
    assert Status.DRAFT not in public.statuses
    member = scope(INTRODUCED)
    assert member is not None and Disclosure.MEMBERS in member.disclosures
    assert member.organisation_id == 9 and member.extra_ids == {40}
