"""Shared fixtures: libraries built in tmp_path from the sample articles; nothing reads $HOME."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `make test` runs the "ci" profile; `make stress` the "stress" one (READER_STRESS=1).
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
settings.register_profile(
    "stress", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
STRESS = os.environ.get("READER_STRESS") == "1"
settings.load_profile("stress" if STRESS else "ci")

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
SAMPLES = sorted(GOLD.glob("*.txt"))
ICE = "ice-canada-offices.txt"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the developer's own library or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("READER_LIBRARY", raising=False)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library folder holding the four sample articles."""
    folder = tmp_path / "library"
    folder.mkdir()
    for sample in SAMPLES:
        shutil.copy(sample, folder / sample.name)
    return folder


@pytest.fixture
def ice_library(tmp_path: Path) -> Path:
    """A library holding only the ICE article."""
    folder = tmp_path / "ice"
    folder.mkdir()
    shutil.copy(GOLD / ICE, folder / ICE)
    return folder


def gold_quotes(name: str) -> list[dict]:
    return json.loads((GOLD / name.replace(".txt", ".quotes.json")).read_text(encoding="utf-8"))


def gold_nonquotes(name: str) -> list[dict]:
    return json.loads((GOLD / name.replace(".txt", ".nonquotes.json")).read_text(encoding="utf-8"))


ICE_QUOTES = [
    (ICE, "Their authority in Canada", "Doug King", ["public safety", "cross-border cooperation"]),
    (ICE, "Canada and Canadians must not", "Heather McPherson", ["sovereignty", "accountability"]),
]


def tag_quotes(library: Path, rows: list[tuple[str, str, str, list[str]]]) -> None:
    """Tag, in the library's database, the quotation starting with each row's words.

    A row is (article file, first words of the quote, source, themes); the annotation runs
    to the closing quote mark, as selecting the quotation in the app would.
    """
    from reader.library import Library
    from reader.records import new_annotation
    from reader.store import Store

    store = Store(library / "reader.json")
    shelf = Library(library, store)
    shelf.scan()
    records = {r.path: r for r in store.articles()}
    for path, words, source, themes in rows:
        text = shelf.load(records[path]).text
        start = text.index(words)
        end = min(i for i in (text.find("”", start), text.find('"', start)) if i > 0)
        store.save_annotation(
            new_annotation(records[path].id, text, start, end, source=source, themes=themes)
        )
    store.close()
