"""Write a report in the format its file name asks for."""

from __future__ import annotations

import tempfile
from pathlib import Path

from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.reports.html_report import render_html
from itpo.adapters.reports.pdf_report import write_pdf
from itpo.adapters.reports.xlsx_report import write_xlsx
from itpo.appraisal.services import AppraisalResult

REPORT_SUFFIXES = (".html", ".pdf", ".xlsx")
REPORT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def write_report(result: AppraisalResult, path: Path) -> None:
    """An HTML, PDF or XLSX report, by the suffix of path."""
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise FileProblem(
            f"{path.name}: a report must end in {', '.join(REPORT_SUFFIXES)}, "
            f"not {suffix or 'nothing'}"
        )
    if suffix == ".html":
        path.write_text(render_html(result), encoding="utf-8")
    elif suffix == ".pdf":
        write_pdf(result, path)
    else:
        write_xlsx(result, path)


def report_bytes(result: AppraisalResult, kind: str) -> bytes:
    """The report in one of REPORT_TYPES, as bytes to send."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"appraisal.{kind}"
        write_report(result, path)
        return path.read_bytes()
