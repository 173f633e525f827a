"""Counts over annotations: per source, theme and article, and the source x theme matrix.

Plain functions over a sequence of annotations (one pass each, so 100,000 annotations take
a fraction of a second). Names are grouped case-insensitively and shown in the spelling
first seen. A theme counts for itself only; `with_parents=True` also counts every
annotation of `policing/oversight` under `policing` (once, if it has both), as the codebook,
the analysis screen and `reader stats --by theme` show them. Per article, the second count
is of the sources quoted (a number of articles would always be 1).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.core.codebook import name_key
from reader.core.records import Annotation
from reader.core.spreadsheet import spreadsheet_safe

NO_SOURCE = "(no source)"
NO_THEME = "(no theme)"


@dataclass(frozen=True)
class Count:
    """A name with its number of annotations and of articles."""

    name: str
    annotations: int
    articles: int


@dataclass(frozen=True)
class ArticleCount:
    """An article (by title) with its number of annotations and of the sources they quote
    (names folded as in `Count`; an annotation without a source counts for none)."""

    name: str
    annotations: int
    sources: int


@dataclass(frozen=True)
class Matrix:
    """Annotations per (source, theme): rows and columns most used first."""

    sources: list[str]
    themes: list[str]
    cells: dict[tuple[str, str], int]
    quotes: dict[str, int]  # annotations per source (a row's cells may count one twice)

    def count(self, source: str, theme: str) -> int:
        return self.cells.get((source, theme), 0)

    @property
    def largest(self) -> int:
        return max(self.cells.values(), default=0)


def theme_names(annotation: Annotation, with_parents: bool = False) -> list[str]:
    names = list(annotation.themes)
    if with_parents:
        for theme in annotation.themes:
            parts = theme.split("/")
            names += ["/".join(parts[:i]).strip() for i in range(1, len(parts))]
    return names


def _counted(
    annotations: Iterable[Annotation], names: Callable[[Annotation], Iterable[str]]
) -> list[Count]:
    shown: dict[str, str] = {}
    totals: Counter[str] = Counter()
    articles: dict[str, set[int]] = defaultdict(set)
    for annotation in annotations:
        # (once a name: "Economy/jobs" and "economy" made economy count the quote twice)
        for key, name in {name_key(n): n for n in names(annotation)}.items():
            shown.setdefault(key, name)
            totals[key] += 1
            articles[key].add(annotation.article_id)
    counts = [Count(shown[k], n, len(articles[k])) for k, n in totals.items()]
    return sorted(counts, key=lambda c: (-c.annotations, c.name.casefold()))


def by_source(annotations: Iterable[Annotation]) -> list[Count]:
    return _counted(annotations, lambda a: [a.source or NO_SOURCE])


def by_theme(annotations: Iterable[Annotation], with_parents: bool = False) -> list[Count]:
    return _counted(annotations, lambda a: theme_names(a, with_parents) or [NO_THEME])


def by_article(annotations: Iterable[Annotation], titles: dict[int, str]) -> list[ArticleCount]:
    """Annotations per article, with the number of sources they quote; titles by article id."""
    totals: Counter[int] = Counter()
    sources: dict[int, set[str]] = defaultdict(set)
    for annotation in annotations:
        totals[annotation.article_id] += 1
        if annotation.source:
            sources[annotation.article_id].add(name_key(annotation.source))
    counts = [
        ArticleCount(titles.get(i, f"article {i}"), n, len(sources[i])) for i, n in totals.items()
    ]
    return sorted(counts, key=lambda c: (-c.annotations, c.name.casefold()))


def matrix(annotations: Sequence[Annotation]) -> Matrix:
    """The source x theme matrix (an annotation with two themes counts in both columns; one
    under a parent theme, `economy/jobs`, counts in the parent's column too, as the
    codebook and the per-theme counts count it, and as `theme:=economy` lists it)."""
    source_names: dict[str, str] = {}
    theme_names_: dict[str, str] = {}
    cells: Counter[tuple[str, str]] = Counter()
    quotes: Counter[str] = Counter()
    for annotation in annotations:
        source = annotation.source or NO_SOURCE
        s_key = name_key(source)
        source_names.setdefault(s_key, source)
        quotes[s_key] += 1
        counted = dict.fromkeys(theme_names(annotation, with_parents=True)) or {NO_THEME: None}
        for theme in {name_key(t): t for t in counted}.values():
            t_key = name_key(theme)
            theme_names_.setdefault(t_key, theme)
            cells[(s_key, t_key)] += 1
    source_totals: Counter[str] = Counter()
    theme_totals: Counter[str] = Counter()
    for (s_key, t_key), n in cells.items():
        source_totals[s_key] += n
        theme_totals[t_key] += n
    # (rows by their quotes, the count the table shows beside each: by their cells, a
    # source of 6 quotes with three themes each came above one of 7 with one)
    sources = sorted(source_names, key=lambda k: (-quotes[k], -source_totals[k], k))
    themes = sorted(theme_names_, key=lambda k: (-theme_totals[k], k))
    return Matrix(
        sources=[source_names[k] for k in sources],
        themes=[theme_names_[k] for k in themes],
        cells={(source_names[s], theme_names_[t]): n for (s, t), n in cells.items()},
        quotes={source_names[k]: n for k, n in quotes.items()},
    )


def across_articles(
    annotations: Iterable[Annotation], minimum: int = 2, sources: list[Count] | None = None
) -> list[Count]:
    """Sources quoted in at least `minimum` articles, most articles first (`sources`: the
    `by_source` counts, when already made)."""
    counted = sources if sources is not None else by_source(annotations)
    counts = [c for c in counted if c.articles >= minimum and c.name != NO_SOURCE]
    return sorted(counts, key=lambda c: (-c.articles, -c.annotations, c.name.casefold()))


# --- tables as text ------------------------------------------------------------------------------


def counts_table(counts: Sequence[Count], label: str) -> list[list[str]]:
    return [[label, "annotations", "articles"]] + [
        [c.name, str(c.annotations), str(c.articles)] for c in counts
    ]


def articles_table(counts: Sequence[ArticleCount]) -> list[list[str]]:
    return [["article", "annotations", "sources"]] + [
        [c.name, str(c.annotations), str(c.sources)] for c in counts
    ]


def matrix_table(grid: Matrix, themes: int | None = None) -> list[list[str]]:
    """The matrix as rows of text; `themes`: only the columns of that many themes, the
    most used (a table of thousands of columns is read by no one, and held 1.5 GB)."""
    return list(matrix_rows(grid, themes))


def matrix_rows(grid: Matrix, themes: int | None = None) -> Iterator[list[str]]:
    """`matrix_table` a row at a time (an export of a large matrix is written as made)."""
    shown = grid.themes[:themes] if themes is not None else grid.themes
    yield ["source", *shown, "quotes"]
    for source in grid.sources:
        values = [grid.count(source, theme) for theme in shown]
        yield [source, *map(str, values), str(grid.quotes[source])]


def matrix_cells(grid: Matrix) -> list[tuple[str, str, int]]:
    """The cells that count something, row by row in the matrix's order (sparse: a matrix
    of 4,000 sources and 4,000 themes has 16 million places and a few thousand cells)."""
    row = {source: number for number, source in enumerate(grid.sources)}
    column = {theme: number for number, theme in enumerate(grid.themes)}
    cells = sorted(grid.cells.items(), key=lambda cell: (row[cell[0][0]], column[cell[0][1]]))
    return [(source, theme, count) for (source, theme), count in cells if count]


def as_csv(rows: Iterable[list[str]]) -> str:
    return b"".join(csv_chunks(rows)).decode("utf-8")


def as_markdown(rows: Iterable[list[str]]) -> str:
    return b"".join(markdown_chunks(rows)).decode("utf-8")


def csv_chunks(rows: Iterable[list[str]]) -> Iterator[bytes]:
    """A table as CSV for spreadsheets (a byte-order mark, CRLF lines), in UTF-8 pieces."""
    import csv
    import io

    yield "\ufeff".encode()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])  # (names are imported)
        if out.tell() > CHUNK_CHARACTERS:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def markdown_chunks(
    rows: Iterable[list[str]],
    text_columns: int = 1,
    heading: str = "",
    footer: Iterable[str] = (),
) -> Iterator[bytes]:
    """A table in Markdown, a line at a time in UTF-8: its first `text_columns` columns
    left-aligned, the numbers after them right-aligned; `heading` a line before it, and
    `footer`'s lines after it."""
    if heading:
        yield f"{heading}\n\n".encode()

    def line(values: list[str]) -> bytes:
        return ("| " + " | ".join(v.replace("|", "\\|") for v in values) + " |\n").encode()

    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        return
    yield line(header)
    yield line(["---" if i < text_columns else "---:" for i in range(len(header))])
    yield from map(line, rows)
    for number, text in enumerate(footer):
        yield f"{'' if number else chr(10)}{text}\n\n".encode()


