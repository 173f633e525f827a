"""Read and archive marks for the main screen: what `m` and `e` do, and the moment an
opened article counts as read.

An unread article opened counts as read after `READ_AFTER_SECONDS` on screen (a Textual
timer, cancelled when another article opens or the user marks it by hand), or at once
when the cursor reaches its last line, or a tag is made in it. `m` toggles read, `e` toggles archived (nothing is
deleted: the article and its annotations stay, `V` shows the archive). The marks are
saved through the app's saving thread, like every other write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

from reader.core.text import shorten

if TYPE_CHECKING:
    from reader.ui.screens.main_screen import MainScreen

READ_AFTER_SECONDS = 2.0


class ReadMarks:
    """The main screen's read and archive marks (see the module docstring)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self._timer: Timer | None = None
        self._timing: int | None = None  # the article the timer will mark read
        self.last_archive: tuple[int, int] | None = None  # (article, history steps then)

    def opened(self, article_id: int) -> None:
        """An article is on screen: if unread, it counts as read after a moment."""
        self.stop()
        record = self.screen.reader.store.article(article_id)
        if record is not None and not record.read:
            self._timing = article_id
            self._timer = self.screen.set_timer(
                READ_AFTER_SECONDS, lambda: self.mark(article_id, read=True)
            )

    def reached_end(self, article_id: int) -> None:
        """The cursor is on the article's last line, or a tag was made in it: read,
        whatever the timer says (also in the article Reader opened by itself: the reader
        went through it)."""
        record = self.screen.reader.store.article(article_id)
        if record is not None and not record.read:
            self.mark(article_id, read=True)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer, self._timing = None, None

    def mark(self, article_id: int, *, read: bool) -> None:
        """Save an article's read state (nothing when it has it already)."""
        if self._timing == article_id:
            self.stop()
        store = self.screen.reader.store
        record = store.article(article_id)
        if record is None or record.read == read or store.read_only:
            return
        self.screen.reader.save(lambda: store.set_reading_state([article_id], read=read))

    def toggle_read(self, article_id: int) -> None:
        """`m`: read if unread, else unread."""
        record = self.screen.reader.store.article(article_id)
        if record is None:
            return
        if self._timing == article_id:
            self.stop()
        self.mark(article_id, read=not record.read)
        state = "unread" if record.read else "read"
        self.screen.notify(f"Marked {state}: {shorten(record.title, 60)}", timeout=2)

    def undo_archive(self) -> bool:
        """`u` right after `e` (no annotation changed since): the archiving undone; False
        when the last thing done was not that."""
        last, self.last_archive = self.last_archive, None
        if last is None or last[1] != self.screen.reader.history.steps:
            return False
        self.toggle_archived(last[0])
        self.last_archive = None
        return True

    def toggle_archived(self, article_id: int) -> None:
        """`e`: into the archive (hidden from the default view, nothing deleted), or back."""
        store = self.screen.reader.store
        record = store.article(article_id)
        if record is None:
            return
        archived = not record.archived
        self.screen.reader.save(lambda: store.set_reading_state([article_id], archived=archived))
        # `u` right after puts it back (it undid the last tag instead, elsewhere)
        self.last_archive = (article_id, self.screen.reader.history.steps)
        title = shorten(record.title, 60)
        if archived:
            message = f"Archived: {title} (its annotations stay) · u or e brings it back"
        else:
            message = f"Back from the archive: {title}"
        self.screen.notify(message, timeout=4)
