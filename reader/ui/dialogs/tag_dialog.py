"""The tag dialog: source, themes, kind and note of a passage, with fuzzy suggestions.

What is saved is what the screen shows:
- As you type a source or a theme, the codebook names that match are listed; the one that
  most likely means what you typed (its beginning, a word of it, its acronym, a source's
  name with a typo; not a theme a letter or two away, which is most often another word:
  "policy" is not "police") is highlighted and shown as the inline completion, and Enter
  or Tab take it. A name that is in no codebook is listed as "new source …" / "new theme …" and is
  created only when that entry is the one taken: a typo cannot pass unseen. The label
  beside "Source" says which the saved name would be: "new source", or "existing source"
  (naming the suggestion when it is not what was typed).
- Themes are chips: Enter, Tab or a comma adds the highlighted one, Backspace in the empty
  field removes the last. A number 1-9 typed alone offers the theme on that quick key. Editing an annotation puts the cursor after what is there, to
  add to it, never selecting it to be replaced.
- The kind (quotation: the speaker's own words in quote marks; passage: anything else) is
  set from the selection and switched with ctrl+k.
- Enter in Source takes the name and goes on to Themes (as Tab does); Enter in Themes
  adds the typed theme, and in the empty field saves. Enter in Source saves only a name
  the dialog opened with, untouched (the finder's speaker to check, an edit). The note
  takes several lines (Enter is a new line there); ctrl+s saves from anywhere (taking the
  highlighted name first, as Enter would); Esc cancels. The keys line at the foot says
  what Enter does in the focused field. The theme field's placeholder names the
  codebook's own most used themes.
- A quotation whose speaker the finder could not name shows the article's words for them
  as the source's placeholder ("speaker unknown: the executive — type who said it"); saving
  it with no source asks once more (a one-line note beside "Source"): a second Enter or
  ctrl+s saves it without a source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Focus, Key
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from reader.core.codebook import clean_name, name_key, unique_names
from reader.core.records import KINDS, PASSAGE, QUOTATION, Kind
from reader.core.text import clean_line
from reader.reading.suggest import Suggestions, begins, suggestions
from reader.ui.dialogs.answered_once import AnsweredOnce
from reader.ui.styling import literal
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.ordered_input import OrderedInput, OrderedTextArea

EXCERPT = 240
NEW = "\x00new"  # the option id of "new source/theme: what you typed"
KIND_LABELS = {QUOTATION: "quotation (their own words, in quote marks)", PASSAGE: "passage"}
# The keys line at the dialog's foot says what Enter does in the focused field; longest
# first: the longest that fits on one line is shown (at 80 columns a long one took two
# lines, and the second was cut off).
HINTS: dict[str, tuple[str, ...]] = {
    "source": (
        "enter takes the name, on to themes · ctrl+s save · ctrl+k quotation/passage · esc cancel",
        "enter takes the name, on to themes · ctrl+s save · ctrl+k kind · esc cancel",
        "enter: name, on to themes · ctrl+s save · ctrl+k kind · esc cancel",
    ),
    "confirm": (  # `a` on an uncertain speaker: the dialog asks to check the name
        "enter saves this speaker · tab on to themes · ctrl+s save · esc cancel",
        "enter saves this speaker · tab: themes · esc cancel",
    ),
    "asked": (  # an empty Source of a quotation nobody was named for, asked once
        "enter saves with no source · or type who said it · ctrl+s save · esc cancel",
        "enter saves with no source · esc cancel",
    ),
    "themes": (  # (tab on to the note: a newcomer guessed it after a minute)
        "enter adds a theme, empty: saves · tab: note · ⌫ removes one · esc cancel",
        "enter adds a theme, empty: saves · tab: note · esc cancel",
    ),
    "note": (
        "note: enter is a new line · ctrl+s save · ctrl+k quotation/passage · esc cancel",
        "enter new line · ctrl+s save · ctrl+k kind · esc cancel",
    ),
}
# reader.tcss #tag-box: width, max-width, and its border, padding and scroll bar
BOX_WIDTH, BOX_SHARE, BOX_FRAME = 84, 0.95, 5
THEME_EXAMPLES = 2  # codebook themes named in the theme field's placeholder


def hint_for(screen_width: int, field: str = "source") -> str:
    """The keys line for the focused `field` that fits the dialog on a screen this wide
    (the shortest if none)."""
    hints = HINTS.get(field, HINTS["source"])
    room = min(BOX_WIDTH, int(screen_width * BOX_SHARE)) - BOX_FRAME
    return next((hint for hint in hints if len(hint) <= room), hints[-1])


def theme_placeholder(themes: list[str], usage: dict[str, int]) -> str:
    """The theme field's placeholder: the codebook's most used themes as examples, or a
    plain instruction when it has none (never themes the codebook lacks)."""
    examples = sorted(themes, key=lambda name: -usage.get(name, 0))[:THEME_EXAMPLES]
    if not examples:
        return "add a theme: type one, enter adds it"
    return "add a theme (most used: " + ", ".join(examples) + ")"


@dataclass(frozen=True)
class TagResult:
    """What the dialog was saved with."""

    source: str | None
    themes: list[str]
    note: str
    kind: Kind = PASSAGE


@dataclass(frozen=True)
class TagRequest:
    """What the dialog starts with."""

    quote: str
    title: str = "Tag passage"
    source: str = ""
    themes: tuple[str, ...] = ()
    note: str = ""
    kind: Kind = PASSAGE
    suggested: bool = False  # `source` is the finder's suggestion: typing replaces it
    unknown_speaker: str = ""  # "speaker unknown: the executive": a quotation nobody was named for
    confirming: bool = False  # opened by accept on an uncertain speaker: Enter saves it as is
    uncertain: bool = False  # `source` is a suggestion the finder is unsure of (marked "?")


class _Completion(Suggester):
    """Inline completion: the highlighted suggestion, when it continues what is typed."""

    def __init__(self, dialog: TagDialog, field: str) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._dialog = dialog
        self._field = field

    async def get_suggestion(self, value: str) -> str | None:
        best = self._dialog.best_for(self._field, value)
        typed = value.lstrip()
        if (
            best
            and typed
            and best.casefold().startswith(typed.casefold())
            and len(best) > len(typed)
        ):
            return value + best[len(typed) :]
        return None


class TagField(OrderedInput):
    """A name field of the dialog. Its Enter is handled in the field's own turn, after
    the keys typed before it, by `on_enter`; keys typed after an Enter that moved the focus
    (typed ahead, they were on their way here already) are passed on to the field focused
    now. Typed fast, "Metrolinx", enter, "fares" had put "fares" into Source."""

    def __init__(
        self,
        value: str,
        *,
        on_enter: Callable[[Input], None],
        on_comma: Callable[[Input], None] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(value, **options)
        self._take_enter = on_enter
        self._take_comma = on_comma  # Themes: a comma ends a theme, in its turn too
        self._passing_on = False  # an Enter here moved the focus: pass keys on

    async def _on_key(self, event: Key) -> None:
        focused = self.screen.focused
        if self._passing_on and focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            focused.post_message(Key(event.key, event.character))
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._take_enter(self)
            self._passing_on = self.is_attached and self.screen.focused is not self
            return
        if event.character == "," and self._take_comma is not None:
            # (read later, from the field's Changed messages, a comma typed fast among other
            # keys took a theme from text already gone, and left the cursor inside the next
            # one: nine themes typed at once in tmux became "houation", "housation", …)
            event.stop()
            event.prevent_default()
            self._take_comma(self)
            return
        await super()._on_key(event)

    def _on_focus(self, event: Focus) -> None:
        self._passing_on = False
        super()._on_focus(event)


class SuggestionList(OptionList, can_focus=False):
    """Suggestions under a field; driven from the dialog's keys, never focused."""


