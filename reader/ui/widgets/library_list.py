"""The library pane: every article with its title and number of annotations."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.records import ArticleRecord


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class LibraryList(OptionList):
    """Lists the articles; enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g", "first", "First", show=False, id="library.first"),
        Binding("G", "last", "Last", show=False, id="library.last"),
        Binding("enter", "select", "Open", id="library.open"),
    ]

    class ArticleChosen(Message):
        """The user chose an article to read."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Library"

    def show_articles(
        self, records: list[ArticleRecord], counts: dict[int, int], current: int | None
    ) -> None:
        """Show `records` in order; keep the highlight on `current` when it is listed."""
        options: list[Option | None] = []
        for record in records:
            if options:
                options.append(None)  # a separator line
            options.append(
                Option(self._prompt(record, counts.get(record.id, 0)), id=f"a{record.id}")
            )
        if not options:
            options = [
                Option(Content.styled("No articles in this folder yet", "dim"), disabled=True)
            ]
        self.set_options(options)
        if current is not None and any(r.id == current for r in records):
            self.highlighted = self.get_option_index(f"a{current}")

    def update_article(self, record: ArticleRecord, count: int) -> None:
        """Refresh one article's entry (its count changed), leaving the rest alone."""
        option_id = f"a{record.id}"
        with contextlib.suppress(OptionDoesNotExist):
            self.replace_option_prompt(option_id, self._prompt(record, count))

    @staticmethod
    def _prompt(record: ArticleRecord, count: int) -> Content:
        title = Content.styled(record.title or record.path, "bold")
        details = [_plural(count, "annotation") if count else "no annotations"]
        if record.site:
            details.append(record.site)
        if record.missing:
            details.append("file missing")
        return Content.assemble(title, "\n", Content.styled(" · ".join(details), "dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ArticleChosen(int(event.option.id[1:])))
