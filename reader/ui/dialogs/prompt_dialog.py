"""Small modal questions: one line of text (`PromptDialog`), or yes/no (`ConfirmDialog`)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from reader.core.coders import shown_coder
from reader.ui.dialogs.answered_once import AnsweredOnce
from reader.ui.styling import literal
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.ordered_input import OrderedInput


class PromptDialog(AnsweredOnce, TypeAhead, ModalScreen[str | None]):
    """Asks for one line; enter gives it (stripped), esc gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(self, title: str, label: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box") as box:
            box.border_title = literal(self.title_text)
            yield Label(literal(self.label))
            yield OrderedInput(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("enter confirms · esc cancels", classes="prompt-hint")

    def on_mount(self) -> None:
        field = self.query_one("#prompt-input", Input)
        field.focus()
        self.fill_typed_ahead(field)

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(AnsweredOnce, ModalScreen[bool]):
    """Asks yes or no: `y` or enter confirms, `n` or esc declines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(
        self,
        title: str,
        question: str,
        hint: str = "y or enter: yes · n or esc: no (u undoes it later)",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box") as box:
            box.border_title = literal(self.title_text)
            yield Static(literal(self.question))
            yield Static(literal(self.hint), classes="prompt-hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class CarefulConfirmDialog(ConfirmDialog, inherit_bindings=False):
    """A yes or no that `enter` does not answer: for what cannot be undone (replacing a
    note written in), where an `enter` typed ahead, meant for the dialog before, had
    answered yes unseen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="careful.yes"),
        Binding("n,escape", "answer(False)", "No", id="careful.no"),
    ]


def teammates_deletion(coder: str) -> ConfirmDialog:
    """The question before a key deletes another coder's annotation: once merged, the
    deletion deletes it in their library too (one key had done it unasked)."""
    theirs = shown_coder(coder) or "another coder"
    return ConfirmDialog(
        f"Delete {theirs}'s annotation?",
        f"It is {theirs}'s coding: once merged, the deletion deletes it in {theirs}'s "
        "library too. Delete it?",
        hint="y or enter: delete it · n or esc: keep it",
    )
