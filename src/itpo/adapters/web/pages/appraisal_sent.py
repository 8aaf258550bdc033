"""What the appraisal start page sent, read for the services: the Monte Carlo options, the
investment project to keep the appraisal with, and the model document the chosen way gives
(the workbook, the form or the JSON text); and where each refusal goes back on the page.

No routes: a helper of `appraisals.py`. Problems are kept by the input they are beside, each
as the sentences the page shows there."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from itpo.accounts.errors import Forbidden
from itpo.adapters.files.appraisal_model_files import ModelFileError, ModelSource, read_sent_model
from itpo.adapters.files.problems import FileProblem
from itpo.adapters.http import record_id
from itpo.adapters.web.pages import appraisal_forms as forms
from itpo.adapters.web.pages import appraisal_refusals as refusals
from itpo.adapters.web.pages.appraisal_forms import _
from itpo.appraisal.services import MAX_DRAWS, MonteCarloOptions
from itpo.registry.errors import Conflict

MAX_SEED = 2**31 - 1
MAX_JSON_CHARS = 1_000_000
Problems = dict[str, list[str]]
Say = Callable[..., str]  # a message in the page's language


def options_of(sent: Mapping[str, str], problems: Problems, say: Say) -> MonteCarloOptions | None:
    """The Monte Carlo draws and seed asked for; None for no simulation."""

    def whole(name: str, default: str, top: int) -> int:
        text = (sent.get(name) or default).strip()
        value = int(text) if text.isascii() and text.isdigit() and len(text) < 12 else -1
        if not 0 <= value <= top:
            problems[name] = [say(_("A whole number from 0 to {top}."), top=f"{top:,}")]
            return 0
        return value

    draws, seed = whole("draws", "0", MAX_DRAWS), whole("seed", "0", MAX_SEED)
    return MonteCarloOptions(draws, seed) if draws else None


def target_of(sent: Mapping[str, str], problems: Problems, say: Say) -> int | None:
    """The investment project to keep the appraisal with; None to keep nothing."""
    text = sent.get("opportunity_id", "").strip()
    if not text:
        return None
    found = record_id(text)
    if found is None:
        problems["opportunity_id"] = [say(_("Choose an investment project from the list."))]
    return found


@dataclass(frozen=True)
class Sent:
    """What the start page's form sent: its text inputs, and the file, if one was chosen."""

    values: dict[str, str]
    file_name: str = ""
    file: bytes | None = None


def document_of(
    sent: Sent, source: str, problems: Problems, say: Say
) -> tuple[dict[str, Any] | None, Any]:
    """The model document the chosen way gives, and what places its problems: the workbook's
    source, the form's rows, or nothing for JSON."""
    if source == "workbook":
        if sent.file is None:
            problems["file"] = [say(_("Choose the filled workbook (.xlsx) to send."))]
            return None, None
        try:
            model_source = read_sent_model(sent.file_name, sent.file)
        except ModelFileError as error:
            problems["file"] = error.problems
            return None, None
        except FileProblem as error:
            problems["file"] = [str(error)]
            return None, None
        return model_source.data, model_source
    if source == "form":
        found = forms.document_of(sent.values)
        return found.data, found
    text = sent.values.get("model_json", "")
    if not text.strip():
        problems["model_json"] = [say(_("Paste or write the model document."))]
        return None, None
    if len(text) > MAX_JSON_CHARS:
        problems["model_json"] = [say(_("The model document is too long."))]
        return None, None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problems["model_json"] = [
            say(
                _("Not valid JSON at line {line}, column {column}."),
                line=error.lineno,
                column=error.colno,
            )
        ]
        return None, None
    if not isinstance(data, dict):
        problems["model_json"] = [say(_("The model document must be an object, in braces."))]
        return None, None
    return data, None


def place(
    errors: list[tuple[str, str]],
    source: str,
    placing: Any,
    sent: Mapping[str, str],
    language: str,
) -> Problems:
    """The model's refusals beside the input, the file or the document they are about."""
    if isinstance(placing, forms.FormDocument):
        return refusals.placed(errors, placing, sent, language)
    lines: list[str] = []
    for path, message in errors:
        where = placing.where(path) if isinstance(placing, ModelSource) else path
        # A block left out entirely reads as None; say what the sender must do.
        said = message.replace("must be an object, got NoneType", "is required")
        line = f"{where}: {refusals.sentence(said, language)}"
        if line not in lines:
            lines.append(line)
    return {"file" if source == "workbook" else "model_json": lines}


def project_problem(error: Exception) -> str:
    """Why the appraisal cannot be kept with the project chosen, in a sentence."""
    if isinstance(error, Conflict):
        return _("Only an investment project can carry an appraisal.")
    if isinstance(error, Forbidden):
        return _("Only the project's organisation and officers may keep appraisals with it.")
    return _("No investment project you may see has this number.")