class ThemeChips(Static):
    """The themes chosen so far, one chip each; a new theme's chip says so."""

    def show(self, themes: list[str], known: set[str]) -> None:
        chips = []
        for theme in themes:
            new = name_key(theme) not in known
            label = literal(f" {theme}{' · new' if new else ''} ")
            chips.append(label.stylize("bold $warning on $warning 15%" if new else "on $boost"))
        self.update(Content(" ").join(chips))
        self.display = bool(chips)


class TagDialog(AnsweredOnce, TypeAhead, ModalScreen[TagResult | None]):
    """Asks for the source, themes, kind and note of an annotation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="tag.cancel"),
        Binding("down", "suggestion(1)", "Next suggestion", show=False, id="tag.next"),
        Binding("up", "suggestion(-1)", "Previous suggestion", show=False, id="tag.prev"),
        Binding("tab", "next_field", "Next field", show=False, priority=True, id="tag.tab"),
        # (priority: a text field's own ctrl+k deletes to the end of the line)
        Binding("ctrl+k", "switch_kind", "Quotation or passage", priority=True, id="tag.kind"),
        Binding("ctrl+s", "save", "Save", priority=True, id="tag.save"),
    ]

    def __init__(
        self,
        request: TagRequest,
        sources: list[str],
        themes: list[str],
        usage: dict[str, int] | None = None,
        named_here: list[str] | None = None,
        quick: dict[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.request = request
        self._quick = {str(n): t for n, t in (quick or {}).items()}  # "3" -> its theme
        # The article's speakers the codebook does not hold yet, offered beside its names
        # ("Priya" typed for the "Priya Sharma" the finder read made a second source)
        known = {name_key(n) for n in sources}
        self._named_here = {name_key(n): n for n in (named_here or ()) if name_key(n) not in known}
        self._names = {"source": [*sources, *self._named_here.values()], "themes": themes}
        self._known = {
            "source": {name_key(n) for n in sources},
            "themes": {name_key(n) for n in themes},
        }
        self._usage = usage or {}
        self.themes: list[str] = list(request.themes)
        self.kind: Kind = request.kind
        self._found: dict[str, Suggestions] = {}
        self._listed_for: dict[str, str] = {}  # field -> the text its suggestions are for
        self._suggestion_kept = request.suggested  # the source field still holds it
        self._source_typed = False  # the user changed Source (even back to what it was)
        self._asked_for_source = False  # the note "no source yet" is shown: saving again saves

    def compose(self) -> ComposeResult:
        quote = clean_line(self.request.quote)
        if len(quote) > EXCERPT:
            quote = quote[: EXCERPT - 1].rstrip() + "…"
        with Vertical(id="tag-box") as box:
            box.border_title = literal(self.request.title)
            yield Static(literal(f"“{quote}”", "italic"), id="tag-quote")
            with Horizontal(classes="tag-label"):
                yield Label("Source")
                yield Static("", id="source-mark", classes="new-mark")
            unknown = self.request.unknown_speaker
            yield TagField(
                self.request.source,
                on_enter=self._entered,
                placeholder=f"{unknown} — type who said it"
                if unknown
                else "who says it: a person or an organisation",
                id="source",
                suggester=_Completion(self, "source"),
                select_on_focus=False,
                compact=True,
            )
            yield SuggestionList(id="source-suggestions")
            yield Label("Themes")
            yield ThemeChips(id="theme-chips")
            yield TagField(
                "",
                on_enter=self._entered,
                on_comma=self._comma_typed,
                placeholder=theme_placeholder(self._names["themes"], self._usage),
                id="themes",
                suggester=_Completion(self, "themes"),
                select_on_focus=False,
                compact=True,
            )
            yield SuggestionList(id="themes-suggestions")
            yield Static("", id="tag-kind")
            yield Label("Note")
            yield OrderedTextArea(
                self.request.note, id="note", tab_behavior="focus", soft_wrap=True, compact=True
            )
            yield Static(Content.styled(hint_for(self.app.size.width), "dim"), id="tag-hint")

    def on_resize(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        """The keys line for the focused field (what Enter does there)."""
        field = (self.focused.id if self.focused is not None else None) or "source"
        if field == "source" and self._asked_for_source:
            field = "asked"  # (the label beside Source asks too: the keys line agrees)
        elif field == "source" and self.request.confirming:
            field = "confirm"
        hint = hint_for(self.app.size.width, field)
        self.query_one("#tag-hint", Static).update(Content.styled(hint, "dim"))

    def on_mount(self) -> None:
        # Notices about the screen behind ("No quotation below", "The library is hidden at
        # this width") lay over the dialog's fields and keys line on a small terminal.
        self.app.clear_notifications()
        self._show_chips()
        self._show_kind()
        self._mark_source()
        source = self.query_one("#source", Input)
        source.focus()
        if self.request.suggested:
            source.select_all()  # a suggestion: Enter takes it, typing replaces it
        else:
            source.cursor_position = len(source.value)  # add to what is saved, never replace it
        self.fill_typed_ahead(source, replacing=bool(self.request.suggested))
        note = self.query_one("#note", TextArea)
        note.move_cursor(note.document.end)

    # --- what the fields hold ---
    def _show_chips(self) -> None:
        self.query_one(ThemeChips).show(self.themes, self._known["themes"])

    def _show_kind(self) -> None:
        if self.request.title == TagRequest.title:  # "Tag quotation" or "Tag passage"
            self.query_one("#tag-box").border_title = literal(f"Tag {self.kind}")
        quote = clean_line(self.request.quote)
        if len(quote) > EXCERPT:
            quote = quote[: EXCERPT - 1].rstrip() + "…"
        shown = f"“{quote}”" if self.kind == QUOTATION else quote  # a passage is no quote
        self.query_one("#tag-quote", Static).update(literal(shown, "italic"))
        self.query_one("#tag-kind", Static).update(
            Content.assemble(
                Content.styled("Kind  ", "$foreground 70%"),
                Content.styled(KIND_LABELS[self.kind], "bold"),
                Content.styled("   ctrl+k switches", "dim"),
            )
        )

    def _mark_source(self) -> None:
        """Say beside "Source" whether the name that would be saved is new or in the
        codebook: the highlighted suggestion when there is one (Enter, Tab and ctrl+s take
        it), else what the field holds."""
        field = self.query_one("#source", Input)
        typed = clean_name(field.value)
        name = self._highlighted(field) or typed
        if not name:
            mark = Content("")
        elif (
            (self.request.confirming or self.request.uncertain)
            and not self._source_typed
            and name_key(name) == name_key(self.request.source)
        ):
            # a "?" suggestion (opened by accept on it: say why the dialog is asking; by
            # `t`: say it as the article does, or the "?" was hidden)
            known = name_key(name) in self._known["source"]
            mark = Content.styled(
                f"uncertain suggestion: check it ({'existing' if known else 'new'} source)",
                "$warning",
            )
        elif name_key(name) in self._named_here and name_key(name) != name_key(typed):
            mark = Content.assemble(
                Content.styled("new source, named in this article: ", "bold $warning"),
                literal(name, "bold"),
            )
        elif name_key(name) not in self._known["source"]:
            mark = Content.styled("new source", "bold $warning")
        elif name_key(name) == name_key(typed):
            mark = Content.styled("existing source", "$text-success")
        else:  # a suggestion that is not what was typed: name it
            mark = Content.assemble(
                Content.styled("existing source: ", "$text-success"), literal(name, "bold")
            )
        self.query_one("#source-mark", Static).update(mark)

    # --- suggestions ---
    def _list_for(self, field_id: str | None) -> SuggestionList | None:
        if field_id in ("source", "themes"):
            return self.query_one(f"#{field_id}-suggestions", SuggestionList)
        return None

    def best_for(self, field_id: str, typed: str) -> str | None:
        """The name Enter would take for `typed` in a field (for the inline completion)."""
        found = self._suggest(field_id, typed)
        return found.names[0] if found.names and found.strong else None

    def _suggest(self, field_id: str, typed: str) -> Suggestions:
        taken = {name_key(t) for t in self.themes} if field_id == "themes" else set()
        names = [n for n in self._names[field_id] if name_key(n) not in taken]
        if self._quick_key(field_id, typed):
            # "3" typed: the theme on key 3, as the legend beside the article shows it (a
            # theme named "3" had been made, a new theme only its chip's mark told of); a
            # key with no theme, or one already chosen, offers nothing
            keyed = self._quick.get(typed.strip())
            if keyed is None or name_key(keyed) in taken:
                return Suggestions([])
            return Suggestions([keyed], strong=True)
        found = suggestions(typed.strip(), names, self._usage, typos=field_id != "themes")
        first = found.names[0] if found.names else ""
        if found.strong and name_key(first) in self._named_here and not begins(typed, first):
            # an article's speaker is taken for its name's beginning only: "ICE" typed is
            # the user's own short name, not the finder's "U.S. Immigration and Customs
            # Enforcement", nor "Dog King" its "Doug King" (the codebook's names, chosen
            # before, also answer to initials and typos)
            found = replace(found, strong=False)
        return found

    def _quick_key(self, field_id: str | None, typed: str) -> bool:
        """Whether `typed` in that field is a quick key's number (1-9 alone, in Themes, no
        theme of the codebook being named so): never a new theme's name."""
        number = typed.strip()
        return (
            field_id == "themes"
            and len(number) == 1
            and number in "123456789"
            and name_key(number) not in self._known["themes"]
        )

    def _refresh_suggestions(self, field: Input) -> None:
        for other in ("source", "themes"):
            listing = self._list_for(other)
            if listing is not None and other != field.id:
                listing.display = False
        listing = self._list_for(field.id)
        if listing is None or field.id is None:
            return
        typed = clean_name(field.value)
        self._listed_for[field.id] = field.value
        found = self._suggest(field.id, typed)
        self._found[field.id] = found
        options = [Option(self._shown(field.id, name), id=name) for name in found.names]
        noun = "source" if field.id == "source" else "theme"
        if typed and found.exact is None and not self._quick_key(field.id, typed):
            options.append(Option(literal(f"+ new {noun}: {typed}", "italic"), id=NEW))
        if field.id == "source" and found.exact is not None and typed == found.exact:
            options = []  # exactly a known name: nothing to choose
        listing.set_options(options)
        if not typed:
            listing.highlighted = None
        elif found.strong or not options or options[-1].id != NEW:
            listing.highlighted = 0 if options else None
        else:
            listing.highlighted = len(options) - 1  # "new …": seen before it is taken
        listing.display = bool(options)
        if field.id == "source":
            self._mark_source()

    def _shown(self, field_id: str, name: str) -> Content:
        """A suggestion as listed: an article's speaker new to the codebook says so."""
        if field_id == "source" and name_key(name) in self._named_here:
            return Content.assemble(literal(name), Content.styled("  in this article", "dim"))
        return literal(name)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field = event.input
        if field.id == "themes" and "," in field.value:
            # themes pasted at once ("public safety, sovereignty"): what the field holds now,
            # not what it held when this message was sent, and the cursor after the rest
            *themes, rest = field.value.split(",")
            for theme in themes:
                self._take_theme(theme)
            with self.prevent(Input.Changed):
                field.value = rest.lstrip()
            field.cursor_position = len(field.value)
            self._refresh_suggestions(field)
            return
        self._refresh_suggestions(event.input)
        if event.input.id == "source":
            self._suggestion_kept &= event.value == self.request.source
            self._source_typed |= event.value != self.request.source
            if self._asked_for_source:
                self._asked_for_source = False
                self._show_hint()
            self._mark_source()

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            self._refresh_suggestions(focused)
        else:
            for listing in self.query(SuggestionList):
                listing.display = False
        self._mark_source()  # out of the field, its suggestions hidden: the name it holds
        self._show_hint()

    def action_suggestion(self, step: int) -> None:
        listing = self._list_for(self.focused.id if self.focused else None)
        if listing is None or not listing.display or not listing.option_count:
            return
        if listing.highlighted is None:
            listing.highlighted = 0 if step > 0 else listing.option_count - 1
        else:
            listing.highlighted = (listing.highlighted + step) % listing.option_count
        self._mark_source()

    def _highlighted(self, field: Input) -> str | None:
        """What Enter or Tab take in a field: the highlighted entry's name, if any."""
        listing = self._list_for(field.id)
        if listing is None or not listing.display or listing.highlighted is None:
            return None
        option = listing.highlighted_option
        if option is None or option.id is None:
            return None
        return clean_name(field.value) if option.id == NEW else option.id

    def _take(self, field: Input) -> bool:
        """Put the highlighted entry into its field; False if there was none to take."""
        if field.id is not None and self._listed_for.get(field.id) != field.value:
            # typed ahead of its Changed messages, its suggestions are for earlier text
            # (Enter: a theme saved without its chip; a comma: a theme from text already
            # gone; Tab or ctrl+s with the last letters: "polic", then "y" and ctrl+s at
            # once, saved "police")
            self._refresh_suggestions(field)
        chosen = self._highlighted(field)
        if chosen is None:
            return False
        if field.id == "source" and self._suggestion_kept and chosen == field.value:
            # The finder's speaker, untouched and not in the codebook yet ("+ new source"
            # with its name): nothing to take, so Enter keeps it and saves, as for a known
            # name (`a` on an uncertain suggestion, then enter).
            self._list_for("source").display = False  # type: ignore[union-attr]
            return False
        if field.id == "source":
            with self.prevent(Input.Changed):
                field.value = chosen
            field.cursor_position = len(chosen)
        else:
            self._take_theme(chosen)
            with self.prevent(Input.Changed):
                field.value = ""
        listing = self._list_for(field.id)
        if listing is not None:
            listing.display = False
        self._mark_source()
        return True

    def _comma_typed(self, field: Input) -> None:
        """A comma typed in Themes: the theme typed so far becomes a chip (the highlighted
        suggestion, as Enter takes it), at once, before the keys typed after the comma."""
        if not self._take(field) and clean_name(field.value):
            self._take_theme(field.value)
            with self.prevent(Input.Changed):
                field.value = ""
            self._refresh_suggestions(field)

    def _take_theme(self, name: str) -> None:
        name = clean_name(name)
        if not name:
            return
        if self._quick_key("themes", name):
            name = self._quick.get(name, "")  # a key's number: its theme, or nothing
            if not name:
                return
        found = self._suggest("themes", name)
        chosen = found.exact or (found.names[0] if found.names and found.strong else name)
        self.themes = unique_names([*self.themes, chosen])
        self._show_chips()

    # --- keys ---
    def on_key(self, event: Key) -> None:
        field = self.focused
        if not isinstance(field, Input) or field.id != "themes":
            return
        if event.key == "backspace" and not field.value and self.themes:
            self.themes.pop()
            self._show_chips()
            event.stop()
            event.prevent_default()

    def _entered(self, field: Input) -> None:
        """Enter in Source or Themes (see `_source_entered`); in Themes it takes the typed
        theme, and saves when the field is empty."""
        if field.id == "source":
            self._source_entered(field)
        elif not self._take(field):
            self.action_save()

    def _source_entered(self, field: Input) -> None:
        """Enter in Source takes the name (the highlighted suggestion, as Tab does) and goes
        on to Themes: typing after it never glues a theme onto the source. The finder's
        uncertain speaker the dialog was opened to check (accept on a "?"), untouched, is
        saved by Enter as it stands (the keys line says so); an empty Source of a quotation
        whose speaker is unknown asks once, and Enter then saves it without one."""
        untouched = (
            self.request.confirming
            and bool(self.request.source)
            and field.value == self.request.source
            and not self._source_typed
        )
        if self._asked_for_source or untouched:
            self.action_save()
            return
        if self.request.unknown_speaker and not clean_name(field.value):
            self._ask_for_source()  # the speaker nobody named: ask before going on
            return
        self._take(field)
        self.set_focus(self.query_one("#themes", Input))  # at once: the next key goes there

    class _NextAfterTyping(Message):
        """Tab, sent through the focused field as Ctrl+S is (`_SaveAfterTyping`): "polic",
        then "y" and Tab at once, took "police" and put "y" in a theme of its own."""

        def __init__(self, field: Input) -> None:
            super().__init__()
            self.field = field

    def action_next_field(self) -> None:
        field = self.focused
        if isinstance(field, Input):
            field.post_message(self._NextAfterTyping(field))
        else:
            self.focus_next()

    @on(_NextAfterTyping)
    def _next_after_typing(self, message: _NextAfterTyping) -> None:
        message.stop()
        if not self.is_current or self.focused is not message.field:
            return  # (saved and gone, or moved on by a key before it)
        self._take(message.field)
        self.focus_next()

    def action_switch_kind(self) -> None:
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self._show_kind()

    class _SaveAfterTyping(Message):
        """Ctrl+S, sent through the focused field: it reaches the dialog after the keys
        typed before it, which a priority key overtakes (the note typed then Ctrl+S at once
        was saved without them)."""

    def action_save(self) -> None:
        if self.focused is not None:
            self.focused.post_message(self._SaveAfterTyping())
        else:
            self._save()

    @on(_SaveAfterTyping)
    def _save_after_typing(self, message: _SaveAfterTyping) -> None:
        message.stop()
        if self.is_current:  # (a second Ctrl+S, the dialog saved and gone already)
            self._save()

    def _save(self) -> None:
        self._take(self.query_one("#source", Input))  # the highlighted name, as Enter would
        source = clean_name(self.query_one("#source", Input).value)
        pending = clean_name(self.query_one("#themes", Input).value)
        if pending:  # typed but not yet a chip: take it as shown
            field = self.query_one("#themes", Input)
            if not self._take(field):
                self._take_theme(pending)
        if not source and self.request.unknown_speaker and not self._asked_for_source:
            self._ask_for_source()
            return
        note = self.query_one("#note", TextArea).text.strip()
        self.dismiss(TagResult(source or None, list(self.themes), note, self.kind))

    def _ask_for_source(self) -> None:
        """A quotation whose speaker is unknown, about to be saved with no source: say so
        once, beside "Source"; the same key again saves it so."""
        self._asked_for_source = True
        self.query_one("#source-mark", Static).update(
            Content.styled(
                "no source: type who said it, or enter again to save without", "$warning"
            )
        )
        self.query_one("#source", Input).focus()
        self._show_hint()

    def action_cancel(self) -> None:
        self.dismiss(None)
