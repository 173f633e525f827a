"""`reader config coder [NAME]`: the coder name stamped on the annotations you make.

Without NAME it prints the name in use and where it comes from; `--unset` removes the
configured one (the login name applies again). A config file that cannot be read or is not
valid TOML is said in one line (exit status 1), and never rewritten. See
`reader.reading.coder_config`.
"""

from __future__ import annotations

import argparse

from reader.cli.command import Command, fail, say
from reader.core.paths import Locations
from reader.core.text import json_text

SETTINGS = ("coder",)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("setting", choices=SETTINGS, help="the setting: coder")
    parser.add_argument("value", nargs="?", metavar="NAME", help="the new value")
    parser.add_argument("--unset", action="store_true", help="remove the configured value")
    parser.add_argument("--json", action="store_true", help="print {coder, origin} as JSON")


def run(args: argparse.Namespace, where: Locations) -> int:
    from reader.core.coders import clean_coder
    from reader.reading.coder_config import (
        ENV_CODER,
        ConfigError,
        config_path,
        current_coder,
        set_coder,
    )

    if args.value is not None and args.unset:
        return fail("give a NAME or --unset, not both", 2)
    try:
        if args.unset:
            set_coder("")
        elif args.value is not None:
            if not clean_coder(args.value):
                return fail("the coder name is empty; give a name, or --unset", 2)
            written = set_coder(args.value)
            if not args.json:
                say(f"coder: {clean_coder(args.value)} (kept in {written})")
    except ConfigError as error:
        return fail(str(error))
    except ValueError:  # (a name from bytes that are not UTF-8: TOML cannot hold it)
        return fail("the coder name is not UTF-8 text; give it as text", 2)
    coder = current_coder()
    if coder.problem:  # the file names a coder that cannot be read: never shown as no name
        return fail(coder.problem)
    if args.json:
        print(json_text({"coder": coder.name, "origin": coder.origin}, indent=None))
        return 0
    origins = {
        "env": f"from ${ENV_CODER}, which overrides {config_path()}",
        "config": f"from {config_path()}",
        "login": "your login name; `reader config coder NAME` sets another",
        "none": "no name: set one with `reader config coder NAME`",
    }
    if args.value is None or coder.origin == "env":
        say(f"coder: {coder.name or '(none)'} ({origins[coder.origin]})")
    return 0


COMMAND = Command(
    name="config",
    order=110,
    synopsis=(("reader config coder", "show or set the coder name stored with your annotations"),),
    summary="show or set the coder name stored with your annotations",
    description="Show or set your coder name: it is stored with every annotation you make "
    "or edit, so that a team's coders can be told apart, merged and compared (reader "
    "agree). It is kept in your own config folder, not in the library, which a team "
    "shares. $READER_CODER overrides it; without either, your login name is used.",
    arguments=_arguments,
    run=run,
    locations=False,
)
