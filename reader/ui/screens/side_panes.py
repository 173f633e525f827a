"""The main screen's side panes: the library on the left; on the right the annotations, or
the comparison of two coders while comparing (`c`).

`L` and `A` show or hide a side pane; showing the library focuses it (so `j` and Enter act
on the list just brought up), and `L` on a library shown but not in use goes to it first
(a second `L` hides it). Below a width where both fit beside a readable article
(`SIDE_BY_SIDE` columns, `COMPARING_SIDE_BY_SIDE` with the wider comparison pane) one side
pane is shown at a time: the other gives way, with a notice, and comes back when the one
that pushed it is hidden again. Comparison mode takes the right side: the comparison pane
stands where the annotations were, under the same rule (at 80 columns the library, the
article and the comparison had left the article 14 columns, and `L` then brought the
annotations back as well).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

    from reader.ui.screens.main_screen import MainScreen

SIDE_BY_SIDE = 100  # the app's "-wide" breakpoint, where both side panes are shown
# The library (30), the comparison pane (44) and an article of 40 columns with its frame
COMPARING_SIDE_BY_SIDE = 114
NAMES = {"library": "library", "notes": "annotations", "compare": "comparison"}


class SidePanes:
    """Shows and hides the main screen's side panes (see the module docstring)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.gave_way: str | None = None  # the side pane hidden to make room for the other

    def _pane(self, name: str) -> Widget:
        return self.screen.query_one(f"#{name}-pane")

    @property
    def right(self) -> str:
        """The right side pane in use: the comparison while comparing, else the annotations."""
        return "compare" if self.screen.comparing is not None else "notes"

    def _room_for_both(self) -> bool:
        limit = COMPARING_SIDE_BY_SIDE if self.right == "compare" else SIDE_BY_SIDE
        return self.screen.size.width >= limit

    def toggle(self, pane: str) -> None:
        """`L` (library) or `A` (the right side pane): show it and go to it if hidden; go to
        it if shown and not in use; hide it if in use."""
        if pane == "notes":
            pane = self.right
        widget = self._pane(pane)
        focused = self.screen.focused
        if widget.display and (focused is None or widget not in focused.ancestors_with_self):
            self._go_to(pane)  # shown but not in use: L or A goes to it first (A hid it)
            return
        widget.styles.display = "none" if widget.display else "block"
        if not widget.display:
            self._unfocus(widget)
            self._bring_back(pane)
            return
        if not self._room_for_both():
            self._make_room_beside(pane)
        self._go_to(pane)

    def _go_to(self, pane: str) -> None:
        """Focus the pane's list (the comparison has none to go to)."""
        if pane == "library":
            self.screen.library_list.focus()
        elif pane == "notes":
            self.screen.notes.focus()

    def _bring_back(self, hidden: str) -> None:
        """The pane that made room for `hidden` comes back with it gone (L, then L)."""
        if self.gave_way in (None, hidden):
            return
        back = "library" if self.gave_way == "library" else self.right
        self._pane(back).styles.display = "block"
        self.gave_way = None

    def _make_room_beside(self, pane: str) -> None:
        """One side pane at a time: the other one gives way (and says how to get it back)."""
        other = self.right if pane == "library" else "library"
        beside = self._pane(other)
        if not beside.display:
            return
        beside.styles.display = "none"
        self.gave_way = other
        self._unfocus(beside)
        if pane == "compare":
            said = "The library pane gave way to the comparison at this width: L shows it"
        else:
            again = "L" if pane == "library" else "A"
            said = f"The {NAMES[other]} pane gave way at this width: {again} again brings it back"
        self.screen.notify(said, timeout=4)

    def fit(self) -> None:
        """After the terminal was resized: below the width for both side panes, the library
        gives way to the article (shown by `L` or `A` at a wider size, both stayed and the
        article was squeezed to a few columns); back above it, the library comes back."""
        library, right = self._pane("library"), self._pane(self.right)
        if self._room_for_both():
            # the pane that gave way comes back beside the one that pushed it, whichever it
            # was (the annotations, pushed by `L` at a narrow width, stayed hidden for good)
            if self.gave_way is not None:
                back = library if self.gave_way == "library" else right
                pushed = right if self.gave_way == "library" else library
                if pushed.display and not back.display:
                    back.styles.display = "block"
                self.gave_way = None
            return
        if library.display and right.display:
            library.styles.display = "none"
            self.gave_way = "library"
            self._unfocus(library)

    def _unfocus(self, pane: Widget) -> None:
        focused = self.screen.focused
        if focused is not None and pane in focused.ancestors:
            self.screen.article_view.focus()

    def compare_shown(self) -> None:
        """Comparison mode is on: its pane takes the annotations' place (the library gives
        way when both do not fit)."""
        self._pane("notes").styles.display = "none"
        self._pane("compare").styles.display = "block"
        if self.gave_way == "notes":
            self.gave_way = "compare"
        if not self._room_for_both():
            self._make_room_beside("compare")

    def compare_left(self) -> None:
        """Comparison mode is off: the annotations come back where the comparison stood
        (hidden if it was hidden)."""
        compare = self._pane("compare")
        if compare.display:
            compare.styles.display = "none"
            self._pane("notes").styles.display = "block"
        if self.gave_way == "compare":
            self.gave_way = "notes"
