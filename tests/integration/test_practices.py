"""Practice cases through their services, on SQLite and PostgreSQL: who writes, reads and
publishes; every save a version; imports whole or not at all; the cross-lingual search, the
similar case of an opportunity and the live offers and needs a case applies to."""

from __future__ import annotations

import pytest
from tests.actors import OPERATOR
from tests.auth import user
from tests.practices import case_data
from tests.records import opportunity_data, organisation_data

from itpo.accounts.errors import Forbidden
from itpo.accounts.model import Role
from itpo.accounts.principal import Principal
from itpo.adapters.index_store import EncoderSpec
from itpo.bootstrap import Platform
from itpo.practice import search, services, transfer
from itpo.practice.model import CaseStatus, VersionStep
from itpo.registry import services as registry
from itpo.registry.errors import Conflict, NotFound, ValidationError

PUBLIC = Principal.anonymous()


def stored_count(platform: Platform) -> int:
    with platform.uow() as uow:
        return len(uow.practices.all())


def test_a_case_is_written_reviewed_and_kept_in_versions(platform: Platform) -> None:
    case = services.create_case(uow=platform.uow(), by=OPERATOR, data=case_data())
    assert case.id is not None and case.status is CaseStatus.DRAFT and case.version == 1
    with pytest.raises(NotFound):
        services.get_case(uow=platform.uow(), by=PUBLIC, case_id=case.id)
    services.submit_case(uow=platform.uow(), by=OPERATOR, case_id=case.id)
    published = services.publish_case(uow=platform.uow(), by=OPERATOR, case_id=case.id)
    assert published.status is CaseStatus.PUBLISHED and published.published_at is not None
    seen = services.get_case(uow=platform.uow(), by=PUBLIC, case_id=case.id)
    assert seen.text_in("zh").title.startswith("太阳能")
    changed = case_data(year=2022)
    edited = services.update_case(uow=platform.uow(), by=OPERATOR, case_id=case.id, data=changed)
    assert edited.year == 2022 and edited.version == 4 and edited.status is CaseStatus.PUBLISHED
    same = services.update_case(uow=platform.uow(), by=OPERATOR, case_id=case.id, data=changed)
    assert same.version == 4  # saved unchanged: no new version
    kept = services.case_versions(uow=platform.uow(), by=OPERATOR, case_id=case.id)
    assert [(v.version, v.step) for v in kept] == [
        (1, VersionStep.CREATED),
        (2, VersionStep.SUBMITTED),
        (3, VersionStep.PUBLISHED),
        (4, VersionStep.EDITED),
    ]
    first = services.case_version(uow=platform.uow(), by=OPERATOR, case_id=case.id, version=1)
    assert first.year == 2021
    with pytest.raises(ValidationError):
        services.send_back_case(uow=platform.uow(), by=OPERATOR, case_id=case.id, reason="no")
    back = services.send_back_case(
        uow=platform.uow(), by=OPERATOR, case_id=case.id, reason="The 30% needs its page number."
    )
    assert back.status is CaseStatus.DRAFT
    with pytest.raises(Conflict):
        services.withdraw_case(
            uow=platform.uow(), by=OPERATOR, case_id=case.id, reason="A draft is not on the site."
        )


def test_a_bad_case_writes_nothing(platform: Platform) -> None:
    bad = case_data(
        figures=[{"value": 3, "unit": "", "source": 0, "label": {"en": "x"}}], sdgs=[19]
    )
    with pytest.raises(ValidationError) as refused:
        services.create_case(uow=platform.uow(), by=OPERATOR, data=bad)
    assert {e.field for e in refused.value.errors} == {"figures[0].unit", "sdgs"}
    assert stored_count(platform) == 0


