"""`reader stats`: counts per source, theme or article, or the source x theme matrix.

Text output is an aligned table; `--json` is a list of {name, annotations, articles} (per
article also `sources`, the number of sources it quotes, which its table shows instead of
`articles`, always 1), or for `--matrix` an object {sources, themes, cells: [{source, theme,
count}]}. A parent theme counts its children's annotations too.
"""

from __future__ import annotations

import argparse

from reader.annotations.stats import (
    Count,
    articles_table,
    by_article,
    by_source,
    by_theme,
    counts_table,
    matrix,
    matrix_cells,
    matrix_table,
)
from reader.cli.command import Command, aligned, no_match, say
from reader.core.paths import Locations
from reader.core.text import json_text
from reader.storage.database import Store

# Columns of the text matrix: the most used themes (a terminal shows a few dozen at most).
MATRIX_THEMES = 40


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "filter",
        nargs="*",
        metavar="FILTER",
        help="count only the annotations this search finds (coder:alice, theme:policing, ...)",
    )
    parser.add_argument(
        "--by", choices=("source", "theme", "article"), default="source", help="what to count by"
    )
    parser.add_argument("--matrix", action="store_true", help="the source x theme matrix")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def run(args: argparse.Namespace, where: Locations) -> int:
    return run_stats(where, args.by, args.matrix, args.json, " ".join(args.filter))


def run_stats(where: Locations, by: str, show_matrix: bool, as_json: bool, query: str = "") -> int:
    store = Store(where.db)
    try:
        if query.strip():  # "coder:alice": one coder's work, as search finds it
            from reader.annotations.search import SearchIndex

            index = SearchIndex.build(store)
            found = index.search(query, limit=len(index) or 1).hits
            annotations = [hit.annotation for hit in found]
        else:
            annotations = store.annotations()
        titles = {r.id: r.title for r in store.articles()}
    finally:
        store.close()
    if query.strip() and not annotations and not as_json:
        say(no_match(query), err=True)
    if show_matrix:
        grid = matrix(annotations)
        if as_json:
            cells = [{"source": s, "theme": t, "count": n} for s, t, n in matrix_cells(grid)]
            document = {"sources": grid.sources, "themes": grid.themes, "cells": cells}
            print(json_text(document))
        else:
            say(aligned(matrix_table(grid, themes=MATRIX_THEMES)))
            if len(grid.themes) > MATRIX_THEMES:
                say(
                    f"(the {MATRIX_THEMES} most used of {len(grid.themes):,} themes; --json, or "
                    "the analysis screen's export (M, then e), gives every column)"
                )
        return 0
    if by == "article":
        articles = by_article(annotations, titles)
        if as_json:
            rows = [  # `articles` (1) kept: every --by gives rows of the same shape
                {"name": c.name, "annotations": c.annotations, "articles": 1, "sources": c.sources}
                for c in articles
            ]
            print(json_text(rows))
        else:
            say(aligned(articles_table(articles)))
        return 0
    counts: list[Count]
    if by == "theme":
        counts = by_theme(annotations, with_parents=True)  # a parent with its children's
    else:
        counts = by_source(annotations)
    if as_json:
        rows = [
            {"name": c.name, "annotations": c.annotations, "articles": c.articles} for c in counts
        ]
        print(json_text(rows))
    else:
        say(aligned(counts_table(counts, by)))
    return 0


COMMAND = Command(
    name="stats",
    order=80,
    synopsis=(
        (
            "reader stats [--matrix] [FILTER]",
            "quotes per source, theme or article, or the source x theme matrix",
        ),
    ),
    summary="count quotes per source, theme or article, or the source x theme matrix",
    description="Count the annotations per source (default) or theme, with the number of "
    "articles each appears in (a parent theme, such as economy for economy/jobs, counts its "
    "children's annotations too), or per article, with the number of sources each quotes; "
    "--matrix prints the source x theme matrix of counts (an annotation with two themes "
    "counts in both columns, and one under a parent theme in the parent's column too). JSON: a list of {name, annotations, articles} (per article "
    "also sources); with --matrix, {sources, themes, cells: [{source, theme, count}]}. "
    "FILTER counts only what a search finds, with search's syntax: `reader stats "
    "coder:alice` counts one coder's work in a merged team database, where each coder's "
    "annotation of a quote counts once for each.",
    arguments=_arguments,
    run=run,
    makes_library=False,
    query_words="filter",
)
