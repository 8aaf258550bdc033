"""How much of an import file is read: a cap on its rows and on a workbook's unzipped size, both
checked before the work they would cause, with an error that names the limit and the file."""

from __future__ import annotations

import contextlib
import io
import json
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli
from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.files.formats import read_batch, write_records

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
SUFFIXES = [".csv", ".json", ".xlsx"]


def records(count: int) -> list[dict[str, Any]]:
    return [opportunity_data(external_id=f"opp-{n}", title=f"Dryer {n}") for n in range(count)]


def write_opportunities(path: Path, count: int) -> Path:
    write_records(path, [], records(count))
    return path


def peak_memory_mb(action: Callable[[], object]) -> float:
    """The most Python memory `action` held at once, in MB."""
    tracemalloc.start()
    with contextlib.suppress(FileProblem):
        action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / MB


# Zip archives built part by part, so a part's data and its declared size can be chosen ----------


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


LOCAL, CENTRAL, END = 0x04034B50, 0x02014B50, 0x06054B50
DEFLATE, DOS_DATE = 8, 0x21


def write_zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> None:
    """An archive of (name, deflated data, declared unzipped size, CRC-32) parts."""
    body, directory = bytearray(), bytearray()
    for name, data, size, crc in parts:
        encoded, offset = name.encode(), len(body)
        sizes = (crc, len(data), size, len(encoded))
        body += struct.pack("<IHHHHHIIIHH", LOCAL, 20, 0, DEFLATE, 0, DOS_DATE, *sizes, 0)
        body += encoded + data
        entry = (CENTRAL, 20, 20, 0, DEFLATE, 0, DOS_DATE, *sizes, 0, 0, 0, 0, 0, offset)
        directory += struct.pack("<IHHHHHHIIIHHHHHII", *entry) + encoded
    count = len(parts)
    end = (END, 0, 0, count, count, len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + struct.pack("<IHHHHIIH", *end)))


def workbook_parts(rows: int = 0) -> dict[str, bytes]:
    """The parts of a real one-sheet import workbook made by openpyxl."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "opportunities"
    sheet.append(["external_id", "title"])
    for n in range(rows):
        sheet.append([f"opp-{n}", f"Dryer {n}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def honest(parts: dict[str, bytes]) -> list[tuple[str, bytes, int, int]]:
    return [(name, deflated(data), len(data), zlib.crc32(data)) for name, data in parts.items()]


def bomb_sheet(unzipped_mb: int, varied_kb: int = 0) -> tuple[bytes, int, int]:
    """Sheet XML with one title cell of `unzipped_mb` MB, each megabyte `varied_kb` KB of varied
    text and the rest 'A', deflated without ever holding the whole text: after a full flush
    deflate starts afresh, so one deflated megabyte repeats."""
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    head += b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c></row>'
    head += b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    varied = " ".join(f"{k * 104729 % 1000003:x}" for k in range(varied_kb * 150)).encode()
    block = (varied[: varied_kb * 1024] + b"A" * MB)[:MB]
    tail = b"</t></is></c></row></sheetData></worksheet>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    data = start + middle * unzipped_mb + packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(unzipped_mb):
        crc = zlib.crc32(block, crc)
    return data, len(head) + unzipped_mb * MB + len(tail), zlib.crc32(tail, crc)


def write_bomb(
    path: Path, unzipped_mb: int = 400, declared: int | None = None, varied_kb: int = 0
) -> Path:
    parts = [p for p in honest(workbook_parts()) if p[0] != SHEET]
    data, size, crc = bomb_sheet(unzipped_mb, varied_kb)
    write_zip(path, [*parts, (SHEET, data, size if declared is None else declared, crc)])
    return path


# Zip bombs and big workbooks --------------------------------------------------------------------


def test_a_zip_bomb_workbook_is_refused_from_its_directory_without_inflating_it(
    tmp_path: Path,
) -> None:
    path = write_bomb(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(SHEET).file_size > 400 * MB
    assert path.stat().st_size < MB
    with pytest.raises(FileProblem, match=r"bomb\.xlsx expands \d+ times in xl/worksheets"):
        read_batch(path)
    assert peak_memory_mb(lambda: read_batch(path)) < 5


def test_a_workbook_that_inflates_past_what_its_directory_declares_is_refused_before_parsing(
    tmp_path: Path,
) -> None:
    path = write_bomb(tmp_path / "liar.xlsx", declared=2000)
    with pytest.raises(FileProblem, match=r"liar\.xlsx: xl/worksheets/sheet1\.xml holds more"):
        read_batch(path)
    assert peak_memory_mb(lambda: read_batch(path)) < 5


def test_a_workbook_that_compresses_like_a_real_one_but_unzips_past_the_cap_is_refused(
    tmp_path: Path,
) -> None:
    path = write_bomb(tmp_path / "wide.xlsx", unzipped_mb=247, varied_kb=40)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo(SHEET)
    assert 20 < sheet.file_size / sheet.compress_size < 100
    message = r"wide\.xlsx is 247\.\d MB unzipped; at most 200 MB is read"
    with pytest.raises(FileProblem, match=message):
        read_batch(path)
    assert peak_memory_mb(lambda: read_batch(path)) < 5


def big_workbook(path: Path, rows: int = 1500) -> Path:
    """A plain workbook of about 2.5 MB unzipped that compresses as real text does."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "opportunities"
    sheet.append(["external_id", "title", "teaser"])
    for n in range(rows):
        teaser = " ".join(f"{(n * 7919 + k * 104729) % 1000003:x}" for k in range(260))
        sheet.append([f"opp-{n}", f"Dryer {n}", teaser])
    workbook.save(path)
    return path


