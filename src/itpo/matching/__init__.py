"""Matchmaking: hybrid, cross-lingual text retrieval and its evaluation."""

from itpo.matching.e5 import E5Encoder
from itpo.matching.encoders import Encoder, MiniLMEncoder, USEEncoder, default_encoders
from itpo.matching.engine import Document, Hit, RetrievalEngine
from itpo.matching.fusion import FusionConfig, PairWeights
from itpo.matching.presets import create_engine

__all__ = [
    "Document",
    "E5Encoder",
    "Encoder",
    "FusionConfig",
    "Hit",
    "MiniLMEncoder",
    "PairWeights",
    "RetrievalEngine",
    "USEEncoder",
    "create_engine",
    "default_encoders",
]
