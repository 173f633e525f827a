"""`reader agree CODER_A CODER_B [FILTER...] [--json]`: how far two coders agree.

Per code (every source and every theme), over the characters of the articles both coded:
the pooled 2x2 table, percentage agreement and Cohen's kappa (`annotations.agreement`):
the codes both coders used first, lowest kappa first, then those one coder alone used, and
codes neither used on those articles last (not applicable). Then the
passages both tagged (overlapping, at least one a quotation) and the share with the same
source. `--json`: a list of rows `{code, kind, articles, agreement, kappa, a_chars,
b_chars, both_chars}` (agreement and kappa are null when not applicable); the passages
both tagged are the last row, `{code: "same source", kind: "quotations", articles,
agreement: the share, kappa: null, a_chars: null, b_chars: null, both_chars: null, pairs,
same_source}`.
"""

from __future__ import annotations

import argparse
from datetime import date

from reader.cli.command import Command, aligned, fail, say, say_scan
from reader.core.paths import Locations
from reader.core.text import json_text, shown_name
from reader.core.wording import plural


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("coder_a", metavar="CODER_A", help='the first coder ("" for none)')
    parser.add_argument("coder_b", metavar="CODER_B", help="the second coder")
    parser.add_argument("filter", nargs="*", metavar="FILTER", help="which annotations")
    parser.add_argument("--json", action="store_true", help="print JSON rows for scripts")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.annotations.agreement import COLUMNS, coders_of, summary_lines
    from reader.core.coders import coder_key, coders_listed, shown_coder
    from reader.library.folder import Library
    from reader.reading.comparing import compare_library
    from reader.storage.database import Store

    if coder_key(args.coder_a) == coder_key(args.coder_b):
        return fail("CODER_A and CODER_B are the same coder; name two", 2)
    store = Store(where.db)
    try:
        library = Library(where.library, store)
        say_scan(library.scan())
        comparison, problems = compare_library(
            store, library, args.coder_a, args.coder_b, " ".join(args.filter)
        )
        known = coders_of(store.annotations())
    finally:
        store.close()
    for problem in problems:
        say(f"reader: {problem}", err=True)
    names = {coder_key(name) for name, _ in known}
    for coder in (args.coder_a, args.coder_b):
        if coder_key(coder) not in names:
            listed = coders_listed(known)
            return fail(
                f"no annotations by coder {coder!r} in {shown_name(str(where.db))}; "
                f"the coders are: {listed}"
            )
    if args.json:
        rows = [row.as_json() for row in comparison.rows]
        share = comparison.source_share
        rows.append(
            {
                "code": "same source",
                "kind": "quotations",
                "articles": len(comparison.articles),
                "agreement": None if share is None else round(share, 4),
                "kappa": None,
                "a_chars": None,
                "b_chars": None,
                "both_chars": None,
                "pairs": comparison.pairs,
                "same_source": comparison.same_source,
            }
        )
        print(json_text(rows))
        return 0
    a, b = shown_coder(args.coder_a), shown_coder(args.coder_b)
    if not comparison.articles:
        if args.filter:  # (it was the filter that left none: "source:nobody")
            say(f"{a} and {b} have no article both coded with filter {' '.join(args.filter)}")
        else:
            say(f"{a} and {b} have no article both coded; nothing to compare")
        return 0
    if args.filter and not comparison.rows:  # (articles both coded, no code matching)
        say(f"no annotation of {a} or {b} matches the filter {' '.join(args.filter)}")
        return 0
    count = len(comparison.articles)
    compared = comparison.rows[0].table.total if comparison.rows else 0
    scope = f"{plural(count, 'article')} both coded ({compared:,} characters)"
    if args.filter:
        scope += f", filter {' '.join(args.filter)}"
    say(f"{a} (A) and {b} (B) on the {scope}, {date.today().isoformat()}")
    table = [list(COLUMNS), *(row.cells() for row in comparison.rows)]
    say(aligned(table, text_columns=2))
    for line in summary_lines(comparison):
        say(line)
    say(
        "agreement: the share of the articles' characters both coders treated alike (coded or "
        "not), so text neither coded counts; kappa discounts chance and is the figure to "
        "report (0 or below: no better than chance; n/a: a code neither used)"
    )
    return 0


COMMAND = Command(
    name="agree",
    order=85,
    synopsis=(
        ("reader agree A B", "how far coders A and B agree: Cohen's kappa per source, theme"),
    ),
    summary="how far two coders agree: percentage and Cohen's kappa per code",
    description="Compare coders A and B on the articles both coded: for each source and "
    "each theme, over the characters of those articles, the 2x2 table of A applied it / B "
    "applied it summed over the articles, the percentage agreement and Cohen's kappa "
    "(computed on the summed table, as NVivo's coding comparison does), lowest kappa "
    "first; a code neither used there is n/a. Then the passages both tagged (overlapping, "
    "one a quotation at least) and the share with the same source. FILTER (search syntax) "
    "chooses as NVivo does: article: terms the articles, source: and theme: terms the codes "
    "shown (theme:policing: policing and the themes under it; each row as without the "
    "filter), the rest (kind:passage, words, after:2026-03) the annotations compared. --json: "
    "rows {code, kind, articles, agreement, kappa, a_chars, b_chars, both_chars}.",
    arguments=_arguments,
    run=run,
    makes_library=False,
    query_words="filter",
)
