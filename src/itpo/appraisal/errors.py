"""Errors raised by the appraisal domain; all are ValueError subclasses."""

from __future__ import annotations

from collections.abc import Sequence


class AppraisalError(ValueError):
    """Base class of every appraisal error."""


class InvalidInputError(AppraisalError):
    """An argument is out of its domain; the message starts with the argument's name."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(f"{argument}: {message}")
        self.argument = argument


class NoIRRError(AppraisalError):
    """The cash flows have no internal rate of return above -100%."""


class MultipleIRRError(AppraisalError):
    """The cash flows have several internal rates of return; `roots` lists them all."""

    def __init__(self, roots: Sequence[float]) -> None:
        listed = ", ".join(f"{r:.6%}" for r in roots)
        super().__init__(
            f"flows: IRR is ambiguous, the cash flows change sign more than once and NPV is "
            f"zero at {len(roots)} rates: {listed}; use irr_roots() or NPV/MIRR instead"
        )
        self.roots = tuple(roots)


class ModelError(AppraisalError):
    """A project model is invalid; `errors` lists every (field path, message) found."""

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        self.errors = list(errors)
        lines = "; ".join(f"{path}: {msg}" for path, msg in self.errors)
        super().__init__(f"{len(self.errors)} error(s) in model: {lines}")
