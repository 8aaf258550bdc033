"""The one place that wires adapters together: API, CLI and tests all start here."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa

from itpo.adapters.storage.database import create_engine, migrate, require_current_schema
from itpo.adapters.storage.unit_of_work import SqlUnitOfWork
from itpo.clock import Clock, today, utc_now
from itpo.config import Settings

if TYPE_CHECKING:
    from itpo.accounts.policy import AccountPolicy
    from itpo.adapters.index_store import EncoderSpec, IndexStore, OpportunityIndex
    from itpo.adapters.practice_index import CaseIndexStore, CaseSearchIndex
    from itpo.mail.links import SiteLinks
    from itpo.matching.cache import MatchCache

# The matching engine (numpy, the encoders) is imported on first use, so a command that
# only lists records does not wait for it.


@dataclass
class Platform:
    settings: Settings
    engine: sa.Engine
    # The matching encoders; None: the bundled ones. Tests share loaded models through it.
    encoders: list[EncoderSpec] | None = None
    # The one clock every adapter hands the services; tests fix it.
    clock: Clock = utc_now
    # Made on first use: commands that never match never load an encoder.
    _index: IndexStore | None = field(default=None, init=False, repr=False)
    _cases: CaseIndexStore | None = field(default=None, init=False, repr=False)

    def today(self) -> dt.date:
        """The platform clock's day (UTC), which validity dates are compared with."""
        return today(self.clock)

    def uow(self, *, immediate: bool = False) -> SqlUnitOfWork:
        """A unit of work; `immediate` for work that means to write (see SqlUnitOfWork)."""
        return SqlUnitOfWork(self.engine, immediate=immediate)

    def index_store(self) -> IndexStore:
        """The matching index beside the database (vectors cached in data_dir/index)."""
        from itpo.adapters.index_store import IndexStore

        if self._index is None:
            directory = self.settings.data_dir / "index"
            self._index = IndexStore(
                self.engine, directory, encoders=self.encoders, today=self.today
            )
        return self._index

    @functools.cached_property
    def match_cache(self) -> MatchCache:
        """Computed matches, reused while the index, the weights and the day stay the same."""
        from itpo.matching.cache import MatchCache

        return MatchCache()

    @functools.cached_property
    def account_policy(self) -> AccountPolicy:
        """Sign-in and credential rules from the settings; built once (it holds the hasher)."""
        return self.settings.account_policy()

    def links(self) -> SiteLinks:
        """The addresses the platform's mail points to, from its public address."""
        from itpo.mail.links import SiteLinks

        return SiteLinks(self.settings.resolved_public_url)

    def rates(self) -> dict[str, float]:
        """US dollars per currency unit for matching: the indicative table with the settings'
        rates over it."""
        from itpo.matching.service import INDICATIVE_RATES

        return {**INDICATIVE_RATES, **self.settings.currency_rates}

    def case_index(self) -> CaseSearchIndex:
        """The published practice cases' index, rebuilt when they change."""
        from itpo.adapters.practice_index import CaseIndexStore

        if self._cases is None:
            directory = self.settings.data_dir / "index"
            self._cases = CaseIndexStore(self.engine, directory, encoders=self.encoders)
        return self._cases.current()

    def index(self) -> OpportunityIndex:
        """The retrieval index, built once per process and kept current with the database."""
        return self.index_store().current()

    def close(self) -> None:
        self.engine.dispose()


def bootstrap(settings: Settings, *, initialise: bool = False, clock: Clock = utc_now) -> Platform:
    """Connect to the configured database; with initialise, create or upgrade its schema."""
    engine = create_engine(settings.resolved_database_url)
    if initialise:
        migrate(engine)
    else:
        require_current_schema(engine)
    return Platform(settings=settings, engine=engine, clock=clock)
