"""Who is coding: the coder name stored with every annotation made or edited by hand.

The name comes from, in order: `$READER_CODER`; `coder = "NAME"` in the user's
`config.toml` (`~/.config/reader/config.toml` on Linux; `reader config coder NAME` writes it);
the login name (`getpass.getuser()`); "" when even that cannot be found.

Why the user's config folder and not the library or its database: a team shares the library
folder and `reader.json` (a synced folder, a git repository), so a name kept there would
travel to the other coder with the next sync or pull and mislabel their work. The name is a
person's, like their keymap, so it lives with the person's settings (`settings`).
"""

from __future__ import annotations

import getpass
import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path

from reader.core.coders import clean_coder
from reader.core.files import open_regular
from reader.storage.atomic import write_atomically

ENV_CODER = "READER_CODER"
MAX_CONFIG_BYTES = 64 * 1024


class ConfigError(Exception):
    """The config file cannot be read or written; one line naming it and what to do."""


@dataclass(frozen=True)
class Coder:
    """The coder name in use and where it came from (`env`, `config`, `login`, `none`)."""

    name: str
    origin: str


def config_path() -> Path:
    """Where the user's settings are kept."""
    return user_config_path("reader", appauthor=False) / "config.toml"


def read_config(path: Path | None = None) -> dict[str, object]:
    """The settings of `path` (default: the user's); an absent file is no settings."""
    path = path or config_path()
    try:
        with open_regular(path) as handle:  # (never a pipe: it would wait)
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot read it ({error.strerror or error})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: over 64 KB, not a Reader config; remove or fix it")
    try:
        return tomllib.loads(raw.decode("utf-8", "replace"))
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix or remove it") from None


def configured_coder(path: Path | None = None) -> str | None:
    """The `coder` of the config file, if it names one (a damaged file names none)."""
    try:
        value = read_config(path).get("coder")
    except ConfigError:
        return None
    return clean_coder(value) if isinstance(value, str) and clean_coder(value) else None


def login_name() -> str:
    """The login name, or "" when the system cannot say (no user database, odd env)."""
    try:
        return clean_coder(getpass.getuser())
    except Exception:  # getpass raises OSError, KeyError or ImportError depending on the OS
        return ""


def current_coder(path: Path | None = None) -> Coder:
    """The coder name to stamp annotations with (see the module docstring)."""
    from_env = clean_coder(os.environ.get(ENV_CODER, ""))
    if from_env:
        return Coder(from_env, "env")
    configured = configured_coder(path)
    if configured:
        return Coder(configured, "config")
    login = login_name()
    return Coder(login, "login" if login else "none")


def set_coder(name: str, path: Path | None = None) -> Path:
    """Keep `name` as the coder in the config file ("" removes it); the file written.

    The other settings of the file are kept; the file is rewritten whole, as TOML.
    """
    path = path or config_path()
    settings = dict(read_config(path))
    cleaned = clean_coder(name)
    if cleaned:
        settings["coder"] = cleaned
    else:
        settings.pop("coder", None)
    lines = ["# Reader's settings (reader config). The coder name is stored with each annotation."]
    for key, value in settings.items():
        if isinstance(value, str | int | float | bool):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    try:
        write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot write it ({error.strerror or error})") from None
    return path
