"""A unit of work over one SQLAlchemy connection and transaction."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

import sqlalchemy as sa

from itpo.adapters.storage.account_audit_repository import SqlAuditRepository
from itpo.adapters.storage.account_repository import (
    SqlLoginAttemptRepository,
    SqlOfficeRepository,
    SqlResetRepository,
    SqlSessionRepository,
    SqlTokenRepository,
    SqlUserRepository,
)
from itpo.adapters.storage.repositories import (
    SqlInstallationRepository,
    SqlOpportunityRepository,
    SqlOrganisationRepository,
)

if TYPE_CHECKING:
    # Made on use (see the properties below): their modules load the appraisal and matching
    # domains, numpy with them, which a unit of work that only lists records does not need.
    from itpo.adapters.storage.appraisal_repository import SqlAppraisalRepository
    from itpo.adapters.storage.diagnostic_repository import SqlDiagnosticRepository
    from itpo.adapters.storage.event_repository import SqlEventRepository
    from itpo.adapters.storage.mail_repository import SqlOutboxRepository
    from itpo.adapters.storage.match_repository import SqlMatchRepository, SqlWeightsRepository
    from itpo.adapters.storage.pipeline_repository import (
        SqlDealRepository,
        SqlEvidenceRepository,
        SqlInteractionRepository,
        SqlVerificationRepository,
    )
    from itpo.adapters.storage.practice_repository import SqlPracticeRepository
    from itpo.adapters.storage.review_repository import SqlReviewRepository


class SqlUnitOfWork:
    organisations: SqlOrganisationRepository
    opportunities: SqlOpportunityRepository
    users: SqlUserRepository
    offices: SqlOfficeRepository
    tokens: SqlTokenRepository
    sessions: SqlSessionRepository
    resets: SqlResetRepository
    login_attempts: SqlLoginAttemptRepository
    audit: SqlAuditRepository
    installation: SqlInstallationRepository

    def __init__(self, engine: sa.Engine, *, immediate: bool = False) -> None:
        self.engine = engine
        # On SQLite, take the write lock when the transaction begins rather than at its first
        # write: a transaction that reads and then writes would otherwise fail whenever another
        # writer committed in between. For work that means to write (the API's unsafe methods).
        self.immediate = immediate
        self._connection: sa.Connection | None = None
        self._depth = 0

    def __enter__(self) -> Self:
        # Re-entrant: a service that calls another service shares the outer transaction.
        self._depth += 1
        if self._depth == 1:
            self._connection = self.engine.connect()
            if self.immediate:
                self._connection.execution_options(itpo_immediate=True)
            # The transaction begins with the first statement (SQLAlchemy's autobegin), so a
            # unit of work that ends after its commit holds no lock in between.
            self.organisations = SqlOrganisationRepository(self._connection)
            self.opportunities = SqlOpportunityRepository(self._connection)
            self.users = SqlUserRepository(self._connection)
            self.offices = SqlOfficeRepository(self._connection)
            self.tokens = SqlTokenRepository(self._connection)
            self.sessions = SqlSessionRepository(self._connection)
            self.resets = SqlResetRepository(self._connection)
            self.login_attempts = SqlLoginAttemptRepository(self._connection)
            self.audit = SqlAuditRepository(self._connection)
            self.installation = SqlInstallationRepository(self._connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0 and self._connection is not None:
            self.rollback()
            self._connection.close()
            self._connection = None

    @property
    def appraisals(self) -> SqlAppraisalRepository:
        from itpo.adapters.storage.appraisal_repository import SqlAppraisalRepository

        return SqlAppraisalRepository(self.connection)

    @property
    def matches(self) -> SqlMatchRepository:
        from itpo.adapters.storage.match_repository import SqlMatchRepository

        return SqlMatchRepository(self.connection)

    @property
    def weights(self) -> SqlWeightsRepository:
        from itpo.adapters.storage.match_repository import SqlWeightsRepository

        return SqlWeightsRepository(self.connection)

    @property
    def deals(self) -> SqlDealRepository:
        from itpo.adapters.storage.pipeline_repository import SqlDealRepository

        return SqlDealRepository(self.connection)

    @property
    def interactions(self) -> SqlInteractionRepository:
        from itpo.adapters.storage.pipeline_repository import SqlInteractionRepository

        return SqlInteractionRepository(self.connection)

    @property
    def evidence(self) -> SqlEvidenceRepository:
        from itpo.adapters.storage.pipeline_repository import SqlEvidenceRepository

        return SqlEvidenceRepository(self.connection)

    @property
    def verifications(self) -> SqlVerificationRepository:
        from itpo.adapters.storage.pipeline_repository import SqlVerificationRepository

        return SqlVerificationRepository(self.connection)

    @property
    def events(self) -> SqlEventRepository:
        from itpo.adapters.storage.event_repository import SqlEventRepository

        return SqlEventRepository(self.connection)

    @property
    def outbox(self) -> SqlOutboxRepository:
        from itpo.adapters.storage.mail_repository import SqlOutboxRepository

        return SqlOutboxRepository(self.connection)

    @property
    def diagnostics(self) -> SqlDiagnosticRepository:
        from itpo.adapters.storage.diagnostic_repository import SqlDiagnosticRepository

        return SqlDiagnosticRepository(self.connection)

    @property
    def practices(self) -> SqlPracticeRepository:
        from itpo.adapters.storage.practice_repository import SqlPracticeRepository

        return SqlPracticeRepository(self.connection)

    @property
    def reviews(self) -> SqlReviewRepository:
        from itpo.adapters.storage.review_repository import SqlReviewRepository

        return SqlReviewRepository(self.connection)

    @property
    def connection(self) -> sa.Connection:
        if self._connection is None:
            raise RuntimeError("the unit of work is not open")
        return self._connection

    def commit(self) -> None:
        if self._depth == 1:
            self.connection.commit()

    def rollback(self) -> None:
        if self._connection is not None and self._connection.in_transaction():
            self._connection.rollback()
