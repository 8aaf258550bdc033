"""The demo set: World Bank projects (real) and illustrative offers, needs and mandates.

The shipped files state how long each opportunity stays valid as ``valid_for_days``, counted
from the day the demo is loaded (negative for the records meant to have expired), so the demo
looks the same whichever day it is loaded on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from itpo.adapters.files.json_files import batch_from_document
from itpo.registry.importing import OPPORTUNITIES, ImportBatch

DEMO_FILES = ("world_bank_projects.json", "illustrative.json")
RELATIVE_VALIDITY = "valid_for_days"


class DemoDataError(ValueError):
    """A shipped demo record states its validity in a way the loader cannot read."""


def demo_batch(*, today: dt.date) -> ImportBatch:
    """All demo records, as one import batch, with their validity counted from `today`."""
    merged = ImportBatch()
    for name in DEMO_FILES:
        document = json.loads((resources.files("itpo.demo") / "data" / name).read_text("utf-8"))
        document[OPPORTUNITIES] = dated(document[OPPORTUNITIES], today=today)
        batch = batch_from_document(document)
        merged.organisations.extend(batch.organisations)
        merged.opportunities.extend(batch.opportunities)
    return merged


def dated(records: Sequence[Mapping[str, Any]], *, today: dt.date) -> list[dict[str, Any]]:
    """The records, each ``valid_for_days`` turned into the ``valid_until`` date it gives."""
    return [_dated(record, today) for record in records]


def _dated(record: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    fields = dict(record)
    if RELATIVE_VALIDITY not in fields:
        return fields
    days = fields.pop(RELATIVE_VALIDITY)
    where = f"demo record {fields.get('external_id')!r}"
    if isinstance(days, bool) or not isinstance(days, int):
        raise DemoDataError(f"{where}: {RELATIVE_VALIDITY} must be a whole number, not {days!r}")
    if "valid_until" in fields:
        raise DemoDataError(f"{where}: states both valid_until and {RELATIVE_VALIDITY}")
    fields["valid_until"] = (today + dt.timedelta(days=days)).isoformat()
    return fields
