"""An import's answer as a stream of progress, through the app: each step as a JSON line, and
last the report, or the refusal with the status and detail the plain answer would carry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from tests.actors import OPERATOR
from tests.records import opportunity_data, organisation_data

from itpo.bootstrap import Platform
from itpo.registry import services

API = "/api/v1"


def streamed(client: TestClient, path: Path, **params: str) -> list[dict[str, Any]]:
    with path.open("rb") as upload:
        answer = client.post(f"{API}/imports", params={"progress": "true", **params},
                             files={"file": (path.name, upload, "application/json")})  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/x-ndjson"
    return [json.loads(line) for line in answer.text.splitlines()]


def write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(document))
    return path


def test_a_good_file_streams_its_steps_then_its_report(client: TestClient, tmp_path: Path) -> None:
    needs = [
        opportunity_data(external_id=f"need-{n}", kind="technology_need", trl=None)
        for n in range(2500)
    ]
    lines = streamed(client, write(tmp_path, {"organisations": [organisation_data()],
                                              "opportunities": needs}))  # fmt: skip
    first, *steps, last = lines
    assert first == {"stage": "reading"}
    counted = [step["rows"] for step in steps]
    assert counted == sorted(counted) and counted[-1] >= 2501
    assert last["stage"] == "done" and last["status"] == 200
    assert last["result"]["opportunities_created"] == 2500


def test_bad_rows_end_the_stream_with_the_refusal_naming_them(
    client: TestClient, tmp_path: Path
) -> None:
    bad = opportunity_data(organisation="org-nobody")
    *_, last = streamed(client, write(tmp_path, {"opportunities": [bad]}))
    assert (last["stage"], last["status"]) == ("refused", 422)
    assert last["detail"][0]["loc"] == ["opportunities", 1, "organisation"]


def test_a_move_not_allowed_ends_the_stream_with_a_conflict(
    client: TestClient, platform: Platform, tmp_path: Path
) -> None:
    services.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    rows = {"organisations": [organisation_data(name="Another name")]}
    *_, last = streamed(client, write(tmp_path, rows))
    assert (last["stage"], last["status"]) == ("refused", 409)
    assert "renames organisation" in last["detail"]


def test_a_file_that_cannot_be_read_ends_the_stream_with_its_problem(
    client: TestClient, tmp_path: Path
) -> None:
    broken = tmp_path / "records.json"
    broken.write_text('{"organisations": [')
    *_, last = streamed(client, broken)
    assert (last["stage"], last["status"]) == ("refused", 422)
    assert isinstance(last["detail"], str) and "records.json" in last["detail"]


def test_an_upload_of_another_kind_is_refused_before_it_is_read(client: TestClient) -> None:
    answer = client.post(f"{API}/imports", files={"file": ("records.txt", b"x", "text/plain")})
    assert answer.status_code == 422 and ".txt" in answer.json()["detail"]
