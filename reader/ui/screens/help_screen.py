"""The `?` screen: every key, grouped by where it works, read from the widgets' BINDINGS.

Bindings of one action with different arguments (`line(1)`, `line(-1)`) share a row, so
the list reads "j ↓ / k ↑  Line down / Line up"; number keys of one action fold to "1-9"
when they differ only by their number ("Quick theme 1"), else take a row each.
Two columns side by side from 110 terminal columns, one under the other below (80x24
reads whole); a description too long for its line wraps under itself, never under the keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.core.text import printable
from reader.ui.dialogs.answered_once import AnsweredOnce

# The search syntax, as (what, how) rows like the keys' (the Search section lists its keys).
SEARCH_SYNTAX = (
    ("words", "match anywhere; every word must match"),
    ("typos", "forgiven: 1 letter in words of 3-5, 2 in longer ones"),
    ("last word", "a prefix while it is typed"),
    ("fields", 'source:King  theme:"public safety"  article:ICE  note:  quote:  kind:quotation'),
    ("dates tagged", "after:2026-01-01  before:2026-06  date:2026-03"),
    ("leave out", "-theme:sports  -draft"),
    ("^o", "order: best, newest, article date"),
    ("^g", "group by article"),
)

Section = tuple[str, Sequence[BindingType]]


def configured(binding: Binding, keymap: Mapping[str, str]) -> Binding:
    """`binding` with the keys the user's keymap gives its id, if it gives any."""
    keys = keymap.get(binding.id or "")
    return replace(binding, key=keys) if keys else binding


def help_rows(
    bindings: Sequence[BindingType],
    key_display: Callable[[str], str],
    keymap: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(keys, description) rows for `bindings` (as the keymap sets them), merged as the
    module docstring says."""
    groups: dict[str, list[Binding]] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            binding = configured(binding, keymap or {})
            groups.setdefault(binding.action.split("(", 1)[0] or binding.description, []).append(
                binding
            )
    rows = []
    for members in groups.values():
        keys = [[key_display(k.strip()) for k in b.key.split(",")] for b in members]
        if len(members) > 2 and all(len(k) == 1 and k[0].isdigit() for k in keys):
            stems = {b.description.rstrip("0123456789 ") for b in members}
            if len(stems) == 1:  # "Quick theme 1" ... "Quick theme 9"
                rows.append((f"{keys[0][0]}-{keys[-1][0]}", stems.pop() + "s"))
            else:  # numbered choices, each its own (the analysis screen's tabs)
                rows += [(k[0], b.description) for k, b in zip(keys, members, strict=True)]
            continue
        shown_keys = " / ".join(" ".join(k) for k in keys)
        descriptions = " / ".join(dict.fromkeys(b.description for b in members))
        rows.append((shown_keys, descriptions))
    return rows


class HelpScreen(AnsweredOnce, ModalScreen[None]):
    """Lists all keys; escape, q or ? closes it."""

    # Two columns side by side where each has room for its keys and their descriptions;
    # narrower (80 columns), one column under the other (reader.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-one-column"), (110, "-two-columns")]  # noqa: RUF012 - Textual's

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
        Binding("space,pagedown", "scroll(20)", "Page down", show=False, id="help.page_down"),
        Binding("b,pageup", "scroll(-20)", "Page up", show=False, id="help.page_up"),
    ]

    def __init__(
        self,
        left: Sequence[Section],
        right: Sequence[Section],
        quick: dict[int, str],
        keymap: Mapping[str, str] | None = None,
        keymap_file: str = "",
    ) -> None:
        super().__init__()
        self._left = left
        self._right = right
        self._quick = quick
        self._keymap = keymap or {}
        self._keymap_file = keymap_file

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "esc to close"
            with Horizontal(id="help-columns"):
                yield Static(self._column(self._left), id="help-left", classes="help-column")
                yield Static(
                    self._column(self._right, extra=True), id="help-right", classes="help-column"
                )

    def _key(self, key: str) -> str:
        return self.app.get_key_display(Binding(key, ""))

    def _column(self, sections: Sequence[Section], extra: bool = False) -> Group:
        """One column of the list: under each title, a grid of keys and what they do, a long
        description wrapped under itself (never under the keys); the keys take the width of
        the column's longest (a keymap can make them long), titles do not count."""
        listed: list[tuple[str, list[tuple[str, str]], str]] = [
            (title, help_rows(bindings, self._key, self._keymap), "")
            for title, bindings in sections
        ]
        if extra and self._quick:
            quick = [(str(n), theme) for n, theme in sorted(self._quick.items())]
            listed.append(("Quick themes", quick, ""))
        if extra:
            listed.append(("Search syntax", list(SEARCH_SYNTAX), "dim"))
            if self._keymap_file:
                ids = "`reader keys` lists every key's id"
                listed.append(("Your own keys", [("file", self._keymap_file), ("", ids)], "dim"))
        width = max((cell_len(keys) for _, rows, _ in listed for keys, _ in rows), default=1)
        parts: list[RenderableType] = []
        for title, rows, style in listed:
            if parts:
                parts.append(Text())  # a blank line between sections
            parts.append(Text(title, style="bold underline"))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(width=width, no_wrap=True, style="bold")
            grid.add_column(ratio=1, overflow="fold")
            for keys, description in rows:
                grid.add_row(Text(printable(keys)), Text(printable(description), style=style))
            parts.append(grid)
        return Group(*parts)

    def action_scroll(self, step: int) -> None:
        # (at once: a deferred scroll starts from where the last one had not yet gone, so
        # ten `j` sent together scrolled one line)
        self.query_one("#help-box", VerticalScroll).scroll_relative(
            y=step, animate=False, immediate=True
        )
