"""An import of practice cases from a file, as the API, the pages and the command line run it:
the file read with the settings' limits, then every case checked and written, or none."""

from __future__ import annotations

from pathlib import Path

from itpo.accounts.principal import Principal
from itpo.adapters.files.practice_files import read_case_file
from itpo.bootstrap import Platform
from itpo.practice import transfer


def import_case_file(
    platform: Platform, by: Principal, path: Path, *, dry_run: bool
) -> transfer.CaseImportReport:
    transfer.check_importer(by=by)  # before the file is read: the refusal, not its problems
    documents = read_case_file(
        path,
        max_rows=platform.settings.max_import_rows,
        max_unzipped_mb=platform.settings.max_import_unzipped_mb,
    )
    return transfer.import_cases(
        uow=platform.uow(immediate=True),
        by=by,
        rows=documents,
        dry_run=dry_run,
        source=path.name,
        now=platform.clock,
    )
