"""The demo as a user runs it: real processes, a real server, real HTTP."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from tests.serving import free_port, wait_until_serving

ITPO = [sys.executable, "-m", "itpo"]
KINDS = {"technology_offer", "technology_need", "investment_project", "investment_mandate"}


def itpo(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ITPO, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("demo")
    env = os.environ | {
        "ITPO_DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
        "ITPO_DATA_DIR": str(folder / "data"),
    }
    loaded = itpo(env, "demo", "--no-serve")
    assert loaded.returncode == 0, loaded.stderr
    return env


def test_the_demo_has_every_kind_sixty_times_over_sixty_countries(demo_env: dict[str, str]) -> None:
    listed = itpo(demo_env, "opportunities", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    per_kind = Counter(r["kind"] for r in rows)
    assert set(per_kind) == KINDS
    assert min(per_kind.values()) >= 60, per_kind
    assert len({c for r in rows for c in r["countries"]}) >= 60


def test_the_demo_has_chinese_and_english_records(demo_env: dict[str, str]) -> None:
    rows = json.loads(itpo(demo_env, "opportunities", "list", "--json").stdout)
    languages = Counter(r["language"] for r in rows)
    assert languages["zh"] >= 30 and languages["en"] >= 300


def test_the_demo_is_dated_from_the_day_it_is_loaded(demo_env: dict[str, str]) -> None:
    today = dt.datetime.now(dt.UTC).date()
    rows = json.loads(itpo(demo_env, "opportunities", "list", "--json").stdout)
    for row in rows:
        if row["valid_until"] is None:  # the draft needs of the demo's diagnostics
            assert row["status"] == "draft" and row["kind"] == "technology_need", row
            continue
        days = (dt.date.fromisoformat(row["valid_until"]) - today).days
        if row["status"] == "expired":
            assert days < 0, row
        else:  # a day less when the run crosses midnight (UTC) after loading
            assert 364 <= days <= 730, row


def test_loading_the_demo_again_does_not_duplicate(demo_env: dict[str, str]) -> None:
    before = len(json.loads(itpo(demo_env, "opportunities", "list", "--json").stdout))
    assert itpo(demo_env, "demo", "--no-serve").returncode == 0
    after = len(json.loads(itpo(demo_env, "opportunities", "list", "--json").stdout))
    assert before == after


def deals_of(env: dict[str, str]) -> dict[str, object]:
    listed = itpo(env, "deals", "list", "--json", "--limit", "100")
    assert listed.returncode == 0, listed.stderr
    return dict(json.loads(listed.stdout))


def test_the_demo_follows_illustrative_deals_from_introduction_to_a_verified_outcome(
    demo_env: dict[str, str],
) -> None:
    found = deals_of(demo_env)
    items = found["items"]
    assert isinstance(items, list)
    assert found["total"] == len(items) >= 5
    assert all(row["illustrative"] for row in items)
    assert {row["stage"] for row in items} >= {"introduced", "agreement_signed", "operational"}
    assert {row["status"] for row in items} >= {"active", "on_hold", "dropped"}
    assert any(row["verified"] for row in items)
    assert all(len(row["organisation_ids"]) == 2 for row in items)
    today = dt.date.today()  # the demo's steps are dated back from the day it was loaded
    since = (today - dt.timedelta(days=400)).isoformat()
    window = ("--start", since, "--end", (today + dt.timedelta(days=1)).isoformat())
    answered = itpo(demo_env, "results", *window, "--json")
    assert answered.returncode == 0, answered.stderr
    results = json.loads(answered.stdout)
    assert results["illustrative_deals"] == len(items)
    assert results["verified_deals"] >= 1
    assert results["measures"]["investment_committed"]["verified"] > 0


def test_the_demo_outbox_holds_the_reminders_its_quiet_deals_call_for(
    demo_env: dict[str, str],
) -> None:
    listed = itpo(demo_env, "mail", "list", "--kind", "deal_reminder", "--json")
    assert listed.returncode == 0, listed.stderr
    reminders = json.loads(listed.stdout)["items"]
    assert reminders and all(m["state"] == "waiting" for m in reminders)  # no mail server set
    assert all(m["to"] == "admin@itpo-demo.example" for m in reminders)


def test_the_demo_has_an_upcoming_forum_and_a_past_delegation_with_its_feedback(
    demo_env: dict[str, str],
) -> None:
    listed = itpo(demo_env, "events", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    events = {e["kind"]: e for e in json.loads(listed.stdout)["items"]}
    assert set(events) == {"forum", "delegation"}
    today = dt.date.today()
    assert dt.date.fromisoformat(events["forum"]["first_day"]) > today
    assert dt.date.fromisoformat(events["delegation"]["first_day"]) < today
    assert all(e["schedule_version"] == 1 for e in events.values())
    forum = json.loads(
        itpo(demo_env, "events", "show", str(events["forum"]["id"]), "--json").stdout
    )
    states = forum["requests_by_state"]
    assert states["accepted"] >= 10 and states["pending"] >= 1 and states["declined"] >= 1
    assert forum["meetings_scheduled"] >= 10 and forum["meetings_held"] == 0
    assert forum["registration_open"] is True
    past = json.loads(
        itpo(demo_env, "events", "show", str(events["delegation"]["id"]), "--json").stdout
    )
    assert past["meetings_held"] >= 3 and past["no_shows"] == 1
    assert past["registration_open"] is False  # a past event takes no more registrations
    assert past["feedback"]["cooperation_possible"] >= 2


def test_loading_the_demo_again_does_not_duplicate_its_deals(demo_env: dict[str, str]) -> None:
    before = deals_of(demo_env)["total"]
    assert itpo(demo_env, "demo", "--no-serve").returncode == 0
    assert deals_of(demo_env)["total"] == before


@pytest.fixture
def server(demo_env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([*ITPO, "serve", "--port", str(port)], env=demo_env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_served_api_answers_filtered_listings(server: str) -> None:
    answer = httpx.get(
        f"{server}/api/v1/opportunities?kind=technology_need&country=KEN", timeout=10
    )
    assert answer.status_code == 200
    page = answer.json()
    assert page["total"] >= 1
    assert all(r["kind"] == "technology_need" and "KEN" in r["countries"] for r in page["items"])
    assert httpx.get(f"{server}/docs", timeout=10).status_code == 200


def test_serve_refuses_a_database_that_was_never_initialised(tmp_path: Path) -> None:
    env = os.environ | {
        "ITPO_DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}",
        "ITPO_DATA_DIR": str(tmp_path / "data"),
    }
    result = itpo(env, "serve", "--port", str(free_port()))
    assert result.returncode == 1
    assert "run `itpo init`" in result.stderr


def test_the_demo_shows_explained_matches(demo_env: dict[str, str]) -> None:
    rows = json.loads(
        itpo(
            demo_env,
            "opportunities",
            "list",
            "--json",
            "--kind",
            "technology_need",
            "--status",
            "published",
            "--q",
            "mango",
        ).stdout
    )
    assert rows, "the demo has a published mango need"
    answer = itpo(demo_env, "match", str(rows[0]["id"]), "--top", "5", "--json")
    assert answer.returncode == 0, answer.stderr
    matches = json.loads(answer.stdout)
    assert matches
    assert all(m["kind"] == "technology_offer" for m in matches)


def test_the_demo_has_published_practice_cases_in_english_and_chinese(
    demo_env: dict[str, str],
) -> None:
    cases = json.loads(itpo(demo_env, "practices", "list", "--json").stdout)
    assert len(cases) >= 40
    assert {(c["status"], c["languages"]) for c in cases} == {("published", "en,zh")}
    assert len({c["theme"] for c in cases}) == 6 and len({c["country"] for c in cases}) >= 15
    found = json.loads(
        itpo(demo_env, "practices", "search", "工业园区的污水怎么处理", "--json").stdout
    )
    assert found and found[0]["theme"] in ("industrial_parks", "circular_economy", "green_industry")
    assert itpo(demo_env, "demo", "--no-serve").returncode == 0
    again = json.loads(itpo(demo_env, "practices", "list", "--json").stdout)
    assert len(again) == len(cases)


def test_the_demo_has_diagnostics_with_progress_and_draft_needs(demo_env: dict[str, str]) -> None:
    taken = json.loads(itpo(demo_env, "diagnostics", "list", "--json").stdout)
    assert len(taken) == 5 and {d["status"] for d in taken} == {"submitted"}
    twice = [d for d in taken if d["organisation"].startswith("Adama Cotton")]
    assert len(twice) == 2 and twice[0]["overall"] > twice[1]["overall"]  # newest first
    shown = json.loads(itpo(demo_env, "diagnostics", "show", str(twice[0]["id"]), "--json").stdout)
    assert len(shown["needs"]) == 3 and {n["status"] for n in shown["needs"]} == {"draft"}
