"""The comparison pane: where two coders disagree in the open article, in text order.

Each entry shows the passage and what each coder made of it (source and themes, or
nothing). Highlighting one asks the article to show it; `a`, `b` and `=` ask the screen to
settle it (keep A's, B's or both: `reading.comparing.settle`), each one undo step; `o`
asks for the next coder as B.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.coders import shown_coder
from reader.core.records import Annotation
from reader.core.text import shorten
from reader.reading.comparing import KEEP_A, KEEP_B, KEEP_BOTH, Disagreement
from reader.ui.styling import literal

EXCERPT = 70


def _coding(annotations: tuple[Annotation, ...]) -> Content:
    if not annotations:
        return Content.styled("nothing tagged", "italic $text-muted")
    parts = []
    for annotation in annotations:
        names = [annotation.source or "no source", *annotation.themes]
        parts.append(literal(" · ".join(names)))
    return Content(" | ").join(parts)


def disagreement_prompt(
    number: int, disagreement: Disagreement, text: str, coder_a: str, coder_b: str
) -> Content:
    """The lines of one disagreement: its passage, then A's and B's coding."""
    excerpt = shorten(text[disagreement.start : disagreement.end], EXCERPT)
    return Content.assemble(
        Content.styled(f"{number}. ", "bold"),
        literal(f"“{excerpt}”", "italic"),
        "\n",
        literal(f"A {shorten(shown_coder(coder_a), 16)}: ", "bold $primary"),
        _coding(disagreement.a),
        "\n",
        literal(f"B {shorten(shown_coder(coder_b), 16)}: ", "bold $warning"),
        _coding(disagreement.b),
    )


class CompareList(OptionList):
    """Lists one article's disagreements between coders A and B."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="compare.down"),
        Binding("k", "cursor_up", "Up", show=False, id="compare.up"),
        Binding("a", f"settle('{KEEP_A}')", "Keep A's", id="compare.keep_a"),
        Binding("b", f"settle('{KEEP_B}')", "Keep B's", id="compare.keep_b"),
        Binding(
            "equals_sign",
            f"settle('{KEEP_BOTH}')",
            "Keep both",
            key_display="=",
            id="compare.keep_both",
        ),
        Binding("o", "next_coder", "Next coder as B", id="compare.next_coder"),
    ]

    @dataclass
    class DisagreementHighlighted(Message):
        """A disagreement was highlighted: show it in the article."""

        disagreement: Disagreement

    @dataclass
    class SettleRequested(Message):
        """Settle a disagreement: keep A's, B's or both (`reading.comparing`)."""

        disagreement: Disagreement
        keep: str

    class NextCoderRequested(Message):
        """Compare A with the next other coder (with three coders or more)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.disagreements: list[Disagreement] = []
        self.more_coders = False  # a third coder tagged the article: `o` shows and acts

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.more_coders if action == "next_coder" else True

    def show_disagreements(
        self,
        disagreements: list[Disagreement],
        text: str,
        coder_a: str,
        coder_b: str,
        more_coders: bool = False,
    ) -> None:
        """List the disagreements; the highlight stays at the same place in the list (the
        next one, after one is settled)."""
        if more_coders != self.more_coders:
            self.more_coders = more_coders
            self.refresh_bindings()
        current = self.highlighted_option
        index = int(current.id[1:]) - 1 if current and current.id else 0
        self.disagreements = disagreements
        if not disagreements:
            done = "No disagreements here: A and B coded this article alike.\nc leaves comparison."
            self.set_options([Option(Content.styled(done, "dim"), disabled=True)])
            return
        options: list[Option | None] = []
        for number, disagreement in enumerate(disagreements, start=1):
            if options:
                options.append(None)
            prompt = disagreement_prompt(number, disagreement, text, coder_a, coder_b)
            options.append(Option(prompt, id=f"d{number}"))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            self.highlighted = self.get_option_index(f"d{min(index, len(disagreements) - 1) + 1}")

    @property
    def current(self) -> Disagreement | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("d"):
            return None
        number = int(option.id[1:]) - 1
        return self.disagreements[number] if number < len(self.disagreements) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.DisagreementHighlighted(self.current))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.DisagreementHighlighted(self.current))

    def action_next_coder(self) -> None:
        self.post_message(self.NextCoderRequested())

    def action_settle(self, keep: str) -> None:
        if self.current is not None:
            self.post_message(self.SettleRequested(self.current, keep))
