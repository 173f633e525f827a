"""Annotations made through the domain, as the app would save them, without driving the UI."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.paths import ICE, WARHOL

Row = tuple[str, str, str, list[str]]

ICE_QUOTES: list[Row] = [
    (ICE, "Their authority in Canada", "Doug King", ["public safety", "cross-border cooperation"]),
    (ICE, "Canada and Canadians must not", "Heather McPherson", ["sovereignty", "accountability"]),
]
# Three quotes of the ICE article and one of the Warhol article.
SEEDED: list[Row] = [
    *ICE_QUOTES,
    (ICE, "Our collaboration benefits", "ICE", ["cross-border cooperation"]),
    (WARHOL, "I think America", "Elaine Gustafon", ["celebrity"]),
]


def tag_quotes(library: Path, rows: list[Row], coder: str = "") -> None:
    """Tag, in the library's database, the quotation starting with each row's words.

    A row is (article file, first words of the quote, source, themes); the annotation runs
    to the closing quote mark, as selecting the quotation in the app would; `coder` made it.
    """
    import msgspec

    from reader.core.records import new_annotation
    from reader.library.folder import Library
    from reader.storage.database import Store

    store = Store(library / "reader.json")
    shelf = Library(library, store)
    shelf.scan()
    records = {r.path: r for r in store.articles()}
    for second, (path, words, source, themes) in enumerate(rows):
        text = shelf.load(records[path]).text
        start = text.index(words)
        end = min(i for i in (text.find("”", start), text.find('"', start)) if i > 0)
        annotation = new_annotation(
            records[path].id, text, start, end, source=source, themes=themes, coder=coder
        )
        made = f"2026-02-01T09:00:{second:02d}+00:00"  # fixed: what a screen shows is too
        store.save_annotation(msgspec.structs.replace(annotation, created=made, updated=made))
    store.close()


def seed(library: Path) -> None:
    """Tag three quotes of the ICE article and one of the Warhol article (`SEEDED`)."""
    tag_quotes(library, SEEDED)


FEED = "https://city.example/rss.xml"
FEED_STORIES = ("Bridge reopens after a year", "Council passes the budget", "Ferry fares go up")


def _story(title: str) -> str:
    body = " ".join(f"Sentence {n} of the story about {title.lower()}." for n in range(40))
    return f'---\ntitle: "{title}"\nsite: "City News"\n---\n\n# {title}\n\n{body}\n'


def add_feed_stories(library: Path) -> None:
    """Three stories of a followed feed ("City News", `FEED`), unread, as a refresh leaves
    them (without the network: the files are written and marked here)."""
    from reader.library.folder import Library
    from reader.library.subscriptions import Feed, Subscriptions
    from reader.storage.database import Store

    for number, title in enumerate(FEED_STORIES, start=1):
        (library / f"city-{number}.md").write_text(_story(title), encoding="utf-8")
    store = Store(library / "reader.json")
    Library(library, store).scan()
    ids = [r.id for r in store.articles() if r.path.startswith("city-")]
    store.set_reading_state(ids, read=False, feed=FEED)
    store.close()
    with Subscriptions(library / "reader.json").editing() as feeds:
        feeds.append(Feed(url=FEED, name="City News"))


def town_library(folder: Path) -> Path:
    """A library of one article: the mayor's quotation (a sure speaker), then "he said" after
    two councillors are named (which of two men: an uncertain one)."""
    folder.mkdir()
    (folder / "road.txt").write_text(
        "Town council meets\n\n“We will fix the road this summer,” Mayor Jane Roe said.\n\n"
        "Councillor Tom Lee spoke after her, and so did Councillor Sam Ruiz.\n\n"
        "“It has been broken for years,” he said.\n",
        encoding="utf-8",
    )
    return folder


def annotated_story(
    folder: Path, text: str, marks: list[tuple[str, int, str]], name: str = "story.txt"
) -> Path:
    """`folder` made a library of one article, `name` holding `text`, with an annotation for
    each mark: (the words it starts at, its length in characters, its source); the database
    folded, as a finished session leaves it."""
    from reader.core.records import new_annotation
    from reader.library.folder import Library
    from reader.storage.database import Store

    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    store = Store(folder / "reader.json")
    Library(folder, store).scan()
    [article] = store.articles()
    for words, length, source in marks:
        start = text.index(words)
        store.save_annotation(
            new_annotation(article.id, text, start, start + length, source=source)
        )
    store.fold()
    store.close()
    return folder