def test_a_workbook_larger_unzipped_than_the_cap_is_refused_naming_the_cap(
    tmp_path: Path,
) -> None:
    path = big_workbook(tmp_path / "big.xlsx")
    with zipfile.ZipFile(path) as archive:
        unzipped = sum(part.file_size for part in archive.infolist())
    assert 2 * MB < unzipped < 3 * MB and path.stat().st_size > unzipped / 20
    message = (
        r"big\.xlsx is 2\.\d MB unzipped; at most 2 MB is read \(ITPO_MAX_IMPORT_UNZIPPED_MB\)"
    )
    with pytest.raises(FileProblem, match=message):
        read_batch(path, max_unzipped_mb=2)
    assert len(read_batch(path, max_unzipped_mb=3)) == 1500


def test_a_damaged_sheet_is_refused_with_a_reason(tmp_path: Path) -> None:
    parts = workbook_parts(rows=3)
    parts[SHEET] = parts[SHEET][: parts[SHEET].index(b'<row r="3"')] + b'<row r="3"><c r='
    write_zip(tmp_path / "damaged.xlsx", honest(parts))
    with pytest.raises(FileProblem, match=r"damaged\.xlsx: the sheet 'opportunities' is damaged"):
        read_batch(tmp_path / "damaged.xlsx")


def test_a_part_whose_data_does_not_match_its_checksum_is_refused_as_damaged(
    tmp_path: Path,
) -> None:
    parts = honest(workbook_parts(rows=2))
    parts = [(n, d, size, crc ^ 1 if n == SHEET else crc) for n, d, size, crc in parts]
    write_zip(tmp_path / "bent.xlsx", parts)
    with pytest.raises(FileProblem, match=r"bent\.xlsx: xl/worksheets/sheet1\.xml is damaged"):
        read_batch(tmp_path / "bent.xlsx")


def test_a_sheet_that_understates_its_size_is_still_read_whole(tmp_path: Path) -> None:
    parts = workbook_parts(rows=5)
    parts[SHEET] = parts[SHEET].replace(b'<dimension ref="A1:B6"', b'<dimension ref="A1:B3"')
    write_zip(tmp_path / "small.xlsx", honest(parts))
    batch = read_batch(tmp_path / "small.xlsx")
    assert [r.row for r in batch.opportunities] == [2, 3, 4, 5, 6]


