"""How much of an import file is read: at most so many rows, and a workbook at most so many
megabytes once unzipped. The defaults are the settings' defaults; callers pass the settings."""

from __future__ import annotations

from itpo.adapters.files.problems import FileProblem
from itpo.config import Settings

MAX_ROWS: int = Settings.model_fields["max_import_rows"].default
MAX_UNZIPPED_MB: int = Settings.model_fields["max_import_unzipped_mb"].default
ROWS_SETTING = "ITPO_MAX_IMPORT_ROWS"
UNZIPPED_SETTING = "ITPO_MAX_IMPORT_UNZIPPED_MB"


class RowCount:
    """Counts the records read from one file and stops the reading at the first one too many."""

    def __init__(self, file_name: str, max_rows: int) -> None:
        self.file_name = file_name
        self.max_rows = max_rows
        self.count = 0

    def add(self, section: str, place: str) -> None:
        """One more record, read at `place` ("row 7", "item 6") of `section`."""
        self.count += 1
        if self.count > self.max_rows:
            raise FileProblem(
                f"{self.file_name} holds more than {self.max_rows} rows, the most one import "
                f"reads ({ROWS_SETTING}); reading stopped at {section} {place}"
            )
