"""The app on the hostile corpus: every article opens and every key works, nothing crashes;
cursor and highlights stay on the right characters (combining marks, emoji, CJK)."""

from __future__ import annotations

from pathlib import Path

from reader.core.records import new_annotation
from reader.ui.app import ReaderApp
from tests.helpers.hostile import HOSTILE, write_hostile_library
from tests.helpers.pilot import (
    SIZE,
    main,
    press,
    region_words,
    screen_text,
    settle,
    toasts_show,
    view,
)

HUGE = "one-huge-line.txt"
KEYS = (
    "G",
    "g",
    "n",
    '"',
    "escape",
    "s",
    "p",
    "escape",
    "v",
    "l",
    "l",
    "w",
    ")",
    "escape",
    "}",
    "j",
    "k",
    "space",
    "b",
)


async def press_and_draw(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Each key, then the screen drawn as the terminal would show it (a headless app under
    test draws only when read: tests/helpers/headless.py), so a widget that cannot draw
    what the key left raises here."""
    for key in keys:
        await press(pilot, key)
        screen_text(pilot.app)


async def open_by_path(pilot, path: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    record = next(r for r in app.store.articles() if r.path == path)
    main(app).open_article(record.id)
    await settle(pilot)


async def test_every_hostile_article_opens_and_takes_every_key(tmp_path: Path) -> None:
    library = write_hostile_library(tmp_path / "library")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        for name, _, outcome, _ in HOSTILE:
            if outcome == "refuse":
                assert toasts_show(app, name.split(".")[0])
        skipped = [n for n in app._notifications if n.message.startswith("Skipped")]
        assert len(skipped) == 1  # one notice for them all, not a stack over the screen
        app.clear_notifications()  # toasts lie over the article pane; their wrap follows the path
        await settle(pilot)
        opened = [h for h in HOSTILE if h[2] == "open"]
        assert f"Library ({len(opened)})" in region_words(app, main(app).query_one("#library-pane"))
        for name, _, _, _expect in opened:
            if name == HUGE:
                continue  # the next test gives it every key
            await open_by_path(pilot, name)
            assert view(app).document is not None and view(app).document.record.path == name
            await press_and_draw(pilot, *KEYS)
            assert app.is_running
        await open_by_path(pilot, "markup.txt")
        assert "[@click=app.quit]here[/]" in region_words(app, view(app))
        await open_by_path(pilot, "escapes.txt")
        assert "Clip link text move end" in region_words(app, view(app))


async def test_a_huge_line_opens_and_scrolls_to_the_end(tmp_path: Path) -> None:
    library = write_hostile_library(tmp_path / "library")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_by_path(pilot, HUGE)
        article = view(app)
        assert article.text_layout is not None and len(article.text_layout) > 10_000  # wrapped
        # its sentences and quotations are read with its layout, off the keys' turn (the
        # first `n` on a crafted text of 400,000 quotations had held the keys for seconds)
        assert {"sentences", "quotations"} <= set(article.document.structure.__dict__)  # type: ignore[union-attr]
        await press(pilot, "G")
        assert article.cursor >= len(article.document.text) - 30  # type: ignore[union-attr]
        assert "quoted" in region_words(app, article)
        await press(pilot, "n")  # a text past the quote finder's cap, in a worker
        await press_and_draw(pilot, *KEYS)
        assert app.is_running


def highlighted(app: ReaderApp, line: int) -> list[str]:
    """The text of the segments drawn with a highlight background on a screen line."""
    article = view(app)
    base = article.rich_style.bgcolor
    strip = article.render_line(line - round(article.scroll_y))
    return [
        seg.text for seg in strip if seg.style and seg.style.bgcolor and seg.style.bgcolor != base
    ]


async def test_highlights_and_cursor_sit_on_wide_and_combined_characters(tmp_path: Path) -> None:
    library = write_hostile_library(tmp_path / "library")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for name, phrase in (
            ("cjk.txt", "東京は大きい"),
            ("emoji.txt", "🇨🇦 is 👍🏽 today"),
            ("combining.txt", "re\u0301sume\u0301 now"),
        ):
            await open_by_path(pilot, name)
            document = view(app).document
            assert document is not None
            start = document.text.index(phrase)
            app.store.save_annotation(
                new_annotation(
                    document.record.id, document.text, start, start + len(phrase), themes=["t"]
                )
            )
            await settle(pilot)
            await press(pilot, "g")
            line = view(app).text_layout.line_of(start)  # type: ignore[union-attr]
            assert "".join(highlighted(app, line)) == phrase, name
        # The cursor steps over a whole grapheme: a family joined by ZWJs, a skin-toned
        # thumb, é in two code points.
        await open_by_path(pilot, "emoji.txt")
        text = view(app).document.text  # type: ignore[union-attr]
        view(app).move_to(text.index("👩"))
        await press(pilot, "l")
        assert view(app).cursor == text.index("👩") + 5
        view(app).move_to(text.index("👍🏽"))
        await press(pilot, "l")
        assert view(app).cursor == text.index("👍🏽") + 2
        await open_by_path(pilot, "combining.txt")
        text = view(app).document.text  # type: ignore[union-attr]
        view(app).move_to(text.index("e\u0301le"))
        await press(pilot, "l")
        assert view(app).cursor == text.index("e\u0301le") + 2


def test_an_annotation_of_fifty_thousand_themes_and_a_huge_note_is_shown_in_brief() -> None:
    # An imported annotation of 50,000 themes took 15 s to open the app on (every chip
    # laid out), a note of 5 MB on one line 5 s; the list shows 50 chips and 2,000
    # characters of a note, and says how much more there is.
    from reader.ui.widgets.annotation_list import annotation_prompt

    themes = tuple(f"theme {n}" for n in range(50_000))
    annotation = new_annotation(1, "“Hello,” she said.", 1, 6, themes=themes, note="N" * 10**6)
    for whole in (False, True):
        shown = annotation_prompt(annotation, {}, whole_note=whole).plain
        assert "● theme 49 " in shown and "theme 50 " not in shown
        assert "+49,950 more" in shown
        assert shown.count("N") == 2_000 and len(shown) < 4_000


def test_names_descriptions_and_themes_from_an_import_never_send_escape_sequences() -> None:
    # A crafted import or a teammate's database carried a source description with an OSC 52
    # clipboard write and a screen clear: the annotations pane sent them to the terminal.
    from reader.ui.widgets.annotation_list import annotation_prompt

    evil = "\x1b]52;c;SlNPTg==\x07 \x1b[2J\x9b31m"
    annotation = new_annotation(
        1, "“Hello,” she said.", 1, 6, source=f"Pat{evil} Doe", themes=(f"t{evil}",)
    )
    shown = annotation_prompt(annotation, {}, {"pat doe": f"mayor{evil}"}, with_coder=True)
    for text in (shown.plain, *(str(span.style) for span in shown.spans)):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "mayor" in shown.plain
