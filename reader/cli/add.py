"""`reader add SOURCE... | --feed URL`: articles into the library, from the shell.

Prints one line per source: the title and the new file's name, or that the article is
already there (with its file name). Errors are one line each on stderr; the other sources
are still added, and the exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.command import Command, close_store, positive_int, positive_seconds, say
from reader.core.addresses import credentials_hidden
from reader.core.paths import Locations
from reader.core.text import clean_line, json_text, shorten, shown_name

if TYPE_CHECKING:
    from reader.library.adding import AddError, AddResult
    from reader.library.folder import Library


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="a file, a URL, or -")
    parser.add_argument("--feed", metavar="URL", help="an RSS, Atom or JSON feed to add items from")
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=10,
        metavar="N",
        help="with --feed: the newest N items (default 10)",
    )
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        metavar="SECONDS",
        help="give up on a web page after this long (default 15)",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="fetch articles of the library again by their URL (or read a saved page, "
        "a file or -, again); a changed story replaces "
        "the file (the old one is kept in .reader-backups/articles/) and its annotations "
        "are re-anchored to the new text",
    )
    cleaning = parser.add_mutually_exclusive_group()
    cleaning.add_argument(
        "--no-clean",
        action="store_true",
        help="web pages: trafilatura's text only, without Reader's cleaning pass",
    )
    cleaning.add_argument(
        "--raw",
        action="store_true",
        help="web pages: all the text of the page, nothing removed (menus and all)",
    )
    parser.add_argument(
        "--show-removed",
        action="store_true",
        help="print what Reader's cleaning removed from each web page, and why",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")


def run(args: argparse.Namespace, where: Locations) -> int:
    # httpx and trafilatura are loaded only when adding
    from reader.core.files import read_stdin
    from reader.library.adding import AddError, add_feed, add_source, refresh
    from reader.library.article_files import ArticleError
    from reader.library.extraction import RAW, READER, TRAFILATURA
    from reader.library.fetching import MAX_BYTES, TIMEOUT_SECONDS
    from reader.library.folder import Library
    from reader.storage.database import Store

    sources: list[str] = args.sources
    feed: str | None = args.feed
    as_json: bool = args.json
    show: bool = args.show_removed
    timeout: float = args.timeout or TIMEOUT_SECONDS
    cleaning = RAW if args.raw else TRAFILATURA if args.no_clean else READER
    if not sources and not feed:
        say("reader add: give a file, a URL, - for standard input, or --feed URL", err=True)
        return 2
    if sources.count("-") > 1:
        say("reader add: standard input (-) can be given once", err=True)
        return 2
    try:
        stdin = read_stdin(MAX_BYTES) if "-" in sources else None
    except OSError:
        say(
            f"reader add: standard input is over {MAX_BYTES >> 20} MB, too big for an article; "
            "split it or add it as files",
            err=True,
        )
        return 1
    named = where.library  # in the commands it suggests: they work from any folder
    outcomes: list[AddResult | AddError] = []
    store = Store(where.db)
    try:
        library = Library(where.library, store)
        for source in sources:
            try:
                if args.update:
                    outcomes.append(refresh(library, source, timeout, cleaning, stdin))
                else:
                    outcomes.append(add_source(library, source, stdin, timeout, cleaning))
            except (AddError, ArticleError) as error:
                outcomes.append(AddError(str(error), source))
            if show:
                outcomes[-1] = _with_cleaning(
                    outcomes[-1], library, source, stdin, timeout, cleaning
                )
            _report(outcomes[-1], as_json, show, named, cleaning)
        if feed:
            try:
                results = add_feed(library, feed, args.limit, timeout, cleaning)
            except AddError as error:
                results = [AddError(str(error), feed)]
            for outcome in results:
                outcomes.append(outcome)
                _report(outcome, as_json, show, named)
    finally:
        close_store(store)
    if as_json:
        listing = [_as_json(outcome, show) for outcome in outcomes]
        print(json_text(listing))
    return 1 if any(isinstance(outcome, AddError) for outcome in outcomes) else 0


def _with_cleaning(
    outcome: AddResult | AddError,
    library: Library,
    source: str,
    stdin: bytes | None,
    timeout: float,
    cleaning: str,
) -> AddResult | AddError:
    """For --show-removed: an article already in the library, with what the cleaning
    removes from its page (read or fetched again; the library is not changed)."""
    from reader.library.adding import AddError, cleaned_again
    from reader.library.article_files import ArticleError

    if isinstance(outcome, Exception) or outcome.status != "present":
        return outcome
    try:
        return cleaned_again(library, outcome, source, stdin, timeout, cleaning)
    except (AddError, ArticleError) as error:
        say(
            f"reader add: {clean_line(str(error))} (cannot show what the cleaning removed)",
            err=True,
        )
        return outcome


def _report(
    outcome: AddResult | AddError,
    as_json: bool,
    show_removed: bool = False,
    library: Path | None = None,
    cleaning: str = "",
) -> None:
    if isinstance(outcome, Exception):
        # one line, whatever the name; an address in it without its user name and password
        say(f"reader add: {credentials_hidden(clean_line(str(outcome)))}", err=True)
        return
    if as_json:
        return
    label = {
        "added": "added",
        "present": "already in the library",
        "updated": "updated",
        "unchanged": "unchanged",
    }[outcome.status]
    detail = f" ({outcome.detail})" if outcome.detail else ""
    say(f"{label}: {outcome.title}{detail}\n  -> {shown_name(outcome.path)}")
    for source, before, now in outcome.reworded:  # (which ones: "check them" named none)
        who = f"{clean_line(source)}: " if source else ""
        say(f"  now reads differently: {who}“{shorten(before, 90)}” -> “{shorten(now, 90)}”")
    if outcome.status == "added" and outcome.same_title:  # (a page saved again, edited)
        # `--update` finds an article by its own address: the new one's named none of the
        # library's (deleting the copy as told, then the command, left a "file missing")
        from reader.library.fetching import is_web_address  # (loaded when adding)

        again = outcome.same_title_url if is_web_address(outcome.source) else outcome.source
        if again and is_web_address(outcome.source):
            # (the old address may still serve the old text: said, so that the new copy is
            # not deleted on a promise the update cannot keep)
            then = (
                f"`reader add --update {shlex.quote(again)}` reads that one again from its own "
                "address, where its annotations are; if it still gives the old text there, "
                "keep both"
            )
        elif again:
            then = (
                f"delete {shown_name(outcome.path)}, and `reader add --update "
                f"{shlex.quote(again)}` puts this text into that one (its annotations follow)"
            )
        else:
            then = "keep both, or delete one (each keeps its own annotations)"
        say(
            f"  the library holds an article of the same title: {shown_name(outcome.same_title)}"
            f"; if this page is a new copy of it, {then}"
        )
    from reader.library.extraction import RAW, TRAFILATURA  # (loaded when adding)

    if outcome.status == "present" and cleaning in (TRAFILATURA, RAW) and outcome.source:
        # "--raw" asked of a page already added: its text stays; say how to replace it
        from reader.library.adding import update_command

        say(f"  its text is unchanged; to replace it: {update_command(outcome, library, cleaning)}")
    if show_removed and outcome.cleaning:
        _report_removed(outcome, library)


def _report_removed(outcome: AddResult, library: Path | None) -> None:
    """What the cleaning took out, and how to have it back."""
    from reader.library.adding import removed_report

    for line in removed_report(outcome, library):
        say("  " + line.replace("\n", "\n  "))


def _as_json(outcome: AddResult | AddError, show_removed: bool = False) -> dict[str, object]:
    if isinstance(outcome, Exception):
        return {"source": getattr(outcome, "source", ""), "status": "error", "error": str(outcome)}
    found: dict[str, object] = {
        "source": outcome.source,
        "status": outcome.status,
        "title": outcome.title,
        "path": outcome.path,
    }
    if outcome.detail:
        found["detail"] = outcome.detail
    if outcome.reworded:
        found["reworded"] = [
            {"source": source, "before": before, "now": now}
            for source, before, now in outcome.reworded
        ]
    if outcome.same_title:  # (another article of that title: `--update` may have been meant)
        found["same_title"] = outcome.same_title
    if outcome.cleaning:
        found["cleaning"] = outcome.cleaning
        if outcome.note:
            found["note"] = outcome.note
        if show_removed:
            found["removed"] = [
                {"text": removal.text, "reason": removal.reason} for removal in outcome.removed
            ]
            if outcome.spared:
                found["kept"] = [
                    {"text": removal.text, "reason": removal.reason} for removal in outcome.spared
                ]
            if outcome.left_out:
                found["left_out"] = list(outcome.left_out)  # (not in trafilatura's text)
    return found


COMMAND = Command(
    name="add",
    order=10,
    synopsis=(
        ("reader add SOURCE...", "add articles: .txt/.md/.html files, web addresses, - for stdin"),
        ("reader add --feed URL", "add the newest items of an RSS, Atom or JSON feed"),
        ("reader add --update URL", "fetch an added page again; annotations follow the new text"),
        ("reader add --show-removed URL", "say what the cleaning removed, and why"),
    ),
    summary="add articles from files, web pages, standard input or a feed",
    description="Add articles to the library. Each SOURCE is a .txt, .md or .html file, "
    "an http(s) address, or - for standard input (`curl -s URL | reader add -`). Web "
    "pages are cleaned to their story (headline, byline, paragraphs, block quotes, "
    "subheadings; no menus, related links or adverts) and every article is written "
    "into the library as a Markdown file with front matter (title, author, site, "
    "published, url, added). An article already in the library (same address or same "
    "text) is reported and skipped. With --feed URL, the newest items of an RSS, Atom or JSON "
    "feed are added. Reader's cleaning removes a block only on evidence from the page "
    "(link text, a widget's name, a caption) or from the library (text other pages of the "
    "site repeat), and keeps trafilatura's text when it would cut much of it; "
    "--show-removed prints what it removed and why, --no-clean keeps trafilatura's text "
    "and --raw all the text of the page. Exit status 1 if any source failed (the others "
    "are still added).",
    arguments=_arguments,
    run=run,
)
