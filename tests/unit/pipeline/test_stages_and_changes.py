"""What each stage needs, and changes to a deal checked field by field."""

from __future__ import annotations

import datetime as dt

import pytest

from itpo.pipeline.changes import SETTABLE, apply_changes
from itpo.pipeline.model import AgreementType, Deal, DealSource, Figures, Stage
from itpo.pipeline.stages import FIELD_LABELS, STAGE_REQUIREMENTS, missing_for, next_stage
from itpo.registry.errors import ValidationError

TODAY = dt.date(2026, 12, 1)


def deal(**changes: object) -> Deal:
    base = Deal(title="Solar dryer licence", source=DealSource.OUTSIDE, first_organisation_id=1)
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def test_every_required_field_is_settable_and_labelled() -> None:
    required = {name for names in STAGE_REQUIREMENTS.values() for name in names}
    assert required <= SETTABLE
    assert required <= set(FIELD_LABELS)


def test_requirements_add_up_through_the_stages() -> None:
    fresh = deal()
    assert missing_for(fresh, Stage.INTRODUCED) == ()
    assert missing_for(fresh, Stage.OPERATIONAL) == (
        "agreement_type",
        "expected_signing_on",
        "signed_on",
        "outcome.investment_committed",
        "operational_on",
        "outcome.investment_realised",
        "outcome.jobs_new",
    )


def test_a_licence_names_its_technology_once_signed() -> None:
    signed = deal(
        agreement_type=AgreementType.LICENCE,
        expected_signing_on=TODAY,
        signed_on=TODAY,
        outcome=Figures(investment_committed=0),
    )
    assert missing_for(signed, Stage.NEGOTIATING) == ()
    assert missing_for(signed, Stage.AGREEMENT_SIGNED) == ("outcome.technology",)
    equity = deal(
        agreement_type=AgreementType.EQUITY,
        expected_signing_on=TODAY,
        signed_on=TODAY,
        outcome=Figures(investment_committed=1e6),
    )
    assert missing_for(equity, Stage.AGREEMENT_SIGNED) == ()


def test_zero_is_a_figure_and_blank_text_is_not() -> None:
    assert "outcome.investment_committed" not in missing_for(
        deal(outcome=Figures(investment_committed=0.0)), Stage.AGREEMENT_SIGNED
    )
    changed = apply_changes(deal(), {"outcome": {"technology": "   "}}, today=TODAY)
    assert changed.outcome.technology is None


def test_the_next_stage_says_what_it_needs() -> None:
    upcoming = next_stage(deal(agreement_type=AgreementType.LOAN))
    assert upcoming.stage is Stage.NEGOTIATING and upcoming.missing == ("expected_signing_on",)
    assert next_stage(deal(stage=Stage.OPERATIONAL)).stage is None


def test_changes_parse_forms_and_json_alike() -> None:
    changed = apply_changes(
        deal(),
        {
            "agreement_type": "Joint_Venture",
            "signed_on": "2026-11-30",
            "outcome.investment_committed": "1,250,000",
            "projected": {"jobs_new": "40", "technology_trl": 7},
            "sdgs": "7, 9,7",
            "currency": "eur",
        },
        today=TODAY,
    )
    assert changed.agreement_type is AgreementType.JOINT_VENTURE
    assert changed.signed_on == dt.date(2026, 11, 30)
    assert changed.outcome.investment_committed == 1_250_000
    assert changed.projected.jobs_new == 40 and changed.projected.technology_trl == 7
    assert changed.sdgs == [7, 9] and changed.currency == "EUR"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("signed_on", "30/11/2026", "is not a date"),
        ("signed_on", "2027-01-01", "in the future"),
        ("outcome.jobs_new", 2.5, "whole number"),
        ("outcome.jobs_new", -1, "within 0"),
        ("outcome.investment_committed", "lots", "not a number"),
        ("outcome.investment_committed", float("nan"), "finite"),
        ("projected.technology_trl", 0, "within 1"),
        ("agreement_type", "handshake", "is not one of"),
        ("currency", "ABC", "ISO 4217"),
        ("sdgs", [18], "SDG number"),
        ("title", "", "is required"),
        ("title", "x" * 201, "at most 200"),
        ("notes", "a\x00b", "control character"),
        ("officer_id", 0, "positive whole number"),
        ("verified.jobs_new", 3, "not a field"),
        ("stage", "operational", "its own action"),
    ],
)
def test_each_bad_value_is_refused_naming_its_field(
    field: str, value: object, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        apply_changes(deal(), {field: value}, today=TODAY)
    [error] = refused.value.errors
    assert error.field == field and message in error.message


def test_operations_cannot_start_before_the_signing() -> None:
    with pytest.raises(ValidationError, match="before the agreement was signed"):
        apply_changes(
            deal(), {"signed_on": "2026-11-01", "operational_on": "2026-10-01"}, today=TODAY
        )


def test_a_refused_change_leaves_the_deal_as_it_was() -> None:
    original = deal()
    with pytest.raises(ValidationError):
        apply_changes(original, {"title": "New", "signed_on": "soon"}, today=TODAY)
    assert original.title == "Solar dryer licence" and original.signed_on is None
