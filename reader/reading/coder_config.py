"""Who is coding: the coder name stored with every annotation made or edited by hand.

The name comes from, in order: `$READER_CODER`; `coder = "NAME"` in the user's
`config.toml` (`~/.config/reader/config.toml` on Linux; `reader config coder NAME` writes it);
the login name (`getpass.getuser()`); "" when even that cannot be found. A config file that
exists but cannot be read or parsed is never taken for one naming no coder: the login name
stands in, and `Coder.problem` says why in one line, for the app and the command to show.
`set_coder` edits the file as text, so that nothing else of it changes (see there).

Why the user's config folder and not the library or its database: a team shares the library
folder and `reader.json` (a synced folder, a git repository), so a name kept there would
travel to the other coder with the next sync or pull and mislabel their work. The name is a
person's, like their keymap, so it lives with the person's settings (`settings`).
"""

from __future__ import annotations

import getpass
import itertools
import os
import re
import tomllib
from collections.abc import Iterator
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
    problem: str = ""  # the config file could not be used: one line saying why, what to do


def config_path() -> Path:
    """Where the user's settings are kept."""
    return user_config_path("reader", appauthor=False) / "config.toml"


def read_config(path: Path | None = None) -> dict[str, object]:
    """The settings of `path` (default: the user's); an absent file is no settings."""
    path = path or config_path()
    raw = _read_raw(path)
    return {} if raw is None else _parsed(path, _text(raw))


def _read_raw(path: Path) -> bytes | None:
    """The bytes of the config file, None when there is none; ConfigError when unreadable."""
    try:
        with open_regular(path) as handle:  # (never a pipe: it would wait)
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read it ({error.strerror or error})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: over 64 KB, not a Reader config; remove or fix it")
    return raw


def _text(raw: bytes) -> str:
    """The file's text; bytes that are not UTF-8 kept as they are (`surrogateescape`), so
    that an edited file gives back every byte it did not change."""
    return raw.decode("utf-8", "surrogateescape")


def _parsed(path: Path, text: str) -> dict[str, object]:
    """`text` (of `path`) as TOML: bytes that are not UTF-8 read as U+FFFD, as before."""
    readable = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        return tomllib.loads(readable)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix or remove it") from None


def configured_coder(path: Path | None = None) -> str | None:
    """The `coder` of the config file, if it names one; ConfigError when the file exists
    but cannot be read or is not valid TOML (it may name one: that is not "none")."""
    value = read_config(path).get("coder")
    return clean_coder(value) if isinstance(value, str) and clean_coder(value) else None


def login_name() -> str:
    """The login name, or "" when the system cannot say (no user database, odd env)."""
    try:
        return clean_coder(getpass.getuser())
    except Exception:  # getpass raises OSError, KeyError or ImportError depending on the OS
        return ""


def current_coder(path: Path | None = None) -> Coder:
    """The coder name to stamp annotations with (see the module docstring).

    A config file that cannot be read or parsed does not stop the app: the login name
    stands in, as when there is no file, but `problem` says why in one line (naming the
    file and what to do), for the caller to show: the name in the file is not known, and
    annotations must not be stamped with another one unsaid.
    """
    from_env = clean_coder(os.environ.get(ENV_CODER, ""))
    if from_env:
        return Coder(from_env, "env")
    try:
        configured = configured_coder(path)
    except ConfigError as error:
        login = login_name()
        stand_in = f"your login name, {login}," if login else "no name"
        problem = f"{error}; until then {stand_in} is stamped on your annotations"
        return Coder(login, "login" if login else "none", problem)
    if configured:
        return Coder(configured, "config")
    login = login_name()
    return Coder(login, "login" if login else "none")


