"""The practice pages through real HTTP, signed in through the form: finding cases in any
language, reading one in the page's language, writing one with every problem beside its field
and nothing saved, the review steps, the history, imports with every bad row shown, and the
similar case beside an opportunity."""

from __future__ import annotations

import re

from itpo.adapters.files.practice_files import write_case_file
from tests.practices import case_data
from tests.world import World, csrf_of, signed_in


def test_the_public_finds_a_case_in_chinese_and_reads_it_in_chinese(world: World) -> None:
    public = signed_in(world, "public")
    listed = public.get("/practices")
    assert listed.status_code == 200 and "Solar drying cuts mango losses" in listed.text
    assert "A draft case of cold rooms" not in listed.text
    found = public.get("/practices", params={"q": "芒果烂掉了怎么办", "lang": "zh"})
    assert found.status_code == 200 and "太阳能干燥减少水果合作社的芒果损失" in found.text
    page = public.get(f"/practices/{world.cases['office']}", params={"lang": "zh"})
    assert "三分之一的芒果" in page.text and "避免的采后损失" in page.text
    assert "https://example.org/drying" in page.text
    assert public.get(f"/practices/{world.cases['other_draft']}").status_code == 404


def test_an_untranslated_case_says_which_language_it_is_shown_in(world: World) -> None:
    writer = signed_in(world, "other_member")
    page = writer.get(f"/practices/{world.cases['other_draft']}", params={"lang": "zh"})
    assert page.status_code == 200 and "A draft case of cold rooms" in page.text
    assert "英文" in page.text or "English" in page.text
    assert f"/practices/{world.cases['other_draft']}/edit" in page.text


def test_an_empty_form_names_every_problem_at_once_and_saves_nothing(world: World) -> None:
    officer = signed_in(world, "officer")
    before = officer.get("/practices").text.count('class="card practice-card"')
    form = officer.get("/practices/new")
    answer = officer.post("/practices/new", data={"csrf_token": csrf_of(form.text)})
    assert answer.status_code == 422
    for field in ("theme", "country", "title_en", "sources"):
        assert f'id="f-{field}-problem"' in answer.text, field
    assert officer.get("/practices").text.count('class="card practice-card"') == before


def test_a_figure_without_a_unit_is_shown_beside_the_figures(world: World) -> None:
    officer = signed_in(world, "officer")
    form = officer.get("/practices/new")
    data = _form(csrf_of(form.text), figures="30 |  | 2021 | 1 | en=losses avoided")
    answer = officer.post("/practices/new", data=data)
    assert answer.status_code == 422
    problem = re.search(r'id="f-figures-problem">([^<]+)<', answer.text)
    assert problem and "Line 1" in problem.group(1) and "unit" in problem.group(1)


def test_an_officer_writes_publishes_and_edits_a_case(world: World) -> None:
    officer = signed_in(world, "officer")
    form = officer.get("/practices/new")
    made = officer.post("/practices/new", data=_form(csrf_of(form.text)), follow_redirects=False)
    assert made.status_code == 303, made.text
    page = officer.get(made.headers["location"])
    case_id = int(re.search(r"/practices/(\d+)", made.headers["location"]).group(1))  # type: ignore[union-attr]
    assert "The case is saved as a draft." in page.text
    token = csrf_of(page.text)
    refused = officer.post(
        f"/practices/{case_id}/withdraw", data={"csrf_token": token, "reason": ""}
    )
    assert refused.status_code in (409, 422)
    published = officer.post(
        f"/practices/{case_id}/publish", data={"csrf_token": token}, follow_redirects=False
    )
    assert published.status_code == 303
    edit = officer.get(f"/practices/{case_id}/edit")
    assert "Biogas from cassava starch wastewater" in edit.text
    changed = _form(csrf_of(edit.text), city="Bandar Lampung")
    saved = officer.post(f"/practices/{case_id}/edit", data=changed, follow_redirects=False)
    assert saved.status_code == 303
    history = officer.get(f"/practices/{case_id}/history")
    assert history.text.count("<tr>") == 4  # the heading and three versions
    old = officer.get(f"/practices/{case_id}", params={"version": 1})
    assert "You are reading version 1" in old.text
    sent_back = officer.post(
        f"/practices/{case_id}/send-back", data={"csrf_token": token, "reason": "too short"}
    )
    assert sent_back.status_code == 422 and 'id="send_back-reason-problem"' in sent_back.text