def with_row(parts: dict[str, bytes], row: bytes) -> dict[str, bytes]:
    parts[SHEET] = parts[SHEET].replace(b"</sheetData>", row + b"</sheetData>")
    return parts


def test_a_sheet_wider_than_any_import_is_refused(tmp_path: Path) -> None:
    header = b"".join(
        b'<c r="%s1" t="inlineStr"><is><t>c%d</t></is></c>' % (get_column_letter(n).encode(), n)
        for n in range(1, 202)
    )
    parts = workbook_parts()
    parts[SHEET] = parts[SHEET].replace(
        parts[SHEET][parts[SHEET].index(b'<row r="1"') : parts[SHEET].index(b"</sheetData>")],
        b'<row r="1">' + header + b"</row>",
    )
    write_zip(tmp_path / "wide.xlsx", honest(parts))
    with pytest.raises(FileProblem, match=r"'opportunities' has 201 columns; .* at most 200"):
        read_batch(tmp_path / "wide.xlsx")


def test_a_row_past_the_last_row_of_a_sheet_is_refused(tmp_path: Path) -> None:
    far = b'<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>'
    write_zip(tmp_path / "far.xlsx", honest(with_row(workbook_parts(rows=1), far)))
    with pytest.raises(FileProblem, match=r"far\.xlsx: the sheet 'opportunities' goes past row"):
        read_batch(tmp_path / "far.xlsx")


def test_a_stray_cell_far_to_the_right_does_not_widen_the_rows(tmp_path: Path) -> None:
    stray = b'<row r="9"><c r="XFD9" t="inlineStr"><is><t>x</t></is></c></row>'
    write_zip(tmp_path / "stray.xlsx", honest(with_row(workbook_parts(rows=1), stray)))
    batch = read_batch(tmp_path / "stray.xlsx")
    assert [dict(r.data) for r in batch.opportunities] == [
        {"external_id": "opp-0", "title": "Dryer 0"}
    ]


def test_over_the_api_a_workbook_past_the_unzipped_cap_is_refused_and_nothing_is_written(
    client: TestClient, tmp_path: Path
) -> None:
    path = write_bomb(tmp_path / "wide.xlsx", unzipped_mb=247, varied_kb=40)
    answer = client.post("/api/v1/imports", files={"file": ("wide.xlsx", path.read_bytes())})
    assert answer.status_code == 422
    assert "is 247.0 MB unzipped; at most 200 MB is read" in answer.text
    assert client.get("/api/v1/opportunities").json()["total"] == 0


# Rows ------------------------------------------------------------------------------------------


STOPPED_AT = {
    ".csv": "opportunities row 5",
    ".json": "opportunities item 4",
    ".xlsx": "opportunities row 5",
}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_file_one_row_over_the_cap_is_refused_naming_the_cap_and_the_row(
    tmp_path: Path, suffix: str
) -> None:
    path = write_opportunities(tmp_path / f"over{suffix}", 4)
    with pytest.raises(FileProblem) as refused:
        read_batch(path, max_rows=3)
    assert str(refused.value) == (
        f"over{suffix} holds more than 3 rows, the most one import reads "
        f"(ITPO_MAX_IMPORT_ROWS); reading stopped at {STOPPED_AT[suffix]}"
    )


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_file_at_the_cap_is_read_whole(tmp_path: Path, suffix: str) -> None:
    batch = read_batch(write_opportunities(tmp_path / f"at{suffix}", 3), max_rows=3)
    assert [r.data["external_id"] for r in batch.opportunities] == ["opp-0", "opp-1", "opp-2"]


def test_the_cap_counts_the_rows_of_both_record_types(tmp_path: Path) -> None:
    path = tmp_path / "both.json"
    path.write_text(
        json.dumps({"organisations": [organisation_data()], "opportunities": records(3)})
    )
    assert len(read_batch(path, max_rows=4)) == 4
    with pytest.raises(FileProblem, match="reading stopped at opportunities item 3"):
        read_batch(path, max_rows=3)
    workbook = tmp_path / "both.xlsx"
    write_records(workbook, [organisation_data()], records(3))
    with pytest.raises(FileProblem, match="reading stopped at opportunities row 4"):
        read_batch(workbook, max_rows=3)


