"""Guards for Excel files before a parser opens them: an .xlsx is a zip archive, and a small
archive can expand to gigabytes (a zip bomb) or hold thousands of parts.

The checks read only the archive's directory, so a hostile file is refused before a byte of
it is inflated; the limits leave room for any workbook an office would really send.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from itpo.adapters.files.csv_files import FileProblem

MAX_EXPANDED = 512 * 1024 * 1024  # bytes once inflated: ten times a very large import
MAX_RATIO = 200  # spreadsheets compress 5-20 times; bombs, thousands of times
MAX_PARTS = 5_000
RATIO_FLOOR = 1024 * 1024  # small parts may compress well without being suspect


def check_xlsx(path: Path) -> None:
    """Refuse a file that is not a plain .xlsx archive or that would expand too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileProblem(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None
    if len(parts) > MAX_PARTS:
        raise FileProblem(f"{path.name} holds {len(parts)} parts; an Excel workbook has far fewer")
    names = {part.filename for part in parts}
    if "[Content_Types].xml" not in names:
        raise FileProblem(f"{path.name} is a zip archive but not an Excel workbook (.xlsx)")
    expanded = 0
    for part in parts:
        if part.flag_bits & 0x1:
            raise FileProblem(f"{path.name} is encrypted; save it without a password")
        expanded += part.file_size
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise FileProblem(
                f"{path.name} expands {part.file_size // max(part.compress_size, 1)} times in "
                f"{part.filename}; it looks like a zip bomb and was not opened"
            )
    if expanded > MAX_EXPANDED:
        raise FileProblem(
            f"{path.name} would expand to {expanded // (1024 * 1024)} MB; "
            f"at most {MAX_EXPANDED // (1024 * 1024)} MB is read"
        )
