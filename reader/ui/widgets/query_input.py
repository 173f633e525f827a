"""The search field: an Input whose typing repaints the field alone.

Textual's Input widens its virtual size with every character, and its virtual size asks
for a layout of the whole screen; the field's own size never changes, so here it asks only
for a repaint. At 100,000 annotations that layout was half of the time from a keystroke to
its results on screen.

A query is at most `QUERY_MOST` characters: a pasted megabyte is cut to that (searched
whole, it held the results back for seconds).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive

from reader.ui.widgets.ordered_input import OrderedInput

QUERY_MOST = 1000  # characters of a query


class QueryInput(OrderedInput):
    """A one-line Input of fixed size whose typing does not lay out the screen again, and
    whose query is at most `QUERY_MOST` characters."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", QUERY_MOST)
        super().__init__(*args, **kwargs)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste's first line, cut to the room the query has left (Textual's Input
        refuses a paste that would pass `max_length` whole)."""
        event.stop()
        event.prevent_default()  # (not Input's handler too)
        if not event.text:
            return
        start, end = sorted(self.selection)
        room = QUERY_MOST - (len(self.value) - (end - start))
        line = event.text.splitlines()[0][: max(0, room)]
        if line:
            self.replace(line, start, end)
