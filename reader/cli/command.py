"""What a `reader` subcommand declares, and the small helpers every command shares.

A command is a module of `reader.cli` holding `COMMAND = Command(...)`: its name, the lines it
adds to `reader --help`, its own help, a function that adds its arguments and the function
that runs it. `reader.cli.main` finds every such module and builds the parser from them, so
adding a command is adding one module. A command module imports only what its arguments
need at the top and the domain inside `run`, so that `reader --help` stays instant and
`reader search` never loads the web-page cleaner.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.addresses import credentials_hidden
from reader.core.paths import DB_NAME, Locations
from reader.core.text import clean_line, one_line, printable, shorten
from reader.core.wording import plural

if TYPE_CHECKING:  # (the storage is imported by the commands that open it, when they run)
    from reader.core.records import Annotation
    from reader.library.folder import ScanReport
    from reader.storage.database import Store

Arguments = Callable[[argparse.ArgumentParser], None]
Runner = Callable[[argparse.Namespace, Locations], int]


@dataclass(frozen=True)
class Command:
    """One subcommand of `reader`.

    `synopsis` holds the (usage, what it does) lines shown in `reader --help`, in `order`;
    `summary` is the one-line help in argparse's list of commands; `description` is the
    command's own `--help` text. `query_words`: the positional argument that collects a
    search query, which then also takes words that begin with `-` (`-theme:sports`).
    `locations`: False for a command that works on no library (keys, config, merge-driver):
    its --help does not offer --library and --db, and no library is looked for or made.
    `makes_library`: False for a command that only reads (`quotes` of a file anywhere):
    the default library is not created when it does not exist.
    """

    name: str
    order: int
    synopsis: tuple[tuple[str, str], ...]
    summary: str
    description: str
    arguments: Arguments
    run: Runner
    query_words: str = ""
    locations: bool = True
    makes_library: bool = True


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For a command with no options beyond --library and --db."""


def add_location_options(parser: argparse.ArgumentParser, *, shown: bool = True) -> None:
    """--library and --db, which every command takes; not `shown` in the help of a command
    that uses neither (still accepted: `reader --library DIR keys` is no error)."""
    library = "the library folder of articles" if shown else argparse.SUPPRESS
    db = f"the database file (default: DIR/{DB_NAME})" if shown else argparse.SUPPRESS
    parser.add_argument("--library", metavar="DIR", help=library)
    parser.add_argument("--db", metavar="FILE", help=db)


def _whole_number(value: str, least: int, meaning: str = "") -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"{value!r} must be {least}{meaning} or more")
    return number


def positive_int(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    return _whole_number(value, 1)


def count_or_all(value: str) -> int:
    """An argparse type: a whole number of 0 (no limit) or more."""
    return _whole_number(value, 0, " (keep all)")


def aligned(rows: list[list[str]], text_columns: int = 1) -> str:
    """Rows as a plain table: the first `text_columns` columns left-aligned, the figures
    after them right-aligned, two spaces between columns; each cell on its one line (a
    name with a line break, from a hand-edited database, would start a row of its own)."""
    rows = [[one_line(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            value.ljust(widths[i]) if i < text_columns else value.rjust(widths[i])
            for i, value in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


MAX_SECONDS = 86_400


def positive_seconds(value: str) -> float:
    """An argparse type: a number of seconds above 0, and at most a day (`inf` waited for
    ever on a server that sends a byte a second)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be more than 0")
    if not number <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{value!r} is more than a day ({MAX_SECONDS:,} s)")
    return number


def no_match(query: str, annotations: Sequence[Annotation] = ()) -> str:
    """The line for a query that finds nothing: the query (cut to a line's length) and,
    when a field is misspelt, what was meant; when it names a coder no annotation of
    `annotations` has (`coder:cia`), the coders there are."""
    from reader.annotations.agreement import coders_of
    from reader.annotations.query import field_hint, parse_query, unsearchable_hint
    from reader.core.coders import coder_key, coders_listed

    hint = field_hint(query) or unsearchable_hint(query)
    asked = parse_query(query).coders
    if not hint and asked and annotations:
        known = coders_of(annotations)
        if not set(asked) & {coder_key(name) for name, _ in known}:
            hint = f"No annotation is by that coder; the coders are: {coders_listed(known)}"
    return f"No annotation matches {shorten(query, 80)!r}." + (f" {hint}" if hint else "")


def say(text: str = "", *, err: bool = False) -> None:
    """Print a line for a person (stdout, or stderr with `err`), made safe for a terminal:
    file names and article text can hold escape sequences that would retitle the window,
    write the clipboard or reorder the line."""
    print(printable(text), file=sys.stderr if err else sys.stdout)


def say_scan(report: ScanReport) -> None:
    """On stderr, what a look at the library folder changed in the database: the articles
    edited on disk, whose annotations followed the new text, and each quotation that now
    reads differently (a `reader list` after an edit had moved them without a word, and
    the app, opened later, had nothing left to say)."""
    for reason in report.skipped:
        say(f"reader: skipped {reason}", err=True)
    for record in report.changed:
        say(f"reader: {record.path} has changed: its annotations follow the new text", err=True)
    for annotation in report.reworded:
        before = report.words_before.get(annotation.id, "")
        who = f"{clean_line(annotation.source)}: " if annotation.source else ""
        say(
            f"  now reads differently: {who}“{shorten(before, 90)}” -> "
            f"“{shorten(annotation.quote, 90)}”",
            err=True,
        )
    if report.orphaned:
        lost = plural(len(report.orphaned), "annotation")
        say(
            f"reader: {lost} could not be found in the changed text: kept as orphans "
            "(`reader doctor` lists them)",
            err=True,
        )


def close_store(store: Store) -> None:
    """Close a command's database, then say in one line if its backups could not be
    taken (a `.reader-backups` that is a link, a folder that cannot be written)."""
    store.close()
    problem = store.backup_problem()
    if problem:
        say(f"reader: note: {clean_line(problem)}", err=True)


def fail(message: str, status: int = 1) -> int:
    """Print `reader: message` on stderr, on one line whatever the message holds; the exit
    status to return (1 failure, 2 usage)."""
    say(f"reader: {credentials_hidden(clean_line(message))}", err=True)  # (never a password)
    return status
