"""Reading what the feeds brought, in the app: unread marks, views, archive, R to refresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.subscriptions import Feed, Subscriptions
from reader.ui.app import ReaderApp
from reader.ui.screens import read_marks
from tests.helpers.feed_site import FeedSite, serve_feeds
from tests.helpers.pilot import (
    SIZE,
    main,
    notified,
    press,
    region_words,
    settle,
    view,
    wait_until,
)
from tests.helpers.seeding import FEED_STORIES


@pytest.fixture
def quick_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_marks, "READ_AFTER_SECONDS", 0.2)


def _record(app: ReaderApp, title: str):  # type: ignore[no-untyped-def]
    return next(r for r in app.store.articles() if r.title == title)


async def _open_in_library(pilot, app: ReaderApp, title: str) -> None:  # type: ignore[no-untyped-def]
    library = main(app).library_list
    library.focus()
    library.highlighted = library.get_option_index(f"a{_record(app, title).id}")
    await press(pilot, "enter")


async def test_unread_articles_are_marked_and_counted(feed_library: Path) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = main(app).query_one("#library-pane")
        assert pane.border_title == "Library (7) · 3 unread"
        shown = region_words(app, main(app).library_list)
        assert "● Bridge reopens after a year" in shown
        assert "● ICE actions" not in shown  # an article added by hand counts as read

        main(app).library_list.focus()
        await press(pilot, "V")  # unread
        assert pane.border_title == "Unread (3)"
        assert [r.title for r in main(app).library_list.shown if r.feed] == sorted(FEED_STORIES)
        await press(pilot, "V")  # by feed
        assert pane.border_title == "By feed (7) · 3 unread"
        shown = region_words(app, main(app).library_list)
        assert shown.index("City News · 3 unread") < shown.index("Added by hand")
        await press(pilot, "V", "V")  # the archive, then all again
        assert pane.border_title == "Library (7) · 3 unread"


async def test_opening_an_unread_article_marks_it_read_after_a_moment(
    feed_library: Path, quick_read: None
) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Reader opened the first article by itself: that is not reading it.
        assert view(app).document.record.title == "Bridge reopens after a year"
        await pilot.pause(0.4)
        assert not _record(app, "Bridge reopens after a year").read
        await press(pilot, "G")  # but reading it through is
        assert _record(app, "Bridge reopens after a year").read
        await _open_in_library(pilot, app, "Ferry fares go up")
        assert view(app).document.record.title == "Ferry fares go up"
        await wait_until(pilot, lambda: _record(app, "Ferry fares go up").read, what="read")
        await settle(pilot)
        assert main(app).query_one("#library-pane").border_title == "Library (7) · 1 unread"
        assert "● Ferry" not in region_words(app, main(app).library_list)


async def test_tagging_in_the_article_opened_at_start_marks_it_read(
    feed_library: Path, quick_read: None
) -> None:
    """The article Reader opens by itself is not read by being shown, and no timer marks
    it: minutes of tagging in it had left it "unread" (a newcomer's finding). A tag made
    in it marks it read."""
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert view(app).document.record.title == "Bridge reopens after a year"
        await pilot.pause(0.4)
        assert not _record(app, "Bridge reopens after a year").read
        await press(pilot, "p", "t")  # the paragraph under the cursor
        await press(pilot, "ctrl+s")  # (no source: asked once, then saved so)
        await press(pilot, "ctrl+s")
        await settle(pilot)
        bridge = _record(app, "Bridge reopens after a year")
        assert any(a.article_id == bridge.id for a in app.store.annotations()) and bridge.read


async def test_reaching_the_end_marks_it_read_and_m_toggles(feed_library: Path) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_in_library(pilot, app, "Council passes the budget")
        assert not _record(app, "Council passes the budget").read  # not yet: 2 s
        await press(pilot, "G")  # to the end: read through
        assert _record(app, "Council passes the budget").read
        await press(pilot, "m")
        assert not _record(app, "Council passes the budget").read
        assert "Marked unread" in notified(app)
        await press(pilot, "m")
        assert _record(app, "Council passes the budget").read


async def test_marking_it_unread_is_not_undone_by_the_timer(
    feed_library: Path, quick_read: None
) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_in_library(pilot, app, "Ferry fares go up")
        await press(pilot, "m")  # by hand: the timer is off, whether it had fired or not
        if _record(app, "Ferry fares go up").read:
            await press(pilot, "m")  # unread
        assert not _record(app, "Ferry fares go up").read
        await pilot.pause(2 * read_marks.READ_AFTER_SECONDS)
        await settle(pilot)
        assert not _record(app, "Ferry fares go up").read  # it stays so


async def _ice_highlighted(pilot, app: ReaderApp):  # type: ignore[no-untyped-def]
    """Another article open, the ICE article highlighted in the library pane (focused)."""
    ice = _record(
        app,
        "ICE actions in U.S. prompt questions about role in Canada with "
        "officers stationed at 5 embassies, consulates",
    )
    await _open_in_library(pilot, app, "Ferry fares go up")  # the ICE article is not open
    library = main(app).library_list
    library.focus()
    library.highlighted = library.get_option_index(f"a{ice.id}")
    return ice, library


async def test_e_archives_and_brings_back_keeping_annotations(feed_library: Path) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ice, library = await _ice_highlighted(pilot, app)
        after = [r.id for r in library.shown][[r.id for r in library.shown].index(ice.id) + 1]
        await press(pilot, "e")
        assert app.store.article(ice.id).archived
        assert library.highlighted_article == after  # the next one takes its place
        assert ice.id not in [r.id for r in library.shown]  # hidden from the default view
        assert len(app.store.annotations_for(ice.id)) == 2  # nothing deleted
        assert "Archived" in notified(app)

        await press(pilot, "V", "V", "V")  # the archive
        pane = main(app).query_one("#library-pane")
        assert pane.border_title == "Archive (1)"  # the open article is listed, not counted
        assert len(library.shown) == 2
        library.highlighted = library.get_option_index(f"a{ice.id}")
        await press(pilot, "e")  # back
        assert not app.store.article(ice.id).archived
        await press(pilot, "V")
        assert ice.id in [r.id for r in library.shown]


async def test_u_right_after_e_brings_the_article_back_and_leaves_the_tags(
    feed_library: Path,
) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ice, _library = await _ice_highlighted(pilot, app)
        await press(pilot, "e")
        assert app.store.article(ice.id).archived
        await press(pilot, "u")  # the archiving is what u takes back, not a tag elsewhere
        await settle(pilot)
        assert not app.store.article(ice.id).archived
        assert len(app.store.annotations_for(ice.id)) == 2


async def test_the_open_article_archives_with_e_in_the_article(feed_library: Path) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_in_library(pilot, app, "Bridge reopens after a year")
        assert app.focused is view(app)
        await press(pilot, "e")
        assert _record(app, "Bridge reopens after a year").archived


@pytest.fixture
def news() -> Iterator[FeedSite]:
    with serve_feeds() as site:
        yield site


async def test_R_refreshes_the_feeds_and_new_articles_appear(
    news: FeedSite, empty_library: Path
) -> None:
    with Subscriptions(empty_library / "reader.json").editing() as feeds:
        feeds.append(Feed(url=news.add_feed("city"), name="City"))
        feeds.append(Feed(url=news.add_feed("junk", junk=True), name="Junk"))
    app = ReaderApp(library=empty_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: len(app.store.articles()) == 3, what="3 articles")
        await settle(pilot)
        assert main(app).query_one("#library-pane").border_title == "Library (3) · 3 unread"
        assert "Junk: failed: not an RSS, Atom or JSON feed" in notified(app)
        assert "Feeds refreshed: 3 new articles from 2 feeds; 1 failed" in notified(app)
        assert all(not r.read for r in app.store.articles())
        assert main(app).query_one("#library-pane").border_subtitle == ""  # progress done


async def test_going_to_the_top_of_by_feed_shows_the_first_feeds_heading(
    feed_library: Path,
) -> None:
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=(120, 14)) as pilot:  # a list longer than its pane
        await settle(pilot)
        library = main(app).library_list
        library.focus()
        await press(pilot, "V", "V")  # by feed
        await press(pilot, "end")
        assert "City News" not in region_words(app, library)  # scrolled past it
        await press(pilot, "home")  # the first article, and its feed's heading above it
        assert "City News · 3 unread" in region_words(app, library)


async def notice_of_R(library: Path, feed: Feed) -> str:
    """What the app says once `R` has refreshed the one feed followed (`feed`)."""
    with Subscriptions(library / "reader.json").editing() as feeds:
        feeds.append(feed)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_until(pilot, lambda: "Feeds refreshed" in notified(app), what="the refresh")
        return notified(app)


async def test_R_says_how_many_items_it_could_not_add(news: FeedSite, empty_library: Path) -> None:
    url = news.add_feed("county", stories=1, local_link=True)
    said = await notice_of_R(empty_library, Feed(url=url, name="County"))
    assert "Feeds refreshed: 1 new article from 1 feed; 2 items not added" in said


async def test_R_says_how_many_older_items_it_passed_over(
    news: FeedSite, empty_library: Path
) -> None:
    # `reader refresh` said "2 older passed over", the app nothing: such items never come
    # back (a daily reader's finding)
    url = news.add_feed("county", stories=4)
    said = await notice_of_R(empty_library, Feed(url=url, name="County", keep=2))
    assert "Feeds refreshed: 2 new articles from 1 feed; 2 older passed over" in said


async def test_by_feed_lists_each_feeds_newest_first_unless_o_chose(feed_library: Path) -> None:
    """The by-feed view kept the title order, so a feed's new stories stood anywhere in it
    (a journalist's finding): newest published first, as feed readers list them."""
    for day, path in (
        ("2026-03-03", "city-1.md"),
        ("2026-03-01", "city-2.md"),
        ("2026-03-02", "city-3.md"),
    ):
        file = feed_library / path
        file.write_text(
            file.read_text(encoding="utf-8").replace("---\n", f'---\npublished: "{day}"\n', 1),
            encoding="utf-8",
        )
    app = ReaderApp(library=feed_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = main(app).library_list
        listing.focus()
        await press(pilot, "V", "V")  # by feed
        city = [r.path for r in listing.shown if r.feed]
        assert city == ["city-1.md", "city-3.md", "city-2.md"]
        await press(pilot, "V", "V")  # back to all: the title order again
        assert listing.sort_by == "title"
        await press(pilot, "o", "o", "o", "o")  # chosen by hand: title, and kept
        await press(pilot, "V", "V", "V")
        assert listing.sort_by == "title"