def toml_string(value: str) -> str:
    """`value` as a TOML basic string: `"..."`, with backslash, double quote and the
    control characters TOML forbids in one escaped. ValueError for a lone surrogate (bytes
    that were not UTF-8), which neither TOML nor UTF-8 can hold."""
    out = ['"']
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            raise ValueError("not valid text (bytes that are not UTF-8)")
        if char in _ESCAPED:
            out.append(_ESCAPED[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_ESCAPED = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}

# A line that may set the top-level coder (`coder =`, `"coder" =`, `'coder' =`), and one
# that may open a table (`[name]`, `[[name]]`). "May": a line inside a multi-line string or
# array looks the same; every edit is checked by parsing the result (`_edited`).
_CODER_LINE = re.compile(r"""^[ \t]*(?:coder|"coder"|'coder')[ \t]*=""", re.MULTILINE)
_TABLE_LINE = re.compile(r"^[ \t]*\[", re.MULTILINE)
_VALUE_END = re.compile(r"#|\r?\n|\Z")
MAX_TRIES = 64  # edits tried, each parsed whole: a few in any config written by a person
MAX_VALUE = 4096
HEADER = "# Reader's settings (reader config). The coder name is stored with each annotation."


def set_coder(name: str, path: Path | None = None) -> Path:
    """Keep `name` as the coder in the config file ("" removes it); the file written.

    The file is edited as text, so that every other setting, comment and blank line of it
    stays exactly as it was: the value of its top-level `coder = ...` is replaced (or the
    line removed), or a `coder = "..."` line goes before its first table (at the end when
    it has none). The result is parsed before it replaces the file (atomically): it must
    hold the new coder and every other setting unchanged, else the file is left alone and
    ConfigError says to set it by hand. A file that is not valid TOML is refused untouched.
    ValueError for a name that cannot be written (bytes that were not UTF-8).
    """
    path = path or config_path()
    if path.is_symlink() and path.exists():
        path = path.resolve()  # (a config kept with the user's dotfiles stays a link to it)
    cleaned = clean_coder(name)
    quoted = toml_string(cleaned) if cleaned else ""
    raw = _read_raw(path)
    if raw is None:
        if not cleaned:
            return path  # nothing to remove
        payload = f"{HEADER}\ncoder = {quoted}\n".encode()
    else:
        text = _text(raw)
        before = _parsed(path, text)
        if "coder" not in before and not cleaned:
            return path  # nothing to remove: the file is not rewritten
        edited = _edited(path, text, before, quoted, cleaned)
        if edited is None:
            by_hand = f"write coder = {quoted}" if cleaned else "remove its coder line"
            raise ConfigError(
                f"{path}: cannot change its coder without changing its other settings; "
                f"{by_hand} in it by hand"
            )
        payload = edited.encode("utf-8", "surrogateescape")
        if len(payload) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: would be over 64 KB with the coder; shorten it first")
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write it ({error.strerror or error})") from None
    return path


def _edited(
    path: Path, text: str, before: dict[str, object], quoted: str, cleaned: str
) -> str | None:
    """`text` with its top-level coder's value made `quoted` ("" removes it): the first
    candidate edit whose result parses to the settings of `before`, unchanged but for the
    coder; None if none does. (Compared by `repr`, in the file's order: `nan != nan`.)"""
    others = repr({k: v for k, v in before.items() if k != "coder"})
    for candidate in itertools.islice(_candidates(text, quoted), MAX_TRIES):
        try:
            after = _parsed(path, candidate)
        except ConfigError:
            continue
        coder = after.pop("coder", None)
        if coder == (cleaned or None) and repr(after) == others:
            return candidate
    return None


def _candidates(text: str, quoted: str) -> Iterator[str]:
    """Edits of `text` that may make its top-level coder `quoted` (see `_edited`): at each
    line that looks like a coder's, then (to add one) before the first table, or at the
    end when there is none."""
    for match in _CODER_LINE.finditer(text):
        end = _value_end(text, match.end())
        if end is None:
            continue
        value = text[match.end() : end]
        if quoted:  # only the value is replaced: the key as written, a comment after it stay
            leading = value[: len(value) - len(value.lstrip(" \t"))] or " "
            trailing = value[len(value.rstrip(" \t")) :]  # (the blanks before a comment)
            yield text[: match.end()] + leading + quoted + trailing + text[end:]
        elif text[end:].split("\n", 1)[0].strip():  # a comment after it stays, on its line
            yield text[: match.start()] + text[end:]
        else:  # the whole line goes
            after = text.find("\n", end)
            yield text[: match.start()] + ("" if after < 0 else text[after + 1 :])
    if not quoted:
        return
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f"coder = {quoted}{newline}"
    tables = itertools.islice(_TABLE_LINE.finditer(text), MAX_TRIES)
    first = next((m.start() for m in tables if _parses(text[: m.start()])), None)
    if first is not None:  # (before it, the text is a whole document: the lines of a
        yield text[:first] + line + text[first:]  # multi-line array or string are not)
    elif _TABLE_LINE.search(text) is None:  # (after a table, a line would go into it)
        yield text + ("" if not text or text.endswith("\n") else newline) + line


def _value_end(text: str, start: int) -> int | None:
    """Where the value that starts at `start` (just after `=`) ends: the first comment or
    line end up to which it parses as a TOML value; None if none does within `MAX_VALUE`
    characters (a coder's value is a name, not a page)."""
    for match in _VALUE_END.finditer(text, start, min(len(text), start + MAX_VALUE)):
        if match.group() == "" and match.start() < len(text):
            break  # (the end of the search, not of the file)
        if _parses("v =" + text[start : match.start()]):
            return match.start()
    return None


def _parses(text: str) -> bool:
    """Whether `text` (as `_text` gives it) is valid TOML."""
    try:
        tomllib.loads(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    except (tomllib.TOMLDecodeError, RecursionError):
        return False
    return True
