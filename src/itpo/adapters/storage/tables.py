"""The database tables. Lists are stored twice: as JSON on the row (for reading it whole) and as
facet rows (for filtering by country, ISIC, SDG or area with an index)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB


class UtcDateTime(sa.TypeDecorator[dt.datetime]):
    """Timestamps are UTC and come back timezone-aware on every backend (SQLite keeps none)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

JsonList = sa.JSON().with_variant(JSONB(), "postgresql")
Timestamp = UtcDateTime()

organisation = sa.Table(
    "organisation",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("external_id", sa.String(100), nullable=True, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("country", sa.String(3), nullable=False, index=True),
    sa.Column("city", sa.String(100)),
    sa.Column("website", sa.String(300)),
    sa.Column("size", sa.String(16)),
    sa.Column("isic_classes", JsonList, nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("languages", JsonList, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # Made by a bulk import: an import may rename only what an import made (see importing).
    sa.Column("imported", sa.Boolean, nullable=False, server_default=sa.false()),
)

opportunity = sa.Table(
    "opportunity",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("external_id", sa.String(100), nullable=True, unique=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisation.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("teaser", sa.Text, nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("isic_classes", JsonList, nullable=False),
    sa.Column("technology_areas", JsonList, nullable=False),
    sa.Column("sdgs", JsonList, nullable=False),
    sa.Column("countries", JsonList, nullable=False),
    sa.Column("trl", sa.SmallInteger),
    sa.Column("min_trl", sa.SmallInteger),
    sa.Column("cooperation_types", JsonList, nullable=False),
    sa.Column("amount_min", sa.Float(53)),
    sa.Column("amount_max", sa.Float(53)),
    sa.Column("currency", sa.String(3)),
    sa.Column("hard_conditions", JsonList, nullable=False, server_default="[]"),
    sa.Column("energy_mwh_per_year", sa.Float(53)),
    sa.Column("co2_tonnes_per_year", sa.Float(53)),
    sa.Column("disclosure", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("valid_until", sa.Date),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # Made by a bulk import: an import may move only what an import made (see importing).
    sa.Column("imported", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_opportunity_kind_status", "kind", "status"),
    # The matching index asks for what changed since its last look, on every match.
    sa.Index("ix_opportunity_updated_at", "updated_at", "id"),
    sa.CheckConstraint(
        "amount_min IS NULL OR amount_max IS NULL OR amount_min <= amount_max", name="amount_order"
    ),
    sa.CheckConstraint("trl IS NULL OR trl BETWEEN 1 AND 9", name="trl_range"),
    sa.CheckConstraint("min_trl IS NULL OR min_trl BETWEEN 1 AND 9", name="min_trl_range"),
)

opportunity_facet = sa.Table(
    "opportunity_facet",
    metadata,
    sa.Column(
        "opportunity_id",
        sa.Integer,
        sa.ForeignKey("opportunity.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("facet", sa.String(16), primary_key=True),
    sa.Column("value", sa.String(40), primary_key=True),
    sa.Index("ix_opportunity_facet_lookup", "facet", "value", "opportunity_id"),
)

# Secrets of the installation (the key of derived external ids), made once at random.
installation_secret = sa.Table(
    "installation_secret",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(128), nullable=False),
)


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """Schema comparison skips the SQLite text index and its shadow tables (not in metadata)."""
    return not (type_ == "table" and name is not None and name.startswith("opportunity_text"))


def inserted_id(result: sa.CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just wrote."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])
