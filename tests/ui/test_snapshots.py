"""SVG snapshots of the main screens (pytest-textual-snapshot).

Update them after an intended visual change with `pytest tests/ui/test_snapshots.py
--snapshot-update`, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import ReaderApp
from tests.ui.helpers import SIZE, settle
from tests.ui.test_search_and_keep import seed


def test_main_screen_with_tagged_quotes(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press(*["n"] * 6)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_tag_dialog_with_suggestions(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("n", '"', "t", "k", "i", "n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_search_screen_with_typos(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"canada")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_keys_screen(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
