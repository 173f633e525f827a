"""Regenerate docs/screenshot.svg: the bundled library with two quotes tagged by keyboard.

Run: .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

from reader.ui.app import ReaderApp

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        library = Path(temp) / "library"
        shutil.copytree(ROOT / "library", library, ignore=shutil.ignore_patterns("*.json"))
        app = ReaderApp(library=library)
        async with app.run_test(size=(120, 36)) as pilot:

            async def keys(*pressed: str) -> None:
                await pilot.press(*pressed)
                await app.workers.wait_for_complete()
                await app.saved()
                await pilot.pause()

            await keys()
            # (one step at a time: keys pressed before the dialog is up go elsewhere)
            await keys("n", "t")
            await keys(*"Doug King")
            await keys("tab")
            await keys(*"public safety, cross-border cooperation")
            await keys("tab")
            await keys(*"criminologist, Mount Royal University")
            await keys("ctrl+s")
            await keys(*["n"] * 5)
            await keys("t")
            await keys(*"Doug King")
            await keys("tab")
            await keys(*"public safety")
            await keys("ctrl+s")
            await keys(*["n"] * 3, '"')
            svg = app.export_screenshot(title="Reader")
    (ROOT / "docs" / "screenshot.svg").write_text(svg, encoding="utf-8")


asyncio.run(main())
