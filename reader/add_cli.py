"""`reader add SOURCE... | --feed URL`: articles into the library, from the shell.

Prints one line per source: the title and the new file's name, or that the article is
already there (with its file name). Errors are one line each on stderr; the other sources
are still added, and the exit status is 1 if any failed.
"""

from __future__ import annotations

import json
import sys

from reader.adding import AddError, AddResult, add_feed, add_source, refresh
from reader.articles import ArticleError
from reader.fetching import TIMEOUT_SECONDS
from reader.library import Library
from reader.paths import Locations
from reader.store import Store


def run_add(
    where: Locations,
    sources: list[str],
    feed: str | None,
    limit: int,
    as_json: bool,
    timeout: float = TIMEOUT_SECONDS,
    update: bool = False,
) -> int:
    if not sources and not feed:
        print(
            "reader add: give a file, a URL, - for standard input, or --feed URL", file=sys.stderr
        )
        return 2
    if sources.count("-") > 1:
        print("reader add: standard input (-) can be given once", file=sys.stderr)
        return 2
    stdin = sys.stdin.buffer.read() if "-" in sources else None
    outcomes: list[AddResult | AddError] = []
    store = Store(where.db)
    try:
        library = Library(where.library, store)
        for source in sources:
            try:
                if update:
                    outcomes.append(refresh(library, source, timeout=timeout))
                else:
                    outcomes.append(add_source(library, source, stdin, timeout=timeout))
            except (AddError, ArticleError) as error:
                outcomes.append(AddError(str(error)))
            _report(outcomes[-1], as_json)
        if feed:
            try:
                results = add_feed(library, feed, limit, timeout=timeout)
            except AddError as error:
                results = [error]
            for outcome in results:
                outcomes.append(outcome)
                _report(outcome, as_json)
    finally:
        store.close()
    if as_json:
        print(json.dumps([_as_json(outcome) for outcome in outcomes], ensure_ascii=False, indent=2))
    return 1 if any(isinstance(outcome, AddError) for outcome in outcomes) else 0


def _report(outcome: AddResult | AddError, as_json: bool) -> None:
    if isinstance(outcome, AddError):
        print(f"reader add: {outcome}", file=sys.stderr)
    elif as_json:
        return
    else:
        label = {
            "added": "added",
            "present": "already in the library",
            "updated": "updated",
            "unchanged": "unchanged",
        }[outcome.status]
        detail = f" ({outcome.detail})" if outcome.detail else ""
        print(f"{label}: {outcome.title}{detail}\n  -> {outcome.path}")


def _as_json(outcome: AddResult | AddError) -> dict[str, str]:
    if isinstance(outcome, AddError):
        return {"status": "error", "error": str(outcome)}
    return {
        "source": outcome.source,
        "status": outcome.status,
        "title": outcome.title,
        "path": outcome.path,
        **({"detail": outcome.detail} if outcome.detail else {}),
    }
