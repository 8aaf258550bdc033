"""A record hidden from the asker and a record that does not exist answer alike, word for word,
so no answer tells the asker that something hidden is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.auth import bearer, user
from tests.records import opportunity_data, organisation_data

from itpo.accounts.model import Role
from itpo.adapters.app import create_app
from itpo.appraisal.services import attach_appraisal
from itpo.bootstrap import Platform
from itpo.registry import services

API = "/api/v1"
MODEL = Path(__file__).parents[2] / "src/itpo/appraisal/examples/solar_fruit_drying.json"


@pytest.fixture
def hidden_project(platform: Platform) -> tuple[int, int]:
    """A draft investment project, with an appraisal: hidden from all but its owner and staff."""
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    project = services.create_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        data=opportunity_data(
            external_id="project-draft", kind="investment_project", status="draft"
        ),
    )
    assert project.id is not None
    stored = attach_appraisal(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=project.id,
        model_data=json.loads(MODEL.read_text()),
    )
    assert stored.id is not None
    return project.id, stored.id


def same_answer(client: TestClient, hidden: str, missing: str, *, kind: str, key: int) -> None:
    one, other = client.get(hidden), client.get(missing)
    assert one.status_code == other.status_code == 404
    assert one.json() == {"detail": f"{kind} {key!r} not found"}
    assert other.json()["detail"].startswith(f"{kind} ")


def test_an_appraisal_of_a_hidden_project_is_missing_and_names_nothing_else(
    public_client: TestClient, hidden_project: tuple[int, int]
) -> None:
    project_id, appraisal_id = hidden_project
    for path in ("", "/report.html"):
        same_answer(
            public_client,
            f"{API}/appraisals/{appraisal_id}{path}",
            f"{API}/appraisals/999{path}",
            kind="appraisal",
            key=appraisal_id,
        )
    same_answer(
        public_client,
        f"{API}/opportunities/{project_id}/appraisals",
        f"{API}/opportunities/999/appraisals",
        kind="opportunity",
        key=project_id,
    )


def test_a_taken_external_id_is_no_oracle_for_a_member(
    platform: Platform, hidden_project: tuple[int, int]
) -> None:
    """A member chooses no external id, so a taken one and a free one are refused alike."""
    other = services.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(external_id="org-ke", name="Meru Mango Growers", country="KEN"),
    )
    member = bearer(
        platform, user(platform, "ops@meru.example", Role.MEMBER, organisation_id=other.id)
    )
    answers = []
    with TestClient(create_app(platform=platform), headers=member) as client:
        for wanted in ("project-draft", "nobody-has-this"):
            body = opportunity_data(external_id=wanted, organisation_id=other.id)
            del body["organisation"]
            answer = client.post(f"{API}/opportunities", json=body)
            answers.append((answer.status_code, answer.json()))
    assert answers[0] == answers[1] and answers[0][0] == 422
