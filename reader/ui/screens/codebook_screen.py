"""The codebook: every source and theme with its quotes and articles, and changing them.

`r` renames (all its annotations follow), space marks and `m` merges the marked names into
one, `d` deletes a name from every annotation (after asking), `e` gives a description
("criminologist, Mount Royal University"), `c` a theme's colour, `1`-`9` puts a theme on
that quick key (the theme that had it gives it up) and `0` takes it off. Every change to
annotations is one undo step (`u`, here or in the article). Enter lists the quotes of the
name; j/k and the arrows move.
Themes nest one level with "/": a parent's counts include its children's quotes.
`/` finds names: the table keeps the names that hold every word typed (each word the
beginning of one of the name's words, any case); marks stay on names the table leaves out,
so two names found one after the other can be merged. Esc in the field clears it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color, ColorParseError
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.events import Key
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from reader.annotations.agreement import coders_of
from reader.annotations.codebook_edits import SOURCE, THEME, apply_delete, apply_rename
from reader.annotations.history import Edit
from reader.annotations.query import tokens, whole_name
from reader.annotations.stats import NO_SOURCE, NO_THEME, Count, by_source, by_theme
from reader.core.codebook import fold_name, name_key, theme_colour
from reader.core.coders import shown_coder
from reader.core.records import Theme
from reader.core.text import clean_line, printable, shorten
from reader.core.wording import plural
from reader.ui.dialogs.prompt_dialog import ConfirmDialog, PromptDialog
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.ordered_input import OrderedInput

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

# The table fits the screen: a name takes at most NAME_ROOM columns (below / from WIDE),
# the description what is left beside the other columns (FIXED: their widths with each
# cell's padding, the box's padding and the scroll bar, 2 when the rows overflow); what is cut ends in "…" and the
# line under the table shows the highlighted entry whole. (At 80 columns the description
# column was pushed off the screen, with no sign of it.)
NAME_ROOM, WIDE, FIXED, MIN_DESCRIPTION = (28, 48), 100, 42, 8


def description_room(width: int, name_width: int) -> int:
    """The columns left for the description on a screen `width` wide."""
    return max(MIN_DESCRIPTION, width - FIXED - name_width)


MERGE_LISTED = 6  # names a merge's question lists (the rest counted): it is one line or two


class CodebookScreen(TypeAhead, Screen[None]):
    """Sources and themes with counts; rename, merge, delete, describe, colour."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="codebook.back"),
        Binding("slash", "find", "Find a name", id="codebook.find"),
        Binding("j", "move(1)", "Down", show=False, id="codebook.down"),
        Binding("k", "move(-1)", "Up", show=False, id="codebook.up"),
        Binding("g,home", "ends(0)", "First", show=False, id="codebook.first"),
        Binding("G,end", "ends(1)", "Last", show=False, id="codebook.last"),
        Binding("r", "rename", "Rename", id="codebook.rename"),
        Binding("space", "mark", "Mark", id="codebook.mark"),
        Binding("m", "merge", "Merge marked", id="codebook.merge"),
        Binding("d", "delete", "Delete", id="codebook.delete"),
        Binding("e", "describe", "Description", id="codebook.describe"),
        Binding("a", "add('theme')", "Add theme", id="codebook.add_theme"),
        Binding("A", "add('source')", "Add source", id="codebook.add_source"),
        Binding("c", "colour", "Colour", id="codebook.colour"),
        Binding("u", "undo", "Undo", id="codebook.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="codebook.redo"),
        *[
            Binding(str(n), f"quick_key({n})", f"Quick key {n}", show=False, id=f"codebook.key_{n}")
            for n in range(10)
        ],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: set[tuple[str, str]] = set()
        self.rows: list[tuple[str, str]] = []
        self.quotes: dict[tuple[str, str], int] = {}  # (kind, name) -> number of quotes
        self._follow: tuple[str, str] | None = None  # the row to keep the cursor on (renamed)
        self._whole: dict[int, str] = {}  # row -> its name and description, where cut
        self._filled_width = 0  # the screen's width when the table was last built
        self.finding = ""  # what `/` keeps: the names holding these words
        # names renamed or merged under the find, shown though it no longer finds them
        self._kept_in_sight: set[tuple[str, str]] = set()
        self.names: dict[tuple[str, str], str] = {}  # every name, shown or not, by its key
        self._counts: tuple[list[Count], list[Count]] | None = None  # sources', themes'
        self._counted_usage: tuple[dict[str, int], dict[str, int]] = ({}, {})

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="codebook-box"):
            yield Static("", id="codebook-summary")
            yield OrderedInput(placeholder="find a name: words it begins", id="codebook-find")
            yield DataTable(id="codebook-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="codebook-detail")
        yield ReaderFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(" ", "kind", "name", "key", "quotes", "articles", "description")
        self.query_one("#codebook-find", Input).display = False
        self.fill()
        table.focus()

    def fill(self, recount: bool = True) -> None:
        """(Re)build the table from the store, keeping the cursor on the same name;
        without `recount`, from the counts made last (a key typed in the find field: the
        counts of 100,000 annotations took 0.3 s a key)."""
        store = self.reader.store
        usage = (store.source_usage(), store.theme_usage())  # (what changes when counts do)
        if recount or self._counts is None or usage != self._counted_usage:
            annotations = store.annotations()
            self._counts = (by_source(annotations), by_theme(annotations, True))
            self._counted_usage = usage
        source_counts, theme_counts = self._counts
        sources = {name_key(s.name): s for s in store.sources()}
        themes = {name_key(t.name): t for t in store.themes()}
        table = self.query_one(DataTable)
        current = self._follow or (
            self.rows[table.cursor_row] if self.rows and table.cursor_row < len(self.rows) else None
        )
        self._follow = None
        row = table.cursor_row
        table.clear()
        self.names = {}
        self.rows = []
        self._whole = {}
        width = self._filled_width = self.app.size.width
        name_room = NAME_ROOM[0] if width < WIDE else NAME_ROOM[1]
        entries = []
        for kind, counts in (
            (SOURCE, source_counts),
            (THEME, theme_counts),
        ):
            named = {name_key(count.name) for count in counts}
            unused = [  # set up before any annotation uses them: in the table, at 0
                Count(entry.name, 0, 0)
                for entry in (sources if kind == SOURCE else themes).values()
                if name_key(entry.name) not in named
            ]
            for count in [*counts, *unused]:
                if count.name in (NO_SOURCE, NO_THEME):
                    continue
                self.names[(kind, name_key(count.name))] = count.name  # (shown or not)
                self.quotes[(kind, count.name)] = count.annotations
                if (
                    not _found(self.finding, count.name)
                    and (kind, name_key(count.name)) not in self._kept_in_sight
                ):
                    continue
                entry = (
                    sources.get(name_key(count.name))
                    if kind == SOURCE
                    else themes.get(name_key(count.name))
                )
                entries.append((kind, count, entry))
        shown = [shorten(printable(c.name), name_room - 2 * (k == THEME)) for k, c, _ in entries]
        name_width = max(
            (len(n) + 2 * (k == THEME) for n, (k, _, _) in zip(shown, entries, strict=True)),
            default=4,
        )
        room = description_room(width, name_width)
        for (kind, count, entry), name in zip(entries, shown, strict=True):
            description = printable(entry.description) if entry else ""
            label = Text(name)
            if kind == THEME:
                chosen = entry.colour if isinstance(entry, Theme) else ""
                colour = chosen or theme_colour(count.name)
                label = Text("■ ", style=colour) + Text(name)
            mark = "●" if (kind, name_key(count.name)) in self.marked else " "
            key = entry.key if isinstance(entry, Theme) and entry.key else ""
            cut = shorten(description, room)
            if cut != clean_line(description) or name != clean_line(printable(count.name)):
                self._whole[len(self.rows)] = " — ".join(
                    part for part in (printable(count.name), clean_line(description)) if part
                )
            table.add_row(  # Text cells: a str cell would be read as markup
                Text(mark),
                Text(kind),
                label,
                Text(str(key), style="bold"),
                Text(str(count.annotations)),
                Text(str(count.articles)),
                Text(cut),
            )
            self.rows.append((kind, count.name))
            self.quotes[(kind, count.name)] = count.annotations
        self._say_summary()
        keys = [(k, name_key(n)) for k, n in self.rows]
        if current is not None and (current[0], name_key(current[1])) in keys:
            table.move_cursor(row=keys.index((current[0], name_key(current[1]))))
        elif self.rows and not recount:  # a find left its name out: to the first found
            table.move_cursor(row=0)
        elif self.rows:  # its name went (an undone rename): the same row, not the top
            table.move_cursor(row=min(row, len(self.rows) - 1))
        self._show_whole(table.cursor_row)

    def _say_summary(self) -> None:
        """The line over the table: what it holds, what is found and marked, the keys."""
        sources_n = sum(1 for k, _ in self.rows if k == SOURCE)
        themes_n = len(self.rows) - sources_n
        found = f" found by “{printable(self.finding)}” (esc in it: all)" if self.finding else ""
        if self.marked:  # (marks a find leaves out are counted: a merge takes them too)
            shown = {(k, name_key(n)) for k, n in self.rows}
            out = sum(1 for key in self.marked if key not in shown)
            found += f" · {len(self.marked)} marked" + (f", {out} not shown" if out else "")
        self.query_one("#codebook-summary", Static).update(
            f"Codebook: {plural(sources_n, 'source')}, {plural(themes_n, 'theme')}{found} · "
            "/ find · enter its quotes · r rename · space mark (and down), m merge · "
            "d delete · e description · c colour · 1-9 quick key, 0 none · a/A add theme/source · "
            "u undo"
        )

    def on_resize(self) -> None:
        # Laid out again for a new width only: the resize every screen gets once mounted
        # had built the table twice (a codebook of 50,000 themes took twice 10 s to open).
        if self.query_one(DataTable).columns and self.app.size.width != self._filled_width:
            self.fill()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_whole(event.cursor_row)

    def _show_whole(self, row: int) -> None:
        """Under the table, the highlighted entry's name and description when the table
        shows them cut."""
        detail = self.query_one("#codebook-detail", Static)
        whole = self._whole.get(row, "")
        detail.update(Text(whole))
        detail.display = bool(self._whole)  # one line kept while any is cut: no jumping

    # --- the row under the cursor ---
    def _nothing_here(self) -> None:
        """A key that acts on a name, with no name in the table: say so (a description
        typed on an empty table ran as commands, `u` undoing a merge with no word but a
        toast)."""
        where = " found by this find (/ then esc shows every name)" if self.finding else ""
        self.notify(f"No name here{where}: nothing was changed", severity="warning", timeout=4)

    def _current(self) -> tuple[str, str] | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def action_back(self) -> None:
        self.dismiss(None)

    # --- finding a name ---
    def action_find(self) -> None:
        """Show the find field (846 sources were a hundred `j` away from the one sought)."""
        field = self.query_one("#codebook-find", Input)
        field.display = True
        # Focused in this key's own turn (`focus()` waits for the next): the keys typed at
        # once after `/` are the field's, never the codebook's (a digit set a quick key,
        # `d` asked to delete).
        self.set_focus(field)

    @on(Input.Changed, "#codebook-find")
    def _finding(self, event: Input.Changed) -> None:
        self.finding = " ".join(event.value.split())
        self._kept_in_sight.clear()
        self.fill(recount=False)

    @on(Input.Submitted, "#codebook-find")
    def _found_it(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()  # (the names found stay; `/` again changes them)

    def on_key(self, event: Key) -> None:
        """Esc in the find field clears it and shows every name again; down goes to them."""
        field = self.query_one("#codebook-find", Input)
        if not field.has_focus:
            return
        if event.key == "escape":
            event.stop()
            field.value = ""
            field.display = False
            self.query_one(DataTable).focus()
        elif event.key == "down":
            event.stop()
            self.query_one(DataTable).focus()

    def action_mark(self) -> None:
        current = self._current()
        if current is None:
            self._nothing_here()
            return
        key = (current[0], name_key(current[1]))
        self.marked ^= {key}
        self._say_summary()
        table = self.query_one(DataTable)
        table.update_cell_at(
            Coordinate(table.cursor_row, 0), Text("●" if key in self.marked else " ")
        )
        table.move_cursor(row=min(table.cursor_row + 1, len(self.rows) - 1))

    def action_rename(self) -> None:
        current = self._current()
        if current is None:
            self._nothing_here()
            return
        kind, name = current

        def rename(new: str, merging: bool) -> None:
            self._follow = (kind, new)  # the cursor stays on the name, renamed
            self._kept_in_sight.add((kind, name_key(new)))  # (found by the find or not)
            self._change(
                partial(apply_rename, self.reader.history, kind, [name], new),
                f"Merged “{name}” into “{new}”" if merging else f"Renamed “{name}” to “{new}”",
            )

        def renamed(new: str | None) -> None:
            if not new or new == name:
                return
            if kind == THEME and name_key(new).startswith(name_key(name) + "/"):
                # ("policing" into its own "policing/oversight" made
                # "policing/oversight/oversight", three levels where themes nest one)
                self.notify(
                    f"“{name}” cannot go under itself: its themes would nest twice",
                    severity="warning",
                    timeout=5,
                )
                return
            existing = self.names.get((kind, name_key(new)))
            if existing is None:  # "amelie cote" for Amélie Côté: a merge too, as `a` refuses it
                existing = next(
                    (
                        n
                        for (k, _), n in self.names.items()
                        if k == kind and fold_name(n) == fold_name(new) and n != name
                    ),
                    None,
                )
            if existing is None or name_key(new) == name_key(name):
                rename(new, False)
                return
            # (a name the codebook holds: a merge, which `m` asks about and a rename did
            # not; the notice gave the name as typed, "derek vasquez")
            count = self.quotes.get((kind, existing), 0)
            mine = self.quotes.get((kind, name), 0)

            def confirmed(yes: bool | None) -> None:
                if yes:
                    rename(existing, True)

            self.app.push_screen(
                ConfirmDialog(
                    f"Merge into “{existing}”",
                    f"“{existing}” is in the codebook ({plural(count, 'annotation')}). Merge the "
                    f"{plural(mine, 'annotation')} of “{name}” into it?",
                ),
                confirmed,
            )

        self.app.push_screen(
            PromptDialog(f"Rename {kind}", f"New name for “{name}”", name), renamed
        )

    def action_merge(self) -> None:
        current = self._current()
        # (every name marked, shown or not: marked under one find, then another, they merge)
        marked = sorted(key for key in self.marked if key in self.names)
        names = [self.names[key] for key in marked]
        kinds = {kind for kind, _ in marked}
        if (
            len(names) == 1
            and current is not None
            and (current[0], name_key(current[1])) not in self.marked
        ):
            # one marked, the cursor on another: those two (with two or more marked, only
            # they: space moves the cursor on, to a row nobody chose)
            names.append(current[1])
            kinds.add(current[0])
        shown = {(kind, name_key(name)) for kind, name in self.rows}
        hidden = sum(1 for key in marked if key not in shown)
        out_of_sight = f" ({hidden} not shown by this find)" if hidden else ""
        if len(kinds) > 1:
            sources = sum(1 for kind, _ in marked if kind == SOURCE)
            self.notify(
                f"Marked: {plural(sources, 'source')} and {plural(len(marked) - sources, 'theme')}"
                f"{out_of_sight}; a merge takes one kind: space on a marked name unmarks it",
                severity="warning",
                timeout=6,
            )
            return
        if len(names) < 2:
            self.notify(
                "Mark two or more sources (or themes) with space, then m", severity="warning"
            )
            return
        kind = kinds.pop()
        names.sort(key=lambda n: -self.quotes.get((kind, n), 0))  # the most quoted first
        listed = ", ".join(f"“{clean_line(n)}”" for n in names[:MERGE_LISTED])
        if len(names) > MERGE_LISTED:
            listed += f" and {len(names) - MERGE_LISTED} more"

        def merged(new: str | None) -> None:
            if new:
                self.marked.clear()
                self._follow = (kind, new)
                self._kept_in_sight.add((kind, name_key(new)))
                self._change(
                    partial(apply_rename, self.reader.history, kind, names, new),
                    f"Merged {len(names)} {kind}s into “{new}”",
                )

        self.app.push_screen(
            PromptDialog(
                f"Merge {len(names)} {kind}s{out_of_sight}",
                # the marked ones named, those out of sight said: a mark left on the wrong
                # row, or under an earlier find, shows here before anything changes
                f"Merging {listed}{out_of_sight}.\nInto (one of them, or a new name):",
                names[0],
            ),
            merged,
        )

    def action_delete(self) -> None:
        current = self._current()
        if current is None:
            self._nothing_here()
            return
        kind, name = current
        count = self.quotes.get(current, 0)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._change(
                    partial(apply_delete, self.reader.history, kind, name),
                    f"Deleted “{name}”",
                )

        question = (
            f"Take the {kind} “{name}” off its {plural(count, 'annotation')}? The quotes stay."
        )
        self.app.push_screen(ConfirmDialog(f"Delete {kind}", question), confirmed)

    def action_describe(self) -> None:
        current = self._current()
        if current is None:
            self._nothing_here()
            return
        kind, name = current
        store = self.reader.store
        entry = next(
            (
                s
                for s in (store.sources() if kind == SOURCE else store.themes())
                if name_key(s.name) == name_key(name)
            ),
            None,
        )

        def described(text: str | None) -> None:
            if text is None:
                return
            update = store.update_source if kind == SOURCE else store.update_theme
            self.reader.save(
                partial(
                    self.reader.history.change_codebook,
                    f"description of {kind} {name}",
                    partial(update, name, description=text),
                ),
                lambda _: self._coloured(),
            )

        self.app.push_screen(
            PromptDialog(
                f"Describe {kind}",
                f"Description of “{name}”",
                entry.description if entry else "",
                "criminologist, Mount Royal University" if kind == SOURCE else "what it covers",
            ),
            described,
        )

    def action_add(self, kind: str) -> None:
        """A theme or source put in the codebook before it is used: a study sets up its
        codebook first (a theme takes the next free quick key, so `1`-`9` code with it)."""
        store = self.reader.store

        def added(text: str | None) -> None:
            if text is None or not text.strip():
                return
            names = [e.name for e in (store.sources() if kind == SOURCE else store.themes())]
            twin = next((n for n in names if fold_name(n) == fold_name(text)), None)
            if twin is not None:  # (accents, apostrophes and case aside: "Amelie Cote")
                self.notify(f"The codebook has “{printable(twin)}” already", timeout=3)
                return
            made: list[str] = []

            def add() -> None:
                name = store.add_to_codebook(kind, text)
                if name:
                    made.append(name)

            def saved(_: Edit | None) -> None:
                if not made:
                    return
                self._follow = (kind, made[0])
                self.fill()
                self.reader.main.refresh_quick_themes()
                theme = store.theme(made[0]) if kind == THEME else None
                key = f" on quick key {theme.key}" if theme is not None and theme.key else ""
                self.notify(f"Added {kind} “{printable(made[0])}”{key} · u undoes", timeout=3)

            self.reader.save(
                partial(self.reader.history.change_codebook, f"add {kind} {text.strip()}", add),
                saved,
            )

        self.app.push_screen(
            PromptDialog(
                f"Add a {kind}",
                f"New {kind} for the codebook"
                + (" (parent/child nests it)" if kind == THEME else ""),
                "",
                "housing/affordability" if kind == THEME else "Doug King",
            ),
            added,
        )

    def action_colour(self) -> None:
        current = self._current()
        if current is None or current[0] != THEME:
            self.notify("Colours are for themes", severity="warning")
            return
        name = current[1]
        theme = self.reader.store.theme(name)
        value = (theme.colour if theme else "") or theme_colour(name)

        def coloured(text: str | None) -> None:
            if not text:
                return
            try:
                colour = Color.parse(text).hex6
            except ColorParseError:
                self.notify(f"“{text}” is not a colour: try #e07a5f or teal", severity="error")
                return
            self.reader.save(
                partial(
                    self.reader.history.change_codebook,
                    f"colour of theme {name}",
                    partial(self.reader.store.update_theme, name, colour=colour),
                ),
                lambda _: self._coloured(),
            )

        self.app.push_screen(
            PromptDialog("Theme colour", f"Colour of “{name}” (#rrggbb or a name)", value), coloured
        )

    def _coloured(self) -> None:
        """After a colour or a description: the table and the article's annotations show it."""
        self.fill()
        self.reader.main.refresh_annotations()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_ends(self, last: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=len(self.rows) - 1 if last else 0)

    def action_quick_key(self, key: int) -> None:
        current = self._current()
        if current is None or current[0] != THEME:
            self.notify("Quick keys are for themes: put the cursor on a theme", severity="warning")
            return
        name = current[1]
        self._follow = current
        done = f"“{name}” is on key {key}" if key else f"“{name}” has no quick key now"

        def saved(_: Edit | None) -> None:
            self.notify(done, timeout=3)
            self.fill()
            self.reader.main.refresh_quick_themes()

        self.reader.save(
            partial(
                self.reader.history.change_codebook,
                f"quick key of theme {name}",
                partial(self.reader.store.set_theme_key, name, key),
            ),
            saved,
        )

    def action_undo(self) -> None:
        history = self.reader.history
        self.reader.save(history.undo, self._undone)

    def action_redo(self) -> None:
        self.reader.save(self.reader.history.redo, self._redone)

    def _undone(self, edit: Edit | None) -> None:
        self.notify(f"Undid {edit.step or edit.label}" if edit else "Nothing to undo", timeout=3)
        self._shown_again()

    def _redone(self, edit: Edit | None) -> None:
        self.notify(f"Redid {edit.step or edit.label}" if edit else "Nothing to redo", timeout=3)
        self._shown_again()

    def _shown_again(self) -> None:
        """The table and the article's panes, after undo or redo changed names."""
        self.fill()
        self.reader.main.refresh_annotations()
        self.reader.main.refresh_quick_themes()

    def _change(self, operation: partial[list[Edit]], message: str) -> None:
        def done(edits: list[Edit]) -> None:
            changed = plural(len(edits), "annotation")
            coders = coders_of(e.annotation for e in edits if e.annotation is not None)
            if len(coders) > 1:  # a team's merged database: say whose were changed too
                changed += f" ({', '.join(f'{shown_coder(n)} {c}' for n, c in coders)})"
            self.notify(f"{message}: {changed} · u undoes it", timeout=5)
            self.fill()
            self.reader.main.refresh_annotations()
            self.reader.main.refresh_library()

        self.reader.save(operation, done)

    def action_quotes(self) -> None:
        current = self._current()
        if current is not None:
            kind, name = current
            self.reader.search_for(f"{kind}:={whole_name(name)}")  # (the whole name)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_quotes()


def _found(finding: str, name: str) -> bool:
    """Whether each word of `finding` begins a word of `name` ("t blair" finds "T. Blair"
    and "Tony Blair"; "blair" both; "claude" Jean-Claude Juncker): words as search reads
    them (`query.tokens`: without case, accents or marks, cut at hyphens and slashes)."""
    words = tokens(name)
    return all(any(word.startswith(part) for word in words) for part in tokens(finding))
