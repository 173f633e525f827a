"""`reader doctor [--fix]`: check the database and the library; repair what is safe."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.command import Command, say
from reader.core.paths import Locations
from reader.core.text import json_text, one_line

if TYPE_CHECKING:
    from reader.library.doctor import Checkup


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fix", action="store_true", help="repair what is safe to repair")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.library.doctor import examine

    checkup = examine(where.db, where.library, fix=args.fix)
    if checkup.healthy and where.db.exists():
        _search_index(where.db, checkup, args.fix)
    if args.json:
        findings = [
            {"severity": f.severity, "message": f.message, "fixed": f.fixed}
            for f in checkup.findings
        ]
        report = {"healthy": checkup.healthy, "summary": checkup.summary, "findings": findings}
        report["backup"] = str(checkup.backup) if checkup.backup else None
        print(json_text(report))
        return 0 if checkup.healthy else 1
    for finding in checkup.findings:
        label = "fixed" if finding.fixed else finding.severity
        say(f"{label:>7}: {one_line(finding.message)}")
    if checkup.backup:
        say(f"   kept: the original as {checkup.backup}")
    if checkup.summary:
        summary = one_line(checkup.summary)
        say(f"     ok: {summary}" if checkup.healthy else f"   info: {summary}")
    problems = [f for f in checkup.findings if f.severity == "problem" and not f.fixed]
    if problems and not args.fix:
        say("Run `reader doctor --fix` to repair the problems above.")
    return 0 if checkup.healthy else 1


def _search_index(db: Path, checkup: Checkup, fix: bool) -> None:
    """A finding when the search index kept beside `db` would give a start other words than
    the annotations hold (`index_check`); with `fix`, the kept files are deleted."""
    from reader.annotations.index_check import check_kept_index, index_path, remove_kept_index
    from reader.library.doctor import Finding
    from reader.storage.database import Store, StoreError

    try:
        store = Store(db, backups=False)
    except StoreError:
        return  # (what the examination said of the file stands)
    try:
        found = check_kept_index(store)
    finally:
        store.close()
    if found is None or not found.wrong:
        return
    removed = False
    if fix:
        try:
            remove_kept_index(db)
            removed = True
        except OSError as error:
            where = error.filename or index_path(db)
            checkup.findings.append(
                Finding("error", f"{where}: cannot remove it ({error.strerror}); remove it by hand")
            )
    checkup.findings.append(
        Finding(
            "problem",
            f"{index_path(db).name}: the search index beside the database holds other "
            f"words than {found.wrong} of the {found.taken} annotations a start takes from it "
            "(copied from elsewhere or made by hand), so searches would miss them: remove it "
            "(the next start builds it again)",
            fixed=removed,
        )
    )


COMMAND = Command(
    name="doctor",
    order=90,
    synopsis=(
        ("reader doctor [--fix]", "check the database and the library; repair what is safe"),
    ),
    summary="check the database and the library; repair what is safe",
    description="Check the database and the library: damaged or duplicate records, "
    "annotations pointing at unknown articles, offsets that no longer match their "
    "article, codebook gaps, leftovers of interrupted saves, article files that are gone "
    "(with how to put one back), a kept search index that would hide annotations. With "
    "--fix, repair what is safe (never deleting an annotation; a gone file's record is "
    "forgotten only when it has no annotations), after keeping a copy of the original. "
    "Exit status 0 when healthy (or repaired), 1 when problems remain.",
    arguments=_arguments,
    run=run,
)
