"""Alembic environment: runs on the engine the application hands over, never on a config URL."""

from __future__ import annotations

from alembic import context

# Imported for their side effect: each registers its tables in `metadata`.
import itpo.adapters.storage.account_tables
import itpo.adapters.storage.appraisal_tables
import itpo.adapters.storage.diagnostic_tables
import itpo.adapters.storage.event_tables
import itpo.adapters.storage.mail_tables
import itpo.adapters.storage.match_tables
import itpo.adapters.storage.pipeline_tables
import itpo.adapters.storage.practice_tables
import itpo.adapters.storage.review_tables  # noqa: F401
from itpo.adapters.storage.tables import include_name, metadata

engine = context.config.attributes["engine"]


with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
    )
    context.run_migrations()
