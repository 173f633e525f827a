"""Analysis: who is quoted on what, as a heat map, bar charts and a cross-article list.

Five tabs (`1`-`5` or the arrow keys on the tab bar): the source x theme matrix, its cells
coloured by count; quotes per source and per theme as bars; the sources quoted in several
articles; and the agreement of two coders (`reader agree`'s table: kappa per source and
theme, lowest first; the coders are you and the other coder with the most annotations, or
the two with the most). Enter on a cell, bar or row lists those quotes (the search screen, with the
matching filter), and enter there opens the article at the quote. `e` writes the table on
screen as CSV and Markdown files in the current folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from reader.annotations.agreement import COLUMNS, Comparison, data_rows, summary_lines
from reader.annotations.query import whole_name
from reader.annotations.stats import (
    NO_SOURCE,
    NO_THEME,
    Count,
    Matrix,
    counts_table,
    csv_chunks,
    markdown_chunks,
    matrix_rows,
    overview,
)
from reader.core.coders import shown_coder
from reader.core.collector import collector_paused
from reader.core.text import printable
from reader.core.wording import plural
from reader.interchange.output import export_folder
from reader.reading.comparing import compare_library, next_coder, pick_coders
from reader.storage.atomic import write_atomically
from reader.ui.threads import answer_from_thread
from reader.ui.widgets.footer import ReaderFooter

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

BAR_WIDTH = 40
# A bar's line fits the screen (at 80 columns "(1 art.)" went onto a line of its own): the
# name takes at most NAME_WIDTH columns, a third of the screen when narrower; the bar what
# is left beside the name, the count and the articles (BAR_FRAME: the list's padding, its
# scroll bar and the margins).
NAME_WIDTH, BAR_FRAME, MIN_BAR = 30, 6, 4


def bar_widths(screen_width: int, counts: list[Count]) -> tuple[int, int]:
    """The name column's width and the longest bar's, for these counts on this screen."""
    # (in cells, not characters: 小池百合子 takes ten columns, not five)
    name = min(max((cell_len(c.name) for c in counts), default=10), NAME_WIDTH, screen_width // 3)
    tail = max((cell_len(_tail(c)) for c in counts), default=0)
    room = screen_width - BAR_FRAME - name - 2 - tail
    return name, max(MIN_BAR, min(BAR_WIDTH, room))


def _tail(count: Count) -> str:
    return f" {count.annotations}  ({count.articles} art.)"


MAX_MATRIX_COLUMNS = 30  # the most used themes; the CSV export has them all


def _query(source: str | None, theme: str | None) -> str:
    """The search that lists what a cell or a bar counts: the whole names (`source:=`),
    not every name holding their words ("Trump" listed Donald and Ivanka Trump too)."""
    parts = []
    if source:
        parts.append('source:""' if source == NO_SOURCE else f"source:={whole_name(source)}")
    if theme:
        parts.append('theme:""' if theme == NO_THEME else f"theme:={whole_name(theme)}")
    return " ".join(parts)


class AnalysisScreen(Screen[None]):
    """The matrix, the bars and the cross-article sources of every annotation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="analysis.back"),
        Binding("1", "tab('matrix')", "Matrix", id="analysis.matrix"),
        Binding("2", "tab('sources')", "Sources", id="analysis.sources"),
        Binding("3", "tab('themes')", "Themes", id="analysis.themes"),
        Binding("4", "tab('across')", "Across articles", id="analysis.across"),
        Binding("5", "tab('agreement')", "Agreement", id="analysis.agreement"),
        Binding("e", "export", "Export table", id="analysis.export"),
        Binding("o", "next_coder", "Next coder as B", id="analysis.next_coder"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.grid = Matrix([], [], {}, {})
        self.sources: list[Count] = []
        self.themes: list[Count] = []
        self.across: list[Count] = []
        self.total = 0
        self.comparison: Comparison | None = None
        self._comparing = False  # the comparison was begun (when its tab was first shown)
        self._compared = False  # and answered
        self._next: str | None = None  # the coder `o` compares with next
        self._on_agreement_tab = False
        self.ready = False  # the counts are made in a worker; the screen shows at once

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("Counting…", id="analysis-summary", markup=False)
        with TabbedContent(id="analysis-tabs"):
            with TabPane("Source × theme", id="matrix"):
                yield DataTable(id="matrix-table", cursor_type="cell")
            with TabPane("Per source", id="sources"):
                yield OptionList(id="source-bars")
            with TabPane("Per theme", id="themes"):
                yield OptionList(id="theme-bars")
            with TabPane("Across articles", id="across"):
                yield OptionList(id="across-list")
            with TabPane("Agreement", id="agreement"):
                yield Static("Comparing coders…", id="agreement-summary", markup=False)
                yield DataTable(id="agreement-table", cursor_type="row")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.query_one("#matrix-table", DataTable).focus()
        self.count_in_background()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """The coders are compared when their tab is first shown: at every open, the
        comparison (1.2 s of three coders' 4,800 annotations) held the interpreter beside
        the counts, which came late (a researcher's finding)."""
        self._on_agreement_tab = event.pane.id == "agreement"
        self.refresh_bindings()
        if event.pane.id == "agreement" and not self._comparing:
            self._comparing = True
            self.compare_in_background()

    @work(thread=True, exclusive=True, group="agreement", description="agreement")
    def compare_in_background(self, other: str | None = None) -> None:
        """The agreement of you (or the coder with the most annotations) and `other`, or
        the other coder with the most annotations."""
        store = self.reader.store
        every = store.annotations()
        coders = pick_coders(every, self.reader.coder, other)
        if coders is None:
            answer_from_thread(self, self._show_agreement, None, None)
            return
        comparison, _ = compare_library(store, self.reader.library, *coders)
        answer_from_thread(self, self._show_agreement, comparison, next_coder(every, *coders))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_coder":  # (a key of the agreement tab, with a third coder)
            return self._next is not None and self._on_agreement_tab
        return True

    def action_next_coder(self) -> None:
        """`o`: the agreement of A with the next other coder (three coders or more)."""
        if self._next is None or not self._compared:
            return
        self._compared = False
        self.query_one("#agreement-summary", Static).update(
            f"Comparing with {shown_coder(self._next)}…"
        )
        self.query_one("#agreement-table", DataTable).clear(columns=True)
        self.compare_in_background(self._next)

    def _show_agreement(self, comparison: Comparison | None, following: str | None) -> None:
        self.comparison = comparison
        self._next = following
        self._compared = True
        self.refresh_bindings()
        summary = self.query_one("#agreement-summary", Static)
        table = self.query_one("#agreement-table", DataTable)
        if comparison is None:
            summary.update(
                "Only one coder has tagged this library: agreement needs two. Each coder "
                "works in their own copy; reader import brings another coder's reader.json in."
            )
            return
        a, b = shown_coder(comparison.coder_a), shown_coder(comparison.coder_b)
        pairs = comparison.pairs
        share = comparison.source_share
        same = f"{share * 100:.0f}%" if share is not None else "n/a"
        summary.update(
            f"A {a} and B {b} · {plural(len(comparison.articles), 'article')} both coded · "
            f"{plural(pairs, 'quotation')} both tagged, same source in {same} · codes both "
            "used first, lowest kappa first"
            " · agreement counts text neither coded; kappa discounts chance"
            + (f" · o: {shown_coder(following)} as B" if following is not None else "")
        )
        for column in COLUMNS:
            table.add_column(column, key=column)
        for cells in self._agreement_rows()[1:]:
            table.add_row(Text(printable(cells[0]), style="bold"), *cells[1:])
        table.fixed_columns = 1  # the code's name stays when the figures scroll sideways

    @work(thread=True, exclusive=True, group="analysis")
    def count_in_background(self) -> None:
        # Not frozen: the counts go with the screen (and a freeze now would keep the open
        # screen's widgets for good once it closes).
        with collector_paused():
            made = overview(self.reader.store.annotations())
        answer_from_thread(
            self, self._show, made.grid, made.sources, made.themes, made.across, made.total
        )

    def _show(
        self,
        grid: Matrix,
        sources: list[Count],
        themes: list[Count],
        across: list[Count],
        total: int,
    ) -> None:
        self.grid, self.sources, self.themes, self.across, self.total = (
            grid,
            sources,
            themes,
            across,
            total,
        )
        named_sources = sum(1 for c in sources if c.name != NO_SOURCE)
        named_themes = sum(1 for c in themes if c.name != NO_THEME)  # as the codebook counts
        self.query_one("#analysis-summary", Static).update(
            f"{plural(total, 'annotation', digits=',')} · {plural(named_sources, 'source')} · "
            f"{plural(named_themes, 'theme')} "
            "· enter lists the quotes · e exports the table · 1-5 tabs"
        )
        self._fill_matrix()
        self._fill_bars()
        listing = self.query_one("#across-list", OptionList)
        if self.across:
            listing.add_options(
                Option(
                    Content.assemble(
                        (c.name, "bold"),
                        f"  {plural(c.articles, 'article')} · {plural(c.annotations, 'quote')}",
                    ),
                    id=f"source\x1f{c.name}",
                )
                for c in self.across
            )
        else:
            listing.add_option(
                Option("No source is quoted in more than one article yet", disabled=True)
            )
        self.ready = True

    def _fill_matrix(self) -> None:
        table = self.query_one("#matrix-table", DataTable)
        grid = self.grid
        themes = grid.themes[:MAX_MATRIX_COLUMNS]
        table.add_column("source", key="source")
        for theme in themes:
            table.add_column(Text(printable(theme)), key=f"theme\x1f{theme}")
        table.add_column("quotes", key="quotes")
        largest = max(grid.largest, 1)
        base = Color.parse("#1e1e2e")
        hot = Color.parse("#e07a5f")
        styles: dict[int, str] = {}
        rows = []
        for source in grid.sources:
            cells: list[Text | str] = [Text(printable(source), style="bold")]
            for theme in themes:
                count = grid.count(source, theme)
                if not count:
                    cells.append("·")
                    continue
                if count not in styles:  # one style per count value: the heat of the cell
                    heat = base.blend(hot, 0.25 + 0.75 * count / largest)
                    ink = "black" if heat.brightness > 0.5 else "white"
                    styles[count] = f"bold {ink} on {heat.hex}"
                cells.append(Text(f" {count} ", style=styles[count], justify="right"))
            cells.append(str(grid.quotes[source]))
            rows.append(cells)
        table.add_rows(rows)
        table.fixed_columns = 1

    def _fill_bars(self) -> None:
        """The per-source and per-theme bars, sized to the screen."""
        for selector, counts, kind in (
            ("#source-bars", self.sources, "source"),
            ("#theme-bars", self.themes, "theme"),
        ):
            listing = self.query_one(selector, OptionList)
            highlighted = listing.highlighted
            listing.set_options(self._bars(counts, kind, self.app.size.width))
            listing.highlighted = highlighted

    def on_resize(self) -> None:
        if self.query_one("#source-bars", OptionList).option_count:
            self._fill_bars()

    @staticmethod
    def _bars(counts: list[Count], kind: str, screen_width: int) -> list[Option]:
        largest = max((c.annotations for c in counts), default=1)
        width, longest = bar_widths(screen_width, counts)
        options = []
        for count in counts:
            length = max(1, round(longest * count.annotations / largest))
            name = (
                count.name
                if cell_len(count.name) <= width
                else set_cell_size(count.name, width - 1).rstrip() + "…"
            )
            prompt = Content.assemble(
                set_cell_size(name, width),  # (padded or cut to the column's cells)
                "  ",
                ("█" * length, "$accent"),
                f" {count.annotations}",
                (f"  ({count.articles} art.)", "dim"),
            )
            options.append(Option(prompt, id=f"{kind}\x1f{count.name}"))
        return options

    # --- actions ---
    def action_back(self) -> None:
        self.dismiss(None)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        widget = {
            "matrix": "#matrix-table",
            "sources": "#source-bars",
            "themes": "#theme-bars",
            "across": "#across-list",
            "agreement": "#agreement-table",
        }[tab]
        self.query_one(widget).focus()

    @on(DataTable.CellSelected, "#matrix-table")
    def _cell(self, event: DataTable.CellSelected) -> None:
        event.stop()
        row, column = event.coordinate.row, event.coordinate.column
        if row >= len(self.grid.sources):
            return
        themes = self.grid.themes[:MAX_MATRIX_COLUMNS]
        theme = themes[column - 1] if 1 <= column <= len(themes) else None
        query = _query(self.grid.sources[row], theme)
        if query:
            self.reader.search_for(query)

    @on(OptionList.OptionSelected)
    def _bar(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            kind, name = event.option.id.split("\x1f", 1)
            query = _query(name if kind == "source" else None, name if kind == "theme" else None)
            if query:
                self.reader.search_for(query)

    def _agreement_rows(self) -> list[list[str]]:
        rows = self.comparison.rows if self.comparison else []
        return [list(COLUMNS), *(row.cells() for row in rows)]

    def action_export(self) -> None:
        tab = self.query_one(TabbedContent).active or "matrix"
        # (not before the table is made: `5 e` typed at once wrote a header alone, and
        # said "Wrote")
        if tab == "agreement" and not self._compared:
            self.notify("Still comparing the coders: e once the table shows", timeout=4)
            return
        if tab == "agreement" and self.comparison is None:
            self.notify("Only one coder has tagged this library: no agreement to export")
            return
        if tab != "agreement" and not self.ready:
            self.notify("Still counting: e once the table shows", timeout=4)
            return
        shown: Callable[[], Iterable[list[str]]] | None = None
        if tab == "agreement" and self.comparison is not None:
            agreement = self._agreement_rows()  # (made once: the Markdown's, as on screen)
            figures = data_rows(self.comparison)  # (the CSV's: numbers, for R)
            rows: Callable[[], Iterable[list[str]]] = lambda: figures  # noqa: E731
            shown = lambda: agreement  # noqa: E731
        else:
            rows = {
                "matrix": lambda: matrix_rows(self.grid),
                "sources": lambda: counts_table(self.sources, "source"),
                "themes": lambda: counts_table(self.themes, "theme"),
                "across": lambda: counts_table(self.across, "source"),
            }[tab]
        stem = _new_stem(Path.cwd(), self.reader.library_folder, f"reader-{tab}-{date.today()}")
        self._write_export(stem, rows, shown)

    @work(thread=True, exclusive=True, group="analysis-export", description="export a table")
    def _write_export(
        self,
        stem: Path,
        rows: Callable[[], Iterable[list[str]]],
        shown: Callable[[], Iterable[list[str]]] | None = None,
    ) -> None:
        """Write the table as CSV and Markdown (`shown`, when it is not the CSV's rows), a
        piece at a time (a matrix of thousands of sources and themes is millions of cells:
        never all in memory, never on the UI thread)."""
        try:
            write_atomically(stem.with_suffix(".csv"), csv_chunks(rows()))
            text_columns = 2 if shown is not None else 1  # (the agreement's code and kind)
            heading, footer = "", []
            if shown is not None and self.comparison is not None:  # (who A and B are)
                footer = summary_lines(self.comparison)  # (as `reader agree` prints them)
                compared = self.comparison
                heading = (
                    f"A: {shown_coder(compared.coder_a) or 'no coder'} · B: "
                    f"{shown_coder(compared.coder_b) or 'no coder'} · "
                    f"{plural(len(compared.articles), 'article')} both coded · {date.today()}"
                )
            write_atomically(
                stem.with_suffix(".md"),
                markdown_chunks((shown or rows)(), text_columns, heading, footer),
            )
        except OSError as error:
            self.notify(f"{stem}: cannot write it ({error.strerror})", severity="error")
            return
        self.notify(f"Wrote {stem.name}.csv and .md in {stem.parent}", timeout=6)


def _new_stem(folder: Path, library: Path, name: str) -> Path:
    """Where the two files of an export of a table go: `folder`, unless it is inside the
    library (a .md there would become an article: the library's parent then), under a name
    no file has yet (`name`, `name-2`, ...): an export never replaces a file."""
    folder = export_folder(library, folder)
    stem, number = folder / name, 1
    while stem.with_suffix(".csv").exists() or stem.with_suffix(".md").exists():
        number += 1
        stem = folder / f"{name}-{number}"
    return stem
