"""The demo's matches make sense to a reader.

Ten demo records, every kind and the three languages, illustrative and World Bank: each one's
top five are compatible counterparts with a connection the records themselves show, include
the counterpart a promotion officer would name first, and every reason is true of the two
records and free of restricted detail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.actors import OPERATOR
from tests.e2e.claims import Pair, Side, check_sentence, leaks, restricted_words

from itpo.bootstrap import Platform, bootstrap
from itpo.clock import fixed_clock
from itpo.config import Settings
from itpo.demo.loading import demo_batch
from itpo.matching.eligibility import AREA_DIVISIONS
from itpo.matching.service import MatchResult, find_matches
from itpo.registry import reference, services
from itpo.registry.importing import import_records
from itpo.registry.model import COMPATIBLE_KINDS, Opportunity

# The day the demo is loaded, indexed and matched for: the same matches whatever the calendar says.
TODAY = dt.date(2026, 11, 27)
SUBJECT = {"text", "isic", "technology"}


@dataclass(frozen=True)
class Case:
    """A demo record, what it is, and the counterparts a reader expects among its top five."""

    external_id: str
    kind: str
    language: str
    expected: tuple[str, ...]
    first: str | None = None  # the one a reader expects at the top, where it clearly leads


CASES = (
    Case("demo:need-meru-mango-drying", "technology_need", "en",
         ("demo:offer-sunfield-hybrid-dryer", "demo:offer-verdelago-mango"),
         first="demo:offer-sunfield-hybrid-dryer"),
    Case("demo:offer-sunfield-hybrid-dryer", "technology_offer", "zh",
         ("demo:need-meru-mango-drying", "demo:need-casamance-sechage-fr",
          "demo:project-meru-drying-plant")),
    Case("demo:need-casamance-sechage-fr", "technology_need", "fr",
         ("demo:offer-sunfield-hybrid-dryer",), first="demo:offer-sunfield-hybrid-dryer"),
    Case("demo:need-changshu-membrane", "technology_need", "zh",
         ("demo:offer-alpenklar-mbr-china", "demo:offer-alpenklar-food"),
         first="demo:offer-alpenklar-mbr-china"),
    Case("demo:offer-solenne-enzyme-fr", "technology_offer", "fr",
         ("demo:need-keqiao-enzyme",), first="demo:need-keqiao-enzyme"),
    Case("demo:project-korhogo-cajou-fr", "investment_project", "fr",
         ("demo:mandate-lumiere-pme-fr", "demo:mandate-rhine-postharvest")),
    Case("demo:project-weifang-heatpump-zh", "investment_project", "zh",
         ("demo:offer-fjellvarme-dairy-china",), first="demo:offer-fjellvarme-dairy-china"),
    Case("wb:P117635", "investment_project", "en",  # Kenya Water Security and Climate Resilience
         ("demo:mandate-alpine-water",)),
    Case("demo:mandate-alnoor-water", "investment_mandate", "en",
         ("wb:P101289", "wb:P118197")),  # water supply projects
    Case("demo:need-sidama-wastewater", "technology_need", "en",
         ("demo:offer-qinghe-coffee-biogas",), first="demo:offer-qinghe-coffee-biogas"),
)  # fmt: skip


@dataclass
class Demo:
    platform: Platform
    ids: dict[str, int]  # the cases' records, by external id
    external: dict[int, str]  # every counterpart shown, by id
    matches: dict[str, list[MatchResult]]

    def side(self, opportunity_id: int) -> Side:
        return load_side(self.platform, opportunity_id)


def load_side(platform: Platform, opportunity_id: int) -> Side:
    opportunity = services.get_opportunity(
        by=OPERATOR, uow=platform.uow(), opportunity_id=opportunity_id
    )
    owner = services.get_organisation(
        by=OPERATOR, uow=platform.uow(), organisation_id=opportunity.organisation_id
    )
    return Side(opportunity, owner)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo loaded and indexed once for the module: building the index takes most of it."""
    folder: Path = tmp_path_factory.mktemp("demo-matches")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'demo.sqlite3'}", data_dir=folder / "data"
    )
    platform = bootstrap(
        settings, initialise=True, clock=fixed_clock(dt.datetime.combine(TODAY, dt.time(9), dt.UTC))
    )
    import_records(by=OPERATOR, uow=platform.uow(), batch=demo_batch(today=TODAY))
    index = platform.index()
    with platform.uow() as uow:
        ids = uow.opportunities.ids_by_external_id([case.external_id for case in CASES])
    found = {
        case.external_id: find_matches(
            uow=platform.uow(),
            index=index,
            opportunity_id=ids[case.external_id],
            today=TODAY,
            top=5,
        )
        for case in CASES
    }
    shown = {m.opportunity_id for results in found.values() for m in results}
    external = {i: str(load_side(platform, i).opportunity.external_id) for i in shown}
    yield Demo(platform, ids, external, found)
    platform.close()


def sectors(opportunity: Opportunity) -> dict[str, str]:
    """ISIC divisions of the record, each with the class or technology area that puts it there:
    the classes it states, or, when it states none, the divisions its areas serve."""
    stated = {c[:2]: c for c in opportunity.isic_classes if reference.is_isic_class(c)}
    if stated:
        return stated
    return {d: a for a in opportunity.technology_areas for d in AREA_DIVISIONS.get(a, ())}


