"""The browsing pages over HTTP: who sees which records and which fields, the filters and
paging in the address, bad input answered with a message (never a 500), audit of restricted
views, and the pages in Chinese."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from itpo.adapters.web.i18n import catalogue
from itpo.adapters.web.pages import browse, browse_common
from itpo.appraisal import services as appraisals
from itpo.registry import services
from tests.actors import OPERATOR
from tests.records import opportunity_data
from tests.world import ASKERS, KEYS, READS, SECRET, World, signed_in

OWNERS = {"own": "Meru Mango Growers", "third": "Kassel Dryers", "other": "Pudong Solar Agritech"}
RECORD_OWNER = {"own": "own", "introduced": "third"} | dict.fromkeys(
    ("other", "other_anonymous", "other_members", "other_draft", "project"), "other"
)
ANONYMOUS = ("other_anonymous", "introduced")
AMOUNT_SHOWN = "USD 123.5k–246.9k"  # tests.world.AMOUNT as the pages write it
APPRAISAL_MODEL = Path(__file__).parents[2] / "src/itpo/appraisal/examples/solar_fruit_drying.json"


@pytest.fixture(scope="module")
def clients(world: World) -> dict[str, TestClient]:
    return {asker: signed_in(world, asker) for asker in ASKERS}


def assert_no_leak(text: str, asker: str) -> None:
    """No restricted detail of a record the asker may not see in full."""
    for record, views in READS.items():
        if views[asker] != "restricted":
            assert SECRET.format(KEYS[record]) not in text, (asker, record)


def listed_ids(html: str) -> list[int]:
    """The records a listing links to, in the order shown (each once)."""
    found: list[int] = []
    for number in re.findall(r'href="/opportunities/(\d+)"', html):
        if int(number) not in found:
            found.append(int(number))
    return found


def row_of(html: str, opportunity_id: int) -> str:
    rows = [r for r in html.split("<tr>") if f'href="/opportunities/{opportunity_id}"' in r]
    assert len(rows) == 1, opportunity_id
    return rows[0].split("</tr>")[0]


# --------------------------------------------------------------------------------------------
# One opportunity
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("asker", ASKERS)
def test_each_asker_sees_each_record_at_its_disclosure_stage(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    for record, views in READS.items():
        answer = clients[asker].get(f"/opportunities/{world.ids[record]}")
        view = views[asker]
        assert_no_leak(answer.text, asker)
        if view == "404":
            assert answer.status_code == 404, (asker, record)
            assert "text/html" in answer.headers["content-type"]
            continue
        assert answer.status_code == 200, (asker, record)
        text = answer.text
        assert (SECRET.format(KEYS[record]) in text) is (view == "restricted"), (asker, record)
        assert (AMOUNT_SHOWN in text) is (view != "teaser"), (asker, record)
        owner = OWNERS[RECORD_OWNER[record]]
        named = view == "restricted" or record not in ANONYMOUS
        assert (owner in text) is named, (asker, record)
        if view == "teaser":
            assert "Sign in to see amounts and more." in text


def test_a_missing_or_malformed_id_is_a_not_found_page(clients: dict[str, TestClient]) -> None:
    for path in (
        "/opportunities/0",
        "/opportunities/999999",
        "/opportunities/99999999999999",
        "/opportunities/-1",
        "/opportunities/abc",
        "/organisations/0",
        "/organisations/999999",
        "/organisations/99999999999999",
    ):
        answer = clients["officer"].get(path)
        assert answer.status_code == 404, path
        assert "text/html" in answer.headers["content-type"], path


@pytest.mark.parametrize("asker", ASKERS)
def test_the_matches_block_and_edit_link_are_for_the_owner_and_staff(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    for record in ("own", "other"):
        text = clients[asker].get(f"/opportunities/{world.ids[record]}").text
        works_on = asker in ("officer", "admin") or (
            RECORD_OWNER[record] == {"member": "own", "other_member": "other"}.get(asker)
        )
        block = (
            f'<section class="card" id="matches" hx-get="/opportunities/{world.ids[record]}/matches"'
            ' hx-trigger="load" aria-live="polite">'
        )
        assert (block in text) is works_on, (asker, record)
        assert (f'href="/opportunities/{world.ids[record]}/edit"' in text) is works_on


def _audit_total(world: World, action: str) -> int:
    answer = signed_in(world, "admin").get("/api/v1/audit", params={"action": action})
    assert answer.status_code == 200
    total: int = answer.json()["total"]
    return total


def test_restricted_views_by_others_are_audited_and_the_owners_are_not(
    world: World, clients: dict[str, TestClient]
) -> None:
    before = _audit_total(world, "opportunity.view_restricted")
    assert clients["officer"].get(f"/opportunities/{world.ids['other']}").status_code == 200
    assert clients["member"].get(f"/opportunities/{world.ids['own']}").status_code == 200
    assert clients["public"].get(f"/opportunities/{world.ids['own']}").status_code == 200
    assert _audit_total(world, "opportunity.view_restricted") == before + 1


@pytest.fixture
def appraised_project(world: World) -> Iterator[int]:
    """A draft investment project of the "other" organisation with a kept appraisal,
    removed afterwards so the shared world stays as it was."""
    uow = world.platform.uow()
    created = services.create_opportunity(
        by=OPERATOR,
        uow=uow,
        data=opportunity_data(
            external_id="browse-appraised",
            organisation="org-other",
            kind="investment_project",
            trl=None,
            status="draft",
            title="Appraised dryer plant",
            teaser="A plant.",
            details=SECRET.format("appraised"),
        ),
    )
    assert created.id is not None
    model = json.loads(APPRAISAL_MODEL.read_text())
    appraisals.attach_appraisal(
        by=OPERATOR,
        uow=world.platform.uow(),
        opportunity_id=created.id,
        model_data=model,
        name="Base case",
    )
    yield created.id
    services.delete_opportunity(by=OPERATOR, uow=world.platform.uow(), opportunity_id=created.id)


def test_an_appraisal_summary_shows_to_those_who_see_the_details(
    world: World, clients: dict[str, TestClient], appraised_project: int
) -> None:
    path = f"/opportunities/{appraised_project}"
    before = _audit_total(world, "appraisal.view")
    owner = clients["other_member"].get(path)
    assert owner.status_code == 200
    assert "Base case" in owner.text and "NPV" in owner.text
    assert _audit_total(world, "appraisal.view") == before  # the owner's own: no trace
    officer = clients["officer"].get(path)
    assert "Base case" in officer.text
    assert _audit_total(world, "appraisal.view") == before + 1
    for asker in ("public", "member"):
        assert clients[asker].get(path).status_code == 404  # a draft of others


# --------------------------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("asker", ASKERS)
def test_the_list_shows_what_the_record_page_shows(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    # Every status the asker may see (the list's default is the live records alone).
    answer = clients[asker].get("/opportunities?status=any&limit=100")
    assert answer.status_code == 200
    assert_no_leak(answer.text, asker)
    shown = listed_ids(answer.text)
    for record, views in READS.items():
        assert (world.ids[record] in shown) is (views[asker] != "404"), (asker, record)
        if world.ids[record] not in shown:
            continue
        row = row_of(answer.text, world.ids[record])
        owner = OWNERS[RECORD_OWNER[record]]
        named = views[asker] == "restricted" or record not in ANONYMOUS
        assert (owner in row) is named, (asker, record)
        assert (AMOUNT_SHOWN in row) is (views[asker] != "teaser"), (asker, record)
    assert f"of {len(shown)} opportunities" in answer.text


def test_the_list_is_newest_first_unless_asked(clients: dict[str, TestClient]) -> None:
    newest = listed_ids(clients["officer"].get("/opportunities").text)
    oldest = listed_ids(clients["officer"].get("/opportunities?sort=oldest").text)
    assert newest == sorted(newest, reverse=True)
    assert oldest == sorted(oldest)
    assert set(newest) == set(oldest)


@pytest.mark.parametrize(
    ("query", "records"),
    [
        ("kind=technology_need", {"own"}),
        ("kind=investment_project", {"project"}),
        ("kind=technology_need,investment_project", {"own", "project"}),
        ("country=DEU", set()),
        ("country=KEN&kind=technology_need", {"own"}),
        ("region=014", set(READS) - {"other_draft"}),  # Eastern Africa: Kenya, Tanzania
        ("region=150", set()),  # Europe
        ("area=green", set(READS) - {"other_draft"}),
        ("isic=C", set(READS) - {"other_draft"}),
        ("sdg=2", set(READS) - {"other_draft"}),
        ("sdg=13", set()),
        ("q=tunnel", {"other"}),
        ("q=Members-only", {"other_members"}),
        ("status=draft", set()),
    ],
)
def test_each_filter_narrows_the_list(
    world: World, clients: dict[str, TestClient], query: str, records: set[str]
) -> None:
    answer = clients["member"].get(f"/opportunities?{query}")
    assert answer.status_code == 200
    expected = {world.ids[r] for r in records}
    shown = set(listed_ids(answer.text)) & set(world.ids.values())
    assert shown == expected, query
    if not expected:
        assert "No opportunity matches these filters." in answer.text


def test_staff_filter_by_status_and_the_public_gets_nothing_hidden(
    world: World, clients: dict[str, TestClient]
) -> None:
    drafts = listed_ids(clients["officer"].get("/opportunities?status=draft").text)
    assert world.ids["other_draft"] in drafts
    assert 'id="f-status"' in clients["officer"].get("/opportunities").text
    assert 'id="f-status"' not in clients["public"].get("/opportunities").text
    public = clients["public"].get("/opportunities?status=draft&status=in_review")
    assert public.status_code == 200
    assert not set(listed_ids(public.text)) & set(world.ids.values())


def test_the_filters_stay_in_the_form_and_the_address(clients: dict[str, TestClient]) -> None:
    text = clients["member"].get("/opportunities?kind=technology_offer&country=KEN&q=dryer").text
    assert '<option value="technology_offer" selected>' in text
    assert '<option value="KEN" selected>' in text
    assert 'name="q" value="dryer"' in text
    assert 'hx-push-url="true"' in text


@pytest.mark.parametrize(
    "query",
    [
        "kind=bogus",
        "country=XXX",
        "region=Atlantis",
        "area=warp_drive",
        "isic=ZZ",
        "sdg=18",
        "sdg=two",
        "status=lost",
        "sort=sideways",
        "kind=" + "x" * 500,
        "&".join(f"country=KEN{n}" for n in range(30)),
    ],
)
def test_a_bad_filter_value_is_left_out_with_a_message(
    world: World, clients: dict[str, TestClient], query: str
) -> None:
    answer = clients["public"].get(f"/opportunities?{query}")
    assert answer.status_code == 200, query
    assert "were not understood and are left out" in answer.text
    assert world.ids["other"] in listed_ids(answer.text)  # the rest of the list still shows


def test_a_good_filter_survives_a_bad_one(world: World, clients: dict[str, TestClient]) -> None:
    answer = clients["member"].get("/opportunities?kind=technology_need&country=XXX")
    assert "were not understood" in answer.text
    assert set(listed_ids(answer.text)) & set(world.ids.values()) == {world.ids["own"]}


@pytest.mark.parametrize(
    "query", ["page=0", "page=-3", "page=abc", "page=99999999999", "q=" + "x" * 201]
)
def test_a_malformed_address_is_a_400_page(clients: dict[str, TestClient], query: str) -> None:
    answer = clients["public"].get(f"/opportunities?{query}")
    assert answer.status_code == 400, query
    assert "text/html" in answer.headers["content-type"]


def test_paging_walks_every_record_once(
    world: World, clients: dict[str, TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    every = listed_ids(clients["officer"].get("/opportunities?sort=oldest").text)
    assert len(every) > 2
    monkeypatch.setattr(browse, "PAGE_SIZE", 2)
    for sort in ("newest", "oldest"):
        seen: list[int] = []
        for page in range(1, 10):
            text = clients["officer"].get(f"/opportunities?sort={sort}&page={page}").text
            found = [i for i in listed_ids(text) if i in every]
            if not found:
                assert "This page is past the end of the list." in text
                break
            assert len(found) <= 2
            seen.extend(found)
            assert 'aria-label="Pages"' in text
        assert sorted(seen) == sorted(every), sort
        assert len(seen) == len(set(seen))


def test_the_pager_names_the_pages_around_this_one() -> None:
    assert browse_common.page_numbers(1, 1) == [1]
    assert browse_common.page_numbers(1, 9) == [1, 2, 3, None, 9]
    assert browse_common.page_numbers(5, 9) == [1, None, 3, 4, 5, 6, 7, None, 9]
    assert browse_common.page_numbers(9, 9) == [1, None, 7, 8, 9]


def test_htmx_gets_the_results_alone(world: World, clients: dict[str, TestClient]) -> None:
    answer = clients["public"].get(
        "/opportunities?kind=technology_need", headers={"HX-Request": "true"}
    )
    assert answer.status_code == 200
    assert "<html" not in answer.text and "<form" not in answer.text
    assert listed_ids(answer.text) == [world.ids["own"]]
    restore = clients["public"].get(
        "/opportunities", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.text


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("asker", ASKERS)
def test_search_hides_what_the_asker_may_not_see(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    answer = clients[asker].get("/search", params={"q": "mango dryer", "more": "1"})
    assert answer.status_code == 200
    assert_no_leak(answer.text, asker)
    found = listed_ids(answer.text)
    record = "other_members"
    assert (world.ids[record] in found) is (READS[record][asker] != "404"), asker
    assert world.ids["other_draft"] not in found  # search covers published records only
    if READS["other_anonymous"][asker] != "restricted":
        card = answer.text.split(f'href="/opportunities/{world.ids["other_anonymous"]}"')[0]
        card = card.rsplit('<li class="card">', 1)[-1]
        assert OWNERS["other"] not in card
        assert "Not disclosed" in card


def test_search_highlights_the_matched_words(clients: dict[str, TestClient]) -> None:
    text = clients["public"].get("/search", params={"q": "tunnel"}).text
    assert "<mark>tunnel</mark>" in text
    assert "results for “tunnel”" in text


def test_a_chinese_search_finds_english_records(world: World) -> None:
    text = signed_in(world, "public").get("/search", params={"q": "芒果干燥机", "lang": "zh"}).text
    assert world.ids["other"] in listed_ids(text)
    assert "按相关度排序" in text


def test_search_without_words_asks_for_some_and_bad_input_is_answered(
    clients: dict[str, TestClient],
) -> None:
    empty = clients["public"].get("/search?q=++")
    assert empty.status_code == 200
    assert "Type a few words" in empty.text
    assert clients["public"].get("/search", params={"q": "x" * 2001}).status_code == 400
    bad_kind = clients["public"].get("/search", params={"q": "mango", "kind": "bogus"})
    assert bad_kind.status_code == 200
    assert "were not understood and are left out" in bad_kind.text
    assert clients["public"].get("/search?q=mango&more=maybe").status_code == 400
    nothing = clients["public"].get("/search", params={"q": "mango", "kind": "investment_mandate"})
    assert "Nothing published matches" in nothing.text


def test_the_browsing_pages_take_no_posts(clients: dict[str, TestClient]) -> None:
    # Browsing only reads: its forms are GET forms, and nothing here accepts a POST.
    for path in ("/", "/search"):
        assert clients["member"].post(path, data={"q": "x"}).status_code in (403, 405), path


# --------------------------------------------------------------------------------------------
# The start page
# --------------------------------------------------------------------------------------------


def test_the_start_page_counts_what_each_asker_may_see(clients: dict[str, TestClient]) -> None:
    def offers(asker: str) -> int:
        text = clients[asker].get("/").text
        found = re.search(
            r'href="/opportunities\?kind=technology_offer&amp;status=published">\s*'
            r'<span class="count">(\d+)</span>',
            text,
        )
        assert found, asker
        return int(found.group(1))

    # Other, anonymous and introduced dryers; members also see the members-only one.
    assert offers("public") == 3
    assert offers("member") == 4
    assert offers("officer") == 4


def test_the_start_page_shows_each_asker_their_own_part(
    world: World, clients: dict[str, TestClient]
) -> None:
    public = clients["public"].get("/")
    assert public.status_code == 200
    assert 'action="/search"' in public.text
    assert "Members-only mango dryer" not in public.text
    assert "Your organisation&#39;s opportunities" not in public.text
    assert "Awaiting the office" not in public.text
    assert_no_leak(public.text, "public")
    member = clients["member"].get("/").text
    assert "Your organisation&#39;s opportunities" in member
    assert f'href="/organisations/{world.organisations["own"]}"' in member
    assert "Awaiting the office" not in member
    officer = clients["officer"].get("/").text
    assert "Awaiting the office" in officer
    assert 'href="/opportunities?status=draft"' in officer
    for asker in ASKERS:
        assert_no_leak(clients[asker].get("/").text, asker)


# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("asker", ASKERS)
def test_an_organisation_lists_only_what_would_not_unmask_a_record(
    world: World, clients: dict[str, TestClient], asker: str
) -> None:
    for organisation in ("own", "other", "third"):
        answer = clients[asker].get(f"/organisations/{world.organisations[organisation]}")
        assert answer.status_code == 200
        assert OWNERS[organisation] in answer.text
        assert_no_leak(answer.text, asker)
        shown = set(listed_ids(answer.text))
        for record, views in READS.items():
            listed = views[asker] != "404" and (
                views[asker] == "restricted" or record not in ANONYMOUS
            )
            mine = RECORD_OWNER[record] == organisation
            assert (world.ids[record] in shown) is (listed and mine), (asker, organisation, record)


# --------------------------------------------------------------------------------------------
# Languages and page hygiene
# --------------------------------------------------------------------------------------------


def test_the_pages_answer_in_chinese(world: World, clients: dict[str, TestClient]) -> None:
    client = signed_in(world, "public")
    assert "寻找技术与投资合作伙伴" in client.get("/?lang=zh").text
    listing = client.get("/opportunities").text  # the language is remembered
    assert "标题或简介中的词语" in listing
    assert "肯尼亚" in listing  # country names in Chinese
    record = client.get(f"/opportunities/{world.ids['other']}").text
    assert "这是公开简介" in record
    assert "技术供给" in record
    organisation = client.get(f"/organisations/{world.organisations['other']}").text
    assert "机构概况" in organisation


def test_every_browsing_string_has_a_chinese_translation() -> None:
    chinese = catalogue("zh")
    folder = resources.files("itpo.adapters.web") / "templates" / "browse"
    literal = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
    used: set[str] = set()
    for entry in folder.iterdir():
        if entry.name.endswith(".html"):
            used |= {a or b for a, b in literal.findall(entry.read_text(encoding="utf-8"))}
    used |= set(browse_common.FILTER_LABELS.values())
    used |= set(browse_common.ORGANISATION_KINDS.values())
    used |= set(browse_common.ORGANISATION_SIZES.values())
    used |= {"Regions", "Sub-regions", "Country groups", "All of {family}"}
    missing = sorted(s for s in used if s not in chinese)
    assert not missing, missing


@pytest.mark.parametrize(
    "path", ["/", "/opportunities", "/search?q=mango", "/opportunities/{own}", "/organisations/{o}"]
)
def test_the_pages_need_no_inline_script_or_style(
    world: World, clients: dict[str, TestClient], path: str
) -> None:
    url = path.format(own=world.ids["own"], o=world.organisations["own"])
    text = clients["member"].get(url).text
    assert " style=" not in text
    # A JSON data block (the start page's chart figures) is data, never run.
    assert not re.search(r'<script(?![^>]*\b(?:src=|type="application/json"))', text)
    assert "hx-on" not in text


def test_search_marks_whole_words_and_phrases_in_any_script() -> None:
    assert browse.marked("太阳能干燥机与干燥芒果", ["干燥", "芒果"], "zh") == [
        ("太阳能干燥机与", False),
        ("干燥", True),
        ("芒果", True),
    ]
    assert browse.marked("Solar Dryers for mango", ["solar dryer"], "en") == [
        ("Solar Dryers", True),
        (" for mango", False),
    ]
    assert browse.marked("A plant", []) == [("A plant", False)]
