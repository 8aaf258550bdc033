"""Shared plumbing for the reference-data loaders (`itpo.registry.reference` is the public API)."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources
from typing import Any

__all__ = ["UnknownCode", "fold", "load_json"]


class UnknownCode(ValueError):
    """A code or name that is not in the reference table it was looked up in."""

    def __init__(self, kind: str, code: object) -> None:
        super().__init__(f"unknown {kind} code {code!r}")
        self.kind = kind
        self.code = code


def load_json(name: str) -> Any:
    # importlib.resources rather than __file__ so the data also loads from a zipped install.
    path = resources.files("itpo.registry") / "reference_data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Key for forgiving name lookups: case, accents and punctuation do not matter."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and ").replace(".", ""))
    text = "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())
