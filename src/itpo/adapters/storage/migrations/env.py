"""Alembic environment: runs on the engine the application hands over, never on a config URL."""

from __future__ import annotations

from alembic import context

from itpo.adapters.storage.tables import metadata

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
