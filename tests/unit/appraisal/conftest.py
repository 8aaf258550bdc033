"""Make `itpo` importable from the src layout when the package is not installed."""

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("itpo") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src"))
