"""The footer: the few keys a newcomer needs first, in every pane, then the pane's own.

Textual's footer lists the focused widget's keys first and the app's last, so at 80 or even
120 columns `? Keys`, `/ Search` and `q Quit` fell off the end. This footer puts the
essential actions first, wherever the focus is, and the rest after them in Textual's order.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# The actions shown first, in this order (an action not active in a pane is skipped).
ESSENTIAL = ("help", "search", "tag", "edit", "quotation(1)", "quit")


def _rank(action: str) -> int:
    name = action.rsplit(".", 1)[-1]
    return ESSENTIAL.index(name) if name in ESSENTIAL else len(ESSENTIAL)


class ReaderFooter(Footer):
    """A footer whose essential keys come first (see the module docstring)."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        seen: set[str] = set()
        shown = []
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled, tooltip))
        shown.sort(key=lambda item: _rank(item[0].action))  # stable: the rest keep their order
        self.styles.grid_size_columns = len(shown)
        for binding, enabled, tooltip in shown:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _, binding, enabled, _ = palette
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )
