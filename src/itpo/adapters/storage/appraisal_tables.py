"""The appraisal table: appraisals kept with investment projects. It joins the registry's
`metadata`, so migrations and schema comparison see one schema."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

appraisal = sa.Table(
    "appraisal",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "opportunity_id",
        sa.Integer,
        sa.ForeignKey("opportunity.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("model", JsonList, nullable=False),
    sa.Column("summary", JsonList, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
)
