"""`reader list`: the articles of the library with their annotation counts."""

from __future__ import annotations

import argparse
import sys

from reader.cli.command import Command, say, say_scan
from reader.core.addresses import without_credentials
from reader.core.paths import Locations
from reader.core.text import json_text, shown_name


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "library_arg", nargs="?", metavar="LIBRARY", help="the library folder (or --library)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.library.folder import Library
    from reader.storage.database import Store

    store = Store(where.db)
    try:
        report = Library(where.library, store).scan()
        records = sorted(store.articles(), key=lambda r: r.path)
        rows = [
            {
                "id": r.id,
                "path": r.path,
                "title": r.title,
                "annotations": store.annotation_count(r.id),
                "missing": r.missing,
                "read": r.read,
                # (what the app's views show: a shell could not tell the archive apart, nor
                # which feed brought an article; a daily reader's finding)
                "archived": r.archived,
                "feed": without_credentials(r.feed) if r.feed else None,
            }
            for r in records
        ]
    finally:
        store.close()
    say_scan(report)
    if args.json:
        print(json_text(rows))
        return 0
    if not rows:
        say(f"No articles in {where.library}.", err=True)
        return 0
    from rich.cells import cell_len  # (the columns a name takes: 漢字 and emoji take two)

    width = max(len("notes"), *(len(str(row["annotations"])) for row in rows))
    paths = [shown_name(str(row["path"])) for row in rows]
    column = min(max(len("file"), *(cell_len(path) for path in paths)), PATH_COLUMN)
    if sys.stdout.isatty():  # (for a person: the columns named; a script reads --json)
        say(f"{'notes':>{width}}  {'file':<{column}}  title")
    for row, path in zip(rows, paths, strict=True):
        marks = "  (unread)" if not row["read"] else ""
        marks += "  (archived)" if row["archived"] else ""
        marks += "  (file missing)" if row["missing"] else ""
        padded = path + " " * max(0, column - cell_len(path))
        say(f"{row['annotations']:>{width}}  {padded}  {row['title']}{marks}")
    return 0


PATH_COLUMN = 48  # a longer file name pushes its own title out, not every title


COMMAND = Command(
    name="list",
    order=30,
    synopsis=(
        (
            "reader list [LIBRARY]",
            "print the articles with their annotation counts",
        ),
    ),
    summary="print the articles with their annotation counts",
    description="Print the articles of the library with their number of annotations, "
    "marked (unread), (archived) or (file missing). --json: a list of {id, path, title, "
    "annotations, missing, read, archived, feed} (feed: the address of the followed feed "
    "that brought it, or null).",
    arguments=_arguments,
    run=run,
    makes_library=False,
)
