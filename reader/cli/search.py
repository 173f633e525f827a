"""`reader search QUERY`: the annotations that match a query, best first, for the shell."""

from __future__ import annotations

import argparse
import json

from reader.cli.command import Command, positive_int, say
from reader.core.paths import Locations


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    parser.add_argument(
        "--limit", type=positive_int, default=20, metavar="N", help="at most N results (default 20)"
    )


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.annotations.search import hits_as_json, search_store
    from reader.storage.database import Store

    query = " ".join(args.query)
    store = Store(where.db)
    try:
        results = search_store(store, query, args.limit)
        paths = {r.id: r.path for r in store.articles()}
    finally:
        store.close()
    if args.json:
        print(json.dumps(hits_as_json(results.hits, paths), ensure_ascii=False, indent=2))
        return 0
    if not results.hits:
        say(f"No annotation matches {query!r}.", err=True)
        return 0
    for hit in results.hits:
        annotation = hit.annotation
        themes = ", ".join(annotation.themes)
        head = f"{hit.score:5.1f}  {annotation.source or '(no source)'}"
        say(head + (f" · {themes}" if themes else "") + f" · {hit.title}")
        say(f"       “{' '.join(annotation.quote.split())}”")
        if annotation.note:
            say(f"       note: {' '.join(annotation.note.split())}")
    more = results.total - len(results.hits)
    if more > 0:
        say(f"({more} more; use --limit)", err=True)
    return 0


COMMAND = Command(
    name="search",
    order=20,
    synopsis=(("reader search QUERY", "print the annotations that match QUERY, best first"),),
    summary="print the annotations that match a query",
    description="Print the annotations that match QUERY, best first. QUERY uses the "
    "search screen's syntax: free words (typos forgiven) and the filters source:, "
    'theme:, article:, note:, quote:, with quoted values ("Doug King").',
    arguments=_arguments,
    run=run,
)