def test_blank_rows_do_not_count(tmp_path: Path) -> None:
    path = write_opportunities(tmp_path / "gaps.csv", 3)
    path.write_text(path.read_text(encoding="utf-8") + ",,,\n\n" * 5, encoding="utf-8")
    assert len(read_batch(path, max_rows=3)) == 3


def unreadable_after_row_four(tmp_path: Path, suffix: str) -> tuple[Path, str]:
    """A file whose first four records are good and whose rest cannot be read, with the error
    reading it whole gives."""
    path = tmp_path / f"tail{suffix}"
    if suffix == ".csv":
        write_opportunities(path, 4)
        path.write_text(path.read_text(encoding="utf-8") + "x" + "," * 40 + "\n", "utf-8")
        return path, r"tail\.csv row 6 has more cells than the header"
    if suffix == ".json":
        items = ", ".join(json.dumps(r) for r in records(4))
        path.write_text('{"opportunities": [' + items + ", {nonsense", encoding="utf-8")
        return path, r"tail\.json is not valid JSON: Expecting property name"
    parts = workbook_parts(rows=6)
    parts[SHEET] = parts[SHEET][: parts[SHEET].index(b'<row r="7"')] + b"<row r="
    write_zip(path, honest(parts))
    return path, r"tail\.xlsx: the sheet 'opportunities' is damaged"


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_reading_stops_at_the_row_past_the_cap(tmp_path: Path, suffix: str) -> None:
    path, unreadable = unreadable_after_row_four(tmp_path, suffix)
    with pytest.raises(FileProblem, match=unreadable):
        read_batch(path)
    with pytest.raises(FileProblem, match=r"holds more than 3 rows"):
        read_batch(path, max_rows=3)


def test_the_caps_default_to_the_settings() -> None:
    from itpo.config import Settings

    settings = Settings()
    assert (settings.max_import_rows, settings.max_import_unzipped_mb) == (100_000, 200)


# Through the `itpo` command ----------------------------------------------------------------------


def run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_import_command_reads_at_most_the_rows_the_setting_allows(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    assert run(sqlite_url, "init").exit_code == 0
    base = tmp_path / "base.json"
    base.write_text(json.dumps({"organisations": [organisation_data()]}))
    assert run(sqlite_url, "import", str(base)).exit_code == 0
    monkeypatch.setenv("ITPO_MAX_IMPORT_ROWS", "3")
    over = run(sqlite_url, "import", str(write_opportunities(tmp_path / f"over{suffix}", 4)))
    assert over.exit_code == 1
    assert f"over{suffix} holds more than 3 rows" in over.output
    assert "(ITPO_MAX_IMPORT_ROWS)" in over.output
    at = run(sqlite_url, "import", "--json", str(write_opportunities(tmp_path / f"at{suffix}", 3)))
    assert at.exit_code == 0, at.output
    assert json.loads(at.output)["opportunities"] == {"created": 3, "updated": 0, "unchanged": 0}


def test_a_bad_cap_setting_is_one_clear_line(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(sqlite_url, "init").exit_code == 0
    monkeypatch.setenv("ITPO_MAX_IMPORT_ROWS", "0")
    result = run(sqlite_url, "import", str(write_opportunities(tmp_path / "one.csv", 1)))
    assert result.exit_code == 1
    assert "bad setting: ITPO_MAX_IMPORT_ROWS: Input should be greater than or equal to 1" in (
        result.output
    )


def test_the_import_command_refuses_a_workbook_over_the_unzipped_setting(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(sqlite_url, "init").exit_code == 0
    monkeypatch.setenv("ITPO_MAX_IMPORT_UNZIPPED_MB", "2")
    result = run(sqlite_url, "import", str(big_workbook(tmp_path / "big.xlsx")))
    assert result.exit_code == 1
    assert "at most 2 MB is read (ITPO_MAX_IMPORT_UNZIPPED_MB)" in result.output
