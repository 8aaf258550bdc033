"""Imports and exports through the pages, as an officer would use them: an Excel file with a bad
row is checked and refused row by row, changing nothing; fixed, its check says what importing
it would do; imported in the background, the page follows its rows and shows the report; the
same file again updates nothing. Members, other officers and bad files are refused; renames
and moves wait for the officer's leave; an export carries the list's filters. In English and
Chinese."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from openpyxl import load_workbook

from itpo.accounts.model import Role
from itpo.adapters.app import create_app
from itpo.adapters.files.formats import read_batch, write_records
from itpo.adapters.web.staged_imports import StagedImports, staged_imports
from itpo.bootstrap import bootstrap
from itpo.registry import services
from itpo.registry.importing import ImportReport
from tests.actors import OPERATOR
from tests.auth import PASSWORD, user
from tests.clock import TEST_CLOCK
from tests.records import opportunity_data, organisation_data
from tests.world import World, build_world, csrf_of, signed_in

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECOND_OFFICER = "second.officer@itpo.example"
COUNT_ROW = re.compile(
    r'<tr data-section="(\w+)">.*?class="number created">([\d,]+)<.*?'
    r'class="number updated">([\d,]+)<.*?class="number unchanged">([\d,]+)<',
    re.S,
)
BAD_ROW = re.compile(
    r'<tr>\s*<td class="number">([^<]*)</td>\s*<td>([^<]*)</td>\s*<td><code>([^<]*)</code></td>'
    r"\s*<td>(.*?)</td>",
    re.S,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """A world of this module's own: what it imports is all it finds in the exports."""
    built = build_world(tmp_path_factory.mktemp("imports"))
    user(built.platform, SECOND_OFFICER, Role.OFFICER)
    yield built
    built.platform.close()


def sign_in(client: TestClient, email: str) -> TestClient:
    form = client.get("/login")
    answer = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client


@pytest.fixture(scope="module")
def clients(world: World) -> dict[str, TestClient]:
    made = {asker: signed_in(world, asker) for asker in ("public", "member", "officer", "admin")}
    second = TestClient(create_app(platform=world.platform), raise_server_exceptions=False)
    made["second_officer"] = sign_in(second, SECOND_OFFICER)
    return made


def records(prefix: str, country: str = "NPL", count: int = 3) -> dict[str, list[dict[str, Any]]]:
    owner = f"org-{prefix}"
    return {
        "organisations": [
            organisation_data(
                external_id=owner, name=f"Biogas Works {prefix}", country=country, website=None
            )
        ],
        "opportunities": [
            opportunity_data(
                external_id=f"{prefix}-{n}",
                organisation=owner,
                title=f"Biogas digester line {prefix} {n}",
                countries=[country],
                status="draft",
            )
            for n in range(1, count + 1)
        ],
    }


def workbook(folder: Path, content: dict[str, list[dict[str, Any]]]) -> bytes:
    """The records in an Excel file as the template lays it out."""
    path = folder / "records.xlsx"
    write_records(path, content["organisations"], content["opportunities"])
    return path.read_bytes()


def send(
    client: TestClient, content: bytes, name: str = "records.xlsx", record_type: str = ""
) -> Response:
    token = csrf_of(client.get("/imports").text)
    return client.post(
        "/imports",
        data={"csrf_token": token, "record_type": record_type},
        files={"file": (name, content, XLSX)},
        follow_redirects=False,
    )


def checked(client: TestClient, content: bytes) -> str:
    """Check a good file: the address of its check."""
    answer = send(client, content)
    assert answer.status_code == 303, answer.text
    location: str = answer.headers["location"]
    assert re.fullmatch(r"/imports/[\w-]{43}", location)
    return location


def commit(client: TestClient, location: str, *, allow_moves: bool = False) -> Response:
    token = csrf_of(client.get(location).text)
    data = {"csrf_token": token, **({"allow_moves": "yes"} if allow_moves else {})}
    return client.post(f"{location}/commit", data=data, follow_redirects=False)


