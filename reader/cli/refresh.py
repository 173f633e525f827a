"""`reader refresh [NAME...]`: bring in what the followed feeds published since last time.

One line per feed as each ends (`name: new 3`, `name: unchanged`, `name: failed: reason`);
a feed that fails is reported and the others go on. Exit status 1 when any feed failed.
"""

from __future__ import annotations

import argparse
import threading

from reader.cli.command import (
    Command,
    close_store,
    fail,
    positive_int,
    positive_seconds,
    say,
    say_scan,
)
from reader.core.paths import Locations
from reader.core.text import json_text
from reader.core.wording import plural


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("feeds", nargs="*", metavar="NAME", help="only these feeds (name or URL)")
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        metavar="SECONDS",
        help="a deadline for each fetch: the feed, then each new page (default 15)",
    )
    parser.add_argument(
        "--jobs", type=positive_int, metavar="N", help="feeds fetched at once (default 16)"
    )
    parser.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help="new items taken per feed (default 20; older new ones are passed over)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")


def run(args: argparse.Namespace, where: Locations) -> int:
    # httpx, feedparser and trafilatura are loaded only when refreshing
    from reader.library.adding import AddError
    from reader.library.feed_refresh import JOBS, LIMIT, FeedResult, refresh_feeds
    from reader.library.fetching import TIMEOUT_SECONDS
    from reader.library.folder import Library
    from reader.library.subscriptions import FeedError, Subscriptions
    from reader.storage.database import Store

    subscriptions = Subscriptions(where.db)
    try:
        if not subscriptions.feeds():
            say("no feeds followed yet: `reader follow URL` follows one")
            return 0
    except FeedError as error:
        return fail(str(error))
    printing = threading.Lock()

    def report(result: FeedResult) -> None:
        if args.json:
            return
        with printing:
            say("\n".join(result.lines()))

    store = Store(where.db)
    try:
        library = Library(where.library, store)
        say_scan(library.scan())
        results = refresh_feeds(
            library,
            subscriptions,
            args.feeds,
            timeout=args.timeout or TIMEOUT_SECONDS,
            jobs=args.jobs or JOBS,
            limit=args.limit or LIMIT,
            on_result=report,
        )
    except (AddError, FeedError) as error:
        return fail(str(error), 2 if isinstance(error, AddError) else 1)
    finally:
        close_store(store)
    if args.json:
        print(json_text([r.as_json() for r in results]))
    else:
        added = sum(len(r.added) for r in results)
        failed = sum(r.status == "failed" for r in results)
        count = len(results)
        summary = f"{plural(added, 'new article')} from {plural(count, 'feed')}"
        say(summary + (f"; {failed} failed" if failed else ""))
    return 1 if any(r.status == "failed" for r in results) else 0


COMMAND = Command(
    name="refresh",
    order=13,
    synopsis=(("reader refresh [NAME...]", "bring in what the followed feeds published"),),
    summary="fetch the followed feeds; add their new items, unread",
    description="Fetch every followed feed (or those named) at once, each within the "
    "deadline, and add their new items to the library cleaned to their story, unread and "
    "marked with their feed. Items already in the library (same address or same text) "
    "or taken before are skipped; a feed unchanged since last time costs one small "
    "request (ETag / Last-Modified). Only http(s) links are followed. With a feed's "
    "--keep N, its oldest unread articles without annotations beyond N are removed. One "
    "line per feed: new N, unchanged, or failed with the reason; exit status 1 if any "
    "feed failed.",
    arguments=_arguments,
    run=run,
)
