"""The tag dialog: source, themes and note for a passage, with fuzzy suggestions.

The source field takes one name, the themes field several, comma-separated; both suggest
codebook names as you type (fuzzy, so typos and partial names find them) and complete the
one you are typing inline (→ accepts). ↓/↑ pick a suggestion, enter or tab takes it; with
no suggestion picked, enter saves and tab moves on. New names are welcome. Esc cancels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.codebook import format_themes, parse_themes
from reader.core.text import clean_line
from reader.reading.suggest import suggest
from reader.ui.styling import literal

EXCERPT = 240


@dataclass(frozen=True)
class TagResult:
    """What the dialog was saved with."""

    source: str | None
    themes: list[str]
    note: str


@dataclass(frozen=True)
class TagRequest:
    """What the dialog starts with."""

    quote: str
    title: str = "Tag passage"
    source: str = ""
    themes: tuple[str, ...] = ()
    note: str = ""


class _PrefixSuggester(Suggester):
    """Inline completion of the name being typed (the last one, for a list)."""

    def __init__(self, names: list[str], many: bool) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._names = names
        self._many = many

    async def get_suggestion(self, value: str) -> str | None:
        typed = value.rpartition(",")[2] if self._many else value
        typed_stripped = typed.lstrip()
        if not typed_stripped:
            return None
        for name in self._names:
            if name.casefold().startswith(typed_stripped.casefold()) and len(name) > len(
                typed_stripped
            ):
                prefix = value[: len(value) - len(typed_stripped)]
                return prefix + typed_stripped + name[len(typed_stripped) :]
        return None


class SuggestionList(OptionList, can_focus=False):
    """Suggestions under a field; driven from the dialog's keys, never focused."""


class TagDialog(ModalScreen[TagResult | None]):
    """Asks for the source, themes and note of an annotation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="tag.cancel"),
        Binding("down", "suggestion(1)", "Next suggestion", show=False, id="tag.next"),
        Binding("up", "suggestion(-1)", "Previous suggestion", show=False, id="tag.prev"),
        Binding("tab", "next_field", "Next field", show=False, priority=True, id="tag.tab"),
        Binding("ctrl+s", "save", "Save", id="tag.save"),
    ]

    def __init__(
        self,
        request: TagRequest,
        sources: list[str],
        themes: list[str],
        usage: dict[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.request = request
        self._sources = sources
        self._themes = themes
        self._usage = usage or {}

    def compose(self) -> ComposeResult:
        quote = clean_line(self.request.quote)
        if len(quote) > EXCERPT:
            quote = quote[: EXCERPT - 1].rstrip() + "…"
        with Vertical(id="tag-box") as box:
            box.border_title = literal(self.request.title)
            yield Static(Content.styled(f"“{quote}”", "italic"), id="tag-quote")
            yield Label("Source")
            yield Input(
                self.request.source,
                placeholder="who says it: a person or an organisation",
                id="source",
                suggester=_PrefixSuggester(self._sources, many=False),
                compact=True,
            )
            yield SuggestionList(id="source-suggestions")
            yield Label("Themes")
            yield Input(
                format_themes(self.request.themes) + (", " if self.request.themes else ""),
                placeholder="comma-separated, e.g. public safety, policing/oversight",
                id="themes",
                suggester=_PrefixSuggester(self._themes, many=True),
                compact=True,
            )
            yield SuggestionList(id="themes-suggestions")
            yield Label("Note")
            yield Input(self.request.note, placeholder="optional", id="note", compact=True)
            yield Static(
                Content.styled(
                    "enter save · esc cancel · ↓↑ pick a suggestion · tab next field", "dim"
                ),
                id="tag-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#source", Input).focus()

    # --- suggestions ---
    def _list_for(self, field_id: str | None) -> SuggestionList | None:
        if field_id in ("source", "themes"):
            return self.query_one(f"#{field_id}-suggestions", SuggestionList)
        return None

    def _refresh_suggestions(self, field: Input) -> None:
        for other in ("source", "themes"):
            listing = self._list_for(other)
            if listing is not None and other != field.id:
                listing.display = False
        listing = self._list_for(field.id)
        if listing is None:
            return
        if field.id == "source":
            typed, names, taken = field.value, self._sources, set()
        else:
            *done, typed = field.value.split(",")
            names = self._themes
            taken = {t.casefold() for t in parse_themes(",".join(done))}
        found = [n for n in suggest(typed.strip(), names, self._usage) if n.casefold() not in taken]
        if field.id == "source" and found and found[0].casefold() == typed.strip().casefold():
            found = []  # what is typed is already a known name
        listing.set_options(Option(Content(name), id=name) for name in found)
        listing.highlighted = None
        listing.display = bool(found)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._refresh_suggestions(event.input)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            self._refresh_suggestions(focused)

    def action_suggestion(self, step: int) -> None:
        listing = self._list_for(self.focused.id if self.focused else None)
        if listing is None or not listing.display or not listing.option_count:
            return
        if listing.highlighted is None:
            listing.highlighted = 0 if step > 0 else listing.option_count - 1
        else:
            listing.highlighted = (listing.highlighted + step) % listing.option_count

    def _accept_suggestion(self) -> bool:
        """Put the highlighted suggestion into its field; False if none was highlighted."""
        field = self.focused
        if not isinstance(field, Input):
            return False
        listing = self._list_for(field.id)
        if listing is None or not listing.display or listing.highlighted is None:
            return False
        option = listing.highlighted_option
        if option is None or option.id is None:
            return False
        if field.id == "source":
            field.value = option.id
        else:
            *done, _ = field.value.split(",")
            field.value = format_themes([*parse_themes(",".join(done)), option.id]) + ", "
        field.cursor_position = len(field.value)
        listing.display = False
        return True

    # --- keys ---
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._accept_suggestion():
            self.action_save()

    def action_next_field(self) -> None:
        self._accept_suggestion()
        self.focus_next()

    def action_save(self) -> None:
        source = self.query_one("#source", Input).value.strip()
        themes = parse_themes(self.query_one("#themes", Input).value)
        note = self.query_one("#note", Input).value.strip()
        self.dismiss(TagResult(source or None, themes, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
