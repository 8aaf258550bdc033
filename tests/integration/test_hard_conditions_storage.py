"""Hard conditions kept by the real databases (SQLite and PostgreSQL): written, read back,
changed, refused with nothing written when an edit takes away what they need, and brought to a
database of the revision before them."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.adapters.storage import text_index
from itpo.adapters.storage.database import create_engine, head_revision, schema_revision
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.registry import services
from itpo.registry.errors import ValidationError
from itpo.registry.model import Condition

API = "/api/v1"
STAMP = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)


def stored(platform: Platform, **changes: Any) -> int:
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    created = services.create_opportunity(by=OPERATOR, uow=uow, data=opportunity_data(**changes))
    assert created.id is not None
    return created.id


def read(platform: Platform, opportunity_id: int) -> Any:
    return services.get_opportunity(by=OPERATOR, uow=platform.uow(), opportunity_id=opportunity_id)


# --- Storage ----------------------------------------------------------------------------------


def test_hard_conditions_are_stored_and_read_back_in_their_order(platform: Platform) -> None:
    found = read(platform, stored(platform, hard_conditions=["amount", "markets"]))
    assert found.hard_conditions == [Condition.AMOUNT, Condition.MARKETS]
    assert all(isinstance(c, Condition) for c in found.hard_conditions)


def test_a_record_stored_without_hard_conditions_reads_back_with_none(platform: Platform) -> None:
    assert read(platform, stored(platform)).hard_conditions == []


def test_an_edit_changes_the_hard_conditions_and_can_clear_them(platform: Platform) -> None:
    opportunity_id = stored(platform, hard_conditions=["markets"])
    services.update_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=opportunity_id,
        changes={"hard_conditions": ["cooperation", "amount"]},
    )
    assert read(platform, opportunity_id).hard_conditions == [
        Condition.COOPERATION,
        Condition.AMOUNT,
    ]
    services.update_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=opportunity_id,
        changes={"hard_conditions": []},
    )
    assert read(platform, opportunity_id).hard_conditions == []


@pytest.mark.parametrize(
    ("changes", "needed"),
    [
        ({"countries": []}, "countries"),
        ({"hard_conditions": ["markets", "cooperation"], "cooperation_types": []}, "cooperation"),
        ({"amount_min": None, "amount_max": None, "currency": None}, "amount_min"),
    ],
)
def test_an_edit_that_takes_away_what_a_condition_needs_is_refused_and_changes_nothing(
    platform: Platform, changes: dict[str, Any], needed: str
) -> None:
    opportunity_id = stored(platform, hard_conditions=["markets", "amount"])
    before = read(platform, opportunity_id)
    with pytest.raises(ValidationError) as caught:
        services.update_opportunity(
            by=OPERATOR, uow=platform.uow(), opportunity_id=opportunity_id, changes=changes
        )
    [error] = caught.value.errors
    assert error.field == "hard_conditions" and needed in error.message
    assert read(platform, opportunity_id) == before


# --- The migration ----------------------------------------------------------------------------


def _at_revision(engine: sa.Engine, revision: str) -> None:
    config = Config()
    location = resources.files("itpo.adapters.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["engine"] = engine
    command.upgrade(config, revision)


def _insert_at_0008(engine: sa.Engine) -> None:
    """An organisation and an opportunity as revision 0008 stored them."""
    with engine.begin() as connection:
        organisation = sa.Table("organisation", sa.MetaData(), autoload_with=connection)
        opportunity = sa.Table("opportunity", sa.MetaData(), autoload_with=connection)
        assert "hard_conditions" not in opportunity.c
        connection.execute(
            organisation.insert().values(
                id=7,
                external_id="org-old",
                name="Old Mills",
                kind="company",
                country="KEN",
                isic_classes=["1061"],
                description="",
                languages=["en"],
                created_at=STAMP,
                updated_at=STAMP,
            )
        )
        connection.execute(
            opportunity.insert().values(
                id=70,
                external_id="opp-old",
                kind="technology_need",
                organisation_id=7,
                title="Maize mill for a cooperative",
                teaser="A cooperative needs a maize mill.",
                details="",
                language="en",
                isic_classes=["1061"],
                technology_areas=[],
                sdgs=[2],
                countries=["KEN"],
                cooperation_types=["supply"],
                disclosure="public",
                status="published",
                created_at=STAMP,
                updated_at=STAMP,
            )
        )
        text_index.add(connection, [70])


def test_a_database_of_revision_0008_upgrades_and_its_records_declare_no_conditions(
    database_url: str, tmp_path: Path
) -> None:
    engine = create_engine(database_url)
    try:
        _at_revision(engine, "0008")
        _insert_at_0008(engine)
    finally:
        engine.dispose()
    platform = bootstrap(
        Settings(database_url=database_url, data_dir=tmp_path / "data"), initialise=True
    )
    try:
        assert schema_revision(platform.engine) == head_revision(platform.engine)
        old = read(platform, 70)
        assert old.hard_conditions == [] and old.title == "Maize mill for a cooperative"
        services.update_opportunity(
            by=OPERATOR,
            uow=platform.uow(),
            opportunity_id=70,
            changes={"hard_conditions": ["markets", "cooperation"]},
        )
        assert read(platform, 70).hard_conditions == [Condition.MARKETS, Condition.COOPERATION]
        with platform.engine.begin() as connection:
            assert text_index.is_consistent(connection)
    finally:
        platform.close()
