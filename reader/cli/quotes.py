"""`reader quotes ARTICLE`: an article's quotations and suggested speakers, for the shell.

ARTICLE is a file on disk (in the library or not) or an article of the library named by its
file name, or a unique part of its file name or title. The codebook of the library's
database, when there is one, gives speakers their existing spelling; nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.command import Command, say
from reader.core.files import name_too_long
from reader.core.paths import Locations
from reader.core.text import TextStructure, clean_line, json_text, shown_name
from reader.library.article_files import ArticleContent, ArticleError, read_article
from reader.library.folder import library_files
from reader.quotes.finding import CONFIDENT, MAX_CHARACTERS, QuoteFinding, speaker_unknown
from reader.storage.database import Store, StoreError


class TargetError(Exception):
    """An ARTICLE argument that names no article; the message is one line for the user."""


def _check_given(given: Path) -> None:
    """Refuse a path that is there but is no file to read."""
    if given.is_dir():
        raise TargetError(f"{shown_name(str(given))}: is a folder; name one article file")
    if given.exists() and not given.is_file():  # a device, a pipe, a socket
        raise TargetError(
            f"{shown_name(str(given))}: not a regular file (a device or a pipe); name an "
            "article file"
        )


def find_article(where: Locations, target: str) -> Path:
    """The file `target` names: a path, else a library article by name or title."""
    given = Path(target).expanduser()
    if not name_too_long(given):  # (too long for a file: the words of a title, perhaps)
        _check_given(given)
        if given.is_file():
            return given
    # (the library's articles as Reader lists them: not the old copies `.reader-backups`
    # keeps, which made "city council" match four articles after three updates)
    candidates = [where.library / name for name in library_files(where.library)]

    def relative(path: Path) -> str:
        return path.relative_to(where.library).as_posix()

    wanted = target.casefold()
    for named in (  # exactly as named first ("case.txt" beside "Case.txt"), then any case
        [p for p in candidates if target in {relative(p), p.stem}],
        [p for p in candidates if wanted in {relative(p).casefold(), p.stem.casefold()}],
    ):
        if len(named) == 1:
            return named[0]
        if named:  # ("report" of report.md and report.txt, "story" of a/story.txt too)
            names = ", ".join(shown_name(relative(p)) for p in named[:4])
            raise TargetError(
                f"{shown_name(target)}: matches {len(named)} articles ({names}); name one of "
                "them by its path in the library"
            )
    matches = [
        p for p in candidates if wanted in p.relative_to(where.library).as_posix().casefold()
    ]
    if not matches:
        matches = [p for p in candidates if wanted in _title(p).casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise TargetError(
            f"{shown_name(target)}: no such file, and no article of {where.library} has it in "
            "its name "
            "or title; `reader list` shows the articles"
        )
    names = ", ".join(shown_name(relative(p)) for p in matches[:4]) + (
        ", ..." if len(matches) > 4 else ""
    )
    raise TargetError(
        f"{shown_name(target)}: matches {len(matches)} articles ({names}); name one of them"
    )


def _title(path: Path) -> str:
    try:
        return read_article(path).title
    except ArticleError:
        return ""


def _known_sources(where: Locations) -> list[str]:
    """The codebook's source names, if the library has a database (opened, never created)."""
    if not where.db.is_file():
        return []
    try:
        store = Store(where.db, backups=False)
    except StoreError:
        return []  # a damaged database is the doctor's business, not this command's
    try:
        return [source.name for source in store.sources()]
    finally:
        store.close()


def _row(finding: QuoteFinding, text: str, include_all: bool) -> dict[str, object]:
    row = finding.as_json(text)
    if include_all:
        row["speech"] = finding.speech
    return row


def print_quotes(where: Locations, target: str, as_json: bool, include_all: bool) -> int:
    """Print the quotations of the article `target`; the exit status of the command."""
    try:
        path = find_article(where, target)
        content: ArticleContent = read_article(path)
    except (TargetError, ArticleError) as error:
        say(f"reader: {error}", err=True)
        return 1
    if len(content.text) > MAX_CHARACTERS:
        say(
            f"reader: {path}: {len(content.text):,} characters is too long to look for quotes in "
            f"(the limit is {MAX_CHARACTERS:,}); split it into articles",
            err=True,
        )
        return 1
    structure = TextStructure(content.text)
    from reader.quotes.article import article_quotes  # the finder: loaded when it is used

    findings = article_quotes(structure, content.title, _known_sources(where))
    shown = [f for f in findings if include_all or f.speech]
    if as_json:
        rows = [_row(f, content.text, include_all) for f in shown]
        print(json_text(rows))
        return 0
    if not shown:
        say(f"No quotations found in {path}.", err=True)
        return 0
    say(f"{content.title}  ({shown_name(str(path))})")
    for number, finding in enumerate(shown, 1):
        quote = clean_line(content.text[finding.span.start : finding.span.end])
        excerpt = quote if len(quote) <= 100 else quote[:99] + "…"
        if not finding.speech:
            who = "(not speech)"
        elif finding.speaker:
            cue = (
                " [carried on]"  # (its cue is an earlier paragraph's: none in its sentence)
                if finding.carried
                else f" [{finding.cue}]"
                if finding.cue
                else ""
            )
            doubt = "? " if finding.uncertain else ""  # as the app marks it: check it
            who = f"{doubt}{finding.speaker}{cue}"
        else:
            who = f"({clean_line(speaker_unknown(finding))})"
        say(f"{number:>3}. {who}\n     “{excerpt}”")
    return 0


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="a file, or an article of the library")
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    parser.add_argument("--all", action="store_true", help="include quoted text that is not speech")


def run(args: argparse.Namespace, where: Locations) -> int:
    return print_quotes(where, args.article, args.json, args.all)


COMMAND = Command(
    name="quotes",
    order=40,
    makes_library=False,
    synopsis=(
        ("reader quotes ARTICLE", "print an article's quotations with their suggested speakers"),
    ),
    summary="print an article's quotations with their suggested speakers",
    description="Print the quotations of an article in order, each with its suggested "
    "speaker (resolved to the full name or organisation; a source already in the "
    "codebook keeps the codebook's spelling), the words that named the speaker and the "
    f"cue of speech; an uncertain speaker (confidence under {CONFIDENT}: check it) is "
    'marked "?" before the name, as in the app. ARTICLE is a file (.txt or .md, in the library or not) or an article '
    "of the library by its file name or a unique part of its name or title. Quoted "
    "phrases with no speech around them (scare quotes, titles) are left out unless --all. "
    "JSON: a list of {quote, start, end, speaker, speaker_mention, cue, carried, confidence}, "
    "offsets into the article's normalised text (with --all, also speech: true/false); "
    "carried: the speaker is carried on from an earlier paragraph, whose words and cue "
    'speaker_mention and cue then are ("[carried on]" in the text output).',
    arguments=_arguments,
    run=run,
)
