"""`reader export [FILTER]`: annotations out to the tools researchers use.

Writes to standard output, or to `-o FILE` (replaced atomically), in the format `-f` names,
else the one FILE's extension names, else Markdown; `qdpx` (a zip archive)
needs `-o FILE`, `obsidian` (a folder of notes) needs `-o FOLDER`. `--positions` picks the
unit `w3c` and `qdpx` positions count in (`reader.interchange.position_units`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from reader.cli.command import Command, fail, no_match, say
from reader.core.paths import Locations
from reader.core.text import printable
from reader.core.text_units import UNITS
from reader.interchange import EXPORT_FORMATS, GROUPS


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("filter", nargs="*", metavar="FILTER", help="which annotations")
    parser.add_argument(
        "--format",
        "-f",
        choices=EXPORT_FORMATS,
        help="markdown, csv, json, w3c, qdpx or obsidian; default: the one -o's extension "
        "names (.md, .csv, .json, .jsonld, .qdpx), else markdown",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (or FOLDER)")
    parser.add_argument(
        "--group-by",
        default="theme",
        choices=GROUPS,
        help="markdown: one section per theme (default), source or article",
    )
    parser.add_argument(
        "--each-theme",
        action="store_true",
        help="markdown by theme: list a quote under each of its themes (default: under its "
        "first, with the others named as 'also:')",
    )
    parser.add_argument(
        "--positions",
        choices=UNITS,
        help="w3c and qdpx: count positions in Unicode code points or UTF-16 code units. "
        "Default: utf16 for qdpx, the unit QDA tools draw codings in (QualCoder through "
        "Qt), so codings after an emoji land on the right words there; codepoints for w3c, "
        "as the W3C model requires. The two differ only after characters beyond U+FFFF "
        "(emoji, rare CJK); import reads either",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace an existing file (or notes) at -o"
    )


def _is_stream(name: str, stream: int) -> bool:
    """Whether `name` is this process's stream `stream` (1 standard output, 2 standard
    error) however it is spelled (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`): the same
    file, device or pipe (not `/dev/null`, which is no stream's name)."""
    if not name.startswith(("/dev/std", "/dev/fd/", "/proc/", "//dev/std")):
        return False
    try:
        named, ours = os.stat(name), os.fstat(stream)
    except (OSError, ValueError):
        return False
    return (named.st_dev, named.st_ino) == (ours.st_dev, ours.st_ino)


def _is_standard_output(name: str) -> bool:
    return _is_stream(name, 1)


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.interchange.output import format_named, name_against_format

    if args.output and _is_standard_output(args.output):  # (standard output itself, not a
        args.output = None  # file it leads to: written through, `>> log.md` lost its log)
    elif args.output and _is_stream(args.output, 2):  # (`2>> err.log`: replaced the log)
        return fail(f"{args.output}: that is standard error; give a file name", 2)
    if args.output is not None and not args.output.strip():
        # (an empty name had written to standard output, and outside a library made one)
        return fail("-o needs a file name (leave -o out to write to standard output)", 2)
    target = Path(args.output) if args.output else None
    fmt = args.format or (target and format_named(target)) or "markdown"
    if target is not None and (wrong := name_against_format(target, fmt)):
        return fail(f"{wrong}, or give --format {format_named(target)}", 2)
    return run_export(
        where,
        fmt,
        " ".join(args.filter),
        args.output,
        args.group_by,
        args.force,
        args.each_theme,
        args.positions,
    )


def run_export(
    where: Locations,
    fmt: str,
    query: str,
    output: str | None,
    group_by: str,
    force: bool,
    each_theme: bool = False,
    positions: str | None = None,
) -> int:
    from reader.interchange.output import (
        ExportError,
        MissingFolderError,
        ProtectedPathError,
        check_target,
        render,
        write_export,
    )
    from reader.interchange.position_units import DEFAULT_UNITS
    from reader.interchange.selection import select
    from reader.library.folder import Library
    from reader.storage.database import Store

    if fmt not in EXPORT_FORMATS:
        return fail(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}", 2)
    if positions and fmt not in DEFAULT_UNITS:
        return fail(f"--positions applies to w3c and qdpx, not to {fmt}", 2)
    if fmt in ("qdpx", "obsidian") and not output:
        what = "FILE.qdpx (a zip archive)" if fmt == "qdpx" else "FOLDER (a folder of notes)"
        return fail(f"--format {fmt} needs -o {what}", 2)
    target = Path(output).expanduser() if output else None
    if target is not None:
        try:  # before any work: a wrong -o is a usage error
            check_target(target, where, folder=fmt == "obsidian")
        except (ProtectedPathError, MissingFolderError) as error:
            return fail(str(error), 2)
    store = Store(where.db)
    try:
        selection = select(store, Library(where.library, store), query)
    finally:
        store.close()
    if not selection.annotations and query.strip():  # (a typo in a filter: said, as search does)
        say(no_match(query), err=True)
    elif not selection.annotations:  # (run from elsewhere, it read another library: say which)
        say(f"{where.db}: no annotations there yet", err=True)
    if target is None:
        payload = render(selection, fmt, group_by, each_theme, positions)
        assert isinstance(payload, str)
        if sys.stdout.isatty():  # for a person: no escape sequence reaches the terminal
            payload = printable(payload.removeprefix("\ufeff"))
        try:
            sys.stdout.write(payload)
            sys.stdout.flush()
        except OSError as error:
            with contextlib.suppress(OSError):  # what is left unwritten goes nowhere at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return fail(f"standard output: cannot write the export ({error.strerror})")
        return 0
    try:
        summary = write_export(
            selection,
            fmt,
            target,
            where,
            group_by,
            force=force,
            repeat=each_theme,
            positions=positions,
        )
    except ExportError as error:
        return fail(str(error))
    say(f"Exported {summary}", err=True)
    return 0


COMMAND = Command(
    name="export",
    order=50,
    synopsis=(
        (
            "reader export [FILTER]",
            "annotations as Markdown, CSV, JSON, W3C, REFI-QDA or Obsidian notes",
        ),
        (
            "  --positions UNIT",
            "w3c/qdpx: utf16 (qdpx default, as QDA tools draw) or codepoints (w3c default)",
        ),
    ),
    summary="write annotations as Markdown, CSV, JSON, W3C, REFI-QDA or Obsidian notes",
    description="Write the annotations FILTER selects (the search screen's syntax: "
    "source:, theme:, article:, free words; all of them without FILTER) in the form the "
    "next tool expects. markdown: quotes as block quotes with source, article, site, date "
    "and link, grouped by --group-by; csv: one row per annotation, every field (UTF-8 "
    "with a byte-order mark); json: the records as stored with their articles' "
    "metadata; w3c: a W3C Web Annotation collection (JSON-LD); qdpx: a REFI-QDA project "
    "for QualCoder, NVivo, ATLAS.ti and MAXQDA (needs -o FILE); obsidian: one note per "
    "article with #tags and [[source]] links (needs -o FOLDER). Without -o, writes to "
    "standard output. Positions count UTF-16 code units in qdpx (the unit QDA tools such as "
    "QualCoder draw codings in) and Unicode code points in w3c (the unit the W3C model "
    "requires; the quote goes with them); --positions chooses the other unit.",
    arguments=_arguments,
    run=run,
    makes_library=False,
    query_words="filter",
)
