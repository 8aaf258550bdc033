"""SDG suggestions: the Sustainable Development Goals a text serves, each with a confidence
and the words behind it, from the UN's goal texts and the project's own keyword lists."""

from itpo.sdg.evaluation import evaluate, judged_rows
from itpo.sdg.goals import GOALS, goals, parse_sdg
from itpo.sdg.suggestions import Suggestion, serves, serves_many, suggest, suggest_many

__all__ = [
    "GOALS",
    "Suggestion",
    "evaluate",
    "goals",
    "judged_rows",
    "parse_sdg",
    "serves",
    "serves_many",
    "suggest",
    "suggest_many",
]
