"""`reader list`: the articles of the library with their annotation counts."""

from __future__ import annotations

import argparse

from reader.cli.command import Command, say
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
            }
            for r in records
        ]
    finally:
        store.close()
    for reason in report.skipped:
        say(f"reader: skipped {reason}", err=True)
    if args.json:
        print(json_text(rows))
        return 0
    if not rows:
        say(f"No articles in {where.library}.", err=True)
        return 0
    width = max(len(str(row["annotations"])) for row in rows)
    for row in rows:
        marks = "  (unread)" if not row["read"] else ""
        marks += "  (file missing)" if row["missing"] else ""
        say(f"{row['annotations']:>{width}}  {shown_name(str(row['path']))}  {row['title']}{marks}")
    return 0


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
    description="Print the articles of the library with their number of annotations.",
    arguments=_arguments,
    run=run,
    makes_library=False,
)
