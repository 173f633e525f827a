"""Undo and redo of annotation changes.

Every change the user makes to annotations is an `Edit` from one state of an annotation to
another (`None` for "does not exist"): tagging is `None -> new`, editing is `old -> new`,
deleting is `old -> None`. Undo applies the edit backwards, which for a delete restores the
annotation with its original id and timestamps. The history lives for one session.

All calls must come from one thread at a time (the UI runs them on its save thread).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.records import Annotation
from reader.store import Store

MAX_UNDO = 200


@dataclass(frozen=True)
class Edit:
    """One change of one annotation; `label` says what it was, for messages."""

    before: Annotation | None
    after: Annotation | None
    label: str

    def reversed(self) -> Edit:
        return Edit(self.after, self.before, self.label)

    @property
    def annotation(self) -> Annotation | None:
        """The annotation the edit concerns (after it if it exists, else before)."""
        return self.after or self.before


class History:
    """Applies edits to a store and remembers them for undo and redo."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []

    def apply(self, edit: Edit) -> Edit:
        """Make the change and remember it; returns the edit as saved."""
        saved = self._perform(edit)
        self._undo.append(saved)
        del self._undo[:-MAX_UNDO]
        self._redo.clear()
        return saved

    def undo(self) -> Edit | None:
        """Reverse the last change; returns it, or None when there is nothing to undo."""
        if not self._undo:
            return None
        edit = self._undo.pop()
        self._perform(edit.reversed())
        self._redo.append(edit)
        return edit

    def redo(self) -> Edit | None:
        """Make the last undone change again."""
        if not self._redo:
            return None
        edit = self._redo.pop()
        self._perform(edit)
        self._undo.append(edit)
        return edit

    def _perform(self, edit: Edit) -> Edit:
        if edit.after is None:
            if edit.before is not None:
                self.store.delete_annotation(edit.before.id)
            return edit
        saved = self.store.save_annotation(edit.after)
        return Edit(edit.before, saved, edit.label)