def follow(client: TestClient, location: str) -> str:
    """Poll the import's progress as the page does until it sends the page to its report."""
    deadline = time.monotonic() + 60
    while True:
        progress = client.get(f"{location}/progress", headers={"HX-Request": "true"})
        assert progress.status_code == 200
        if "HX-Redirect" in progress.headers:
            assert progress.headers["HX-Redirect"] == location
            return client.get(location).text
        assert 'hx-trigger="every 1s"' in progress.text
        assert time.monotonic() < deadline, progress.text
        time.sleep(0.1)


def imported(client: TestClient, content: bytes) -> str:
    answer = commit(client, location := checked(client, content))
    assert answer.status_code == 303
    return follow(client, location)


def counts(text: str) -> dict[str, tuple[int, int, int]]:
    return {
        section: (int(a.replace(",", "")), int(b.replace(",", "")), int(c.replace(",", "")))
        for section, a, b, c in COUNT_ROW.findall(text)
    }


def bad_rows(text: str) -> list[tuple[str, str, str, str]]:
    table = text[text.index('id="bad-rows"') :]
    return [(r, s, f, html.unescape(why)) for r, s, f, why in BAD_ROW.findall(table)]


def stored(world: World, content: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The external ids of the file's records that the database holds."""
    with world.platform.uow() as uow:
        found = set(
            uow.organisations.ids_by_external_id(o["external_id"] for o in content["organisations"])
        )
        found |= set(
            uow.opportunities.ids_by_external_id(o["external_id"] for o in content["opportunities"])
        )
    return found


def kept_files(world: World) -> list[Path]:
    folder = staged_imports(world.platform).folder
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_file_with_a_bad_row_names_its_row_and_field_and_changes_nothing(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    content = records("bad")
    content["opportunities"][1]["countries"] = ["XX"]  # the second data row: row 3 of its sheet
    before = kept_files(world)
    answer = send(clients["officer"], workbook(tmp_path, content))
    assert answer.status_code == 422
    assert "Rows not valid in records.xlsx: 1." in answer.text
    assert "Nothing was changed; fix the file and send it again." in answer.text
    [(row, section, field, reason)] = bad_rows(answer.text)
    assert (row, section, field) == ("3", "Opportunities", "countries")
    assert "XX" in reason
    assert stored(world, content) == set()
    assert kept_files(world) == before  # a refused file is not kept


def test_thousands_of_bad_rows_are_counted_and_the_first_thousand_shown(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    content = records("many", count=1200)
    for row in content["opportunities"]:
        row["countries"] = ["XX"]
    for row in content["opportunities"][:10]:
        row["trl"] = 12
    path = tmp_path / "many.csv"
    write_records(path, [], content["opportunities"])
    answer = send(clients["officer"], path.read_bytes(), name="many.csv")
    assert answer.status_code == 422
    assert "Rows not valid in many.csv: 1,200." in answer.text
    assert "The first 1,000 of 1,210 problems are shown" in answer.text
    assert len(bad_rows(answer.text)) == 1000
    assert "<code>countries</code> 1,200 · <code>trl</code> 10" in answer.text
    assert stored(world, content) == set()


def test_the_fixed_file_is_checked_then_imported_with_its_progress_and_report(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    content = records("fixed")
    officer = clients["officer"]
    location = checked(officer, workbook(tmp_path, content))
    page = officer.get(location)
    assert page.status_code == 200
    assert "records.xlsx is checked" in page.text
    assert counts(page.text) == {"organisations": (1, 0, 0), "opportunities": (3, 0, 0)}
    assert stored(world, content) == set()  # a check writes nothing

    # The import waits for the database while another writer holds it: the page shows every
    # row checked and none written yet, and keeps following.
    database = str(world.platform.settings.database_url).removeprefix("sqlite:///")
    writer = sqlite3.connect(database, timeout=30)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert commit(officer, location).status_code == 303
        deadline = time.monotonic() + 30
        while "rows checked: 4 of 4" not in (text := officer.get(f"{location}/progress").text):
            assert time.monotonic() < deadline, text
            time.sleep(0.05)
        assert "opportunities written: 0 of 3" in text
        assert 'hx-get="' + location + '/progress"' in text
        assert "Importing records.xlsx" in officer.get(location).text
    finally:
        writer.rollback()
        writer.close()
    report = follow(officer, location)
    assert "records.xlsx is imported" in report
    assert "The import is done." in report
    assert counts(report) == {"organisations": (1, 0, 0), "opportunities": (3, 0, 0)}
    assert stored(world, content) == {"org-fixed", "fixed-1", "fixed-2", "fixed-3"}
    assert not (staged_imports(world.platform).folder / location.split("/")[-1]).exists()
    # Imported once: the button sent again finds the report, not a second import.
    again = commit(officer, location)
    assert again.status_code == 303
    assert "records.xlsx is imported" in officer.get(location).text


def test_the_same_file_imported_again_updates_nothing(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    content = workbook(tmp_path, records("twice"))
    officer = clients["officer"]
    first = imported(officer, content)
    assert counts(first) == {"organisations": (1, 0, 0), "opportunities": (3, 0, 0)}
    location = checked(officer, content)
    check = officer.get(location).text
    assert counts(check) == {"organisations": (0, 0, 1), "opportunities": (0, 0, 3)}
    assert "Nothing would be updated" in check
    assert commit(officer, location).status_code == 303
    second = follow(officer, location)
    assert counts(second) == {"organisations": (0, 0, 1), "opportunities": (0, 0, 3)}
    assert "Nothing was updated: every row says what its record holds already." in second


def test_members_and_the_public_may_not_import(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    content = records("member")
    member = clients["member"]
    assert member.get("/imports").status_code == 403
    assert member.get("/imports/template.xlsx").status_code == 403
    token = csrf_of(member.get("/account").text)
    answer = member.post(
        "/imports",
        data={"csrf_token": token},
        files={"file": ("records.xlsx", workbook(tmp_path, content), XLSX)},
        follow_redirects=False,
    )
    assert answer.status_code == 403
    assert stored(world, content) == set()
    public = clients["public"].get("/imports", follow_redirects=False)
    assert public.status_code == 303
    assert public.headers["location"].startswith("/login?next=/imports")
    assert "/imports" not in member.get("/opportunities").text


def test_another_officer_cannot_import_a_file_someone_else_checked(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    content = records("theirs")
    location = checked(clients["officer"], workbook(tmp_path, content))
    other = clients["second_officer"]
    assert other.get(location).status_code == 404
    assert other.get(f"{location}/progress").status_code == 404
    token = csrf_of(other.get("/imports").text)
    refused = other.post(f"{location}/commit", data={"csrf_token": token}, follow_redirects=False)
    assert refused.status_code == 404
    assert "This checked file is not here" in refused.text
    assert stored(world, content) == set()
    # The one who checked it still imports it.
    assert commit(clients["officer"], location).status_code == 303
    follow(clients["officer"], location)
    assert stored(world, content) == {"org-theirs", "theirs-1", "theirs-2", "theirs-3"}


def test_a_file_of_the_wrong_type_too_large_or_too_long_is_refused_naming_why(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    officer = clients["officer"]
    before = kept_files(world)
    wrong = send(officer, b"external_id,name\n", name="records.txt")
    assert wrong.status_code == 422
    assert "records.txt: unsupported file type .txt; use one of .csv, .xlsx, .json" in wrong.text
    missing = send(officer, b"", name="")
    assert missing.status_code == 422
    assert "Choose the file to import." in missing.text

    limited = bootstrap(
        world.platform.settings.model_copy(update={"max_upload_mb": 1, "max_import_rows": 2}),
        clock=TEST_CLOCK,
    )
    try:
        small = sign_in(
            TestClient(create_app(platform=limited), raise_server_exceptions=False),
            "officer@itpo.example",
        )
        large = send(small, b"x" * (1024 * 1024 + 1), name="large.csv")
        assert large.status_code == 413
        assert "larger than 1024 KB" in large.text
        long = send(small, workbook(tmp_path, records("long")))
        assert long.status_code == 422
        text = html.unescape(long.text)
        assert "records.xlsx holds more than 2 rows" in text
        assert "ITPO_MAX_IMPORT_ROWS" in text
    finally:
        limited.close()
    assert kept_files(world) == before  # nothing refused is kept


def test_a_rename_waits_for_the_officers_leave(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    """The world's organisations were entered by hand: a file that renames one is imported
    only when the officer allows moves, after the check has shown the change."""
    renamed = organisation_data(
        external_id="org-third", name="Kassel Dryers Renamed", country="DEU", website=None
    )
    content = workbook(tmp_path, {"organisations": [renamed], "opportunities": []})
    officer = clients["officer"]
    location = checked(officer, content)
    check = officer.get(location).text
    assert "Renames organisation" in check
    assert "Kassel Dryers Renamed" in html.unescape(check)
    assert 'name="allow_moves"' in check
    assert commit(officer, location).status_code == 303
    refused = follow(officer, location)
    assert "records.xlsx was not imported" in refused
    assert "Check the file again, then allow moves." in refused
    with world.platform.uow() as uow:
        kept = uow.organisations.get_many([world.organisations["third"]])
    assert kept[world.organisations["third"]].name == "Kassel Dryers"

    location = checked(officer, content)
    assert commit(officer, location, allow_moves=True).status_code == 303
    assert counts(follow(officer, location))["organisations"] == (0, 1, 0)
    with world.platform.uow() as uow:
        moved = uow.organisations.get_many([world.organisations["third"]])
    assert moved[world.organisations["third"]].name == "Kassel Dryers Renamed"


def test_a_file_the_registry_no_longer_fits_is_refused_at_import_and_nothing_is_written(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    owner = services.create_organisation(
        by=OPERATOR,
        uow=world.platform.uow(),
        data=organisation_data(external_id="org-gone", name="Soon Gone Ltd", website=None),
    )
    assert owner.id is not None
    content = records("gone")
    content["organisations"] = []
    for row in content["opportunities"]:
        row["organisation"] = "org-gone"
    officer = clients["officer"]
    location = checked(officer, workbook(tmp_path, content))
    services.delete_organisation(uow=world.platform.uow(), by=OPERATOR, organisation_id=owner.id)
    assert commit(officer, location).status_code == 303
    refused = follow(officer, location)
    assert "some rows are not valid any more (3)" in refused
    rows = bad_rows(refused)
    assert [(r, f) for r, _, f, _ in rows] == [
        ("2", "organisation"),
        ("3", "organisation"),
        ("4", "organisation"),
    ]
    assert "org-gone" in rows[0][3]
    assert stored(world, content) == set()


def read_back(folder: Path, name: str, content: bytes) -> tuple[set[str], set[str]]:
    """The external ids of the organisations and opportunities an export file holds."""
    path = folder / name
    path.write_bytes(content)
    batch = read_batch(path)
    return (
        {str(r.data["external_id"]) for r in batch.organisations},
        {str(r.data["external_id"]) for r in batch.opportunities},
    )


def test_an_export_from_the_list_holds_only_what_its_filters_pass(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    officer = clients["officer"]
    imported(officer, workbook(tmp_path, records("lesotho", "LSO")))
    imported(officer, workbook(tmp_path, records("bhutan", "BTN")))
    listing = officer.get("/opportunities?country=LSO&status=draft&q=digester").text
    links = {
        name: html.unescape(href)
        for href, name in re.findall(r'href="(/exports/([\w.]+)\?[^"]*)" download', listing)
    }
    assert set(links) == {"opportunities.csv", "organisations.csv", "export.xlsx", "export.json"}
    assert links["export.json"] == "/exports/export.json?status=draft&country=LSO&q=digester"
    lesotho = {"lesotho-1", "lesotho-2", "lesotho-3"}
    owners = {"org-lesotho"}
    for name, href in links.items():
        answer = officer.get(href)
        assert answer.status_code == 200, name
        organisations, opportunities = read_back(tmp_path, name, answer.content)
        if name != "organisations.csv":
            assert opportunities == lesotho, name
        if name != "opportunities.csv":
            assert organisations == owners, name
    document = json.loads(officer.get(links["export.json"]).content)
    assert {o["countries"][0] for o in document["opportunities"]} == {"LSO"}
    rows = list(csv.DictReader(io.StringIO(officer.get(links["opportunities.csv"]).text)))
    assert {r["external_id"] for r in rows} == lesotho
    # Everything, from the import page: the other country too, and the world's own records.
    everything = officer.get("/exports/export.json")
    assert {"bhutan-1", "own"} <= {o["external_id"] for o in everything.json()["opportunities"]}
    assert officer.get("/exports/export.json?country=XX").status_code == 422
    assert officer.get("/exports/everything.txt").status_code == 404
    assert clients["member"].get("/exports/export.json").status_code == 403
    assert 'href="/exports/' not in clients["member"].get("/opportunities").text


def test_the_template_is_the_apis(clients: dict[str, TestClient]) -> None:
    page = clients["officer"].get("/imports/template.xlsx")
    assert page.status_code == 200
    assert page.headers["content-type"] == XLSX
    api = clients["officer"].get("/api/v1/imports/template.xlsx")
    sheets = [load_workbook(io.BytesIO(a.content), read_only=True) for a in (page, api)]
    assert sheets[0].sheetnames == sheets[1].sheetnames
    assert {"organisations", "opportunities", "fields"} <= set(sheets[0].sheetnames)
    for section in ("organisations", "opportunities"):
        headers = [next(s[section].iter_rows(max_row=1, values_only=True)) for s in sheets]
        assert headers[0] == headers[1]
        assert "external_id" in headers[0]


def test_the_import_pages_speak_chinese(
    world: World, clients: dict[str, TestClient], tmp_path: Path
) -> None:
    officer = clients["officer"]
    page = officer.get("/imports?lang=zh")
    assert page.status_code == 200
    for words in ("导入与导出", "检查文件", "下载 Excel 模板", "导出"):
        assert words in page.text
    content = records("zh")
    content["opportunities"][0]["countries"] = ["XX"]
    refused = send(officer, workbook(tmp_path, content))
    assert "需修正的行" in refused.text
    [(row, section, field, reason)] = bad_rows(refused.text)
    assert (row, section, field) == ("2", "合作机会", "countries")
    assert "未知国家" in reason and "XX" in reason
    content["opportunities"][0]["countries"] = ["NPL"]
    location = checked(officer, workbook(tmp_path, content))
    assert "导入后将发生的变化" in officer.get(location).text
    assert commit(officer, location).status_code == 303
    assert "导入已完成" in follow(officer, location)
    officer.get("/imports?lang=en")


def test_a_checked_file_is_kept_an_hour_then_removed(tmp_path: Path) -> None:
    now = [1_000_000.0]
    store = StagedImports(tmp_path / "imports", clock=lambda: now[0])
    staged = store.open(7, "../../etc/records.csv", ".csv", None)
    assert staged.file.parent.parent == tmp_path / "imports"
    assert staged.file.name == "records.csv"
    staged.file.write_text("external_id,name\n")
    assert store.find(staged.token, 7) is None  # not checked yet
    store.keep(staged, ImportReport(dry_run=True, organisations_created=1))
    found = store.find(staged.token, 7)
    assert found is not None and found.records == 1
    assert store.find(staged.token, 8) is None  # someone else's
    assert store.find("../" + staged.token[3:], 7) is None
    assert store.claim(staged.token, 7) is not None
    assert store.claim(staged.token, 7) is None  # claimed once
    again = store.open(7, "records.csv", ".csv", None)
    store.keep(again, ImportReport(dry_run=True))
    now[0] += 3601
    assert store.find(again.token, 7) is None
    assert not again.file.parent.exists()