def test_a_member_writes_a_case_for_its_organisation(world: World) -> None:
    member = signed_in(world, "member")
    form = member.get("/practices/new")
    assert 'name="organisation_id"' not in form.text  # a member writes for its own
    made = member.post(
        "/practices/new", data=_form(csrf_of(form.text), external_id=""), follow_redirects=False
    )
    assert made.status_code == 303
    page = member.get(made.headers["location"])
    assert "Submit for review" in page.text and "Publish the case" not in page.text
    assert signed_in(world, "other_member").get(made.headers["location"]).status_code == 404
    case_path = made.headers["location"].split("?")[0]
    submitted = member.post(
        f"{case_path}/submit", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    assert submitted.status_code == 303
    desk = signed_in(world, "officer").get("/practices")
    assert "wait for review." in desk.text or "waits for review." in desk.text


def test_an_import_shows_every_bad_row_then_imports(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    officer = signed_in(world, "officer")
    page = officer.get("/practices/import")
    token = csrf_of(page.text)
    good = case_data(external_id="case:import-1", city="Kisumu")
    bad = case_data(external_id="case:import-2", sdgs=[21])
    path = tmp_path / "cases.csv"
    write_case_file(path, [good, bad])
    sent = officer.post(
        "/practices/import",
        data={"csrf_token": token, "check": "1"},
        files={"file": ("cases.csv", path.read_bytes(), "text/csv")},
    )
    assert sent.status_code == 422
    assert "<td>2</td><td><code>sdgs</code></td>" in sent.text
    write_case_file(path, [good])
    checked = officer.post(
        "/practices/import",
        data={"csrf_token": token, "check": "1"},
        files={"file": ("cases.csv", path.read_bytes(), "text/csv")},
    )
    assert "1 created, 0 updated, 0 unchanged." in checked.text
    done = officer.post(
        "/practices/import",
        data={"csrf_token": token},
        files={"file": ("cases.csv", path.read_bytes(), "text/csv")},
    )
    assert "cases.csv is imported" in done.text
    assert signed_in(world, "member").get("/practices/import").status_code == 403


def test_an_opportunity_shows_a_similar_case_with_why(world: World) -> None:
    page = signed_in(world, "public").get(f"/opportunities/{world.ids['own']}")
    section = page.text.split('id="similar-case-heading"', 1)
    assert len(section) == 2, "no similar case"
    assert "Solar drying cuts mango losses" in section[1] and "Why:" in section[1]


def _form(token: str, **changes: str) -> dict[str, object]:
    data: dict[str, object] = {
        "csrf_token": token,
        "theme": "circular_economy",
        "country": "IDN",
        "city": "Lampung",
        "year": "2019",
        "original_language": "en",
        "title_en": "Biogas from cassava starch wastewater",
        "problem_en": "Starch mills let their wastewater rot in open ponds.",
        "done_en": "Covered lagoons catch the biogas and burn it in the mill's boilers.",
        "results_en": "The mill burns less fuel oil and the ponds no longer smell.",
        "title_zh": "木薯淀粉废水制沼气",
        "problem_zh": "淀粉厂的废水在露天池塘里腐败。",
        "done_zh": "加盖的厌氧塘收集沼气，送入工厂锅炉燃烧。",
        "results_zh": "工厂少烧燃油，池塘也不再有臭味。",
        "sources": "Test source, Biogas from starch, 2019 | https://example.org/biogas",
        "figures": "40 | % | 2019 | 1 | en=fuel oil saved | zh=节省的燃油",
        "isic_classes": "1062",
        "sdgs": ["7", "13"],
        "partners": "A starch mill\nA biogas engineering firm",
    }
    data.update(changes)
    return data
