"""Where the tests' data is: the repository, the sample articles and their gold quotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOLD = DATA / "gold"
SAMPLES = sorted(GOLD.glob("*.txt"))
ICE = "ice-canada-offices.txt"
WARHOL = "wikinews-warhol-university-exhibits.txt"


def gold_quotes(name: str) -> list[dict[str, Any]]:
    """The hand-labelled quotations of a sample article."""
    return json.loads((GOLD / name.replace(".txt", ".quotes.json")).read_text(encoding="utf-8"))


def gold_nonquotes(name: str) -> list[dict[str, Any]]:
    """The quoted text of a sample article that is not speech."""
    return json.loads((GOLD / name.replace(".txt", ".nonquotes.json")).read_text(encoding="utf-8"))
