"""Shared fixtures: libraries built in tmp_path from the sample articles; nothing reads $HOME.

Plain helpers (paths, seeding, the CLI runner, Pilot helpers) are in `tests/helpers/`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual._wait

import tests.helpers.profile  # noqa: F401  (loads the Hypothesis profile: ci or stress)
from reader.ui.screens import read_marks
from tests.helpers.headless import start_quickly
from tests.helpers.paths import GOLD, ICE, SAMPLES
from tests.helpers.seeding import ICE_QUOTES, SEEDED, add_feed_stories, tag_quotes
from tests.helpers.web import serve

# Pilot waits after every key until the app is idle, polling every 20 ms: 70 ms a key, most
# of it asleep. Polling every 5 ms finds the same idle moment (the app's own threads count
# as busy, and `settle` in tests/helpers/pilot.py still waits for workers and saves), at 30
# ms a key.
textual._wait.SLEEP_GRANULARITY = 1 / 200
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20
start_quickly()  # no renders a headless app throws away; CSS parsed once: half the UI tests


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the developer's own library or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    monkeypatch.setenv("READER_CODER", "tester")  # the same coder name on every machine
    # the same terminal on every machine: one of millions of colours, as most are (a TERM of
    # 16 colours gives the marks text styles too; `test_narrow` sets it where it asks)
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _no_reading_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """An opened article counts as read after two seconds on screen: on a loaded machine a
    test (a snapshot) could run past it and see its unread mark go. Tests of that clock set
    their own time; every other test sees the article as it opened."""
    monkeypatch.setattr(read_marks, "READ_AFTER_SECONDS", 3600.0)


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


@pytest.fixture
def tagged_library(library: Path) -> Path:
    """The sample library with Doug King's and Heather McPherson's quotes tagged."""
    tag_quotes(library, ICE_QUOTES)
    return library


@pytest.fixture
def feed_library(tagged_library: Path) -> Path:
    """The tagged sample library (its articles read: added by hand) and three unread
    stories from a followed feed, City News."""
    add_feed_stories(tagged_library)
    return tagged_library


@pytest.fixture
def seeded_library(library: Path) -> Path:
    """The sample library with three ICE quotes and one Warhol quote tagged."""
    tag_quotes(library, SEEDED)
    return library


@pytest.fixture
def empty_library(tmp_path: Path) -> Path:
    """A library folder with nothing in it yet."""
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The local web site of tests/helpers/web.py, for the whole run; its base URL."""
    with serve() as base:
        yield base
