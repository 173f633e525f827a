"""`reader [LIBRARY]` / `reader open`: the app on a folder of articles (the default command)."""

from __future__ import annotations

import argparse

from reader.cli.command import Command, fail, say
from reader.core.paths import Locations


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("library_arg", nargs="?", metavar="LIBRARY", help="the library folder")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.ui.app import ReaderApp  # the UI is imported only when it is needed

    app = ReaderApp(library=where.library, db=where.db)
    app.run()
    if app.load_error is not None:
        return fail(str(app.load_error))
    if app.exit_note:  # (the fold at quit failed, a full disk: the journal holds it all)
        say(f"reader: note: {app.exit_note}", err=True)
    return app.return_code or 0


COMMAND = Command(
    name="open",
    order=0,
    synopsis=(("reader [LIBRARY]", "open the app on a folder of articles (the default command)"),),
    summary="open the app (the default command)",
    description="Open the app on LIBRARY, a folder of articles (.txt, .md, .html files; "
    "new files are picked up as they appear). Without LIBRARY (or --library): "
    "$READER_LIBRARY, else the current folder if it holds reader.json, else ./library if "
    "the current folder has one, else a library in "
    "your user data folder, created on first use. The annotations are kept in "
    "reader.json inside the library (--db names another file). `reader DIR` is short for "
    "`reader open DIR`; inside, ? lists every key.",
    arguments=_arguments,
    run=run,
)
