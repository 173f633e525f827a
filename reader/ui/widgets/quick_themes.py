"""The quick-themes legend under the annotations: which number key applies which theme.

Entries are packed into lines by the widget's own width, so a line breaks between
entries ("1 public safety   2 sovereignty"), never inside one. When that takes more lines
than the legend has room for (`ROWS`), the entries go into columns and long names are cut
short with "…": every key stays on screen (the ninth had been cut off, and a user took its
key for a free one).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from reader.ui.styling import literal

GAP = "   "
ROWS = 6  # lines of entries under the title (the stylesheet's max-height less title and rule)


class QuickThemes(Widget):
    """Shows `1 theme  2 theme ...` in the themes' colours."""

    DEFAULT_CSS = "QuickThemes { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._themes: dict[int, str] = {}
        self._colours: dict[str, str] = {}

    def show(self, themes: dict[int, str], colours: dict[str, str]) -> None:
        """Show `themes` (number key -> theme) in their `colours`."""
        self._themes = dict(sorted(themes.items()))
        self._colours = dict(colours)
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[list[tuple[int, str]]]:
        lines: list[list[tuple[int, str]]] = [[]]
        used = 0
        for number, theme in self._themes.items():
            size = cell_len(f"{number} {theme}")
            if lines[-1] and used + len(GAP) + size > width:
                lines.append([])
                used = 0
            used += size + (len(GAP) if lines[-1] else 0)
            lines[-1].append((number, theme))
        if len(lines) <= ROWS and all(
            cell_len(f"{number} {theme}") <= width for number, theme in self._themes.items()
        ):
            return lines  # (an entry wider than the legend wraps, and pushed others out)
        entries = list(self._themes.items())
        columns = -(-len(entries) // ROWS)
        rows = -(-len(entries) // columns)
        cell = max(3, (width - len(GAP) * (columns - 1)) // columns)
        return [[(n, _fit(t, cell - 2)) for n, t in entries[row::rows]] for row in range(rows)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + (len(self._lines(width)) if self._themes else 1)

    def render(self) -> Content:
        title = Content.styled("Quick themes", "bold")
        if not self._themes:
            hint = Content.styled("new themes take keys 1-9", "dim")  # (fits a narrow pane)
            return Content.assemble(title, "\n", hint)
        rows: list[Content] = []
        for line in self._lines(max(1, self.size.width)):
            pieces = [
                Content.assemble(
                    Content.styled(str(number), "bold"),
                    " ",
                    literal(theme, self._colours.get(self._themes.get(number, theme), "")),
                )
                for number, theme in line
            ]
            rows.append(Content(GAP).join(pieces))
        return Content.assemble(title, "\n", Content("\n").join(rows))


def _fit(theme: str, cells: int) -> str:
    """`theme` in exactly `cells` terminal cells: ended by "…" when cut, padded with spaces
    when short (so the columns line up)."""
    if cell_len(theme) > cells:
        kept = ""
        for char in theme:
            if cell_len(kept + char) > cells - 1:
                break
            kept += char
        theme = kept.rstrip() + "…"
    return theme + " " * max(0, cells - cell_len(theme))
