"""The `reader` command: argument parsing, the commands that need no UI, exit codes.

`reader [LIBRARY]` opens the app; `reader search` and `reader list` print results (`--json`
for scripts). Errors are one line on stderr naming the file or argument and what to do;
exit codes: 0 success (including "no match"), 1 failure, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from reader import __version__
from reader.exports import EXPORT_FORMATS, IMPORT_FORMATS
from reader.exports.markdown import GROUPS
from reader.library import Library
from reader.paths import DB_NAME, ENV_LIBRARY, Locations, PathError, resolve
from reader.search import hits_as_json, search_store
from reader.store import Store, StoreError

COMMANDS = (
    "open",
    "add",
    "search",
    "list",
    "quotes",
    "export",
    "import",
    "stats",
    "doctor",
    "restore",
)

DESCRIPTION = f"""\
Read news articles in the terminal and tag who said what, by keyboard.

commands:
  reader [LIBRARY]         open the app on a folder of articles (the default command)
  reader add SOURCE...     add articles: .txt/.md/.html files, web addresses, - for stdin
  reader add --feed URL    add the newest items of an RSS or Atom feed
  reader add --update URL  fetch an added page again; annotations follow the new text
  reader search QUERY      print the annotations that match QUERY, best first
  reader list              print the articles of the library with their annotation counts
  reader quotes ARTICLE    print an article's quotations with their suggested speakers
  reader export [FILTER]   annotations as Markdown, CSV, JSON, W3C, REFI-QDA or Obsidian notes
  reader import FILE       annotations back from a W3C, JSON or REFI-QDA (.qdpx) file
  reader stats [--matrix]  quotes per source, theme or article, or the source x theme matrix
  reader doctor [--fix]    check the database and the library; repair what is safe
  reader restore [BACKUP]  list the database's backups, or put one back

Run `reader COMMAND --help` for a command's options.

The library is LIBRARY or --library, else ${ENV_LIBRARY}, else ./library when the current
folder has one, else a folder in your user data directory. Annotations are kept in
{DB_NAME} inside the library (--db FILE to choose another file); rotating backups of it
are kept in .reader-backups/ beside it.

