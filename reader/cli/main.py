"""The `reader` entry point: the parser built from every command module, errors, exit codes.

`reader [LIBRARY]` opens the app; every other command is a module of `reader.cli` declaring
a `COMMAND` (see `reader.cli.command`). Errors are one line on stderr naming the file or
argument and what to do; exit codes: 0 success (including "no match"), 1 failure, 2 bad
usage. A closed pipe (`reader search x | head`) ends the command quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NoReturn

import reader.cli
from reader import __version__
from reader.cli.command import Command, add_location_options, fail
from reader.core.paths import DB_NAME, ENV_LIBRARY, Locations, PathError, resolve
from reader.storage.database import StoreError

DEFAULT_COMMAND = "open"
_NOT_COMMANDS = {"main", "command"}


@cache
def commands() -> tuple[Command, ...]:
    """Every command of `reader.cli`, in the order `reader --help` lists them."""
    found = []
    for module in pkgutil.iter_modules(reader.cli.__path__):
        if module.name in _NOT_COMMANDS:
            continue
        command = getattr(importlib.import_module(f"reader.cli.{module.name}"), "COMMAND", None)
        if isinstance(command, Command):
            found.append(command)
    return tuple(sorted(found, key=lambda c: c.order))


def _description() -> str:
    lines = [f"  {usage:<23}  {what}" for command in commands() for usage, what in command.synopsis]
    listing = "\n".join(lines)
    return f"""\
Read news articles in the terminal and tag who said what, by keyboard.

commands:
{listing}

Run `reader COMMAND --help` for a command's options.

The library is LIBRARY or --library, else ${ENV_LIBRARY}, else the current folder when it
holds {DB_NAME}, else ./library when the current folder has one, else a folder in your user
data directory. Annotations are kept in {DB_NAME} inside the library (--db FILE to choose
another file); rotating backups of it are kept in .reader-backups/ beside it.

exit status: 0 success (no match is not an error), 1 failure, 2 bad usage.
"""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {self._fair(message)} (see `{self.prog} --help`)\n")

    def _fair(self, message: str) -> str:
        """argparse (3.11, 3.12) calls an optional `FILTER...` after a missing argument
        required too (`required: CODER_B, FILTER`): name only what is required."""
        if not message.startswith(_REQUIRED):
            return message
        optional = {
            str(action.metavar or action.dest)
            for action in self._actions
            if not action.option_strings and action.nargs in ("*", "?")
        }
        names = [n for n in message.removeprefix(_REQUIRED).split(", ") if n not in optional]
        return _REQUIRED + ", ".join(names) if names else message


_REQUIRED = "the following arguments are required: "
_NOWHERE = Locations(Path(os.devnull), Path(os.devnull))  # for a command that uses no library


def build_parser() -> argparse.ArgumentParser:
    """The parser of `reader` and of each command."""
    parser = _Parser(
        prog="reader",
        description=_description(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="reader [LIBRARY] [--library DIR] [--db FILE]\n       reader COMMAND ...",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, help=argparse.SUPPRESS
    )  # (the commands are listed once, in the description's overview)
    for command in commands():
        sub = subparsers.add_parser(
            command.name,
            prog=f"reader {command.name}",
            help=command.summary,
            description=command.description,
        )
        command.arguments(sub)
        add_location_options(sub, shown=command.locations)
    return parser


GLOBAL_OPTIONS = ("--library", "--db")


def _with_default_command(argv: list[str]) -> list[str]:
    """`reader`, `reader DIR` and `reader --db F` mean `reader open ...`; options every
    command takes may come before the command (`reader --library DIR list`)."""
    if any(a in ("-h", "--help", "--version") for a in argv[:1]):
        return argv
    leading: list[str] = []
    rest = list(argv)
    while rest and rest[0].split("=", 1)[0] in GLOBAL_OPTIONS:
        option = rest.pop(0)
        leading.append(option)
        if "=" not in option and rest:
            leading.append(rest.pop(0))
    names = {c.name for c in commands()}
    if rest and rest[0] in names:
        return [rest[0], *leading, *rest[1:]]
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is None or first not in names:
        return [DEFAULT_COMMAND, *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reader` with `argv` (default: the process's arguments); the exit status. Ctrl-C
    ends it with one line and the shell's status for an interrupt (130), not a traceback:
    every write is atomic, so what was written stays whole and the rest was never begun."""
    _never_unencodable()
    try:
        return _run(argv)
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            sys.stderr.write("reader: interrupted\n")
        return 130


def _never_unencodable() -> None:
    """Output a locale cannot encode never ends in a traceback: Python started with
    `PYTHONUTF8=0` under `LC_ALL=C` prints ASCII, and an accent, an emoji or the CSV's
    byte-order mark ended `reader export` and `reader search` in UnicodeEncodeError. What
    goes to standard output is data (JSON, CSV, a listing piped on): it is written as UTF-8,
    as Python's own UTF-8 mode would, not escaped into invalid JSON; messages on standard
    error are escaped."""
    for stream, utf8 in ((sys.stdout, True), (sys.stderr, False)):
        encoding = (getattr(stream, "encoding", None) or "").replace("-", "").casefold()
        if not encoding or encoding.startswith("utf") or not hasattr(stream, "reconfigure"):
            continue
        with contextlib.suppress(OSError, ValueError, LookupError):
            if utf8:
                stream.reconfigure(encoding="utf-8", errors="surrogateescape")
            else:
                stream.reconfigure(errors="backslashreplace")


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(
        _with_default_command(list(sys.argv[1:] if argv is None else argv))
    )
    command = next(c for c in commands() if c.name == args.command)
    after: list[str] = []
    if "--" in extra:  # (the end of the options: what follows is the query's, "-theme:x")
        cut = extra.index("--")
        extra, after = extra[:cut], extra[cut + 1 :]
    if extra or after:  # a query's leaving-out words (`-draft`), or options nobody knows
        unknown = [word for word in extra if word.startswith("--") or not command.query_words]
        unknown += after if not command.query_words else []
        if unknown:
            prog = f"reader {command.name}"
            parser.exit(
                2, f"{prog}: unrecognized arguments: {' '.join(unknown)} (see `{prog} --help`)\n"
            )
        setattr(args, command.query_words, [*getattr(args, command.query_words), *extra, *after])
    if command.query_words:
        from reader.annotations.query import date_error, shell_word

        words = [shell_word(word) for word in getattr(args, command.query_words) or []]
        setattr(args, command.query_words, words)

        wrong = date_error(" ".join(getattr(args, command.query_words) or []))
        if wrong:
            return fail(wrong, 2)
    library = getattr(args, "library_arg", None) or args.library
    if getattr(args, "library_arg", None) and args.library:
        return fail("give the library once: as LIBRARY or as --library", 2)
    try:
        where = (
            resolve(library, args.db, create=command.makes_library)
            if command.locations
            else _NOWHERE
        )
    except PathError as error:
        return fail(str(error), 2 if error.usage and (library or args.db) else 1)
    try:
        status = command.run(args, where)
        sys.stdout.flush()  # (a full disk under our output shows here, not at exit)
        return status
    except StoreError as error:
        return fail(str(error))
    except BrokenPipeError:
        _quiet_closed_pipe()
        return 0
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        _quiet_closed_pipe()  # what is left unwritten goes nowhere at exit
        return fail(f"standard output: cannot write ({error.strerror})")


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG}  # writing where we print


def _quiet_closed_pipe() -> None:
    """After the reader of our output went away, keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
