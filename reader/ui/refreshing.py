"""`R` in the app: the followed feeds refreshed in a worker thread, with progress.

The app's worker calls `refresh_in_background`, which runs `reader.library.feed_refresh`
with the app's saving thread as its writer (so the library is written one change at a
time, in order with the user's own saves) and tells the main screen how far it got
(`FeedProgress`, one per feed as it ends) and what came of it (`FeedsRefreshed`). Each new
article is saved as it arrives, so it appears in the library pane at once. Quitting stops
the fetches (the worker is cancelled) rather than waiting for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.message import Message

from reader.core.addresses import without_credentials
from reader.library.subscriptions import FeedError, Subscriptions

if TYPE_CHECKING:
    from reader.library.feed_refresh import FeedResult
    from reader.ui.app import ReaderApp


@dataclass
class FeedProgress(Message):
    """`done` of `total` feeds refreshed; `result`: the one that just ended."""

    done: int
    total: int
    result: FeedResult | None = None


@dataclass
class FeedsRefreshed(Message):
    """Every feed refreshed: their results, and the feeds' names by address."""

    results: list[FeedResult]
    names: dict[str, str] = field(default_factory=dict)


def feed_names(subscriptions: Subscriptions) -> dict[str, str]:
    """Followed feed address -> its name, in the order followed (none if unreadable)."""
    try:
        feeds = subscriptions.feeds()
    except FeedError:
        return {}
    # (an article keeps its feed's address without a user name and password: older ones
    # kept them)
    names = {without_credentials(feed.url): feed.name for feed in feeds}
    return names | {feed.url: feed.name for feed in feeds}


def refresh_in_background(app: ReaderApp, cancelled: Callable[[], bool]) -> None:
    """Refresh every followed feed (call on a worker thread); see the module docstring."""
    subscriptions = Subscriptions(app.store.path)
    try:
        feeds = subscriptions.feeds()
    except FeedError as error:
        app.notify(str(error), severity="error", timeout=10)
        return
    if not feeds:
        app.notify("No feeds followed yet: `reader follow URL` in a shell follows one", timeout=6)
        return
    screen = app.main
    total = len(feeds)
    done = [0]
    screen.post_message(FeedProgress(0, total))

    def heard(result: FeedResult) -> None:
        done[0] += 1
        screen.post_message(FeedProgress(done[0], total, result))

    def write(operation: Callable[[], Any]) -> Any:
        return app.serial(operation)

    try:
        from reader.library.feed_refresh import refresh_feeds  # httpx: loaded when used

        results = refresh_feeds(
            app.library, subscriptions, writer=write, on_result=heard, cancelled=cancelled
        )
    except (FeedError, RuntimeError) as error:  # RuntimeError: the app is closing
        if not cancelled():
            app.notify(str(error), severity="error", timeout=10)
        return
    screen.post_message(FeedsRefreshed(results, feed_names(subscriptions)))
