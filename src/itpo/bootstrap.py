"""The one place that wires adapters together: API, CLI and tests all start here."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from itpo.adapters.storage.database import create_engine, migrate, require_current_schema
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.config import Settings


@dataclass
class Platform:
    settings: Settings
    engine: sa.Engine

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def bootstrap(settings: Settings, *, initialise: bool = False) -> Platform:
    """Connect to the configured database; with initialise, create or upgrade its schema."""
    engine = create_engine(settings.resolved_database_url)
    if initialise:
        migrate(engine)
    else:
        require_current_schema(engine)
    return Platform(settings=settings, engine=engine)
