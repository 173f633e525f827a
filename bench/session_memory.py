"""Memory over a long session: `python -m bench.session_memory [--rounds N]`.

Drives the app headless (Textual's Pilot) on a copy of the bundled library as a coder would
for a while: open the codebook, rename a source (a save), close it; again and again. Prints
the resident size and the objects the collector tracks and has frozen, after a collection,
every 15 rounds. A session whose memory grows with each round keeps what it should let go
(until 2026-12-03 each save froze what was alive: 60 rounds took 116 to 214 MB).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import tempfile
from pathlib import Path

from textual.widgets import DataTable

from reader.ui.app import ReaderApp
from tests.helpers.pilot import SIZE, press, settle
from tests.helpers.seeding import tag_quotes
from tests.ui.test_codebook_ui import SPELLINGS, _row_of

LIBRARY = Path(__file__).resolve().parent.parent / "library"


def resident_mb() -> float:
    """This process's resident size (Linux)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


async def session(rounds: int) -> None:
    folder = Path(tempfile.mkdtemp()) / "library"
    shutil.copytree(LIBRARY, folder, ignore=shutil.ignore_patterns("reader.json", ".reader*"))
    tag_quotes(folder, SPELLINGS)
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for done in range(1, rounds + 1):
            await press(pilot, "C")
            screen = app.screen
            table = screen.query_one(DataTable)
            old, new = ("Doug King", "Doug King X") if done % 2 else ("Doug King X", "Doug King")
            table.move_cursor(row=_row_of(screen, "source", old))  # type: ignore[arg-type]
            await press(pilot, "r")
            app.screen.query_one("#prompt-input").value = new  # type: ignore[attr-defined]
            await press(pilot, "enter")
            await settle(pilot)
            await press(pilot, "escape")
            app.clear_notifications()  # (they expire after seconds; rounds take less)
            await settle(pilot)
            if done % 15 == 0:
                gc.collect()
                print(
                    f"{done:4} codebook renames: {resident_mb():6.1f} MB resident, "
                    f"{len(gc.get_objects()):,} objects tracked, "
                    f"{gc.get_freeze_count():,} frozen",
                    flush=True,
                )
    shutil.rmtree(folder.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    asyncio.run(session(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
