"""`reader keys`: every key of the app, with the id a keymap file uses to change it."""

from __future__ import annotations

import argparse

from reader.cli.command import Command, no_arguments, say
from reader.core.paths import Locations
from reader.core.text import json_text


def _arguments(parser: argparse.ArgumentParser) -> None:
    no_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON list for scripts")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.reading.settings import keymap_path, keymap_problems, load_keymap, shown_path
    from reader.ui.app import key_rows, keymap_bindings

    keymap = load_keymap()
    rows: list[dict[str, str | bool]] = [
        {
            "where": where,
            "id": binding_id,
            "keys": keymap.keys.get(binding_id, keys),
            "description": description,
            "changed": binding_id in keymap.keys,
        }
        for where, binding_id, keys, description in key_rows()
    ]
    if args.json:
        print(json_text(rows))
        return 0
    width = max(len(str(row["id"])) for row in rows)
    section = ""
    for row in rows:
        if row["where"] != section:
            section = str(row["where"])
            say(f"\n{section}")
        mark = " *" if row["changed"] else ""
        say(f"  {row['id']!s:<{width}}  {row['keys']!s:<18} {row['description']}{mark}")
    say(f"\nChange a key in {shown_path(keymap_path())}, by its id:")
    say('  [keymap]\n  "article.tag" = "t,enter,ctrl+t"')
    for problem in [*keymap.problems, *keymap_problems(keymap, keymap_bindings())]:
        say(f"reader: {problem}", err=True)
    return 0


COMMAND = Command(
    name="keys",
    order=95,
    synopsis=(("reader keys", "list every key of the app, and how to change them"),),
    summary="list every key of the app with its id, for a keymap file",
    description="List every key of the app by where it works, with the id that a keymap "
    "file (keymap.toml in your config folder) uses to change it; keys already changed "
    "there are marked *.",
    arguments=_arguments,
    run=run,
    locations=False,
)
