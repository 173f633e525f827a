"""The `?` screen: every key, grouped by where it works, read from the widgets' BINDINGS.

Bindings of one action with different arguments (`line(1)`, `line(-1)`) share a row, so
the list reads "j ↓ / k ↑  Line down / Line up"; number keys of one action fold to "1-9".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.styling import literal

SEARCH_SYNTAX = (
    "Words match anywhere; every word must match.\n"
    "Typos forgiven: 1 letter in words of 3-5, 2 in\nlonger ones; the word being typed is a prefix.\n"
    'Filters: source:King  theme:"public safety"\n'
    "  article:ICE  note:  quote:  kind:quotation\n"
    "Dates tagged: after:2026-01-01 before:2026-06\n  date:2026-03\n"
    "Leave out: -theme:sports  -draft\n"
    "ctrl+o order (best, newest, article date)\nctrl+g group by article"
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
            rows.append(
                (f"{keys[0][0]}-{keys[-1][0]}", members[0].description.rstrip("0123456789 ") + "s")
            )
            continue
        shown_keys = " / ".join(" ".join(k) for k in keys)
        descriptions = " / ".join(dict.fromkeys(b.description for b in members))
        rows.append((shown_keys, descriptions))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists all keys; escape, q or ? closes it."""

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
                yield Static(self._column(self._left), classes="help-column")
                yield Static(self._column(self._right, extra=True), classes="help-column")

    def _key(self, key: str) -> str:
        return self.app.get_key_display(Binding(key, ""))

    def _column(self, sections: Sequence[Section], extra: bool = False) -> Content:
        parts: list[Content | str] = []
        for title, bindings in sections:
            parts += [Content.styled(title, "bold underline"), "\n"]
            for keys, description in help_rows(bindings, self._key, self._keymap):
                parts += [Content.styled(f"{keys:<14}", "bold"), " ", description, "\n"]
            parts.append("\n")
        if extra and self._quick:
            parts += [Content.styled("Quick themes", "bold underline"), "\n"]
            for number, theme in sorted(self._quick.items()):
                parts += [Content.styled(f"{number:<14}", "bold"), " ", Content(theme), "\n"]
            parts.append("\n")
        if extra:
            parts += [Content.styled("Search syntax", "bold underline"), "\n"]
            parts.append(Content.styled(SEARCH_SYNTAX, "dim"))
            if self._keymap_file:
                parts += ["\n\n", Content.styled("Your own keys", "bold underline"), "\n"]
                parts.append(
                    literal(f"in {self._keymap_file}; `reader keys` lists every key's id", "dim")
                )
        return Content.assemble(*parts)

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_relative(y=step, animate=False)