def test_members_write_for_their_organisation_and_only_officers_publish(platform: Platform) -> None:
    organisation = registry.create_organisation(
        by=OPERATOR, uow=platform.uow(), data=organisation_data()
    )
    other = registry.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(external_id="org-2", name="Nairobi Cold"),
    )
    assert organisation.id is not None and other.id is not None
    member = user(platform, "m@pudong.example", Role.MEMBER, organisation_id=organisation.id)
    stranger = user(platform, "s@nairobi.example", Role.MEMBER, organisation_id=other.id)
    with pytest.raises(Forbidden):
        services.create_case(uow=platform.uow(), by=PUBLIC, data=case_data())
    case = services.create_case(uow=platform.uow(), by=member, data=case_data())
    assert case.id is not None and case.organisation_id == organisation.id
    with pytest.raises(Forbidden):
        services.create_case(
            uow=platform.uow(), by=member, data=case_data(external_id="c2", organisation=other.id)
        )
    with pytest.raises(NotFound):
        services.get_case(uow=platform.uow(), by=stranger, case_id=case.id)
    assert services.list_cases(uow=platform.uow(), by=stranger) == []
    assert [c.id for c in services.list_cases(uow=platform.uow(), by=member)] == [case.id]
    services.submit_case(uow=platform.uow(), by=member, case_id=case.id)
    with pytest.raises(Forbidden):
        services.publish_case(uow=platform.uow(), by=member, case_id=case.id)
    services.publish_case(uow=platform.uow(), by=OPERATOR, case_id=case.id)
    # A member's change to a published case goes back to review.
    changed = services.update_case(
        uow=platform.uow(), by=member, case_id=case.id, data=case_data(city="Embu")
    )
    assert changed.status is CaseStatus.IN_REVIEW
    with pytest.raises(NotFound):  # in review again: not there for others
        services.update_case(uow=platform.uow(), by=stranger, case_id=case.id, data=case_data())
    services.publish_case(uow=platform.uow(), by=OPERATOR, case_id=case.id)
    with pytest.raises(Forbidden):
        services.update_case(uow=platform.uow(), by=stranger, case_id=case.id, data=case_data())
    with pytest.raises(Forbidden):
        services.case_versions(uow=platform.uow(), by=PUBLIC, case_id=case.id)


def test_an_import_writes_every_case_or_none_and_reports_unchanged(platform: Platform) -> None:
    rows = [case_data(status="published"), case_data(external_id="case:two", city="Nyeri")]
    bad = [*rows, case_data(external_id="case:three", sdgs=[0])]
    with pytest.raises(ValidationError) as refused:
        transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=bad)
    (problem,) = refused.value.errors
    assert (problem.row, problem.field) == (3, "sdgs")
    assert stored_count(platform) == 0
    checked = transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=rows, dry_run=True)
    assert (checked.created, stored_count(platform)) == (2, 0)
    done = transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=rows)
    assert (done.created, done.updated, done.unchanged) == (2, 0, 0)
    again = transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=rows)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    moved = transfer.import_cases(
        uow=platform.uow(),
        by=OPERATOR,
        rows=[rows[0], case_data(external_id="case:two", city="Thika")],
    )
    assert (moved.updated, moved.unchanged) == (1, 1)
    twice = [rows[0], rows[0]]
    with pytest.raises(ValidationError) as repeated:
        transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=twice)
    assert repeated.value.errors[0].row == 2
    with pytest.raises(Forbidden):
        transfer.import_cases(uow=platform.uow(), by=PUBLIC, rows=rows)
    exported = transfer.export_cases(uow=platform.uow(), by=PUBLIC)
    assert [d["external_id"] for d in exported] == ["case:test-solar-drying"]
    assert len(transfer.export_cases(uow=platform.uow(), by=OPERATOR)) == 2


