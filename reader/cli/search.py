"""`reader search QUERY`: the annotations that match a query, best first, for the shell."""

from __future__ import annotations

import argparse

from reader.cli.command import Command, fail, no_match, positive_int, say
from reader.core.coders import coder_key, shown_coder
from reader.core.paths import Locations
from reader.core.text import json_text


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", metavar="QUERY", help="what to look for")
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    parser.add_argument(
        "--limit", type=positive_int, default=20, metavar="N", help="at most N results (default 20)"
    )
    parser.add_argument(
        "--sort",
        choices=("relevance", "newest", "published"),
        default="relevance",
        help="best match first (default), newest tagged first, or newest article first",
    )
    parser.add_argument(
        "--group", action="store_true", help="each article's results together, under its title"
    )


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.annotations.search import by_article, hits_as_json, search_store
    from reader.storage.database import Store

    if not args.query:
        return fail("give a QUERY to search for (see `reader search --help`)", 2)
    query = " ".join(args.query)
    store = Store(where.db)
    try:
        results = search_store(store, query, args.limit, sort=args.sort)
        paths = {r.id: r.path for r in store.articles()}
        every = store.annotations() if not results.hits else []  # (whose there are, if none)
    finally:
        store.close()
    hits = by_article(results.hits) if args.group else results.hits
    more = results.total - len(results.hits)
    if args.json:
        print(json_text(hits_as_json(hits, paths)))
        if more > 0:  # (on stderr: the list on stdout keeps its shape for a script)
            say(f"reader: {more} more match; --limit {results.total} gives them all", err=True)
        return 0
    if not results.hits:
        say(no_match(query, every), err=True)
        return 0
    article = None
    scored = any(hit.score for hit in results.hits)  # a filter alone ranks nothing: no scores
    indent = " " * 7 if scored else "  "
    # (a team's library: two coders' copies of a quote were two rows alike, saying whose none)
    several_coders = len({coder_key(hit.annotation.coder) for hit in hits}) > 1
    for hit in hits:
        annotation = hit.annotation
        if args.group and annotation.article_id != article:
            article = annotation.article_id
            say(f"== {hit.title} ({paths.get(article, '')})")
        themes = ", ".join(annotation.themes)
        head = (f"{hit.score:5.1f}  " if scored else "") + (annotation.source or "(no source)")
        title = "" if args.group else f" · {hit.title}"
        coder = f" · by {shown_coder(annotation.coder)}" if several_coders else ""
        say(head + (f" · {themes}" if themes else "") + title + coder)
        words = " ".join(annotation.quote.split())
        # a paraphrase never comes out as a misquote: marks for quotations only
        say(f"{indent}“{words}”" if annotation.is_quotation else f"{indent}passage: {words}")
        if annotation.note:
            say(f"{indent}note: {' '.join(annotation.note.split())}")
    if more > 0:
        say(f"({more} more; use --limit)", err=True)
    return 0


COMMAND = Command(
    name="search",
    order=20,
    synopsis=(("reader search QUERY", "print the annotations that match QUERY, best first"),),
    summary="print the annotations that match a query",
    description="Print the annotations that match QUERY, best first (each with its score; "
    "a QUERY of filters only, such as kind:quotation, ranks nothing: no score, newest "
    "first). QUERY uses the search screen's syntax: free words (typos forgiven: one letter "
    "in a word of 3 to 5, two in a longer one); the filters source:, theme:, article:, "
    "note:, quote:, with quoted values ('source:\"Doug King\"'); theme:policing also finds "
    "policing/oversight; kind:quotation or kind:passage; coder:alice (who made or last "
    "edited it); dates tagged, after:2026-01-01, before:2026-06, date:2026-03; "
    "'theme:\"\"' or 'source:\"\"' for none yet ('coder:\"\"' for no known coder); and a "
    "leading - to leave out what matches (-theme:sports, -draft, -coder:bob, "
    "'-theme:\"\"' for those with a theme). Quote a filter with quote marks in it for the "
    "shell, as shown. The search index is kept beside the database (.DB.index) and read "
    "again only where annotations changed.",
    arguments=_arguments,
    run=run,
    makes_library=False,
    query_words="query",
)
