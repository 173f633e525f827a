"""A text field whose editing keys act in the order they were typed.

Textual's `Input` types a character as its key arrives, but runs an editing key (backspace,
the arrows, ctrl+u, ...) as a binding, once the key has gone up to the app: keys typed at
once (a fast typist, a slow link, tmux) then act out of order. "Dog", backspace, "ug" gave
"Dogu"; ctrl+u then "D. King" gave an empty field, the name typed wiped by the ctrl+u that
came before it. Here those keys act as they arrive, in turn with the characters.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

# Input's own editing keys (not enter, tab or esc, which the screens give their meaning,
# nor the clipboard's): each runs its action at once, in the order typed.
_KEPT_FOR_SCREENS = frozenset({"submit", "copy", "cut", "paste"})
_EDITING: dict[str, str] = {
    key.strip(): binding.action
    for binding in Input.BINDINGS
    if isinstance(binding, Binding) and binding.action not in _KEPT_FOR_SCREENS
    for key in binding.key.split(",")
}


class OrderedInput(Input):
    """An `Input` whose editing keys act in turn with the characters typed around them."""

    async def _on_key(self, event: events.Key) -> None:
        action = _EDITING.get(event.key)
        if action is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)
