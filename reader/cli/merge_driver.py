"""`reader merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for `reader.json`.

Registered once per clone (see the README's Teams section):

    git config merge.reader.name "Reader database"
    git config merge.reader.driver "'$(command -v reader)' merge-driver %O %A %B %P"
    echo "reader.json merge=reader" >> .gitattributes

git calls it with the common ancestor, our version (the result goes there) and theirs. The
merge is `storage.merging`'s three-way merge: what one side changed and the other did not
is taken, both sides' new annotations are kept, and an annotation both changed is settled
by `core.merge_rule`. Every record of the three files is checked before the result is
written; a file that cannot be read leaves ours as it was and exits 1 (git then reports a
conflict). PATH (git's %P): if a journal of unsaved changes lies beside it, the merge
refuses, because those changes would be left out: quit Reader (or `reader doctor --fix`,
which saves them into reader.json), commit, and merge again.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.command import Command, fail, say
from reader.core.paths import Locations


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE", help="the common ancestor (git's %%O)")
    parser.add_argument("ours", metavar="OURS", help="ours, where the result goes (%%A)")
    parser.add_argument("theirs", metavar="THEIRS", help="theirs (%%B)")
    parser.add_argument("path", nargs="?", metavar="PATH", help="the file's path (%%P)")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.storage.journal import Journal, JournalError
    from reader.storage.merging import MergeError, merge_files

    if args.path:
        journal = Journal(Path(args.path))
        try:
            unsaved = journal.exists() and bool(journal.read(0).records)
        except (JournalError, OSError):
            unsaved = True
        if unsaved:
            return fail(
                f"{journal.path}: unsaved changes of {args.path}; quit Reader or run "
                "`reader doctor --fix` to save them, commit, then merge again"
            )
    base = Path(args.base)
    try:
        has_base = base.stat().st_size > 0
    except OSError:
        has_base = False
    try:
        report = merge_files(
            base if has_base else None, Path(args.ours), Path(args.theirs), Path(args.ours)
        )
    except MergeError as error:
        return fail(str(error))
    say(f"reader: merged {args.path or 'reader.json'}: {report.summary()}", err=True)
    return 0


COMMAND = Command(
    name="merge-driver",
    order=120,
    synopsis=(("reader merge-driver", "git's merge driver for reader.json (README: Teams)"),),
    summary="git's merge driver for reader.json: two coders' databases merged",
    description="Merge two versions of a reader.json as git's merge driver: BASE is the "
    "common ancestor, OURS receives the result, THEIRS is merged in. Register it with "
    "git config merge.reader.driver \"'$(command -v reader)' merge-driver %O %A %B %P\" "
    "(reader's full path: git runs it from shells whose PATH may lack it) and "
    '"reader.json merge=reader" in .gitattributes. Exit status 1 (a conflict for git) '
    "when a file cannot be read; ours is then left as it was.",
    arguments=_arguments,
    run=run,
    locations=False,
)
