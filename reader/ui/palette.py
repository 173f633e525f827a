"""The command palette (ctrl+p), safe against work that finishes after it closed.

Textual's palette gathers hits in a worker and shows "busy" or "no matches" on timers; each
of those looks up its `CommandList` when it fires. If the palette was dismissed a moment
before (Esc or Enter while a search is still coming in), the list is gone and the lookup
raised `NoMatches: CommandList`, which ended the app. Here each of those steps does nothing
once the palette is no longer on screen.
"""

from __future__ import annotations

from textual.command import CommandPalette
from textual.css.query import NoMatches


class ReaderCommandPalette(CommandPalette):
    """Textual's command palette, whose late updates are dropped once it has closed."""

    def _watch__list_visible(self) -> None:
        try:
            super()._watch__list_visible()
        except NoMatches:
            return

    async def _watch__show_busy(self) -> None:
        try:
            await super()._watch__show_busy()
        except NoMatches:
            return

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except NoMatches:
            return