@pytest.fixture
def searching(platform: Platform, encoders: list[EncoderSpec]) -> Platform:
    """The platform with the bundled encoders, three published cases and two live records."""
    platform.encoders = encoders
    cold = case_data(
        external_id="case:cold",
        theme="energy_efficiency",
        isic_classes=["1020"],
        technology_areas=["green.cold_chain"],
        sdgs=[7, 14],
        texts={
            "en": {
                "title": "Efficient cold rooms for a fish landing site on the lake",
                "problem": "Fish landed at the lake spoiled within hours for want of cold storage.",
                "done": "Solar-powered cold rooms with ice makers were installed at the landing site.",
                "results": "Less fish was thrown away and traders paid better prices.",
            }
        },
    )
    park = case_data(
        external_id="case:park",
        theme="industrial_parks",
        isic_classes=["1311"],
        technology_areas=["green.water_treatment"],
        sdgs=[6],
        texts={
            "en": {
                "title": "Zero liquid discharge at a textile industrial park",
                "problem": "Dyeing mills threatened the lake with coloured wastewater.",
                "done": "A central treatment plant recycles the park's wastewater.",
                "results": "Most of the water is reused and none is released.",
            }
        },
    )
    rows = [d | {"status": "published"} for d in (case_data(), cold, park)]
    transfer.import_cases(uow=platform.uow(), by=OPERATOR, rows=rows)
    registry.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    for key, title, teaser in [
        (
            "need-dryer",
            "Solar fruit dryer wanted",
            "A mango co-operative needs dryers to stop its fruit rotting.",
        ),
        (
            "offer-cold",
            "Solar cold rooms for fish",
            "Containerised cold rooms powered by solar panels.",
        ),
    ]:
        registry.create_opportunity(
            by=OPERATOR,
            uow=platform.uow(),
            data=opportunity_data(
                external_id=key, title=title, teaser=teaser, isic_classes=["1030"]
            ),
        )
    return platform


def test_a_chinese_question_finds_the_english_case(searching: Platform) -> None:
    hits = search.search_cases(
        uow=searching.uow(),
        index=searching.case_index(),
        by=PUBLIC,
        text="湖边渔民的鱼很快就坏了，需要冷藏",
    )
    assert hits[0].case.external_id == "case:cold"
    english = search.search_cases(
        uow=searching.uow(), index=searching.case_index(), by=PUBLIC, text="textile park wastewater"
    )
    assert english[0].case.external_id == "case:park"
    assert "wastewater" in " ".join(english[0].matched_terms).lower()
    with pytest.raises(ValidationError) as refused:
        search.search_cases(uow=searching.uow(), index=searching.case_index(), by=PUBLIC, text="  ")
    assert refused.value.errors[0].field == "q"


def test_an_opportunity_gets_a_similar_case_with_why(searching: Platform) -> None:
    with searching.uow() as uow:
        need = uow.opportunities.ids_by_external_id(["need-dryer"])["need-dryer"]
    (hit,) = search.similar_cases(
        uow=searching.uow(), index=searching.case_index(), by=PUBLIC, opportunity_ids=[need]
    )
    assert hit.case.external_id == "case:test-solar-drying"
    assert hit.shared_sectors == ("1030",)
    with pytest.raises(NotFound):
        search.similar_cases(
            uow=searching.uow(), index=searching.case_index(), by=PUBLIC, opportunity_ids=[999]
        )


def test_a_case_lists_the_live_offers_and_needs_it_applies_to(searching: Platform) -> None:
    cold = services.list_cases(
        uow=searching.uow(), by=PUBLIC, where=services.CaseFilter(theme="energy_efficiency")
    )
    assert cold and cold[0].id is not None
    found = search.opportunities_for_case(
        uow=searching.uow(), index=searching.index(), by=PUBLIC, case_id=cold[0].id, language="en"
    )
    assert found and found[0].title == "Solar cold rooms for fish"


def test_the_index_follows_what_is_published(searching: Platform) -> None:
    before = len(searching.case_index())
    (park,) = services.list_cases(
        uow=searching.uow(), by=PUBLIC, where=services.CaseFilter(theme="industrial_parks")
    )
    assert park.id is not None
    services.withdraw_case(
        uow=searching.uow(), by=OPERATOR, case_id=park.id, reason="The source moved away."
    )
    assert len(searching.case_index()) == before - len(park.languages)
