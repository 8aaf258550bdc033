"""Guards for Excel files before a parser opens them: an .xlsx is a zip archive, and a small
archive can expand to gigabytes (a zip bomb) or hold thousands of parts.

First the archive's directory is read: the parts it declares, their sizes and how far each is
compressed, so a hostile file is refused before a byte of it is inflated. Then every part is
inflated once, a megabyte at a time and never past one byte more than the directory declares,
so a part that holds more than its entry says is refused too, before the parser starts. The
limits leave room for any workbook an office would really send.
"""

from __future__ import annotations

import copy
import zipfile
import zlib
from pathlib import Path

from itpo.adapters.files.problems import FileProblem

MB = 1024 * 1024
MAX_EXPANDED_MB = 512  # ten times a very large appraisal or import workbook
MAX_RATIO = 200  # spreadsheets compress 5-20 times; bombs, thousands of times
MAX_PARTS = 5_000
RATIO_FLOOR = MB  # small parts may compress well without being suspect
CHUNK = MB


def check_xlsx(
    path: Path, *, max_unzipped_mb: int = MAX_EXPANDED_MB, setting: str | None = None
) -> None:
    """Refuse a file that is not a plain .xlsx archive or that would expand past
    `max_unzipped_mb` (the limit `setting` names, when one does)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            _check_directory(path.name, parts, max_unzipped_mb, setting)
            for part in parts:
                _check_inflated_size(path.name, archive, part)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        if isinstance(error, FileProblem):
            raise
        raise FileProblem(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None


def _check_directory(
    name: str, parts: list[zipfile.ZipInfo], max_unzipped_mb: int, setting: str | None
) -> None:
    if len(parts) > MAX_PARTS:
        raise FileProblem(f"{name} holds {len(parts)} parts; an Excel workbook has far fewer")
    if "[Content_Types].xml" not in {part.filename for part in parts}:
        raise FileProblem(f"{name} is a zip archive but not an Excel workbook (.xlsx)")
    expanded = 0
    for part in parts:
        if part.flag_bits & 0x1:
            raise FileProblem(f"{name} is encrypted; save it without a password")
        expanded += part.file_size
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise FileProblem(
                f"{name} expands {part.file_size // max(part.compress_size, 1)} times in "
                f"{part.filename}; it looks like a zip bomb and was not opened"
            )
    if expanded > max_unzipped_mb * MB:
        named = f" ({setting})" if setting else ""
        raise FileProblem(
            f"{name} is {expanded / MB:.1f} MB unzipped; at most {max_unzipped_mb} MB is read{named}"
        )


def _check_inflated_size(name: str, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    # zipfile stops inflating a part at the size its entry declares, and checks the CRC there;
    # asking for one byte more, and checking the CRC here, shows whether the data holds more.
    probe = copy.copy(part)
    probe.file_size = part.file_size + 1
    del probe.CRC
    inflated, crc = 0, 0
    with archive.open(probe) as data:
        while chunk := data.read(min(CHUNK, probe.file_size - inflated)):
            inflated, crc = inflated + len(chunk), zlib.crc32(chunk, crc)
    if inflated > part.file_size:
        raise FileProblem(
            f"{name}: {part.filename} holds more than the {part.file_size} bytes its directory "
            "declares; it looks like a zip bomb and was not opened"
        )
    if inflated < part.file_size or crc != part.CRC:
        raise FileProblem(f"{name}: {part.filename} is damaged; save the workbook again")
