"""`reader recode --from OLD --to NEW`: give annotations of one coder name another.

For annotations made before Reader kept coders (their coder is "", after the schema 5
migration) and for a coder who changed their name. FILTER narrows which annotations
(search syntax). One write, of the annotations as they are when it takes the database's
lock (a save another Reader made a moment before is not undone); they keep everything else.
"""

from __future__ import annotations

import argparse

from reader.cli.command import Command, close_store, fail, say
from reader.core.paths import Locations
from reader.core.text import json_text
from reader.core.wording import plural


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("filter", nargs="*", metavar="FILTER", help="which annotations")
    parser.add_argument(
        "--from", dest="old", required=True, metavar="OLD", help='the coder now ("" for none)'
    )
    parser.add_argument(
        "--to", dest="new", required=True, metavar="NEW", help="the coder to give them"
    )
    parser.add_argument("--json", action="store_true", help="print {recoded} as JSON")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.annotations.agreement import coders_of
    from reader.core.coders import clean_coder, coder_key, coders_listed
    from reader.core.records import edited
    from reader.reading.comparing import selected
    from reader.storage.database import Store

    new = clean_coder(args.new)
    if not new and args.new.strip():
        return fail(f"--to {args.new!r}: not a usable name", 2)
    store = Store(where.db)
    try:
        old = coder_key(args.old)
        with store.batch():  # chosen and saved under the lock: no save made meanwhile undone
            query = " ".join(args.filter)
            chosen = [a for a in selected(store, query) if coder_key(a.coder) == old]
            changed = [edited(a, coder=new) for a in chosen if a.coder != new]
            if changed:
                store.save_annotations(changed)
        known = {} if chosen else coders_of(store.annotations())
    finally:
        close_store(store)
    if not chosen and old not in {coder_key(name) for name, _ in known}:
        # ("--from alice" where no one is alice: a typo; say who there is, as agree does)
        listed = coders_listed(known)
        say(f"no annotations by coder {args.old!r}; the coders are: {listed}", err=True)
    if args.json:
        print(json_text({"recoded": len(changed)}, indent=None))
    else:
        say(
            f"recoded {plural(len(changed), 'annotation')} from {args.old or '(no coder)'} to {new or '(no coder)'}"
        )
    return 0


COMMAND = Command(
    name="recode",
    order=112,
    synopsis=(("reader recode", 'give the annotations of --from OLD ("" none) to --to NEW'),),
    summary="give the annotations of one coder name another",
    description="Change the coder of the annotations made by OLD (names compare without "
    'regard to case; "" is the unknown coder of annotations made before Reader kept '
    "coders) to NEW; FILTER (search syntax) narrows which. Their other fields are kept; "
    "their `updated` time is now, so that a merge takes the new name.",
    arguments=_arguments,
    run=run,
    query_words="filter",
)
