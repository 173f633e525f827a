"""Long articles' quotes found in a helper process: the same answer as in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.text import TextStructure
from reader.quotes import finder_process
from reader.quotes.article import article_quotes
from reader.quotes.finder_process import QuoteFinderProcess

PARAGRAPH = (
    "“We will open the new clinic in May,” said Mayor Ana Ruiz, who spoke on Monday. "
    "The council agreed. “It is about time,” councillor Ben Okafor said.\n\n"
)


@pytest.fixture(autouse=True)
def _long_from_two_thousand(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts of 2,000 characters count as long here: the same way to the helper as 150,000
    (finding those, in the helper and again in place to compare, took 12 s of the suite)."""
    monkeypatch.setattr(finder_process, "IN_PROCESS_FROM", 2_000)


def _long_text() -> str:
    return PARAGRAPH * (finder_process.IN_PROCESS_FROM // len(PARAGRAPH) + 1)


def test_a_long_article_is_found_in_another_process_with_the_same_answer() -> None:
    structure = TextStructure(_long_text())
    finder = QuoteFinderProcess()
    try:
        found = finder.find(structure, "", ["Ana Ruiz"])
        assert finder._child is not None and finder._child.poll() is None  # it ran there
        assert found == article_quotes(structure, "", ["Ana Ruiz"])
        assert {f.speaker for f in found if f.speech} == {"Ana Ruiz", "Ben Okafor"}
    finally:
        finder.shutdown()
    assert finder._child is None


def test_without_a_helper_process_the_quotes_are_found_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(finder_process.subprocess, "Popen", no_process)
    structure = TextStructure(_long_text())
    found = QuoteFinderProcess().find(structure, "", [])
    assert found == article_quotes(structure, "", [])


def test_a_short_article_never_starts_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(a))
    finder = QuoteFinderProcess()
    assert finder.find(TextStructure(PARAGRAPH), "", [])
    assert started == []


def test_sending_an_article_to_the_helper_keeps_no_copy_of_its_text() -> None:
    """Pickling a string that is not ASCII caches its UTF-8 inside it (1 MB for a 1 MB
    article, held as long as the article is open): the text goes as bytes instead."""
    structure = TextStructure(_long_text())
    size = sys.getsizeof(structure.text)
    finder = QuoteFinderProcess()
    try:
        found = finder.find(structure, "", ["Ana Ruiz"])
        assert finder._child is not None  # it went to the helper
    finally:
        finder.shutdown()
    assert sys.getsizeof(structure.text) == size
    assert found == article_quotes(structure, "", ["Ana Ruiz"])


def test_a_reader_package_in_the_current_folder_never_runs_as_the_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = tmp_path / "reader"
    planted.mkdir()
    marker = tmp_path / "ran"
    (planted / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    monkeypatch.chdir(tmp_path)  # the app started in a folder that holds a `reader/`
    structure = TextStructure(_long_text())
    finder = QuoteFinderProcess()
    try:
        found = finder.find(structure, "", [])
        assert finder._child is not None  # found by the helper, not in place after a failure
    finally:
        finder.shutdown()
    assert not marker.exists()
    assert {f.speaker for f in found if f.speech} == {"Ana Ruiz", "Ben Okafor"}
