"""Ready-made engines: the hybrid one that live matching uses, and single signals for comparison."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from itpo.matching.encoders import Encoder, default_encoders
from itpo.matching.engine import RetrievalEngine
from itpo.matching.fusion import FusionConfig, PairWeights

Mode = Literal["hybrid", "lexical", "dense"]
MODES: tuple[Mode, ...] = ("hybrid", "lexical", "dense")


def create_engine(
    mode: Mode = "hybrid", *, encoders: list[Encoder] | None = None
) -> RetrievalEngine:
    """An engine with the bundled encoders; `lexical` and `dense` switch the other signals off."""
    if mode == "lexical":
        return RetrievalEngine()
    encoders = default_encoders() if encoders is None else encoders
    fusion = FusionConfig()
    if mode == "dense":
        fusion = replace(fusion, lexical=PairWeights(same=0.0, cross=0.0))
    return RetrievalEngine(encoders, fusion=fusion)
