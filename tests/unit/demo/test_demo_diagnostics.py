"""The demo's diagnostics: manufacturers of the demo set, complete and valid answers, one firm
assessed twice with progress; loaded once through the diagnostic's services."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from typing import Any

from tests.actors import OPERATOR

from itpo.bootstrap import Platform
from itpo.demo.diagnostics import load_demo_diagnostics
from itpo.diagnostic.answers import checked_answers
from itpo.diagnostic.questionnaire import questionnaire
from itpo.registry import services as registry


def shipped(name: str) -> dict[str, Any]:
    text = (resources.files("itpo.demo") / "data" / name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


DIAGNOSTICS = shipped("diagnostics.json")["diagnostics"]
ORGANISATIONS = {o["external_id"]: o for o in shipped("illustrative.json")["organisations"]}


def test_each_demo_diagnostic_is_of_a_demo_manufacturer_with_every_answer_valid() -> None:
    for spec in DIAGNOSTICS:
        firm = ORGANISATIONS[spec["organisation"]]
        assert any(10 <= int(c[:2]) <= 33 for c in firm["isic_classes"]), firm["name"]
        checked_answers(spec["answers"], questionnaire(), complete=True)
    countries = {ORGANISATIONS[s["organisation"]]["country"] for s in DIAGNOSTICS}
    assert {"KEN", "ETH", "VNM", "CHN"} <= countries


def test_one_demo_firm_is_assessed_twice_and_made_progress() -> None:
    twice = [o for o, n in Counter(s["organisation"] for s in DIAGNOSTICS).items() if n == 2]
    assert len(twice) == 1
    first, later = sorted(
        (s for s in DIAGNOSTICS if s["organisation"] == twice[0]), key=lambda s: -s["days_ago"]
    )
    assert sum(later["answers"].values()) > sum(first["answers"].values())


def test_the_demo_diagnostics_are_loaded_once_with_their_draft_needs(platform: Platform) -> None:
    for key in sorted({s["organisation"] for s in DIAGNOSTICS}):
        registry.create_organisation(uow=platform.uow(), by=OPERATOR, data=ORGANISATIONS[key])
    taken = load_demo_diagnostics(uow_factory=platform.uow, by=OPERATOR, now=platform.clock)
    assert taken == len(DIAGNOSTICS)
    with (uow := platform.uow()):
        stored = uow.diagnostics.list()
    assert len(stored) == len(DIAGNOSTICS) and all(len(d.needs) == 3 for d in stored)
    assert any(d.language == "zh" for d in stored)
    assert load_demo_diagnostics(uow_factory=platform.uow, by=OPERATOR, now=platform.clock) == 0
