"""Who is quoted here: the article's suggested speakers, and tagging a speaker's quotes at once.

`SpeakersScreen` lists every speaker the quote finder suggests for the open article, with
their number of quotations (and how many are still to tag). Enter jumps to the speaker's
first untagged quotation; `a` opens `ReviewScreen`, which shows each of those quotations
with a check box before they are all tagged in one step (one undo reverses it).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.text import clean_line
from reader.core.wording import plural
from reader.quotes import QuoteFinding
from reader.quotes.review import SpeakerCount
from reader.ui.dialogs.answered_once import AnsweredOnce
from reader.ui.styling import literal

EXCERPT = 200


class SpeakersScreen(AnsweredOnce, ModalScreen[tuple[str, str] | None]):
    """Lists the article's speakers; dismisses with ("jump" | "all", name), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,W", "dismiss", "Back", id="speakers.back"),
        Binding("j", "move(1)", "Down", show=False, id="speakers.down"),
        Binding("k", "move(-1)", "Up", show=False, id="speakers.up"),
        Binding("enter", "jump", "Go to their quotes", id="speakers.jump"),
        Binding("a", "tag_all", "Tag all their quotes…", id="speakers.tag_all"),
    ]

    def __init__(self, counts: list[SpeakerCount]) -> None:
        super().__init__()
        self._counts = {c.name: c for c in counts}

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-box", classes="modal-box") as box:
            box.border_title = f"Who is quoted here ({len(self._counts)})"
            box.border_subtitle = "enter go to · a tag all… · esc back"
            yield OptionList(id="speakers-list", classes="modal-list")

    def on_mount(self) -> None:
        listing = self.query_one("#speakers-list", OptionList)
        options: list[Option | None] = []
        for count in self._counts.values():
            if options:
                options.append(None)
            status = (
                f"{plural(count.total, 'quote')}, {count.untagged} to tag"
                if count.untagged
                else f"{plural(count.total, 'quote')}, all tagged"
            )
            parts: list[Content | str] = [
                literal(count.name, "bold"),
                "  ",
                Content.styled(status, "$text-muted"),
            ]
            if count.description:
                parts += ["\n", Content.styled(clean_line(count.description), "dim italic")]
            options.append(Option(Content.assemble(*parts), id=count.name))
        listing.set_options(options)
        # The first speaker with quotes still to tag (after `a` tagged one's, the next `W a`
        # goes on to the next), else the first.
        counts = list(self._counts.values())
        listing.highlighted = next((i for i, c in enumerate(counts) if c.untagged), 0)
        listing.focus()

    def _current(self) -> SpeakerCount | None:
        option = self.query_one("#speakers-list", OptionList).highlighted_option
        return self._counts.get(option.id) if option and option.id else None

    def action_move(self, step: int) -> None:
        listing = self.query_one("#speakers-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_jump(self) -> None:
        current = self._current()
        if current is not None:
            self.dismiss(("jump", current.name))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_tag_all(self) -> None:
        current = self._current()
        if current is None:
            return
        if not current.untagged:
            self.notify(f"{current.name}: every quote is tagged", timeout=3)
            return
        self.dismiss(("all", current.name))


class ReviewScreen(AnsweredOnce, ModalScreen[list[QuoteFinding] | None]):
    """Shows the quotations about to be tagged with one source; space leaves one out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Cancel", id="review.cancel"),
        Binding("j", "move(1)", "Down", show=False, id="review.down"),
        Binding("k", "move(-1)", "Up", show=False, id="review.up"),
        Binding("space", "toggle_quote", "Leave out / keep", id="review.toggle"),
        Binding("enter,y", "confirm", "Tag them", id="review.confirm"),
    ]

    def __init__(self, speaker: str, quotes: list[tuple[QuoteFinding, str]]) -> None:
        super().__init__()
        self._speaker = speaker
        self._quotes = quotes
        self._kept = [True] * len(quotes)

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box", classes="modal-box") as box:
            box.border_subtitle = "space leave out · enter tag them · esc cancel"
            yield Static(id="review-help")
            yield OptionList(id="review-list", classes="modal-list")

    def on_mount(self) -> None:
        self._fill()
        listing = self.query_one("#review-list", OptionList)
        listing.highlighted = 0
        listing.focus()

    def _fill(self) -> None:
        listing = self.query_one("#review-list", OptionList)
        highlighted = listing.highlighted
        options: list[Option | None] = []
        for index, ((finding, quote), kept) in enumerate(
            zip(self._quotes, self._kept, strict=True)
        ):
            if options:
                options.append(None)
            excerpt = clean_line(quote)
            if len(excerpt) > EXCERPT:
                excerpt = excerpt[: EXCERPT - 1].rstrip() + "…"
            box = Content.styled("[x] " if kept else "[ ] ", "bold" if kept else "dim")
            doubt = Content.styled("? " if finding.uncertain else "  ", "bold $text-warning")
            text = literal(f"“{excerpt}”", "italic" if kept else "dim strike")
            options.append(Option(Content.assemble(box, doubt, text), id=str(index)))
        listing.set_options(options)
        listing.highlighted = highlighted
        count = sum(self._kept)
        box_widget = self.query_one("#review-box")
        box_widget.border_title = literal(
            f"Tag {count} of {plural(len(self._quotes), 'quote')} as {self._speaker}"
        )
        self.query_one("#review-help", Static).update(
            Content.styled(
                f"Each checked quotation becomes an annotation with the source {self._speaker}. "
                "One u undoes them all. ? marks a quotation whose speaker is uncertain: "
                "check it, space leaves it out.",
                "dim",
            )
        )

    def action_move(self, step: int) -> None:
        listing = self.query_one("#review-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_toggle_quote(self) -> None:
        option = self.query_one("#review-list", OptionList).highlighted_option
        if option is not None and option.id is not None:
            index = int(option.id)
            self._kept[index] = not self._kept[index]
            self._fill()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        chosen = [q for (q, _), kept in zip(self._quotes, self._kept, strict=True) if kept]
        self.dismiss(chosen or None)
