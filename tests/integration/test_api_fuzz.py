"""Property-based fuzzing of the whole OpenAPI: generated requests, valid and invalid, to every
operation, from the public and from an officer (whose requests reach the writes, imports and
exports), on both databases; no answer may be a server error or a status code the schema does
not document."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.core.result import Err, Ok
from schemathesis.specs.openapi.checks import status_code_conformance
from tests.actors import OPERATOR
from tests.auth import bearer, user
from tests.postgres import BACKENDS, database_on
from tests.records import opportunity_data, organisation_data

from itpo.accounts.model import Role
from itpo.adapters.app import create_app
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services

pytestmark = pytest.mark.fuzz
EXAMPLES = 20


@dataclass(frozen=True)
class Fuzzed:
    schema: schemathesis.BaseSchema
    headers: dict[str, dict[str, str]]  # by asker


@pytest.fixture(scope="module", params=BACKENDS)
def fuzzed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Fuzzed]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    with database_on(request.param, folder) as url:
        yield from _fuzzed(url, folder)


def _fuzzed(url: str, folder: Path) -> Iterator[Fuzzed]:
    platform = bootstrap(Settings(database_url=url, data_dir=folder / "data"), initialise=True)
    # A few real records, so generated ids sometimes name one and the deeper paths run.
    uow = platform.uow()
    services.create_organisation(by=OPERATOR, uow=uow, data=organisation_data())
    services.create_opportunity(by=OPERATOR, uow=uow, data=opportunity_data())
    services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(external_id="opp-2", kind="investment_project", trl=None),
    )
    officer = user(platform, "officer@itpo.example", Role.OFFICER)
    headers = {"public": {}, "officer": bearer(platform, officer)}
    yield Fuzzed(
        schemathesis.openapi.from_asgi("/openapi.json", create_app(platform=platform)), headers
    )
    platform.close()


@pytest.mark.parametrize("asker", ["public", "officer"])
def test_no_operation_answers_a_server_error_or_an_undocumented_status(
    fuzzed: Fuzzed, asker: str
) -> None:
    failures: dict[str, str] = {}
    results = list(fuzzed.schema.get_all_operations())
    bad = [r.err() for r in results if isinstance(r, Err)]
    assert not bad, bad  # every operation's schema is one a client can use
    operations = [r.ok() for r in results if isinstance(r, Ok)]
    assert len(operations) >= 20
    modes = list(schemathesis.GenerationMode)  # valid requests, and invalid ones too
    for operation, mode in itertools.product(operations, modes):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: schemathesis.Case[Any]) -> None:
            case.call_and_validate(
                headers=fuzzed.headers[asker],
                checks=[schemathesis.checks.not_a_server_error, status_code_conformance],
            )

        try:
            fuzz()
        except Unsatisfiable:
            continue  # no invalid request exists for an operation without inputs
        except (Exception, BaseExceptionGroup) as failure:  # try every operation, report all
            failures[f"{operation.label} ({mode.value})"] = str(failure)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