exit status: 0 success (no match is not an error), 1 failure, 2 bad usage.
"""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="DIR", help="the library folder of articles")
    parser.add_argument("--db", metavar="FILE", help=f"the database file (default: DIR/{DB_NAME})")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="reader [LIBRARY] [--library DIR] [--db FILE]\n       reader COMMAND ...",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    open_ = commands.add_parser(
        "open", prog="reader open", help="open the app (the default command)"
    )
    open_.add_argument("library_arg", nargs="?", metavar="LIBRARY", help="the library folder")
    _common(open_)

    add = commands.add_parser(
        "add",
        prog="reader add",
        help="add articles from files, web pages, standard input or a feed",
        description="Add articles to the library. Each SOURCE is a .txt, .md or .html file, "
        "an http(s) address, or - for standard input (`curl -s URL | reader add -`). Web "
        "pages are cleaned to their story (headline, byline, paragraphs, block quotes, "
        "subheadings; no menus, related links or adverts) and every article is written "
        "into the library as a Markdown file with front matter (title, author, site, "
        "published, url, added). An article already in the library (same address or same "
        "text) is reported and skipped. With --feed URL, the newest items of an RSS or Atom "
        "feed are added. Exit status 1 if any source failed (the others are still added).",
    )
    add.add_argument("sources", nargs="*", metavar="SOURCE", help="a file, a URL, or -")
    add.add_argument("--feed", metavar="URL", help="an RSS or Atom feed to add items from")
    add.add_argument(
        "--limit",
        type=_positive,
        default=10,
        metavar="N",
        help="with --feed: the newest N items (default 10)",
    )
    add.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=15.0,
        metavar="SECONDS",
        help="give up on a web page after this long (default 15)",
    )
    add.add_argument(
        "--update",
        action="store_true",
        help="fetch articles of the library again by their URL; a changed story replaces "
        "the file (the old one is kept in .reader-backups/articles/) and its annotations "
        "are re-anchored to the new text",
    )
    add.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    _common(add)

    search = commands.add_parser(
        "search",
        prog="reader search",
        help="print the annotations that match a query",
        description="Print the annotations that match QUERY, best first. QUERY uses the "
        "search screen's syntax: free words (typos forgiven) and the filters source:, "
        'theme:, article:, note:, quote:, with quoted values ("Doug King").',
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    search.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    search.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N results (default 20)"
    )
    _common(search)

    list_ = commands.add_parser(
        "list",
        prog="reader list",
        help="print the articles with their annotation counts",
        description="Print the articles of the library with their number of annotations.",
    )
    list_.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    _common(list_)

    quotes = commands.add_parser(
        "quotes",
        prog="reader quotes",
        help="print an article's quotations with their suggested speakers",
        description="Print the quotations of an article in order, each with its suggested "
        "speaker (resolved to the full name or organisation; a source already in the "
        "codebook keeps the codebook's spelling), the words that named the speaker and the "
        "cue of speech. ARTICLE is a file (.txt or .md, in the library or not) or an article "
        "of the library by its file name or a unique part of its name or title. Quoted "
        "phrases with no speech around them (scare quotes, titles) are left out unless --all. "
        "JSON: a list of {quote, start, end, speaker, speaker_mention, cue, confidence}, "
        "offsets into the article's normalised text (with --all, also speech: true/false).",
    )
    quotes.add_argument("article", metavar="ARTICLE", help="a file, or an article of the library")
    quotes.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    quotes.add_argument("--all", action="store_true", help="include quoted text that is not speech")
    _common(quotes)

    export = commands.add_parser(
        "export",
        prog="reader export",
        help="write annotations as Markdown, CSV, JSON, W3C, REFI-QDA or Obsidian notes",
        description="Write the annotations FILTER selects (the search screen's syntax: "
        "source:, theme:, article:, free words; all of them without FILTER) in the form the "
        "next tool expects. markdown: quotes as block quotes with source, article, site, date "
        "and link, grouped by --group-by; csv: one row per annotation, every field (UTF-8 "
        "with a byte-order mark); json: the records as stored with their articles' "
        "metadata; w3c: a W3C Web Annotation collection (JSON-LD); qdpx: a REFI-QDA project "
        "for QualCoder, NVivo, ATLAS.ti and MAXQDA (needs -o FILE); obsidian: one note per "
        "article with #tags and [[source]] links (needs -o FOLDER). Without -o, writes to "
        "standard output.",
    )
    export.add_argument("filter", nargs="*", metavar="FILTER", help="which annotations")
    export.add_argument(
        "--format",
        "-f",
        default="markdown",
        choices=EXPORT_FORMATS,
        help="markdown (default), csv, json, w3c, qdpx or obsidian",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (or FOLDER)")
    export.add_argument(
        "--group-by",
        default="theme",
        choices=GROUPS,
        help="markdown: one section per theme (default), source or article",
    )
    _common(export)

    import_ = commands.add_parser(
        "import",
        prog="reader import",
        help="read annotations back from a W3C, JSON or REFI-QDA file",
        description="Read annotations from FILE (written by reader export, or by another "
        "tool in the same format) into the database. Each one is placed in its article of "
        "the library (by path, address, text or title) at its stored position, or found "
        "again by its quote if the text changed; one whose article is not in the library is "
        "reported and left out. Annotations already there are skipped, so importing twice "
        "adds nothing twice. --format is guessed from the file when not given.",
    )
    import_.add_argument("file", metavar="FILE", help="the file to import")
    import_.add_argument("--format", "-f", choices=IMPORT_FORMATS, help="w3c, json or qdpx")
    import_.add_argument("--json", action="store_true", help="print the summary as JSON")
    _common(import_)

    stats = commands.add_parser(
        "stats",
        prog="reader stats",
        help="count quotes per source, theme or article, or the source x theme matrix",
        description="Count the annotations per source (default), theme or article, with the "
        "number of articles each appears in; --matrix prints the source x theme matrix of "
        "counts (an annotation with two themes counts in both columns). JSON: a list of "
        "{name, annotations, articles}; with --matrix, {sources, themes, cells: [{source, "
        "theme, count}]}.",
    )
    stats.add_argument(
        "--by", choices=("source", "theme", "article"), default="source", help="what to count by"
    )
    stats.add_argument("--matrix", action="store_true", help="the source x theme matrix")
    stats.add_argument("--json", action="store_true", help="print JSON for scripts")
    _common(stats)

    doctor = commands.add_parser(
        "doctor",
        prog="reader doctor",
        help="check the database and the library; repair what is safe",
        description="Check the database and the library: damaged or duplicate records, "
        "annotations pointing at unknown articles, offsets that no longer match their "
        "article, codebook gaps, leftovers of interrupted saves. With --fix, repair what is "
        "safe (never deleting an annotation), after keeping a copy of the original. Exit "
        "status 0 when healthy (or repaired), 1 when problems remain.",
    )
    doctor.add_argument("--fix", action="store_true", help="repair what is safe to repair")
    doctor.add_argument("--json", action="store_true", help="print the findings as JSON")
    _common(doctor)

    restore = commands.add_parser(
        "restore",
        prog="reader restore",
        help="list the database's backups, or put one back",
        description="Without BACKUP, list the backups kept beside the database (newest "
        "first) with what each holds. With BACKUP (a name from the list, or its unique "
        "beginning), put it in place of the database; the current file is kept as a "
        "before-restore backup first, so a restore can itself be undone.",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="the backup to restore")
    restore.add_argument("--json", action="store_true", help="print the list as JSON")
    _common(restore)
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


def _positive_seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be more than 0")
    return number


def _with_default_command(argv: list[str]) -> list[str]:
    """`reader`, `reader DIR` and `reader --db F` mean `reader open ...`."""
    first = next((a for a in argv if not a.startswith("-")), None)
    if any(a in ("-h", "--help", "--version") for a in argv[:1]):
        return argv
    if first is None or first not in COMMANDS:
        return ["open", *argv]
    return argv


def _fail(message: str, status: int = 1) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(
        _with_default_command(list(sys.argv[1:] if argv is None else argv))
    )
    library = getattr(args, "library_arg", None) or args.library
    if getattr(args, "library_arg", None) and args.library:
        return _fail("give the library once: as LIBRARY or as --library", 2)
    try:
        where = resolve(library, args.db)
    except PathError as error:
        return _fail(str(error), 2 if library or args.db else 1)
    try:
        if args.command == "open":
            return _open(where)
        if args.command == "doctor":
            return _doctor(where, args.fix, args.json)
        if args.command == "restore":
            return _restore(where, args.backup, args.json)
        if args.command == "quotes":
            return _quotes(where, args.article, args.json, args.all)
        if args.command == "stats":
            from reader.stats_cli import run_stats

            return run_stats(where, args.by, args.matrix, args.json)
        if args.command in ("export", "import"):
            from reader.export_cli import run_export, run_import

            if args.command == "export":
                query = " ".join(args.filter)
                return run_export(where, args.format, query, args.output, args.group_by)
            return run_import(where, args.file, args.format, args.json)
        if args.command == "add":
            from reader.add_cli import run_add  # httpx and trafilatura only when adding

            return run_add(
                where, args.sources, args.feed, args.limit, args.json, args.timeout, args.update
            )
        store = Store(where.db)
    except StoreError as error:
        return _fail(str(error))
    try:
        if args.command == "search":
            return _search(store, where, " ".join(args.query), args.limit, args.json)
        return _list(store, where, args.json)
    except StoreError as error:
        return _fail(str(error))
    except BrokenPipeError:
        return 0
    finally:
        store.close()


def _open(where: Locations) -> int:
    from reader.ui.app import ReaderApp  # the UI is imported only when it is needed

    app = ReaderApp(library=where.library, db=where.db)
    app.run()
    return app.return_code or 0


def _search(store: Store, where: Locations, query: str, limit: int, as_json: bool) -> int:
    results = search_store(store, query, limit)
    paths = {r.id: r.path for r in store.articles()}
    if as_json:
        print(json.dumps(hits_as_json(results.hits, paths), ensure_ascii=False, indent=2))
        return 0
    if not results.hits:
        print(f"No annotation matches {query!r}.", file=sys.stderr)
        return 0
    for hit in results.hits:
        annotation = hit.annotation
        themes = ", ".join(annotation.themes)
        head = f"{hit.score:5.1f}  {annotation.source or '(no source)'}"
        print(head + (f" · {themes}" if themes else "") + f" · {hit.title}")
        print(f"       “{' '.join(annotation.quote.split())}”")
        if annotation.note:
            print(f"       note: {' '.join(annotation.note.split())}")
    more = results.total - len(results.hits)
    if more > 0:
        print(f"({more} more; use --limit)", file=sys.stderr)
    return 0


def _list(store: Store, where: Locations, as_json: bool) -> int:
    report = Library(where.library, store).scan()
    for reason in report.skipped:
        print(f"reader: skipped {reason}", file=sys.stderr)
    records = sorted(store.articles(), key=lambda r: r.path)
    rows = [
        {
            "id": r.id,
            "path": r.path,
            "title": r.title,
            "annotations": store.annotation_count(r.id),
            "missing": r.missing,
        }
        for r in records
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"No articles in {where.library}.", file=sys.stderr)
        return 0
    width = max(len(str(row["annotations"])) for row in rows)
    for row in rows:
        missing = "  (file missing)" if row["missing"] else ""
        print(f"{row['annotations']:>{width}}  {row['path']}  {row['title']}{missing}")
    return 0


def _quotes(where: Locations, target: str, as_json: bool, include_all: bool) -> int:
    from reader.quotes_cli import print_quotes

    return print_quotes(where, target, as_json, include_all)


def _doctor(where: Locations, fix: bool, as_json: bool) -> int:
    from reader.doctor import examine

    checkup = examine(where.db, where.library, fix=fix)
    if as_json:
        findings = [
            {"severity": f.severity, "message": f.message, "fixed": f.fixed}
            for f in checkup.findings
        ]
        report = {"healthy": checkup.healthy, "summary": checkup.summary, "findings": findings}
        report["backup"] = str(checkup.backup) if checkup.backup else None
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0 if checkup.healthy else 1
    for finding in checkup.findings:
        label = "fixed" if finding.fixed else finding.severity
        print(f"{label:>7}: {finding.message}")
    if checkup.backup:
        print(f"   kept: the original as {checkup.backup}")
    if checkup.summary:
        print(f"     ok: {checkup.summary}" if checkup.healthy else f"   info: {checkup.summary}")
    problems = [f for f in checkup.findings if f.severity == "problem" and not f.fixed]
    if problems and not fix:
        print("Run `reader doctor --fix` to repair the problems above.")
    return 0 if checkup.healthy else 1


def _restore(where: Locations, name: str | None, as_json: bool) -> int:
    from reader.backups import Backups
    from reader.recovery import describe, restore

    backups = Backups(where.db)
    if name is None:
        infos = [describe(b) for b in backups.list()]
        if as_json:
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
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        if not infos:
            print(f"No backups of {where.db} yet (they are taken as you work).", file=sys.stderr)
            return 0
        print(f"Backups of {where.db}, newest first:")
        for info in infos:
            what = info.problem or f"{info.annotations} annotations, {info.articles} articles"
            when = info.backup.taken.strftime("%Y-%m-%d %H:%M:%S")
            print(f"  {info.backup.name}  {when}  {info.backup.kind:<16} {what}")
        print("Restore one with `reader restore NAME`.")
        return 0
    backup = backups.find(name)
    if backup is None:
        return _fail(f"{name}: no such backup of {where.db}; `reader restore` lists them", 2)
    kept = restore(where.db, backup)
    info = describe(backup)
    print(f"Restored {backup.name} ({info.annotations} annotations) as {where.db}.")
    if kept:
        print(
            f"The database it replaced is kept as {kept.name}: `reader restore {kept.name}` undoes this."
        )
    return 0
