"""Role x deal route: each asker gets the status the pipeline's rules give (tests.deal_matrix),
no answer names a deal to someone outside it, and evidence views are audited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.auth import bearer
from tests.clock import TEST_CLOCK
from tests.deal_matrix import DEAL_ASKERS, DEAL_CASES, PDF, DealCase
from tests.deals import introduced_world
from tests.postgres import BACKENDS, database_on

from itpo.accounts.model import Scope
from itpo.adapters.app import create_app
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.pipeline import confirmations, deals, evidence

API = "/api/v1"
SECRET_NOTE = "DEAL-NOTE-7Q"


@dataclass
class DealMatrixWorld:
    clients: dict[str, TestClient]
    ids: dict[str, int]
    token: str


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DealMatrixWorld]:
    folder: Path = tmp_path_factory.mktemp("deal-matrix")
    with database_on(request.param, folder) as url:
        platform = bootstrap(
            Settings(database_url=url, data_dir=folder / "data"), initialise=True, clock=TEST_CLOCK
        )
        built = introduced_world(platform)
        deal = deals.open_deal_from_match(
            uow=platform.uow(), by=built.officer, match_id=built.match, now=platform.clock
        )
        assert deal.id is not None
        deals.update_deal(
            uow=platform.uow(),
            by=built.officer,
            deal_id=deal.id,
            changes={"notes": SECRET_NOTE},
            now=platform.clock,
        )
        kept = evidence.add_evidence(
            uow=platform.uow(),
            by=built.officer,
            deal_id=deal.id,
            kind="signed_agreement",
            filename="licence.pdf",
            content=PDF,
            description="Licence, signed",
            now=platform.clock,
        )
        issued = confirmations.request_confirmation(
            uow=platform.uow(),
            by=built.officer,
            deal_id=deal.id,
            organisation_id=built.kenya,
            email="ops@meru.example",
            now=platform.clock,
        )
        headers = {
            "public": {},
            "party": bearer(platform, built.chinese),
            "read_only": bearer(platform, built.chinese, [Scope.READ]),
            "other_member": bearer(platform, built.other_member),
            "officer": bearer(platform, built.officer),
            "second": bearer(platform, built.second_officer),
            "admin": bearer(platform, built.admin),
        }
        app = create_app(platform=platform)
        clients = {
            name: TestClient(app, raise_server_exceptions=False, headers=h)
            for name, h in headers.items()
        }
        assert kept.id is not None
        ids = {"deal": deal.id, "evidence": kept.id, "party": built.china}
        yield DealMatrixWorld(clients, ids, issued.token)
        platform.close()


def fill(path: str, world: DealMatrixWorld) -> str:
    return path.format(token=world.token, **{k: str(v) for k, v in world.ids.items()})


@pytest.mark.parametrize("case", DEAL_CASES, ids=lambda c: f"{c.method} {c.path}")
def test_each_deal_route_answers_each_asker_as_the_rules_say(
    world: DealMatrixWorld, case: DealCase
) -> None:
    for asker in DEAL_ASKERS:
        answer = world.clients[asker].request(
            case.method,
            API + fill(case.path, world),
            json=case.body(world.ids) if case.body else None,
            params={k: fill(str(v), world) for k, v in (case.params or {}).items()},
            files=case.files,
            data=case.data,
        )
        expected = case.expected[asker]
        assert answer.status_code == expected, (asker, case.method, case.path, answer.text[:300])
        if asker in ("public", "other_member"):
            assert SECRET_NOTE not in answer.text, (asker, case.path)
            assert "Meru Mango Growers" not in answer.text or "confirmations" in case.path


def test_members_list_only_their_own_deals(world: DealMatrixWorld) -> None:
    party = world.clients["party"].get(f"{API}/deals").json()
    outsider = world.clients["other_member"].get(f"{API}/deals").json()
    assert world.ids["deal"] in {d["id"] for d in party["items"]}
    assert outsider["total"] == 0 and outsider["items"] == []
    unseen = world.clients["other_member"].get(
        f"{API}/interactions", params={"deal_id": world.ids["deal"]}
    )
    assert unseen.status_code == 404


def test_every_view_of_evidence_is_audited(world: DealMatrixWorld) -> None:
    def viewed() -> int:
        log = world.clients["admin"].get(
            f"{API}/audit", params={"action": "evidence.view", "limit": 1}
        )
        assert log.status_code == 200, log.text
        total: int = log.json()["total"]
        return total

    before = viewed()
    path = f"{API}/evidence/{world.ids['evidence']}/content"
    assert world.clients["party"].get(path).status_code == 200
    assert world.clients["other_member"].get(path).status_code == 404
    assert viewed() == before + 1
