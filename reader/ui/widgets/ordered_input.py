"""Text fields whose editing keys act in the order they were typed.

Textual's `Input` types a character as its key arrives, but runs an editing key (backspace,
the arrows, ctrl+u, ...) as a binding, once the key has gone up to the app: keys typed at
once (a fast typist, a slow link, tmux) then act out of order. "Dog", backspace, "ug" gave
"Dogu"; ctrl+u then "D. King" gave an empty field, the name typed wiped by the ctrl+u that
came before it. Here those keys act as they arrive, in turn with the characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input, TextArea

# A field's own editing keys (not enter, tab or esc, which the screens give their meaning,
# nor the clipboard's or undo's): each runs its action at once, in the order typed.
_KEPT_FOR_SCREENS = frozenset({"submit", "copy", "cut", "paste", "undo", "redo"})


def _editing(bindings: Iterable[BindingType]) -> dict[str, str]:
    return {
        key.strip(): binding.action
        for binding in bindings
        if isinstance(binding, Binding) and binding.action not in _KEPT_FOR_SCREENS
        for key in binding.key.split(",")
    }


_EDITING = _editing(Input.BINDINGS)
_AREA_EDITING = _editing(TextArea.BINDINGS)


class OrderedInput(Input):
    """An `Input` whose editing keys act in turn with the characters typed around them."""

    async def _on_key(self, event: events.Key) -> None:
        action = _EDITING.get(event.key)
        if action is None or not self.value:  # (empty: the screen's, as backspace taking
            await super()._on_key(event)  # the tag dialog's last theme chip)
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)


class OrderedTextArea(TextArea):
    """A `TextArea` whose editing keys act in turn with the characters typed around them
    (the note field: "abc", backspace, "d", left, "x" typed at once gave "abcd")."""

    async def _on_key(self, event: events.Key) -> None:
        action = _AREA_EDITING.get(event.key)
        if action is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)
