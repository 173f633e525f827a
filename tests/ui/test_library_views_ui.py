"""The library's views as a newcomer saw them: the archive does not seem to hold the open
article, and "By feed" names the feeds as followed now."""

from __future__ import annotations

from pathlib import Path

from reader.library.following import unfollow
from reader.library.subscriptions import Feed, Subscriptions
from reader.ui.app import ReaderApp
from tests.helpers.pilot import SIZE, main, press, region_words, settle
from tests.helpers.seeding import FEED


async def test_the_open_article_listed_in_the_archive_says_it_is_not_archived(
    feed_library: Path,
) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = main(app).library_list
        library.focus()
        await press(pilot, "V", "V", "V")  # unread, by feed, archive
        assert library.view == "archive"
        assert [r.archived for r in library.shown] == [False]  # the open one, alone
        assert "open now, not archived" in region_words(app, library)


async def test_by_feed_names_a_feed_followed_again_under_another_name(
    feed_library: Path,
) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        subscriptions = Subscriptions(feed_library / "reader.json")
        unfollow(subscriptions, "City News")  # `reader follow --remove`, the app open
        with subscriptions.editing() as feeds:
            feeds.append(Feed(url=FEED, name="Harbour News"))
        main(app).library_list.focus()
        await press(pilot, "V", "V")
        shown = region_words(app, main(app).library_list)
        assert "Harbour News · 3 unread" in shown and "City News ·" not in shown
