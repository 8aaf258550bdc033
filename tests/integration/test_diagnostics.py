"""Diagnostics through their services and their storage, on SQLite and PostgreSQL: who takes
and sees them, the draft needs a submission makes through the registry (owned by the firm,
audited), bad answers writing nothing, drafts completed later, progress over repeated
assessments, and the draft needs matched at once to live technology offers."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors import OPERATOR
from tests.auth import user
from tests.diagnostics import answers
from tests.practices import case_data
from tests.records import opportunity_data, organisation_data

from itpo.accounts.errors import Forbidden
from itpo.accounts.model import AuditQuery, Role
from itpo.accounts.principal import Principal
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform
from itpo.diagnostic import offers, progress, services
from itpo.diagnostic.model import DiagnosticStatus
from itpo.practice import transfer
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, NotFound, ValidationError
from itpo.registry.model import OpportunityKind, Status
from itpo.registry.queries import OpportunityQuery

PUBLIC = Principal.anonymous()


def firm(platform: Platform, key: str = "dairy", isic: str = "1050") -> int:
    made = registry.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(
            external_id=f"org-{key}",
            name=f"Rift {key.title()} Union",
            country="KEN",
            isic_classes=[isic],
        ),
    )
    assert made.id is not None
    return made.id


def counts(platform: Platform) -> tuple[int, int]:
    with (uow := platform.uow()):
        return len(uow.diagnostics.list()), uow.opportunities.list(OpportunityQuery()).total


def actions(platform: Platform, subject_type: str) -> list[str]:
    with (uow := platform.uow()):
        page = uow.audit.list(AuditQuery(subject_type=subject_type, limit=100))
    return sorted(e.action for e in page.items)


def test_a_member_takes_a_diagnostic_and_its_gaps_become_draft_needs_of_its_firm(
    platform: Platform,
) -> None:
    dairy = firm(platform)
    member = user(platform, "ops@dairy.example", Role.MEMBER, organisation_id=dairy)
    made = services.take_diagnostic(
        uow=platform.uow(),
        by=member,
        organisation_id=dairy,
        answers=answers(1),
        taken_on=dt.date(2026, 10, 1),
        now=platform.clock,
    )
    assert made.status is DiagnosticStatus.SUBMITTED and made.sector == "food_beverage"
    assert [n.dimension for n in made.needs] == [
        "product_lifecycle",
        "supply_chain",
        "intelligence_facility",
    ]
    sheet = services.diagnostic_sheet(uow=platform.uow(), by=member, diagnostic_id=made.id or 0)
    assert sheet.scores is not None and sheet.scores.overall == 1.0
    needs = [need for _, need in sheet.needs]
    assert all(
        n.kind is OpportunityKind.TECHNOLOGY_NEED
        and n.status is Status.DRAFT
        and n.organisation_id == dairy
        and n.isic_classes == ["1050"]
        for n in needs
    )
    assert needs[2].technology_areas[0] == "ai_manufacturing.energy_management"
    assert actions(platform, "diagnostic") == ["diagnostic.create", "diagnostic.submit"]
    assert actions(platform, "opportunity").count("opportunity.create") == 3
    assert counts(platform) == (1, 3)


def test_only_the_firms_members_and_officers_see_a_diagnostic(platform: Platform) -> None:
    dairy, mill = firm(platform), firm(platform, "mill", "1061")
    member = user(platform, "ops@dairy.example", Role.MEMBER, organisation_id=dairy)
    other = user(platform, "ops@mill.example", Role.MEMBER, organisation_id=mill)
    officer = user(platform, "officer@itpo.example", Role.OFFICER)
    made = services.take_diagnostic(
        uow=platform.uow(), by=officer, organisation_id=dairy, answers=answers(2)
    )
    diagnostic_id = made.id or 0
    assert services.diagnostic_sheet(uow=platform.uow(), by=member, diagnostic_id=diagnostic_id)
    with pytest.raises(NotFound):
        services.diagnostic_sheet(uow=platform.uow(), by=other, diagnostic_id=diagnostic_id)
    with pytest.raises(Forbidden):
        services.diagnostic_sheet(uow=platform.uow(), by=PUBLIC, diagnostic_id=diagnostic_id)
    with pytest.raises(Forbidden):
        services.take_diagnostic(
            uow=platform.uow(), by=other, organisation_id=dairy, answers=answers(2)
        )
    with pytest.raises(Forbidden):
        services.list_diagnostics(uow=platform.uow(), by=PUBLIC)
    with pytest.raises(Forbidden):
        services.list_diagnostics(uow=platform.uow(), by=other, organisation_id=dairy)
    assert services.list_diagnostics(uow=platform.uow(), by=other) == []
    seen = services.list_diagnostics(uow=platform.uow(), by=officer)
    assert [s.organisation.id for s in seen] == [dairy]
    services.diagnostic_sheet(uow=platform.uow(), by=officer, diagnostic_id=diagnostic_id)
    # The office's view is audited; the firm's own is not a disclosure.
    assert actions(platform, "diagnostic").count("diagnostic.view") == 1


@pytest.mark.parametrize(
    ("sent", "fields"),
    [
        (answers(2, operations=6), {"answers.operations"}),
        (answers(2, operations=-1, talent="x"), {"answers.operations", "answers.talent"}),
        (answers(2, smell=1), {"answers.smell"}),
        ({"operations": 2}, {f"answers.{d}" for d in answers() if d != "operations"}),
        ("every band 3", {"answers"}),
    ],
)
def test_bad_answers_are_named_and_nothing_is_written(
    platform: Platform, sent: object, fields: set[str]
) -> None:
    dairy = firm(platform)
    with pytest.raises(ValidationError) as refused:
        services.take_diagnostic(
            uow=platform.uow(), by=OPERATOR, organisation_id=dairy, answers=sent
        )
    assert {e.field for e in refused.value.errors} == fields
    assert counts(platform) == (0, 0) and actions(platform, "diagnostic") == []


def test_a_bad_language_day_or_firm_is_named_with_the_answers(platform: Platform) -> None:
    with pytest.raises(ValidationError) as refused:
        services.take_diagnostic(
            uow=platform.uow(),
            by=OPERATOR,
            organisation_id=999,
            answers=answers(2, talent=9),
            language="fr",
            taken_on=dt.date(1999, 1, 1),
        )
    assert {e.field for e in refused.value.errors} == {
        "answers.talent",
        "language",
        "taken_on",
        "organisation_id",
    }
    assert counts(platform) == (0, 0)


def test_a_draft_is_kept_with_some_answers_and_submitted_with_the_rest(platform: Platform) -> None:
    dairy = firm(platform)
    kept = services.take_diagnostic(
        uow=platform.uow(),
        by=OPERATOR,
        organisation_id=dairy,
        answers={"operations": 3},
        submit=False,
    )
    assert kept.status is DiagnosticStatus.DRAFT and counts(platform) == (1, 0)
    sheet = services.diagnostic_sheet(uow=platform.uow(), by=OPERATOR, diagnostic_id=kept.id or 0)
    assert sheet.scores is None and sheet.may_submit
    rest = {k: v for k, v in answers(2).items() if k != "operations"}
    with pytest.raises(ValidationError) as refused:
        services.submit_diagnostic(
            uow=platform.uow(),
            by=OPERATOR,
            diagnostic_id=kept.id or 0,
            answers={**rest, "talent": 6},
        )
    assert [e.field for e in refused.value.errors] == ["answers.talent"]
    assert counts(platform) == (1, 0)
    done = services.submit_diagnostic(
        uow=platform.uow(), by=OPERATOR, diagnostic_id=kept.id or 0, answers=rest
    )
    assert done.status is DiagnosticStatus.SUBMITTED and done.answers["operations"] == 3
    assert len(done.needs) == 3 and counts(platform) == (1, 3)
    with pytest.raises(Conflict):
        services.submit_diagnostic(uow=platform.uow(), by=OPERATOR, diagnostic_id=kept.id or 0)


def test_repeated_assessments_show_the_change_of_each_dimension(platform: Platform) -> None:
    dairy = firm(platform)
    member = user(platform, "ops@dairy.example", Role.MEMBER, organisation_id=dairy)
    for day, bands in [
        (dt.date(2025, 11, 1), answers(1)),
        (dt.date(2026, 10, 1), answers(1, operations=3, talent=2)),
    ]:
        services.take_diagnostic(
            uow=platform.uow(), by=member, organisation_id=dairy, answers=bands, taken_on=day
        )
    found = progress.organisation_progress(uow=platform.uow(), by=member, organisation_id=dairy)
    assert [a.taken_on.year for a in found.assessments] == [2025, 2026]
    change = {p.dimension.id: p.change for p in found.dimensions}
    assert change["operations"] == 2 and change["talent"] == 1 and change["leadership"] == 0
    assert found.overall_change == round(3 / 16, 2)
    listed = services.list_diagnostics(uow=platform.uow(), by=member)
    assert [s.diagnostic.taken_on.year for s in listed] == [2026, 2025]  # newest first
    with pytest.raises(Forbidden):
        progress.organisation_progress(uow=platform.uow(), by=PUBLIC, organisation_id=dairy)


def test_deleting_the_firm_takes_its_diagnostics_with_it(platform: Platform) -> None:
    dairy = firm(platform)
    services.take_diagnostic(
        uow=platform.uow(), by=OPERATOR, organisation_id=dairy, answers=answers(4), submit=False
    )
    with (uow := platform.uow()):
        uow.organisations.delete(dairy)
        uow.commit()
    assert counts(platform) == (0, 0)


def test_the_draft_needs_are_matched_at_once_to_live_technology_offers(
    platform: Platform, encoders: list[EncoderSpec]
) -> None:
    platform.encoders = encoders
    dairy = firm(platform)
    firm(platform, "sensors", "2651")
    registry.create_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        data=opportunity_data(
            external_id="offer-energy",
            organisation="org-sensors",
            title="AI energy management platform for factories and cold stores",
            teaser="Sub-metering and AI energy management that predicts loads and cuts energy use.",
            technology_areas=["ai_manufacturing.energy_management"],
        ),
    )
    made = services.take_diagnostic(
        uow=platform.uow(), by=OPERATOR, organisation_id=dairy, answers=answers(1)
    )
    found = offers.need_offers(
        uow=platform.uow(), by=OPERATOR, index=platform.index(), diagnostic_id=made.id or 0
    )
    assert [f.link.dimension for f in found] == [
        "product_lifecycle",
        "supply_chain",
        "intelligence_facility",
    ]
    energy = found[2]
    assert energy.offers and energy.offers[0].hit.title.startswith("AI energy management")
    assert energy.offers[0].shared_areas == ("ai_manufacturing.energy_management",)
    assert "energy" in " ".join(energy.offers[0].hit.matched_terms).lower()
    # The drafts themselves are not live: no need is offered to another need.
    assert all(o.hit.kind is OpportunityKind.TECHNOLOGY_OFFER for f in found for o in f.offers)


def test_a_member_assesses_its_own_firm_and_an_officer_chooses_among_companies(
    platform: Platform,
) -> None:
    dairy, mill = firm(platform), firm(platform, "mill", "1061")
    member = user(platform, "ops@dairy.example", Role.MEMBER, organisation_id=dairy)
    officer = user(platform, "officer@itpo.example", Role.OFFICER)
    assert [o.id for o in services.assessable_firms(uow=platform.uow(), by=member)] == [dairy]
    chosen = services.assessable_firms(uow=platform.uow(), by=officer)
    assert {o.id for o in chosen} == {dairy, mill}
    with pytest.raises(Forbidden):
        services.assessable_firms(uow=platform.uow(), by=PUBLIC)


def test_the_draft_needs_come_with_practice_cases_that_met_them(
    platform: Platform, encoders: list[EncoderSpec]
) -> None:
    platform.encoders = encoders
    dairy = firm(platform)
    energy_case = case_data(
        external_id="case:dairy-energy",
        theme="energy_efficiency",
        isic_classes=["1050"],
        technology_areas=["ai_manufacturing.energy_management"],
        texts={
            "en": {
                "title": "Sub-metering and AI energy management at a dairy",
                "problem": "A dairy did not know which lines and cold stores used its energy.",
                "done": "It metered every line and let an energy management system predict loads.",
                "results": "Energy use per litre fell and peak charges were avoided.",
            }
        },
        figures=[],
        status="published",
    )
    unrelated = case_data(external_id="case:unrelated", theme="industrial_parks", figures=[])
    transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=[energy_case, unrelated])
    made = services.take_diagnostic(
        uow=platform.uow(), by=OPERATOR, organisation_id=dairy, answers=answers(1)
    )
    found = offers.need_offers(
        uow=platform.uow(),
        by=OPERATOR,
        index=platform.index(),
        diagnostic_id=made.id or 0,
        cases=platform.case_index(),
    )
    energy = next(f for f in found if f.link.dimension == "intelligence_facility")
    assert [c.case.external_id for c in energy.cases] == ["case:dairy-energy"]
    assert energy.cases[0].shared_areas == ("ai_manufacturing.energy_management",)
    # A draft case is not advice: only published ones are offered.
    assert all(c.case.external_id != "case:unrelated" for f in found for c in f.cases)
