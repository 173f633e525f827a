"""`reader restore [BACKUP]`: list the database's backups, or put one back."""

from __future__ import annotations

import argparse

from reader.cli.command import Command, fail, say
from reader.core.paths import Locations
from reader.core.text import json_text, shown_name
from reader.core.wording import plural


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", nargs="?", metavar="BACKUP", help="the backup to restore")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.storage.backups import Backups
    from reader.storage.recovery import describe, restore

    backups = Backups(where.db)
    if args.backup is None:
        infos = [describe(b) for b in backups.list()]
        if args.json:
            rows = [
                {
                    "name": i.backup.name,
                    "kind": i.backup.kind,
                    "taken": i.backup.taken.isoformat(timespec="seconds"),
                    "annotations": i.annotations,
                    "articles": i.articles,
                    "usable": i.usable,
                    "problem": i.problem or None,
                }
                for i in infos
            ]
            print(json_text(rows))
            return 0
        if not infos:
            say(f"No backups of {where.db} yet (they are taken as you work).", err=True)
            return 0
        say(f"Backups of {where.db}, newest first:")
        for info in infos:
            what = info.problem or (
                f"{plural(info.annotations, 'annotation')}, {plural(info.articles, 'article')}"
            )
            when = info.backup.taken.strftime("%Y-%m-%d %H:%M:%S")
            say(f"  {info.backup.name}  {when}  {info.backup.kind:<16} {what}")
        say("Restore one with `reader restore NAME`.")
        return 0
    backup = backups.find(args.backup)
    if backup is None:
        named = shown_name(args.backup) if args.backup.strip() else "an empty name"
        return fail(f"{named}: no such backup of {where.db}; `reader restore` lists them", 2)
    kept = restore(where.db, backup)
    info = describe(backup)
    say(f"Restored {backup.name} ({plural(info.annotations, 'annotation')}) as {where.db}.")
    if kept and (replaced := describe(kept)).usable:
        say(
            f"The database it replaced is kept as {kept.name}: `reader restore {kept.name}` undoes this."
        )
    elif kept:  # (a damaged one, or git's conflict markers: kept, but no restore reads it)
        say(f"The database it replaced is kept as {kept.name}; it was {replaced.problem}.")
    return 0


COMMAND = Command(
    name="restore",
    order=100,
    synopsis=(("reader restore [BACKUP]", "list the database's backups, or put one back"),),
    summary="list the database's backups, or put one back",
    description="Without BACKUP, list the backups kept beside the database (newest "
    "first) with what each holds. With BACKUP (a name from the list, or its unique "
    "beginning), put it in place of the database; the current file is kept as a "
    "before-restore backup first, so a restore can itself be undone.",
    arguments=_arguments,
    run=run,
)
