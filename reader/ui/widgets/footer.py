"""The footer: the few keys a newcomer needs first, in every pane, then the pane's own.

Textual's footer lists the focused widget's keys first and the app's last, so at 80 or even
120 columns `? Keys`, `/ Search` and `q Quit` fell off the end. This footer puts the
essential actions first, wherever the focus is, and the rest after them in Textual's order.

It is also cheaper than Textual's: it is built again only when the keys it shows changed
(Textual's rebuilds it at every focus change, and each of its keys restyled itself twice
as it came: 0.5 s of the UI thread over a start, ~20 ms a focus change).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# The actions shown first, in this order (an action not active in a pane is skipped).
ESSENTIAL = ("help", "search", "tag", "edit", "quotation(1)", "quit")

Shown = tuple[tuple[Binding, bool, str], ...]


def _rank(action: str) -> int:
    name = action.rsplit(".", 1)[-1]
    return ESSENTIAL.index(name) if name in ESSENTIAL else len(ESSENTIAL)


class ReaderFooter(Footer):
    """A footer whose essential keys come first (see the module docstring)."""

    _composed: tuple[object, ...] | None = None  # what the keys shown now were built from

    def _shown(self) -> tuple[Shown, tuple[Binding, bool] | None]:
        """The keys to show, in order, and the command palette's key (when shown)."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        shown = []
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled, tooltip))
        shown.sort(key=lambda item: _rank(item[0].action))  # stable: the rest keep their order
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found[1], found[2])
        return self._fitting(shown, palette), palette

    def _fitting(
        self, shown: list[tuple[Binding, bool, str]], palette: tuple[Binding, bool] | None
    ) -> Shown:
        """The keys that fit whole beside the palette's (at 80 columns the seventh key
        showed its letter and lost its words under the palette: `" ▏^p palette`). Before
        the footer has a width, all of them."""
        room = self.size.width
        if not room:
            return tuple(shown)
        if palette is not None:
            room -= self._width(palette[0], palette[0].description)
        fitting = []
        for binding, enabled, tooltip in shown:
            room -= self._width(binding, binding.description)
            if room < 0:
                break
            fitting.append((binding, enabled, tooltip))
        return tuple(fitting)

    def _width(self, binding: Binding, description: str) -> int:
        """The columns a key takes: its key, a space, its words, and a margin of 1 + 1."""
        return len(self.app.get_key_display(binding)) + len(description) + 3

    def on_resize(self) -> None:
        self.call_after_refresh(self._recompose_if_changed)

    @staticmethod
    def _signature(shown: Shown, palette: tuple[Binding, bool] | None) -> tuple[object, ...]:
        """What the keys are built from: the same signature, the same footer."""
        keys = [(b.key, b.key_display, b.description, b.action, e, t) for b, e, t in shown]
        return (tuple(keys), palette and (palette[0].key, palette[1]))

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._signature(*self._shown()) != self._composed:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        shown, palette = self._shown()
        self._composed = self._signature(shown, palette)
        self.styles.grid_size_columns = len(shown)
        for binding, enabled, tooltip in shown:
            yield self._key(binding, binding.description, enabled, tooltip)
        if palette is not None:
            binding, enabled = palette
            yield self._key(
                binding,
                binding.description,
                enabled,
                binding.tooltip or binding.description,
                classes="-command-palette",
                compact=True,  # as Textual's footer draws it
            )

    def _key(
        self,
        binding: Binding,
        description: str,
        enabled: bool,
        tooltip: str,
        classes: str = "",
        compact: bool | None = None,
    ) -> FooterKey:
        compact = self.compact if compact is None else compact
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            description,
            binding.action,
            classes=f"{classes} -compact" if compact else classes,
            disabled=not enabled,
            tooltip=tooltip,
        )
        # Styled once, as it comes: a data binding restyles each key twice (compact by
        # default, then as the footer).
        key.set_reactive(FooterKey.compact, compact)
        return key