CHUNK_CHARACTERS = 1 << 20


@dataclass(frozen=True)
class Overview:
    """Everything the analysis screen shows, made in one pass over the annotations."""

    grid: Matrix
    sources: list[Count]
    themes: list[Count]
    across: list[Count]
    total: int


def overview(annotations: Sequence[Annotation]) -> Overview:
    """`matrix`, `by_source`, `by_theme(with_parents=True)` and `across_articles` at once."""
    shown: dict[str, str] = {}
    source_quotes: Counter[str] = Counter()
    source_articles: dict[str, set[int]] = defaultdict(set)
    theme_quotes: Counter[str] = Counter()
    theme_articles: dict[str, set[int]] = defaultdict(set)
    cells: Counter[tuple[str, str]] = Counter()
    theme_cells: Counter[str] = Counter()
    keys: dict[str, str] = {}

    def key_of(name: str) -> str:
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
            shown.setdefault(key, name)
        return key

    for annotation in annotations:
        s_key = key_of(annotation.source or NO_SOURCE)
        source_quotes[s_key] += 1
        source_articles[s_key].add(annotation.article_id)
        counted = {key_of(t) for t in theme_names(annotation, True)} or {key_of(NO_THEME)}
        for t_key in counted:  # (a parent's column counts its children's, as `matrix`)
            cells[(s_key, t_key)] += 1
            theme_cells[t_key] += 1
            theme_quotes[t_key] += 1
            theme_articles[t_key].add(annotation.article_id)

    def counts(quotes: Counter[str], articles: dict[str, set[int]]) -> list[Count]:
        made = [Count(shown[k], n, len(articles[k])) for k, n in quotes.items()]
        return sorted(made, key=lambda c: (-c.annotations, c.name.casefold()))

    sources = counts(source_quotes, source_articles)
    row_totals: Counter[str] = Counter()
    for (s_key, _), n in cells.items():
        row_totals[s_key] += n
    grid = Matrix(
        sources=[
            shown[k]
            for k in sorted(source_quotes, key=lambda k: (-source_quotes[k], -row_totals[k], k))
        ],
        themes=[shown[k] for k in sorted(theme_cells, key=lambda k: (-theme_cells[k], k))],
        cells={(shown[s], shown[t]): n for (s, t), n in cells.items()},
        quotes={shown[k]: n for k, n in source_quotes.items()},
    )
    return Overview(
        grid=grid,
        sources=sources,
        themes=counts(theme_quotes, theme_articles),
        across=across_articles((), sources=sources),
        total=len(annotations),
    )
