"""The match pages and the opportunity forms over HTTP: who sees what, feedback on matches,
creating, changing and deleting opportunities, and every refusal (bad ids, bad values, forms
without their token), with nothing half-written."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from itpo.accounts import services as accounts
from itpo.accounts.model import AuditQuery
from itpo.accounts.principal import Principal
from itpo.matching.decisions import Match, MatchState
from itpo.matching.tracking import get_match, list_matches
from itpo.registry import services
from itpo.registry.errors import NotFound
from itpo.registry.queries import OpportunityQuery
from tests.actors import OPERATOR
from tests.records import opportunity_data
from tests.world import SECRET, World, csrf_of, signed_in

HTMX = {"HX-Request": "true"}
WATER = {
    "isic_classes": ["3600"], "technology_areas": ["green.water_treatment"], "sdgs": [6],
    "countries": ["TZA"], "cooperation_types": ["licensing", "supply"], "language": "en",
}  # fmt: skip


@pytest.fixture(scope="module")
def pair(world: World) -> dict[str, int]:
    """Records of this module's own: the own organisation's water need and two offers for it
    (the third's and the other's), about a subject no record of the world shares."""
    uow = world.platform.uow()

    def make(key: str, org: str, **changes: Any) -> int:
        data = opportunity_data(
            external_id=f"work-{key}",
            organisation=f"org-{org}",
            details=SECRET.format(f"work-{key}"),
            **WATER,
            **changes,
        )
        created = services.create_opportunity(by=OPERATOR, uow=uow, data=data)
        assert created.id is not None
        return created.id

    ids = {
        "need": make(
            "need",
            "own",
            kind="technology_need",
            trl=None,
            min_trl=5,
            title="Water purification for Arusha dairies",
            teaser="Dairy cooperatives in Arusha need water purification units.",
        ),
        "offer": make(
            "offer",
            "third",
            disclosure="anonymous",
            trl=7,
            title="Solar water purification units for dairies",
            teaser="Solar-powered water purification units for dairies.",
        ),
        "second": make(
            "second",
            "other",
            trl=8,
            title="Water purification kiosks for dairies",
            teaser="Water purification kiosks serving rural dairies.",
        ),
    }
    client = signed_in(world, "officer")
    page = client.get(f"/opportunities/{ids['need']}/matches?top=20")
    assert page.status_code == 200, page.text
    return ids


def _match_of(world: World, one: int, other: int) -> Match:
    found = list_matches(by=OPERATOR, uow=world.platform.uow(), opportunity_id=one, limit=100)
    return next(m for m in found.items if other in (m.first_id, m.second_id))


def _count(world: World) -> int:
    return services.list_opportunities(
        by=OPERATOR, uow=world.platform.uow(), query=OpportunityQuery()
    ).total


def _audit(world: World, action: str, subject_id: int) -> list[Any]:
    query = AuditQuery(action=action, subject_id=str(subject_id))
    page = accounts.list_audit(uow=world.platform.uow(), by=Principal.system(), query=query)
    return list(page.items)


# --- An opportunity's matches -----------------------------------------------------------------


def test_the_owner_sees_its_matches_as_a_page_and_as_a_fragment(world: World) -> None:
    client = signed_in(world, "member")
    url = f"/opportunities/{world.ids['own']}/matches"
    page = client.get(url)
    assert page.status_code == 200
    assert "<html" in page.text and "Solar tunnel dryer for mango" in page.text
    fragment = client.get(url, headers=HTMX)
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert fragment.text.lstrip().startswith("<h2>Matches</h2>")
    assert 'class="score"' in fragment.text and re.search(r'class="w\d+"', fragment.text)
    assert f'href="/opportunities/{world.ids["other"]}"' in fragment.text
    assert "Same sector: ISIC 2819" in fragment.text  # the reasons, with their facts
    assert 'name="side" value="{}"'.format(world.ids["own"]) in fragment.text


def _match_item(text: str, title: str) -> str:
    """The part of a match list that shows the counterpart with this title."""
    [item] = [part for part in text.split('<li class="match"')[1:] if title in part]
    return item


def test_a_member_sees_an_anonymous_owner_only_once_introduced(world: World) -> None:
    text = signed_in(world, "member").get(f"/opportunities/{world.ids['own']}/matches").text
    # Not introduced: the anonymous counterpart is listed without its owner...
    hidden = _match_item(text, "Anonymous solar fruit dryer")
    assert "Organisation not disclosed" in hidden and "Pudong" not in hidden
    # ...while the one both sides accepted names it, as its record's page does.
    assert "Kassel Dryers" in _match_item(text, "Kassel solar mango dryer")
    assert "SECRET-DETAIL" not in text
    assert str(123456) not in text and "123,456" not in text  # no amount of a counterpart


def test_matches_are_refused_as_the_api_refuses_them(world: World) -> None:
    own = f"/opportunities/{world.ids['own']}/matches"
    assert signed_in(world, "other_member").get(own).status_code == 403
    hidden = f"/opportunities/{world.ids['other_draft']}/matches"
    assert signed_in(world, "member").get(hidden).status_code == 404
    public = signed_in(world, "public")
    answer = public.get(own, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/login?next={own}"
    htmx = public.get(own, headers=HTMX, follow_redirects=False)
    assert htmx.status_code == 204 and htmx.headers["hx-redirect"] == "/login"


def test_an_officer_sees_every_opportunitys_matches_and_speaks_for_no_side(world: World) -> None:
    text = signed_in(world, "officer").get(f"/opportunities/{world.ids['own']}/matches").text
    assert "Solar tunnel dryer for mango" in text
    assert 'name="side" value=""' in text


def test_a_draft_has_no_matches_yet_and_says_why(world: World) -> None:
    client = signed_in(world, "other_member")
    url = f"/opportunities/{world.ids['other_draft']}/matches"
    page = client.get(url)
    assert page.status_code == 409
    assert "published opportunities only" in page.text
    fragment = client.get(url, headers=HTMX)
    assert fragment.status_code == 200  # HTMX swaps 2xx answers only
    assert "published opportunities only" in fragment.text


@pytest.mark.parametrize(
    "path",
    [
        "/opportunities/0/matches",
        "/opportunities/99999999999/matches",
        "/opportunities/abc/matches",
        "/opportunities/999999/matches",
    ],
)
def test_a_bad_opportunity_id_is_not_found(world: World, path: str) -> None:
    assert signed_in(world, "officer").get(path).status_code == 404


@pytest.mark.parametrize("query", ["top=0", "top=101", "top=abc", "include_declined=maybe"])
def test_bad_query_values_are_refused_with_a_page(world: World, query: str) -> None:
    answer = signed_in(world, "member").get(f"/opportunities/{world.ids['own']}/matches?{query}")
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")


def test_matches_speak_chinese_reasons_included(world: World) -> None:
    text = signed_in(world, "member").get(f"/opportunities/{world.ids['own']}/matches?lang=zh").text
    assert "<h2>匹配</h2>" in text
    assert "行业相同：ISIC 2819" in text  # written again from the reason's facts
    assert "市场相符：肯尼亚是目标市场之一。" in text
    assert "Same sector" not in text
    assert "机构名称未公开" in text


# --- Feedback ---------------------------------------------------------------------------------


def test_a_member_accepts_a_match_and_sees_its_new_state_in_place(
    world: World, pair: dict[str, int]
) -> None:
    match = _match_of(world, pair["need"], pair["offer"])
    client = signed_in(world, "member")
    page = client.get(f"/opportunities/{pair['need']}/matches")
    answer = client.post(
        f"/matches/{match.id}/feedback",
        data={"verdict": "accept", "side": str(pair["need"]), "back": "/x"},
        headers={**HTMX, "X-CSRF-Token": csrf_of(page.text)},
    )
    assert answer.status_code == 200
    assert f'id="match-{match.id}-state"' in answer.text and "<html" not in answer.text
    assert 'class="badge interested"' in answer.text
    assert "Your verdict is saved" in answer.text
    assert (
        get_match(by=OPERATOR, uow=world.platform.uow(), match_id=match.id or 0).state
        is MatchState.INTERESTED
    )


def test_without_javascript_a_verdict_returns_to_a_page_of_ours(
    world: World, pair: dict[str, int]
) -> None:
    match = _match_of(world, pair["need"], pair["offer"])
    client = signed_in(world, "member")
    token = csrf_of(client.get(f"/matches/{match.id}").text)
    for back, expected in (
        (f"/opportunities/{pair['need']}/matches", None),
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
    ):
        answer = client.post(
            f"/matches/{match.id}/feedback",
            data={
                "verdict": "accept",
                "side": str(pair["need"]),
                "back": back,
                "csrf_token": token,
            },
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == (expected or back)


def test_a_decline_needs_a_reason_and_nothing_is_written_without_one(
    world: World, pair: dict[str, int]
) -> None:
    match = _match_of(world, pair["need"], pair["second"])
    client = signed_in(world, "member")
    token = csrf_of(client.get(f"/matches/{match.id}").text)
    data = {"verdict": "decline", "side": str(pair["need"]), "reason": "   ", "csrf_token": token}
    page = client.post(f"/matches/{match.id}/feedback", data=data)
    assert page.status_code == 422
    assert "Say why you decline" in page.text
    assert 'aria-invalid="true"' in page.text and '<details class="decline" open>' in page.text
    fragment = client.post(f"/matches/{match.id}/feedback", data=data, headers=HTMX)
    assert fragment.status_code == 200 and "Say why you decline" in fragment.text
    too_long = client.post(f"/matches/{match.id}/feedback", data={**data, "reason": "x" * 2001})
    assert too_long.status_code == 422 and "at most 2000 characters" in too_long.text
    assert "x" * 2001 in too_long.text  # what was typed stays
    bad = client.post(f"/matches/{match.id}/feedback", data={**data, "verdict": "maybe"})
    assert bad.status_code == 422 and "Choose accept or decline." in bad.text
    stored = get_match(by=OPERATOR, uow=world.platform.uow(), match_id=match.id or 0)
    assert stored.decisions == () and stored.state is MatchState.PROPOSED
    chinese = client.post(f"/matches/{match.id}/feedback?lang=zh", data=data)
    assert "请说明拒绝理由" in chinese.text


def test_a_verdict_without_its_token_is_refused(world: World, pair: dict[str, int]) -> None:
    match = _match_of(world, pair["need"], pair["second"])
    client = signed_in(world, "member")
    data = {"verdict": "accept", "side": str(pair["need"])}
    assert client.post(f"/matches/{match.id}/feedback", data=data).status_code == 403
    forged = {**data, "csrf_token": "forged"}
    assert client.post(f"/matches/{match.id}/feedback", data=forged).status_code == 403
    assert get_match(by=OPERATOR, uow=world.platform.uow(), match_id=match.id or 0).decisions == ()


def test_a_member_decides_for_its_own_side_only(world: World, pair: dict[str, int]) -> None:
    match = _match_of(world, pair["need"], pair["second"])
    client = signed_in(world, "member")
    token = csrf_of(client.get(f"/matches/{match.id}").text)
    for side in (str(pair["second"]), "", "abc"):
        data = {"verdict": "accept", "side": side, "csrf_token": token}
        answer = client.post(f"/matches/{match.id}/feedback", data=data)
        assert answer.status_code == 403, side
    outsider = signed_in(world, "other_member")  # owns "second", not "need"
    token = csrf_of(outsider.get(f"/matches/{match.id}").text)
    data = {"verdict": "accept", "side": str(pair["need"]), "csrf_token": token}
    assert outsider.post(f"/matches/{match.id}/feedback", data=data).status_code == 403
    assert get_match(by=OPERATOR, uow=world.platform.uow(), match_id=match.id or 0).decisions == ()


def test_a_match_of_others_is_not_found(world: World, pair: dict[str, int]) -> None:
    match = _match_of(world, pair["need"], pair["offer"])  # own and third: not "other"'s
    client = signed_in(world, "other_member")
    assert client.get(f"/matches/{match.id}").status_code == 404
    token = csrf_of(client.get("/matches").text)
    data = {"verdict": "accept", "side": str(pair["need"]), "csrf_token": token}
    assert client.post(f"/matches/{match.id}/feedback", data=data).status_code == 404
    for bad in ("0", "99999999999", "abc", "999999"):
        assert client.get(f"/matches/{bad}").status_code == 404, bad
    assert (
        signed_in(world, "public").get(f"/matches/{match.id}", follow_redirects=False).status_code
        == 303
    )


def test_the_match_page_shows_the_pair_and_every_verdict(
    world: World, pair: dict[str, int]
) -> None:
    text = signed_in(world, "member").get(f"/matches/{world.match_id}").text
    assert "Solar dryer for mango exporters" in text and "Kassel solar mango dryer" in text
    assert 'class="badge introduced"' in text
    assert text.count('class="badge introduced">Accept') == 2  # both sides' verdicts
    assert "Kassel Dryers" in text  # an introduction discloses the anonymous owner...
    match = _match_of(world, pair["need"], pair["offer"])
    before = signed_in(world, "member").get(f"/matches/{match.id}").text
    assert "Solar water purification units" in before
    assert "Kassel Dryers" not in before  # ...and nothing less does
    assert "SECRET-DETAIL" not in text + before


# --- The list of matches ----------------------------------------------------------------------


def test_a_member_lists_its_organisations_matches(world: World, pair: dict[str, int]) -> None:
    text = signed_in(world, "member").get("/matches").text
    assert "Solar dryer for mango exporters" in text and "Water purification for Arusha" in text
    assert f'href="/matches/{world.match_id}"' in text
    other = signed_in(world, "other_member").get("/matches").text
    offer = _match_of(world, pair["need"], pair["offer"])
    assert f'href="/matches/{offer.id}"' not in other  # own and third: none of theirs
    assert "Water purification kiosks" in other


def test_the_list_filters_by_state_and_pages(world: World, pair: dict[str, int]) -> None:
    client = signed_in(world, "officer")
    introduced = client.get("/matches?state=introduced").text
    assert f'href="/matches/{world.match_id}"' in introduced
    assert 'value="introduced" checked' in introduced
    proposed = client.get("/matches?state=proposed").text
    assert f'href="/matches/{world.match_id}"' not in proposed
    focused = client.get(f"/matches?opportunity_id={pair['need']}").text
    assert "Water purification kiosks" in focused and "Solar tunnel dryer" not in focused
    beyond = client.get("/matches?offset=100000")
    assert beyond.status_code == 200 and "No match in these states." in beyond.text


@pytest.mark.parametrize("query", ["state=bogus", "offset=-1", "offset=x", "opportunity_id=0"])
def test_bad_list_queries_are_refused(world: World, query: str) -> None:
    assert signed_in(world, "officer").get(f"/matches?{query}").status_code == 400


def test_the_list_is_for_signed_in_people_and_its_owners(world: World) -> None:
    answer = signed_in(world, "public").get("/matches", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login?next=/matches"
    other = signed_in(world, "other_member")
    assert other.get(f"/matches?opportunity_id={world.ids['own']}").status_code == 403
    member = signed_in(world, "member")
    assert member.get(f"/matches?opportunity_id={world.ids['other_draft']}").status_code == 404
    assert "匹配" in member.get("/matches?lang=zh").text


def test_a_counterpart_taken_back_to_draft_is_not_named(world: World, pair: dict[str, int]) -> None:
    data = opportunity_data(
        external_id="work-hidden",
        organisation="org-other",
        **WATER,
        trl=7,
        title="Ultraviolet water purification for dairies",
        teaser="Ultraviolet water purification for dairy cooperatives.",
    )
    created = services.create_opportunity(by=OPERATOR, uow=world.platform.uow(), data=data)
    assert created.id is not None
    signed_in(world, "officer").get(f"/opportunities/{pair['need']}/matches?top=20")
    match = _match_of(world, pair["need"], created.id)
    services.update_opportunity(
        by=OPERATOR,
        uow=world.platform.uow(),
        opportunity_id=created.id,
        changes={"status": "draft"},
    )
    text = signed_in(world, "member").get(f"/matches/{match.id}").text
    assert "Ultraviolet" not in text and "An opportunity you cannot see" in text
    listed = signed_in(world, "member").get(f"/matches?opportunity_id={pair['need']}").text
    assert "Ultraviolet" not in listed


# --- Creating, changing and deleting opportunities --------------------------------------------


def _valid(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "technology_offer",
        "title": "Biogas digesters for dairy farms",
        "teaser": "Small biogas digesters that turn dairy manure into cooking gas.",
        "details": "Unit cost and licence terms.",
        "language": "en",
        "countries": ["KEN", "UGA"],
        "isic_classes": ["3520"],
        "technology_areas": ["green.bioenergy"],
        "sdgs": ["7", "13"],
        "trl": "8",
        "min_trl": "",
        "cooperation_types": ["licensing", "supply"],
        "amount_min": "10000",
        "amount_max": "50000",
        "currency": "USD",
        "energy_mwh_per_year": "120",
        "co2_tonnes_per_year": "80",
        "disclosure": "public",
        "status": "draft",
        "valid_until": "2030-06-30",
    } | changes


def _post_new(client: TestClient, data: dict[str, Any], lang: str = "en") -> Any:
    token = csrf_of(client.get("/opportunities/new").text)
    return client.post(
        f"/opportunities/new?lang={lang}",
        data={**data, "csrf_token": token},
        follow_redirects=False,
    )


def test_the_new_form_offers_the_reference_data(world: World) -> None:
    member = signed_in(world, "member").get("/opportunities/new").text
    assert 'name="organisation_id" value="{}"'.format(world.organisations["own"]) in member
    assert "Meru Mango Growers" in member and "Pudong Solar Agritech" not in member
    for expected in (
        'value="KEN"',
        'value="3520"',
        'value="green.bioenergy"',
        'name="sdgs"',
        'value="joint_rnd"',
        'value="USD"',
        'name="valid_until"',
        'value="anonymous"',
    ):
        assert expected in member, expected
    officer = signed_in(world, "officer").get("/opportunities/new").text
    assert '<select id="f-organisation_id"' in officer and "Kassel Dryers" in officer
    answer = signed_in(world, "public").get("/opportunities/new", follow_redirects=False)
    assert answer.status_code == 303


def test_a_member_creates_an_opportunity_of_its_own_with_an_audit_entry(world: World) -> None:
    client = signed_in(world, "member")
    answer = _post_new(client, _valid(title="Biogas digesters for Meru dairies"))
    assert answer.status_code == 303
    new_id = int(answer.headers["location"].rsplit("/", 1)[1])
    created = services.get_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=new_id)
    assert created.organisation_id == world.organisations["own"]
    assert created.countries == ["KEN", "UGA"] and created.sdgs == [7, 13]
    assert created.amount_max == 50000 and created.currency == "USD"
    assert [e.actor_id for e in _audit(world, "opportunity.create", new_id)] == [
        world.users["member"]
    ]


def test_a_member_may_not_create_for_another_organisation(world: World) -> None:
    before = _count(world)
    other = str(world.organisations["other"])
    answer = _post_new(signed_in(world, "member"), _valid(organisation_id=other))
    assert answer.status_code == 403
    assert _count(world) == before


BAD_VALUES = [
    ({"title": ""}, "title", "Required."),
    ({"title": "x" * 301}, "title", "Too long: 301 characters, at most 300."),
    ({"teaser": ""}, "teaser", "Required."),
    ({"kind": "bogus"}, "kind", "Choose one of the options."),
    ({"language": "english"}, "language", "Not a language code"),
    ({"countries": ["XXX"]}, "countries", "Unknown country: XXX."),
    ({"isic_classes": ["9999"]}, "isic_classes", "Unknown ISIC class: 9999."),
    ({"technology_areas": ["green.nothing"]}, "technology_areas", "Unknown technology area"),
    ({"sdgs": ["18"]}, "sdgs", "Must be between 1 and 17."),
    ({"trl": "12"}, "trl", "Must be between 1 and 9."),
    ({"kind": "technology_need"}, "trl", "TRL applies to offers and projects"),
    ({"min_trl": "4"}, "min_trl", "The minimum TRL applies to needs and mandates"),
    ({"cooperation_types": ["barter"]}, "cooperation_types", "Choose one of the options."),
    ({"amount_min": "abc"}, "amount_min", "Not a number."),
    ({"amount_min": "-5"}, "amount_min", "Must not be negative."),
    ({"amount_min": "90000"}, "amount_min", "The lowest amount is above the highest."),
    ({"currency": ""}, "currency", "Choose the currency of the amounts."),
    ({"currency": "XYZ"}, "currency", "Unknown currency: XYZ."),
    ({"energy_mwh_per_year": "1e400"}, "energy_mwh_per_year", "Not a number."),
    ({"disclosure": "secret"}, "disclosure", "Choose one of the options."),
    ({"status": "live"}, "status", "Choose one of the options."),
    ({"valid_until": "2030-13-45"}, "valid_until", "Not a date"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_VALUES)
def test_a_bad_value_is_shown_next_to_its_field_and_nothing_is_saved(
    world: World, changes: dict[str, Any], field: str, message: str
) -> None:
    before = _count(world)
    answer = _post_new(signed_in(world, "member"), _valid(**changes))
    assert answer.status_code == 422
    problem = re.search(f'<p class="problem" id="f-{field}-problem">([^<]*)</p>', answer.text)
    assert problem and message in problem.group(1), answer.text[:200]
    assert f'id="f-{field}"' in answer.text or f'name="{field}"' in answer.text
    assert "Nothing was saved" in answer.text
    assert _count(world) == before
    kept = _valid(**changes)["title"]
    assert f'value="{kept}"' in answer.text  # what was typed stays


def test_an_officer_must_name_an_existing_owner(world: World) -> None:
    before = _count(world)
    client = signed_in(world, "officer")
    missing = _post_new(client, _valid())
    assert missing.status_code == 422 and "Choose the organisation that owns" in missing.text
    unknown = _post_new(client, _valid(organisation_id="999999"))
    assert unknown.status_code == 422 and "No such organisation." in unknown.text
    assert _count(world) == before
    made = _post_new(client, _valid(organisation_id=str(world.organisations["third"])))
    assert made.status_code == 303


@pytest.mark.parametrize("digits", ["²", "٣", "１２"])
def test_an_id_of_digits_that_only_look_like_digits_is_a_choice_to_make(
    world: World, digits: str
) -> None:
    """`str.isdigit` takes superscripts, Arabic-Indic and full-width digits; `int` refuses
    some of them: the form answers with its message, never a 500."""
    before = _count(world)
    answer = _post_new(signed_in(world, "officer"), _valid(organisation_id=digits))
    assert answer.status_code == 422 and "Choose the organisation that owns" in answer.text
    assert _count(world) == before


def test_the_form_answers_in_chinese(world: World) -> None:
    client = signed_in(world, "member")
    assert "新建合作机会" in client.get("/opportunities/new?lang=zh").text
    answer = _post_new(client, _valid(title="", amount_min="abc"), lang="zh")
    assert answer.status_code == 422
    assert "必填。" in answer.text and "不是有效数字。" in answer.text


def test_a_new_form_without_its_token_is_refused(world: World) -> None:
    before = _count(world)
    client = signed_in(world, "member")
    assert client.post("/opportunities/new", data=_valid()).status_code == 403
    assert (
        client.post("/opportunities/new", data={**_valid(), "csrf_token": "x"}).status_code == 403
    )
    assert _count(world) == before


@pytest.fixture
def mine(world: World) -> int:
    """An opportunity of the own organisation, made for one test."""
    created = services.create_opportunity(
        by=OPERATOR,
        uow=world.platform.uow(),
        data=opportunity_data(
            external_id=None,
            organisation="org-own",
            title="Cold rooms for Meru mango",
            details="SECRET-DETAIL-mine",
        ),
    )
    assert created.id is not None
    return created.id


def test_a_member_edits_its_own_opportunity(world: World, mine: int) -> None:
    client = signed_in(world, "member")
    form = client.get(f"/opportunities/{mine}/edit")
    assert form.status_code == 200
    assert 'value="Cold rooms for Meru mango"' in form.text and "SECRET-DETAIL-mine" in form.text
    assert 'value="KEN" selected' in form.text and 'value="2819" selected' in form.text
    data = {**_valid(title="Solar cold rooms for Meru mango"), "csrf_token": csrf_of(form.text)}
    answer = client.post(f"/opportunities/{mine}/edit", data=data, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/opportunities/{mine}"
    changed = services.get_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=mine)
    assert changed.title == "Solar cold rooms for Meru mango"
    entry = _audit(world, "opportunity.update", mine)[0]
    assert "title" in entry.detail["fields"] and "organisation_id" not in entry.detail["fields"]


def test_a_bad_edit_changes_nothing(world: World, mine: int) -> None:
    client = signed_in(world, "member")
    token = csrf_of(client.get(f"/opportunities/{mine}/edit").text)
    data = {**_valid(title="Changed title", amount_min="abc"), "csrf_token": token}
    answer = client.post(f"/opportunities/{mine}/edit", data=data)
    assert answer.status_code == 422 and 'value="Changed title"' in answer.text
    kept = services.get_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=mine)
    assert kept.title == "Cold rooms for Meru mango"
    assert _audit(world, "opportunity.update", mine) == []


def test_others_may_not_edit_or_delete(world: World, mine: int) -> None:
    other = signed_in(world, "other_member")
    assert other.get(f"/opportunities/{mine}/edit").status_code == 403
    token = csrf_of(other.get("/matches").text)
    data = {**_valid(), "csrf_token": token}
    assert other.post(f"/opportunities/{mine}/edit", data=data).status_code == 403
    assert (
        other.post(f"/opportunities/{mine}/delete", data={"csrf_token": token}).status_code == 403
    )
    member = signed_in(world, "member")
    assert member.get(f"/opportunities/{world.ids['other_draft']}/edit").status_code == 404
    assert member.get("/opportunities/0/edit").status_code == 404
    assert member.get("/opportunities/abc/edit").status_code == 404
    assert (
        signed_in(world, "public")
        .get(f"/opportunities/{mine}/edit", follow_redirects=False)
        .status_code
        == 303
    )
    # a member may not give its record away either
    token = csrf_of(member.get(f"/opportunities/{mine}/edit").text)
    give = {**_valid(organisation_id=str(world.organisations["other"])), "csrf_token": token}
    assert member.post(f"/opportunities/{mine}/edit", data=give).status_code == 403
    assert services.get_opportunity(
        by=OPERATOR, uow=world.platform.uow(), opportunity_id=mine
    ).title == ("Cold rooms for Meru mango")


def test_an_officer_reading_the_form_leaves_a_trace(world: World, mine: int) -> None:
    assert signed_in(world, "officer").get(f"/opportunities/{mine}/edit").status_code == 200
    entries = _audit(world, "opportunity.view_restricted", mine)
    assert [e.actor_id for e in entries] == [world.users["officer"]]


def test_deleting_needs_the_token_and_is_audited(world: World, mine: int) -> None:
    client = signed_in(world, "member")
    page = client.get(f"/opportunities/{mine}/edit")
    assert f'action="/opportunities/{mine}/delete"' in page.text
    assert client.post(f"/opportunities/{mine}/delete").status_code == 403
    answer = client.post(
        f"/opportunities/{mine}/delete",
        data={"csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/opportunities"
    with pytest.raises(NotFound):
        services.get_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=mine)
    assert len(_audit(world, "opportunity.delete", mine)) == 1
