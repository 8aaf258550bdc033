"""The demo set: World Bank projects (real) and illustrative offers, needs and mandates."""

from __future__ import annotations

import json
from importlib import resources

from itpo.adapters.files.json_files import batch_from_document
from itpo.registry.importing import ImportBatch

DEMO_FILES = ("world_bank_projects.json", "illustrative.json")


def demo_batch() -> ImportBatch:
    """All demo records, as one import batch."""
    merged = ImportBatch()
    for name in DEMO_FILES:
        document = json.loads((resources.files("itpo.demo") / "data" / name).read_text("utf-8"))
        batch = batch_from_document(document)
        merged.organisations.extend(batch.organisations)
        merged.opportunities.extend(batch.opportunities)
    return merged
