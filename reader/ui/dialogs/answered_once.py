"""A dialog or modal screen that answers once: `dismiss` a second time does nothing.

Keys typed fast (two `enter`s over a slow link, tmux) answered a dialog twice: its
callback ran twice (an export written twice) and the second pop of the screen stack closed
the app with `ScreenStackError`.
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete


class AnsweredOnce:
    """Mixed in before `ModalScreen`: the first `dismiss` answers, later ones are none."""

    _answered = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._answered:
            return AwaitComplete()
        self._answered = True
        return super().dismiss(result)  # type: ignore[misc]
