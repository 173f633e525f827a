"""Keys typed right after the key that opened a screen that takes typing (the tag dialog
after `t`, search after `/`, export after `X`, add after `+`, a prompt such as the
filter after `F`): they come through the screen behind before the new screen's
field has the focus. `ReaderApp.on_key` hands each printable one no one took to the screen
on top, if it is a `TypeAhead`, which gives it to its focused field, or keeps it for the
field it focuses when it opens. Typed fast ("tSue Gray"), the name was lost."""

from __future__ import annotations

from textual.events import Key
from textual.widgets import Input


class TypeAhead:
    """A screen that takes the keys typed before its field had the focus (mixed into a
    `Screen`: `focused` is the screen's)."""

    _typed_ahead = ""

    def take_typed(self, event: Key) -> None:
        """A key typed ahead: the focused field's, else kept for `typed_ahead`."""
        field = getattr(self, "focused", None)  # (the screen's)
        if isinstance(field, Input):
            field.post_message(Key(event.key, event.character))
        elif event.character is not None:
            self._typed_ahead += event.character

    def typed_ahead(self) -> str:
        """What was typed before a field had the focus (once: it is then the field's)."""
        typed, self._typed_ahead = self._typed_ahead, ""
        return typed

    def fill_typed_ahead(self, field: Input, *, replacing: bool = False) -> None:
        """Put what was typed ahead into `field`, as if typed there now: after what it
        holds, or `replacing` it (a suggestion or a last query shown selected)."""
        if typed := self.typed_ahead():
            field.value = typed if replacing else field.value + typed
            field.cursor_position = len(field.value)