def connection(me: Opportunity, other: Opportunity) -> str | None:
    """What the records themselves show the two share, in words; None when nothing."""
    areas = set(me.technology_areas) & set(other.technology_areas)
    if areas:
        return f"technology areas {sorted(areas)}"
    ours, theirs = sectors(me), sectors(other)
    shared = sorted(set(ours) & set(theirs))
    if shared:
        return f"ISIC division {shared[0]} ({ours[shared[0]]} / {theirs[shared[0]]})"
    return None


@pytest.mark.parametrize("case", CASES, ids=[case.external_id for case in CASES])
def test_the_top_five_are_compatible_connected_and_include_the_expected_counterparts(
    demo: Demo, case: Case
) -> None:
    asking = demo.side(demo.ids[case.external_id]).opportunity
    assert (asking.kind.value, asking.language) == (case.kind, case.language)
    found = demo.matches[case.external_id]
    shown = [demo.external[m.opportunity_id] for m in found]
    for match in found:
        other = demo.side(match.opportunity_id).opportunity
        assert other.kind in COMPATIBLE_KINDS[asking.kind]
        assert other.organisation_id != asking.organisation_id
        why = connection(asking, other)
        assert why, f"{case.external_id} and {other.external_id} ({other.title}) share nothing"
    missing = set(case.expected) - set(shown)
    assert not missing, f"{case.external_id}: {sorted(missing)} not in the top five {shown}"
    if case.first:
        assert shown[0] == case.first, shown
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


@pytest.mark.parametrize("case", CASES, ids=[case.external_id for case in CASES])
def test_every_reason_is_true_of_the_two_records(demo: Demo, case: Case) -> None:
    me = demo.side(demo.ids[case.external_id])
    chinese = me.opportunity.language == "zh"
    for match in demo.matches[case.external_id]:
        pair = Pair(me, demo.side(match.opportunity_id), TODAY)
        assert match.reasons, match.title
        sentences = [*match.reasons, *([match.near_miss] if match.near_miss else [])]
        components = [check_sentence(text, pair) for text in sentences]
        assert components[0] in SUBJECT, (
            f"the first reason does not say what {match.title} is about"
        )
        for text in sentences:  # in the asking record's language: Chinese, else English
            assert bool(re.match(r"[\u4e00-\u9fff]", text)) == chinese, text
            assert chinese or not re.search(r"[\u4e00-\u9fff]", text), text


@pytest.mark.parametrize("case", CASES, ids=[case.external_id for case in CASES])
def test_no_reason_shows_restricted_details(demo: Demo, case: Case) -> None:
    me = demo.side(demo.ids[case.external_id])
    for match in demo.matches[case.external_id]:
        other = demo.side(match.opportunity_id)
        secret = restricted_words([me, other])
        assert secret, "the details hold words of their own, or this check proves nothing"
        shown = [*match.reasons, match.near_miss or ""]
        assert leaks(shown, secret) == [], match.title


FALSE_SENTENCES = {
    # Each is a true reason of the Meru mango need and the Chinese solar dryer, made false.
    "Same sector: ISIC 1050 Manufacture of dairy products.": "a class neither states",
    "Market fit: Uganda is one of the technology offer's target markets.": "not a market",
    "Market fit: Kenya is one of the technology offer's target markets, and a least "
    "developed country, a priority.": "Kenya is not a least developed country",
    "Shared technology areas: Solar thermal, Wind power.": "an area neither states",
    "Both accept supply, licensing.": "the need does not accept licensing",
    "Matching terms: mango.": "the Chinese teaser does not hold the word",
    "Amounts fit: technology need USD 40,000–120,000, technology offer USD 28,000–65,000.": (
        "the ranges overlap, neither holds the other"
    ),
    "Readiness fits: the technology offer is at TRL 7; the technology need asks for TRL 8 "
    "or more.": "the offer is at TRL 9",
    "市场相符：乌干达是该技术供给的目标市场之一。": "not a market, in Chinese",
    "Both contribute to SDG 7 Affordable and Clean Energy.": "the need does not name SDG 7",
    "The dryer suits the cooperative.": "no template reads it",
}


@pytest.mark.parametrize("sentence", FALSE_SENTENCES, ids=list(FALSE_SENTENCES.values()))
def test_the_checks_refuse_a_reason_the_records_do_not_bear_out(demo: Demo, sentence: str) -> None:
    need = demo.side(demo.ids["demo:need-meru-mango-drying"])
    dryer = demo.matches["demo:need-meru-mango-drying"][0]
    assert demo.external[dryer.opportunity_id] == "demo:offer-sunfield-hybrid-dryer"
    pair = Pair(need, demo.side(dryer.opportunity_id), TODAY)
    with pytest.raises(AssertionError):
        check_sentence(sentence, pair)


def test_the_leak_check_finds_a_word_of_the_details(demo: Demo) -> None:
    need = demo.side(demo.ids["demo:need-meru-mango-drying"])
    dryer = demo.matches["demo:need-meru-mango-drying"][0]
    sides = [need, demo.side(dryer.opportunity_id)]
    secret = restricted_words(sides)
    word = sorted(secret)[0]
    assert leaks([f"{dryer.reasons[0][:-1]} {word}."], secret) == [word]
    assert leaks(dryer.reasons, secret) == []
