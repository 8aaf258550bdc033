"""What a deal needs to enter each stage, declared once as data (as the registry declares its
fields), and what a deal still lacks for its next one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from itpo.pipeline.model import STAGES, AgreementType, Deal, EvidenceKind, Stage, stage_rank

# Fields are named as the API and the forms name them: a deal's own field, or a figure as
# `<set>.<figure>` (projected, outcome).
STAGE_REQUIREMENTS: Mapping[Stage, tuple[str, ...]] = MappingProxyType(
    {
        Stage.INTRODUCED: (),
        # Negotiating on something: the kind of agreement sought and when it may be signed.
        Stage.NEGOTIATING: ("agreement_type", "expected_signing_on"),
        Stage.AGREEMENT_SIGNED: ("agreement_type", "signed_on", "outcome.investment_committed"),
        Stage.OPERATIONAL: (
            "operational_on",
            "outcome.investment_realised",
            "outcome.jobs_new",
        ),
    }
)

# Agreements that transfer a technology say which one, once signed.
AGREEMENT_REQUIREMENTS: Mapping[AgreementType, tuple[str, ...]] = MappingProxyType(
    {
        AgreementType.LICENCE: ("outcome.technology",),
        AgreementType.JOINT_RD: ("outcome.technology",),
        AgreementType.TECHNICAL_ASSISTANCE: ("outcome.technology",),
        AgreementType.SUPPLY: ("outcome.technology",),
    }
)

# What an outcome submitted for verification must carry, by the stage it claims: the
# checklist items that must each be backed by a document, and groups of which one must be.
VERIFICATION_CHECKLIST: Mapping[Stage, tuple[tuple[EvidenceKind, ...], ...]] = MappingProxyType(
    {
        Stage.AGREEMENT_SIGNED: ((EvidenceKind.SIGNED_AGREEMENT,),),
        Stage.OPERATIONAL: (
            (EvidenceKind.SIGNED_AGREEMENT,),
            (EvidenceKind.REGISTRATION, EvidenceKind.SITE_VISIT, EvidenceKind.INVOICE),
        ),
    }
)

FIELD_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "agreement_type": "agreement type",
        "expected_signing_on": "expected signing date",
        "signed_on": "date the agreement was signed",
        "operational_on": "date operations started",
        "outcome.investment_committed": "investment committed",
        "outcome.investment_realised": "investment realised",
        "outcome.jobs_new": "new jobs",
        "outcome.technology": "technology transferred",
    }
)


@dataclass(frozen=True, slots=True)
class NextStage:
    """The stage after a deal's own and what it still needs for it (None: the last stage)."""

    stage: Stage | None
    missing: tuple[str, ...]


def value_of(deal: Deal, name: str) -> Any:
    """A deal's field or figure by its public name (`outcome.jobs_new`)."""
    if "." in name:
        group, figure = name.split(".", 1)
        return getattr(getattr(deal, group), figure)
    return getattr(deal, name)


def required_for(deal: Deal, stage: Stage) -> tuple[str, ...]:
    """Every field a deal must hold to stand at this stage: those of the stages up to it, and
    those its agreement type adds once signed."""
    names: list[str] = []
    for earlier in STAGES[: stage_rank(stage) + 1]:
        names.extend(STAGE_REQUIREMENTS[earlier])
    if stage_rank(stage) >= stage_rank(Stage.AGREEMENT_SIGNED) and deal.agreement_type:
        names.extend(AGREEMENT_REQUIREMENTS.get(deal.agreement_type, ()))
    return tuple(dict.fromkeys(names))


def missing_for(deal: Deal, stage: Stage) -> tuple[str, ...]:
    """The fields the deal lacks to stand at this stage; empty strings count as missing."""
    return tuple(name for name in required_for(deal, stage) if _blank(value_of(deal, name)))


def next_stage(deal: Deal) -> NextStage:
    rank = stage_rank(deal.stage)
    if rank + 1 >= len(STAGES):
        return NextStage(None, ())
    following = STAGES[rank + 1]
    return NextStage(following, missing_for(deal, following))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
