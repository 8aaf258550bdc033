"""The one error a file reader raises: the file cannot be read as the file it claims to be."""

from __future__ import annotations


class FileProblem(ValueError):
    """The file cannot be read as an import file at all."""
