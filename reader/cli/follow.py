"""`reader follow URL | --list | --remove NAME | --import FILE | --export FILE`: the feeds
the library follows (kept in `reader.feeds.json` beside the database).

`reader refresh` (its own module) brings in what they publish.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.command import Command, count_or_all, fail, positive_seconds, say
from reader.core.addresses import without_credentials
from reader.core.paths import Locations
from reader.core.text import json_text, shown_name
from reader.core.wording import plural

if TYPE_CHECKING:
    from reader.library.subscriptions import Feed, Subscriptions


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url", nargs="?", metavar="URL", help="a feed, or a web page that names its feed"
    )
    parser.add_argument("--name", metavar="NAME", help="what to call it (default: its title)")
    parser.add_argument(
        "--keep",
        type=count_or_all,
        metavar="N",
        help="on refresh, remove the feed's oldest unread, untagged articles beyond N "
        "(0: keep all, the default); never an article with annotations",
    )
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument("--list", action="store_true", help="list the feeds followed")
    actions.add_argument(
        "--remove", metavar="NAME|URL", help="stop following a feed (its articles stay)"
    )
    actions.add_argument("--import", dest="import_file", metavar="FILE", help="follow an OPML list")
    actions.add_argument("--export", metavar="FILE", help="write the feeds as OPML (- for stdout)")
    parser.add_argument("--force", action="store_true", help="with --export: replace FILE")
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        metavar="SECONDS",
        help="give up on the address after this long (default 15)",
    )
    parser.add_argument("--json", action="store_true", help="with --list: print JSON")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.library.fetching import TIMEOUT_SECONDS
    from reader.library.opml import OpmlError
    from reader.library.subscriptions import FeedError, Subscriptions

    subscriptions = Subscriptions(where.db)
    chosen = [args.list, args.remove, args.import_file, args.export is not None]
    if args.url and any(chosen):
        return fail("reader follow: give a URL, or one of --list, --remove, --import, --export", 2)
    try:
        if args.remove:
            feed = _unfollow(subscriptions, args.remove)
            say(
                f"unfollowed: {feed.name} ({without_credentials(feed.url)}); its articles stay in the library"
            )
            return 0
        if args.import_file:
            return _import(subscriptions, Path(args.import_file))
        if args.export is not None:
            if not args.export.strip():
                return fail("reader follow --export: give a file name (or - for the screen)", 2)
            return _export(subscriptions, args.export, where, args.force)
        if args.url:
            return _follow(subscriptions, args, args.timeout or TIMEOUT_SECONDS)
        return _list(subscriptions, args.json)
    except (FeedError, OpmlError) as error:
        return fail(str(error))


def _unfollow(subscriptions: Subscriptions, name: str) -> Feed:
    from reader.library.following import unfollow

    return unfollow(subscriptions, name)


def _follow(subscriptions: Subscriptions, args: argparse.Namespace, timeout: float) -> int:
    from reader.library.following import follow

    done = follow(subscriptions, args.url, args.name or "", args.keep, timeout)
    feed = done.feed
    keep = f", keeps {feed.keep}" if feed.keep else ""
    if done.status == "followed":
        say(
            f"following: {feed.name} ({without_credentials(feed.url)}{keep}); `reader refresh` brings its items in"
        )
    elif done.status == "changed":
        say(f"changed: {feed.name} ({without_credentials(feed.url)}{keep})")
    else:
        say(f"already following: {feed.name} ({without_credentials(feed.url)}{keep})")
    return 0


def _list(subscriptions: Subscriptions, as_json: bool) -> int:
    feeds = subscriptions.feeds()
    if as_json:
        rows = [
            {
                "name": f.name,
                "url": without_credentials(f.url),
                "keep": f.keep,
                "refreshed": f.refreshed,
                "status": f.status,
            }
            for f in feeds
        ]
        print(json_text(rows))
        return 0
    if not feeds:
        say("no feeds followed yet: `reader follow URL` follows one")
        return 0
    for feed in feeds:
        keep = f"  keep {feed.keep}" if feed.keep else ""
        when = f"  {feed.refreshed[:16].replace('T', ' ')}: {feed.status}" if feed.refreshed else ""
        say(f"{feed.name}\n  {without_credentials(feed.url)}{keep}{when}")
    return 0


def _import(subscriptions: Subscriptions, path: Path) -> int:
    from reader.core.files import FileTooLarge, read_bounded
    from reader.library.following import import_opml
    from reader.library.opml import MAX_OPML_BYTES

    try:
        data = read_bounded(path, MAX_OPML_BYTES)
    except FileTooLarge:
        return fail(f"{path}: over {MAX_OPML_BYTES >> 20} MB, not a list of feeds")
    except OSError as error:
        return fail(f"{path}: cannot read it ({error.strerror}); give an OPML file")
    report = import_opml(subscriptions, data, str(path))
    for feed in report.followed:
        say(f"following: {feed.name} ({without_credentials(feed.url)})")
    for reason in report.skipped:
        say(f"reader follow: {reason}", err=True)
    already = len(report.already)
    say(
        f"{plural(len(report.followed), 'feed')} followed"
        + (f", {already} already followed" if already else "")
        + "; `reader refresh` brings their items in"
    )
    return 1 if report.skipped else 0


def _export(subscriptions: Subscriptions, target: str, where: Locations, force: bool) -> int:
    from reader.interchange.output import MissingFolderError, ProtectedPathError, check_target
    from reader.library.opml import to_opml
    from reader.library.subscriptions import feeds_path
    from reader.storage.atomic import write_atomically

    document = to_opml(subscriptions.feeds())
    if target == "-":
        print(document.decode("utf-8"))
        return 0
    path = Path(target).expanduser()
    try:
        check_target(path, where)
    except (ProtectedPathError, MissingFolderError) as error:
        return fail(str(error), 2)
    if path.resolve() == feeds_path(where.db).resolve():
        return fail(f"{path}: that is the feeds file itself; write the OPML somewhere else", 2)
    if path.is_dir():
        return fail(f"{path}: is a folder; give a file name such as feeds.opml", 2)
    if path.exists() and not force:
        return fail(f"{path}: exists; --force replaces it", 2)
    try:
        write_atomically(path, document)
    except OSError as error:
        return fail(f"{path}: cannot write it ({error.strerror})")
    count = len(subscriptions.feeds())
    say(f"exported {plural(count, 'feed')} to {shown_name(str(path))}")
    return 0


COMMAND = Command(
    name="follow",
    order=12,
    synopsis=(
        ("reader follow URL", "follow a feed (or a page naming one); --name, --keep N"),
        ("reader follow --list", "the feeds followed; --remove NAME, --import/--export OPML"),
    ),
    summary="follow RSS/Atom feeds; list, remove, import or export them as OPML",
    description="Follow a feed: URL is an RSS, Atom or JSON feed, or a web page that names its "
    "feed in its head (the feed is found). The feed is fetched once to check it and to "
    "learn its title, its name unless --name gives one. --keep N makes every refresh "
    "remove the feed's oldest unread articles beyond the newest N, never one with "
    "annotations. The list lives in reader.feeds.json beside the database. --list shows "
    "them, --remove NAME|URL stops following one (its articles stay), --import FILE reads "
    "an OPML file from another feed reader and --export FILE writes one. "
    "`reader refresh` brings in what they publish.",
    arguments=_arguments,
    run=run,
)
