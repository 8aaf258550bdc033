"""Staged disclosure: what of an opportunity each audience may see. The rules live here only.

Technology owners fear giving away know-how, officers need to see everything, the public sees
teasers. So every record is shown at one of four stages:

- hidden: the record does not exist for this audience (drafts of others, members-only records
  for the public);
- teaser: the public view: title, teaser and classification, and the owner's name unless the
  record is anonymous;
- member: signed-in members also see amounts and green figures;
- restricted: the owner's organisation, officers and administrators, and a counterpart whose
  introduction both sides accepted, see everything, the restricted details and the owner too.

Every adapter (API, web, export, search, matches) asks `stage` and `redact` here, so a field
that one of them forgot cannot leak: what is not listed for a stage is removed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Protocol

from itpo.registry.model import Disclosure, Status


class Stage(IntEnum):
    HIDDEN = 0
    TEASER = 1
    MEMBER = 2
    RESTRICTED = 3


@dataclass(frozen=True, slots=True)
class Audience:
    """Who is looking, as far as disclosure cares.

    `introduced` holds the opportunities the audience's organisation was introduced to: the
    counterparts of its opportunities in matches both sides accepted."""

    signed_in: bool = False
    staff: bool = False  # a promotion officer or an administrator
    organisation_id: int | None = None
    introduced: frozenset[int] = field(default_factory=frozenset)


PUBLIC = Audience()


class Disclosed(Protocol):
    """What the rules read of a record: an opportunity, or anything that stands for one (a
    match's counterpart, a search hit)."""

    @property
    def id(self) -> int | None: ...
    @property
    def organisation_id(self) -> int | None: ...
    @property
    def status(self) -> Status: ...
    @property
    def disclosure(self) -> Disclosure: ...


# The fields of each stage, by the names records and API answers use. A field not listed at
# any stage (a new column, say) is shown only at the restricted stage.
TEASER_FIELDS = frozenset(
    {
        "id", "kind", "title", "teaser", "language", "isic_classes", "technology_areas",
        "sdgs", "countries", "trl", "min_trl", "cooperation_types", "hard_conditions",
        "disclosure", "status", "valid_until", "created_at", "updated_at", "direction",
    }
)  # fmt: skip
MEMBER_FIELDS = TEASER_FIELDS | {
    "external_id",
    "amount_min",
    "amount_max",
    "currency",
    "energy_mwh_per_year",
    "co2_tonnes_per_year",
}
# Who owns the record: shown from the teaser on, unless the record is anonymous.
OWNER_FIELDS = frozenset({"organisation_id", "organisation_name", "organisation"})
# Fields that would lead to the owner, which an anonymous record keeps from those who may not
# know it: the direction of exchange comes from where the owner is, and an external id is
# often made from the owner's name or reference (`demo:need-lakeside-fish-ice`).
OWNER_HINTS = frozenset({"direction", "external_id"})
# Statuses the public and other members see; drafts and records in review stay with the owner.
SHOWN_STATUSES = frozenset({Status.PUBLISHED, Status.EXPIRED, Status.CLOSED})
UNDISCLOSED = "(not disclosed)"


def stage(audience: Audience, opportunity: Disclosed) -> Stage:
    """How much of the opportunity the audience may see."""
    if audience.staff:
        return Stage.RESTRICTED
    own = audience.organisation_id is not None
    if own and audience.organisation_id == opportunity.organisation_id:
        return Stage.RESTRICTED
    if opportunity.id is not None and opportunity.id in audience.introduced:
        return Stage.RESTRICTED
    if opportunity.status not in SHOWN_STATUSES:
        return Stage.HIDDEN
    if audience.signed_in:
        return Stage.MEMBER
    if opportunity.disclosure is Disclosure.MEMBERS:
        return Stage.HIDDEN
    return Stage.TEASER


def owner_shown(audience: Audience, opportunity: Disclosed) -> bool:
    """Whether the audience may learn which organisation owns the record."""
    shown = stage(audience, opportunity)
    if shown is Stage.RESTRICTED:
        return True
    return shown is not Stage.HIDDEN and opportunity.disclosure is not Disclosure.ANONYMOUS


def visible_fields(audience: Audience, opportunity: Disclosed) -> frozenset[str] | None:
    """The field names the audience may see; None: every field."""
    shown = stage(audience, opportunity)
    if shown is Stage.RESTRICTED:
        return None
    fields = MEMBER_FIELDS if shown is Stage.MEMBER else TEASER_FIELDS
    if shown is Stage.HIDDEN:
        return frozenset()
    if owner_shown(audience, opportunity):
        return fields | OWNER_FIELDS
    return fields - OWNER_HINTS


def redact(values: Mapping[str, Any], audience: Audience, opportunity: Disclosed) -> dict[str, Any]:
    """The values the audience may see; a hidden field is absent, not blanked."""
    fields = visible_fields(audience, opportunity)
    if fields is None:
        return dict(values)
    return {name: value for name, value in values.items() if name in fields}


def owner_label(audience: Audience, opportunity: Disclosed, name: str) -> str:
    """The owner's name, or a neutral label where the audience may not learn it."""
    return name if owner_shown(audience, opportunity) else UNDISCLOSED


@dataclass(frozen=True, slots=True)
class Scope:
    """What of a listing an audience may see, as a query condition: records in these statuses
    and disclosures, plus every record of `organisation_id` and of `extra_ids`."""

    statuses: frozenset[Status]
    disclosures: frozenset[Disclosure]
    organisation_id: int | None = None
    extra_ids: frozenset[int] = field(default_factory=frozenset)


def scope(audience: Audience, *, owner: int | None = None) -> Scope | None:
    """The listing condition that matches `stage(...) > HIDDEN`; None: everything (staff).

    A listing of one organisation's records (`owner`) leaves out its anonymous ones for those
    who may not learn their owner: being listed under it would name it."""
    if audience.staff:
        return None
    disclosures = frozenset(Disclosure)
    if not audience.signed_in:
        disclosures -= {Disclosure.MEMBERS}
    if owner is not None and owner != audience.organisation_id:
        disclosures -= {Disclosure.ANONYMOUS}
    return Scope(
        statuses=SHOWN_STATUSES,
        disclosures=disclosures,
        organisation_id=audience.organisation_id,
        extra_ids=audience.introduced,
    )
